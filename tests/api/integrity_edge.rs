//! The edge of the API: control characters refused once for every text, and every malformed
//! body, query string or path parameter answered with each bad field named in plain words.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, TestApp, TestResponse, TestResult, json, verified_enterprise};

/// Words that belong to Rust, not to a message for a person.
const LEAKS: [&str; 9] = [
    "`",
    "u32",
    "u64",
    "line 1 column",
    "expected",
    "invalid type",
    "UUID parsing failed",
    "18446744073709551615",
    "struct ",
];

fn assert_no_leaks(res: &TestResponse) {
    let body = res.json();
    let mut texts = vec![body["detail"].as_str().unwrap_or_default().to_owned()];
    for e in body["errors"].as_array().into_iter().flatten() {
        texts.push(e["message"].as_str().unwrap_or_default().to_owned());
    }
    for text in texts {
        for leak in LEAKS {
            assert!(!text.contains(leak), "{leak:?} in {text:?}");
        }
    }
}

/// The field errors as (field, code, message).
fn errors(res: &TestResponse) -> Vec<(String, String, String)> {
    res.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            let s = |k: &str| e[k].as_str().unwrap_or_default().to_owned();
            (s("field"), s("code"), s("message"))
        })
        .collect()
}

fn message_for(res: &TestResponse, field: &str) -> String {
    errors(res)
        .into_iter()
        .find(|e| e.0 == field)
        .map(|e| e.2)
        .unwrap_or_else(|| panic!("no error for {field}: {}", res.text()))
}

#[actix_web::test]
async fn a_nul_character_is_refused_naming_the_field_on_every_endpoint() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let worker = app.account(AccountRole::User, "worker@example.vn").await?;
    let (org, member) = verified_enterprise(&app, "hr@example.vn", 1).await?;
    let pending = app
        .organisation(&member, labour_tests::enterprise("Doanh nghiệp chờ", 2))
        .await?;
    let posting = app
        .publish(org, &member, &staff, &labour_tests::job("Thợ hàn"))
        .await?;
    let school = uuid::Uuid::now_v7();

    let nul = "a\u{0}b";
    let mut job_title = labour_tests::job("x");
    job_title["title"] = json!(nul);
    let mut job_description = labour_tests::job("Thợ điện");
    job_description["description"] = json!(format!("Mô tả\ncó {nul}"));

    // (method, path, caller, body or None for a query string, field named)
    let rows: Vec<(&str, String, Auth, Option<serde_json::Value>, &str)> = vec![
        ("GET", "/api/v1/zones?q=a%00b".into(), Auth::None, None, "q"),
        (
            "GET",
            "/api/v1/occupations?q=a%00b".into(),
            Auth::None,
            None,
            "q",
        ),
        (
            "GET",
            "/api/v1/communes?q=a%00b".into(),
            Auth::None,
            None,
            "q",
        ),
        ("GET", "/api/v1/jobs?q=a%00b".into(), Auth::None, None, "q"),
        (
            "POST",
            "/api/v1/accounts".into(),
            Auth::None,
            Some(
                json!({ "email": "new@example.vn", "password": "mật khẩu dài 2026", "display_name": nul }),
            ),
            "display_name",
        ),
        (
            "POST",
            format!("/api/v1/organisations/{org}/postings"),
            member.auth(),
            Some(job_title),
            "title",
        ),
        (
            "POST",
            format!("/api/v1/organisations/{org}/postings"),
            member.auth(),
            Some(job_description),
            "description",
        ),
        (
            "POST",
            "/api/v1/organisations".into(),
            worker.auth(),
            Some(json!({ "kind": "school", "name": nul, "licence_number": "GDNN-9" })),
            "name",
        ),
        (
            "POST",
            "/api/v1/me/saved-searches".into(),
            worker.auth(),
            Some(json!({ "name": nul, "query": { "q": "thợ hàn" } })),
            "name",
        ),
        (
            "POST",
            "/api/v1/me/saved-searches".into(),
            worker.auth(),
            Some(json!({ "name": "Thợ hàn", "query": { "q": nul } })),
            "query.q",
        ),
        (
            "POST",
            format!("/api/v1/postings/{posting}/reports"),
            worker.auth(),
            Some(json!({ "reason": "other", "note": nul })),
            "note",
        ),
        (
            "POST",
            format!("/api/v1/postings/{posting}/applications"),
            worker.auth(),
            Some(json!({ "share": ["full_name"], "message": nul })),
            "message",
        ),
        (
            "POST",
            format!("/api/v1/postings/{posting}/offers"),
            worker.auth(),
            Some(json!({ "school_id": school, "proposal": nul })),
            "proposal",
        ),
        (
            "POST",
            format!("/api/v1/organisations/{org}/api-keys"),
            member.auth(),
            Some(json!({ "name": nul, "scopes": [] })),
            "name",
        ),
        (
            "POST",
            format!("/api/v1/organisations/{pending}/verification"),
            staff.auth(),
            Some(json!({ "decision": "refused", "reason": nul })),
            "reason",
        ),
        (
            "POST",
            format!("/api/v1/postings/{posting}/reject"),
            staff.auth(),
            Some(json!({ "reason": nul })),
            "reason",
        ),
        (
            "POST",
            format!("/api/v1/postings/{posting}/remove"),
            staff.auth(),
            Some(json!({ "reason": nul })),
            "reason",
        ),
        (
            "PUT",
            "/api/v1/kpis/trained_share/2026".into(),
            staff.auth(),
            Some(json!({ "value": 70.0, "source": nul })),
            "source",
        ),
    ];
    for (method, path, auth, body, field) in rows {
        let res = match &body {
            Some(b) => {
                app.send_json(method, &path, &auth, &[("accept-language", "en")], b)
                    .await?
            }
            None => app.get_in(&path, "en").await?,
        };
        let (status, code) = if body.is_some() {
            (422, "validation_failed")
        } else {
            (400, "invalid_query")
        };
        assert_eq!(res.status, status, "{method} {path}: {}", res.text());
        assert_eq!(res.json()["code"], code, "{method} {path}");
        assert_eq!(res.header("content-type"), Some("application/problem+json"));
        assert_eq!(
            message_for(&res, field),
            format!("{field} contains the control character U+0000; remove it."),
            "{method} {path}"
        );
        assert_eq!(errors(&res)[0].1, "control_character");
    }

    // The same in Vietnamese, and other control characters too; line breaks and tabs are text.
    let res = app.get("/api/v1/zones?q=%1B%5B31m").await?;
    assert_eq!(res.status, 400);
    assert_eq!(
        message_for(&res, "q"),
        "q chứa ký tự điều khiển U+001B; hãy bỏ ký tự này."
    );
    let res = app.get("/api/v1/zones/a%00b").await?;
    assert_eq!(res.status, 400, "{}", res.text());
    assert_eq!(res.json()["code"], "invalid_path_parameter");
    let res = app
        .json(
            "POST",
            &format!("/api/v1/postings/{posting}/reports"),
            &worker.auth(),
            &json!({ "reason": "other", "note": "Dòng một\r\n\tdòng hai: tin này đòi tiền cọc." }),
        )
        .await?;
    assert_eq!(res.status, 202, "{}", res.text());
    Ok(())
}

#[actix_web::test]
async fn every_bad_field_of_a_body_is_named_in_both_languages() -> TestResult {
    let app = TestApp::spawn().await?;
    // Two bad fields at once: a mistyped one and a missing one.
    let body = json!({ "email": "an@example.vn", "password": 12345678 });
    let res = app
        .send_json(
            "POST",
            "/api/v1/accounts",
            &Auth::None,
            &[("accept-language", "en")],
            &body,
        )
        .await?;
    assert_eq!(res.status, 422, "{}", res.text());
    assert_eq!(res.json()["code"], "validation_failed");
    assert_no_leaks(&res);
    let fields: Vec<_> = errors(&res).into_iter().map(|e| (e.0, e.1)).collect();
    assert_eq!(
        fields,
        vec![
            ("password".to_owned(), "invalid_type".to_owned()),
            ("display_name".to_owned(), "required".to_owned())
        ]
    );
    assert_eq!(message_for(&res, "password"), "password must be text.");
    assert_eq!(
        message_for(&res, "display_name"),
        "display_name is required."
    );
    let res = app
        .json("POST", "/api/v1/accounts", &Auth::None, &body)
        .await?;
    assert_no_leaks(&res);
    assert_eq!(
        message_for(&res, "password"),
        "password phải là văn bản (chuỗi ký tự)."
    );
    assert_eq!(message_for(&res, "display_name"), "Cần có display_name.");

    // An unknown field names the fields there are.
    let res = app
        .send_json(
            "POST",
            "/api/v1/sessions",
            &Auth::None,
            &[("accept-language", "en")],
            &json!({ "identifier": "an@example.vn", "password": "x", "remember": true }),
        )
        .await?;
    assert_eq!(res.status, 422, "{}", res.text());
    assert_eq!(
        message_for(&res, "remember"),
        "remember is not a field of this request; fields are: identifier, password."
    );

    // Inside a posting (whose kind decides its fields): a word for a number, a negative
    // amount, an unknown shift and a bad date, all at once, each at its own path.
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    drop(staff);
    let (org, member) = verified_enterprise(&app, "hr@example.vn", 1).await?;
    let mut job = labour_tests::job("Thợ hàn");
    job["headcount"] = json!("five");
    job["salary"]["min_vnd"] = json!(-1);
    job["shifts"] = json!(["day", "dusk"]);
    job["deadline"] = json!("31/12/2026");
    job["zone_id"] = json!("not-a-uuid");
    let res = app
        .send_json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &member.auth(),
            &[("accept-language", "en")],
            &job,
        )
        .await?;
    assert_eq!(res.status, 422, "{}", res.text());
    assert_no_leaks(&res);
    assert_eq!(
        message_for(&res, "headcount"),
        "headcount must be a whole number."
    );
    assert_eq!(
        message_for(&res, "salary.min_vnd"),
        "salary.min_vnd must be a whole number from 0 to 9007199254740991."
    );
    assert_eq!(
        message_for(&res, "shifts[1]"),
        "shifts[1] cannot be \"dusk\"; use one of: day, night, rotating, part_time."
    );
    assert_eq!(
        message_for(&res, "deadline"),
        "deadline must be a date as YYYY-MM-DD, for example 2026-03-31."
    );
    assert_eq!(
        message_for(&res, "zone_id"),
        "zone_id is not a valid id (UUID)."
    );

    let mut job = labour_tests::job("Thợ hàn");
    job["kind"] = json!("jobs");
    let res = app
        .send_json(
            "POST",
            &format!("/api/v1/organisations/{org}/postings"),
            &member.auth(),
            &[("accept-language", "en")],
            &job,
        )
        .await?;
    assert_eq!(
        message_for(&res, "kind"),
        "kind cannot be \"jobs\"; use one of: job, training_need, course."
    );

    // Not JSON at all: where, without Rust words.
    let res = app
        .send(
            "POST",
            "/api/v1/accounts",
            &[
                ("content-type", "application/json"),
                ("accept-language", "en"),
            ],
            Some(b"{\"email\": \"an@example.vn\",\n \"password\": }".to_vec()),
        )
        .await?;
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["code"], "invalid_json");
    assert_eq!(
        res.json()["detail"],
        "The body is not valid JSON: there is a mistake at line 2, column 14."
    );
    assert_no_leaks(&res);
    Ok(())
}

#[actix_web::test]
async fn bad_query_and_path_parameters_are_named() -> TestResult {
    let app = TestApp::spawn().await?;
    // Every unknown parameter, not just the first.
    let res = app
        .get_in("/api/v1/zones?kidn=x&q=a&colour=red", "en")
        .await?;
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["code"], "invalid_query");
    assert_no_leaks(&res);
    let fields: Vec<_> = errors(&res).into_iter().map(|e| e.0).collect();
    assert_eq!(fields, vec!["kidn", "colour"]);
    assert!(
        message_for(&res, "kidn")
            .starts_with("kidn is not a parameter of this request; parameters are: "),
        "{}",
        res.text()
    );
    let res = app.get("/api/v1/zones?kidn=x").await?;
    assert!(message_for(&res, "kidn").starts_with("kidn không phải là tham số của yêu cầu này"));

    // A malformed id in the path.
    let res = app.get_in("/api/v1/zones/not-a-uuid", "en").await?;
    assert_eq!(res.status, 400);
    assert_eq!(res.json()["code"], "invalid_path_parameter");
    assert_no_leaks(&res);
    assert_eq!(message_for(&res, "id"), "id is not a valid id (UUID).");
    let res = app.get("/api/v1/zones/not-a-uuid").await?;
    assert_eq!(
        message_for(&res, "id"),
        "id không phải là mã định danh (UUID) hợp lệ."
    );
    let res = app
        .get_in("/api/v1/statistics/workforce/next-year", "en")
        .await?;
    assert_eq!(res.status, 400, "{}", res.text());
    assert_eq!(
        message_for(&res, "year"),
        "year must be a year, for example 2026."
    );

    // A number beyond its range gives the range that is documented.
    let res = app
        .get_in("/api/v1/jobs?salary_min=99999999999999999999", "en")
        .await?;
    assert_eq!(res.status, 400);
    assert_no_leaks(&res);
    assert_eq!(
        message_for(&res, "salary_min"),
        "Must be from 0 to 1000000000."
    );
    Ok(())
}

#[actix_web::test]
async fn wrong_media_type_and_oversized_bodies_are_explained() -> TestResult {
    let app = TestApp::spawn().await?;
    let res = app
        .send(
            "POST",
            "/api/v1/accounts",
            &[("content-type", "text/plain"), ("accept-language", "en")],
            Some(b"hello".to_vec()),
        )
        .await?;
    assert_eq!(res.status, 415);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    assert_eq!(
        res.json()["detail"],
        "Send a JSON body with the header Content-Type: application/json."
    );
    let huge = format!(r#"{{"display_name":"{}"}}"#, "a".repeat(2 * 1024 * 1024));
    let res = app
        .send(
            "POST",
            "/api/v1/accounts",
            &[
                ("content-type", "application/json"),
                ("accept-language", "en"),
            ],
            Some(huge.into_bytes()),
        )
        .await?;
    assert_eq!(res.status, 413);
    assert_eq!(res.header("content-type"), Some("application/problem+json"));
    assert!(
        res.json()["detail"]
            .as_str()
            .is_some_and(|d| d.starts_with("The request body is larger than the limit of ")),
        "{}",
        res.text()
    );
    Ok(())
}
