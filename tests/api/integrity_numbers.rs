//! Every number a request carries has a documented range: inside it the portal answers, outside
//! it a 400 names the parameter in a sentence, and no number from outside reaches arithmetic
//! that could overflow or a timestamp out of PostgreSQL's range.

use labour_store::accounts::AccountRole;
use labour_tests::{TestApp, TestResult, json};

#[actix_web::test]
async fn a_huge_older_than_days_is_refused_and_the_server_stays_up() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    for days in ["18550718", "2147483648", "4294967296", "3651", "-1"] {
        let res = app
            .call(
                "GET",
                &format!("/api/v1/moderation/queue?older_than_days={days}"),
                &staff.auth(),
            )
            .await?;
        assert_eq!(res.status, 400, "older_than_days={days}: {}", res.text());
        let body = res.json();
        assert_eq!(body["code"], "invalid_query");
        assert_eq!(body["errors"][0]["field"], "older_than_days");
        assert_eq!(body["errors"][0]["code"], "out_of_range");
        assert!(
            body["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("3650") && m.ends_with('.')),
            "{body}"
        );
    }
    for days in ["0", "3650"] {
        let res = app
            .call(
                "GET",
                &format!("/api/v1/moderation/queue?older_than_days={days}"),
                &staff.auth(),
            )
            .await?;
        assert_eq!(res.status, 200, "older_than_days={days}: {}", res.text());
    }
    assert_eq!(app.get("/health").await?.status, 200, "still answering");
    Ok(())
}

#[actix_web::test]
async fn every_numeric_parameter_answers_at_its_bounds_and_refuses_beyond() -> TestResult {
    let app = TestApp::spawn().await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let (org, hr) = labour_tests::verified_enterprise(&app, "hr@example.vn", 73).await?;
    app.json(
        "POST",
        "/api/v1/declaration-years",
        &staff.auth(),
        &json!({ "year": 2025 }),
    )
    .await?;
    // (path, the field named in a 400, the status)
    let cases: Vec<(String, &str, u16)> = vec![
        ("/api/v1/statistics/search-demand?days=1".into(), "", 200),
        ("/api/v1/statistics/search-demand?days=366".into(), "", 200),
        (
            "/api/v1/statistics/search-demand?days=0".into(),
            "days",
            400,
        ),
        (
            "/api/v1/statistics/search-demand?days=367".into(),
            "days",
            400,
        ),
        (
            "/api/v1/statistics/search-demand?days=99999999999999999999".into(),
            "days",
            400,
        ),
        ("/api/v1/feed?limit=1".into(), "", 200),
        ("/api/v1/feed?limit=500".into(), "", 200),
        ("/api/v1/feed?limit=0".into(), "limit", 400),
        ("/api/v1/feed?limit=501".into(), "limit", 400),
        ("/api/v1/jobs?salary_min=0".into(), "", 200),
        ("/api/v1/jobs?salary_min=1000000000".into(), "", 200),
        (
            "/api/v1/jobs?salary_min=1000000001".into(),
            "salary_min",
            400,
        ),
        (
            "/api/v1/jobs?salary_min=18446744073709551615".into(),
            "salary_min",
            400,
        ),
        ("/api/v1/search?salary_min=-1".into(), "salary_min", 400),
        ("/api/v1/statistics/workforce/2020".into(), "", 200),
        ("/api/v1/statistics/workforce/2035".into(), "", 200),
        ("/api/v1/statistics/workforce/2019".into(), "year", 400),
        (
            "/api/v1/statistics/workforce/2147483647".into(),
            "year",
            400,
        ),
        (
            "/api/v1/statistics/workforce/-2147483648".into(),
            "year",
            400,
        ),
        (
            "/api/v1/statistics/planned-recruitment/2035".into(),
            "",
            200,
        ),
        (
            "/api/v1/statistics/planned-recruitment/2036".into(),
            "year",
            400,
        ),
        ("/api/v1/declaration-years/2025/missing".into(), "", 200),
        (
            "/api/v1/declaration-years/2147483647/missing".into(),
            "year",
            400,
        ),
        (
            "/api/v1/declaration-years/1/declarations?format=csv".into(),
            "year",
            400,
        ),
        (
            format!("/api/v1/organisations/{org}/declarations/2025"),
            "",
            404,
        ),
        (
            format!("/api/v1/organisations/{org}/declarations/-1"),
            "year",
            400,
        ),
    ];
    for (path, field, want) in cases {
        let auth = if path.contains("/organisations/") {
            hr.auth()
        } else {
            staff.auth()
        };
        let res = app.call("GET", &path, &auth).await?;
        assert_eq!(res.status, want, "{path}: {}", res.text());
        if want == 400 {
            // 400 for every parameter out of its range, with the field and a sentence.
            let body = res.json();
            assert_eq!(body["errors"][0]["field"], field, "{path}: {body}");
            assert!(
                body["errors"][0]["message"]
                    .as_str()
                    .is_some_and(|m| m.ends_with('.')),
                "{path}: a sentence: {body}"
            );
        }
    }
    // Years in paths of writes, and numbers in bodies, refuse the same way.
    for (method, path, body, want) in [
        (
            "POST",
            "/api/v1/declaration-years/2147483647/close".to_owned(),
            json!({}),
            400,
        ),
        (
            "PUT",
            format!("/api/v1/organisations/{org}/declarations/99999"),
            json!({ "workforce": [] }),
            400,
        ),
        (
            "POST",
            "/api/v1/declaration-years".to_owned(),
            json!({ "year": 2147483647 }),
            422,
        ),
        (
            "PUT",
            "/api/v1/kpis/trained_share/2026".to_owned(),
            json!({ "value": 1e308, "source": "Cục Thống kê tỉnh" }),
            422,
        ),
        (
            "PUT",
            "/api/v1/kpis/trained_per_year/2026".to_owned(),
            json!({ "value": -1.0, "source": "Cục Thống kê tỉnh" }),
            422,
        ),
    ] {
        let auth = if path.contains("/organisations/") {
            hr.auth()
        } else {
            staff.auth()
        };
        let res = app.json(method, &path, &auth, &body).await?;
        assert_eq!(res.status, want, "{method} {path} {body}: {}", res.text());
    }
    assert_eq!(app.get("/health").await?.status, 200);
    Ok(())
}
