//! Malformed input gets a 4xx problem+json with a stable code, in Vietnamese or English.

use labour_tests::{TestApp, TestResponse, TestResult};

fn assert_problem(res: &TestResponse, status: u16, code: &str) {
    assert_eq!(res.status, status, "{}", res.text());
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    let body = res.json();
    assert_eq!(body["code"], code, "{body}");
    assert_eq!(body["status"], status);
    assert!(body["title"].as_str().is_some_and(|t| !t.is_empty()));
    assert!(body["detail"].as_str().is_some_and(|t| !t.is_empty()));
}

#[actix_web::test]
async fn bad_query_parameters_are_listed_in_vietnamese_by_default() -> TestResult {
    let app = TestApp::spawn().await?;
    let res = app
        .get("/api/v1/zones?kind=kcn&page=0&per_page=500&commune=61")
        .await?;
    assert_problem(&res, 400, "invalid_query");
    assert_eq!(res.header("content-language"), Some("vi"));
    let body = res.json();
    assert_eq!(body["title"], "Tham số truy vấn không hợp lệ");
    let fields: Vec<_> = body["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["field"].clone())
        .collect();
    assert_eq!(fields, vec!["kind", "commune", "page", "per_page"]);
    let kind_message = body["errors"][0]["message"].as_str().unwrap_or_default();
    assert!(
        kind_message.contains("industrial_park"),
        "lists the allowed values: {kind_message}"
    );
    assert_eq!(body["errors"][2]["code"], "page_out_of_range");
    assert_eq!(body["instance"], "/api/v1/zones");
    assert_eq!(body["request_id"].as_str(), res.header("x-request-id"));
    Ok(())
}

#[actix_web::test]
async fn english_on_request() -> TestResult {
    let app = TestApp::spawn().await?;
    let res = app
        .get_in("/api/v1/communes?page=abc", "en-GB,en;q=0.9")
        .await?;
    assert_problem(&res, 400, "invalid_query");
    assert_eq!(res.header("content-language"), Some("en"));
    let body = res.json();
    assert_eq!(body["title"], "Invalid query parameters");
    assert_eq!(
        body["errors"][0]["message"],
        "page must be a whole number from 1 to 10,000."
    );

    // A language the portal does not speak falls back to Vietnamese.
    let res = app.get_in("/api/v1/communes?page=abc", "fr").await?;
    assert_eq!(res.header("content-language"), Some("vi"));
    Ok(())
}

#[actix_web::test]
async fn unknown_parameters_and_overlong_text_are_refused() -> TestResult {
    let app = TestApp::spawn().await?;
    let res = app
        .get_in("/api/v1/zones?kidn=industrial_park", "en")
        .await?;
    assert_problem(&res, 400, "invalid_query");
    assert_eq!(res.json()["errors"][0]["field"], "kidn");

    let long = "a".repeat(101);
    let res = app.get(&format!("/api/v1/occupations?q={long}")).await?;
    assert_problem(&res, 400, "invalid_query");
    assert_eq!(res.json()["errors"][0]["code"], "too_long");

    let res = app.get("/api/v1/occupations?group=khong_co").await?;
    assert_problem(&res, 400, "invalid_query");
    assert_eq!(res.json()["errors"][0]["field"], "group");

    // LIKE wildcards in a search are plain characters, not a way to list everything.
    let res = app.get("/api/v1/occupations?q=%25").await?;
    assert_eq!((res.status, res.json()["total"].as_i64()), (200, Some(0)));
    Ok(())
}

#[actix_web::test]
async fn unknown_and_malformed_ids() -> TestResult {
    let app = TestApp::spawn().await?;
    let res = app
        .get("/api/v1/zones/01930000-0000-7000-8000-000000000000")
        .await?;
    assert_problem(&res, 404, "resource_not_found");
    let res = app.get_in("/api/v1/zones/not-a-uuid", "en").await?;
    assert_problem(&res, 400, "invalid_path_parameter");
    let res = app.get("/api/v1/occupations/9999").await?;
    assert_problem(&res, 404, "resource_not_found");
    let res = app.get("/api/v1/occupations/72a").await?;
    assert_problem(&res, 400, "invalid_path_parameter");
    assert_eq!(res.json()["errors"][0]["code"], "occupation_code_format");

    let res = app.get_in("/api/v1/no-such-thing", "en").await?;
    assert_problem(&res, 404, "route_not_found");
    assert!(
        res.json()["detail"]
            .as_str()
            .is_some_and(|d| d.contains("/docs"))
    );
    Ok(())
}

#[actix_web::test]
async fn wrong_method_names_the_allowed_one() -> TestResult {
    let app = TestApp::spawn().await?;
    let res = app
        .send(
            "DELETE",
            "/api/v1/zones",
            &[("accept-language", "en")],
            None,
        )
        .await?;
    assert_problem(&res, 405, "method_not_allowed");
    assert_eq!(res.header("allow"), Some("GET"));
    assert_eq!(
        res.json()["detail"],
        "/api/v1/zones does not take DELETE; use GET."
    );
    let res = app
        .send("GET", "/api/v1/occupations/lookup/x", &[], None)
        .await?;
    assert_problem(&res, 404, "route_not_found");
    Ok(())
}

#[actix_web::test]
async fn bodies_wrong_type_too_large_malformed_or_invalid() -> TestResult {
    let app = TestApp::spawn().await?;
    let path = "/api/v1/occupations/lookup";
    let json = [("content-type", "application/json")];

    let res = app
        .send(
            "POST",
            path,
            &[("content-type", "text/plain")],
            Some(b"7212".to_vec()),
        )
        .await?;
    assert_problem(&res, 415, "unsupported_media_type");

    let huge = format!(r#"{{"codes":["{}"]}}"#, "1".repeat(300 * 1024));
    let res = app
        .send("POST", path, &json, Some(huge.into_bytes()))
        .await?;
    assert_problem(&res, 413, "payload_too_large");

    let res = app
        .send("POST", path, &json, Some(br#"{"codes": ["7212""#.to_vec()))
        .await?;
    assert_problem(&res, 400, "invalid_json");

    let res = app
        .send("POST", path, &json, Some(br#"{"codes": "7212"}"#.to_vec()))
        .await?;
    assert_problem(&res, 422, "validation_failed");

    let res = app
        .send(
            "POST",
            path,
            &json,
            Some(br#"{"codes": ["7212", "72", "abcd"]}"#.to_vec()),
        )
        .await?;
    assert_problem(&res, 422, "validation_failed");
    let fields: Vec<_> = res.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| e["field"].clone())
        .collect();
    assert_eq!(fields, vec!["codes[1]", "codes[2]"]);

    let many: Vec<String> = (0..101).map(|i| format!("{:04}", i)).collect();
    let body = serde_json::to_vec(&serde_json::json!({ "codes": many }))?;
    let res = app.send("POST", path, &json, Some(body)).await?;
    assert_problem(&res, 422, "validation_failed");
    Ok(())
}
