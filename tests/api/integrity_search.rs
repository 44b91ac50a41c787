//! Search and lists hold against what a request sends: deep pages are refused instead of taking
//! the server down, contact details stay on a posting's own page, and codes the reference data
//! does not know are refused everywhere the same way.

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, TestApp, TestResult, job, json, verified_enterprise};

const SEARCHES: [&str; 4] = [
    "/api/v1/jobs",
    "/api/v1/courses",
    "/api/v1/training-needs",
    "/api/v1/search",
];

#[actix_web::test]
async fn deep_search_pages_are_refused_and_the_server_keeps_answering() -> TestResult {
    let app = TestApp::spawn().await?;
    for path in SEARCHES {
        for page in ["4294967295", "100000000", "11"] {
            let res = app
                .get_in(&format!("{path}?page={page}&per_page=100"), "en")
                .await?;
            assert_eq!(res.status, 400, "{path} page {page}: {}", res.text());
            let body = res.json();
            assert_eq!(body["code"], "invalid_query", "{path}");
            assert_eq!(body["errors"][0]["field"], "page", "{path}: {body}");
            let message = body["errors"][0]["message"].as_str().unwrap_or_default();
            assert!(
                message.contains("1,000") || message.contains("10,000"),
                "{path} page {page}: {message}"
            );
        }
        let last = app
            .get_in(&format!("{path}?page=51&per_page=20"), "en")
            .await?;
        assert_eq!(last.status, 400, "{path}: results 1,001 to 1,020");
        assert!(
            last.json()["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("Only the first 1,000 results can be paged")),
            "{}",
            last.text()
        );
        // Just inside the bound: an empty page, not an error.
        for (page, per_page) in [(10, 100), (50, 20), (1000, 1)] {
            let res = app
                .get(&format!("{path}?page={page}&per_page={per_page}"))
                .await?;
            assert_eq!(res.status, 200, "{path} {page}x{per_page}: {}", res.text());
            assert_eq!(res.json()["page"], page);
        }
        let vi = app.get(&format!("{path}?page=4294967295")).await?;
        assert!(
            vi.json()["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains("1.000") || m.contains("10.000")),
            "{}",
            vi.text()
        );
    }
    assert_eq!(app.get("/health").await?.status, 200, "still serving");
    assert_eq!(app.get("/api/v1/jobs").await?.status, 200);
    Ok(())
}

#[actix_web::test]
async fn list_pages_have_a_maximum() -> TestResult {
    let app = TestApp::spawn().await?;
    for path in [
        "/api/v1/zones",
        "/api/v1/communes",
        "/api/v1/occupations",
        "/api/v1/postings",
    ] {
        for page in ["4294967295", "100000000", "10001"] {
            let res = app
                .get_in(&format!("{path}?page={page}&per_page=100"), "en")
                .await?;
            assert_eq!(res.status, 400, "{path} page {page}: {}", res.text());
            assert_eq!(res.json()["errors"][0]["field"], "page");
            assert!(
                res.json()["errors"][0]["message"]
                    .as_str()
                    .is_some_and(|m| m.contains("from 1 to 10,000")),
                "{}",
                res.text()
            );
        }
        let last = app.get(&format!("{path}?page=10000&per_page=100")).await?;
        assert_eq!(last.status, 200, "{path}: {}", last.text());
        assert_eq!(last.json()["items"], json!([]));
    }
    assert_eq!(app.get("/health").await?.status, 200);
    Ok(())
}

#[actix_web::test]
async fn contact_details_are_on_the_posting_page_only() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 31).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let mut body = job("Thợ hàn có số liên hệ");
    body["contact"] = json!({
        "name": "Chị Hoa phòng nhân sự",
        "phone": "0987654321",
        "email": "tuyendung.hoa@example.vn"
    });
    let id = app.publish(org, &owner, &staff, &body).await?;
    app.index_now().await?;

    let secrets = [
        "0987654321",
        "tuyendung.hoa@example.vn",
        "Chị Hoa phòng nhân sự",
    ];
    // The feed shows a transaction once every older one has ended.
    let started = std::time::Instant::now();
    while !app.get("/api/v1/feed").await?.text().contains(&id) {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "the feed has the posting"
        );
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    for path in [
        "/api/v1/jobs",
        "/api/v1/jobs?q=tho%20han",
        "/api/v1/search?per_page=100",
        "/api/v1/postings",
        "/api/v1/postings?kind=job",
        "/api/v1/feed",
        "/api/v1/open-data/postings",
    ] {
        for auth in [Auth::None, owner.auth()] {
            let res = app.call("GET", path, &auth).await?;
            assert_eq!(res.status, 200, "{path}: {}", res.text());
            let text = res.text();
            assert!(
                text.contains(&id),
                "{path} lists the posting: {}",
                res.text()
            );
            for secret in secrets {
                assert!(!text.contains(secret), "{path} leaks {secret}: {text}");
            }
        }
    }
    let detail = app.get(&format!("/api/v1/postings/{id}")).await?;
    assert_eq!(detail.status, 200);
    assert_eq!(detail.json()["content"]["contact"]["phone"], "0987654321");
    assert_eq!(
        detail.json()["content"]["contact"]["email"],
        "tuyendung.hoa@example.vn"
    );
    Ok(())
}

#[actix_web::test]
async fn search_filters_refuse_values_nothing_can_have() -> TestResult {
    let app = TestApp::spawn().await?;
    let zones = app.get("/api/v1/zones?per_page=1").await?;
    let zone = zones.json()["items"][0]["id"]
        .as_str()
        .ok_or("no zone")?
        .to_owned();
    for path in SEARCHES {
        for (param, value) in [
            ("level", "xx"),
            ("shift", "morning"),
            ("zone", "notuuid"),
            ("zone", "0193a2b4-0000-7000-8000-000000000000"),
            ("occupation_group", "foo"),
            ("occupation", "9999"),
            ("occupation", "welder"),
            ("commune", "99999"),
            ("commune", "abc"),
            ("mode", "by_post"),
            ("learner_support", "free_for_all"),
        ] {
            let res = app.get_in(&format!("{path}?{param}={value}"), "en").await?;
            assert_eq!(res.status, 400, "{path}?{param}={value}: {}", res.text());
            assert_eq!(res.json()["code"], "invalid_query");
            assert_eq!(
                res.json()["errors"][0]["field"],
                param,
                "{path}?{param}={value}: {}",
                res.text()
            );
        }
        // A known value next to the unknown one does not save it.
        let mixed = app.get(&format!("{path}?level=so_cap,xx")).await?;
        assert_eq!(mixed.status, 400, "{}", mixed.text());
        let known = app
            .get(&format!(
                "{path}?level=so_cap,trung_cap&shift=day,night&zone={zone}&occupation_group=co_khi\
                 &occupation=7212&commune=06463&mode=at_school&learner_support=free_for_ethnic_minority"
            ))
            .await?;
        assert_eq!(known.status, 200, "{path}: {}", known.text());
    }
    Ok(())
}

#[actix_web::test]
async fn saved_searches_and_profiles_refuse_unknown_codes() -> TestResult {
    let app = TestApp::spawn().await?;
    let worker = app.account(AccountRole::User, "mai@example.vn").await?;
    for (query, field) in [
        (json!({ "level": "xx" }), "query.level"),
        (json!({ "shift": "morning" }), "query.shift"),
        (json!({ "zone": "notuuid" }), "query.zone"),
        (
            json!({ "occupation_group": "foo" }),
            "query.occupation_group",
        ),
        (json!({ "commune": "99999" }), "query.commune"),
        (json!({ "occupation": "9999" }), "query.occupation"),
    ] {
        let res = app
            .json(
                "POST",
                "/api/v1/me/saved-searches",
                &worker.auth(),
                &json!({ "name": "Tìm việc", "query": query }),
            )
            .await?;
        assert_eq!(res.status, 422, "{query}: {}", res.text());
        assert_eq!(res.json()["errors"][0]["field"], field, "{}", res.text());
    }

    let unknown_zone = "0193a2b4-0000-7000-8000-000000000000";
    let res = app
        .json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &json!({
                "full_name": "Lương Thị Mai",
                "commune_code": "99999",
                "desired_occupations": ["7212", "9999"],
                "desired_zones": [unknown_zone],
                "certificates": [{ "name": "Hàn", "occupation_code": "9998", "level": "xx" }],
                "work_history": [{ "employer": "Xưởng", "occupation_code": "9997", "from_year": 2020 }],
            }),
        )
        .await?;
    assert_eq!(res.status, 422, "{}", res.text());
    let mut fields: Vec<String> = res.json()["errors"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|e| e["code"] == "unknown_reference")
        .filter_map(|e| e["field"].as_str().map(str::to_owned))
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "certificates[0].level",
            "certificates[0].occupation_code",
            "commune_code",
            "desired_occupations[1]",
            "desired_zones[0]",
            "work_history[0].occupation_code",
        ],
        "{}",
        res.text()
    );
    let ok = app
        .json(
            "PUT",
            "/api/v1/me/profile",
            &worker.auth(),
            &json!({ "full_name": "Lương Thị Mai", "commune_code": "06463", "desired_occupations": ["7212"] }),
        )
        .await?;
    assert_eq!(ok.status, 200, "{}", ok.text());
    Ok(())
}

#[actix_web::test]
async fn a_search_for_a_control_character_never_blocks_the_search_counts() -> TestResult {
    let app = TestApp::spawn().await?;
    let odd = app.get("/api/v1/jobs?q=a%00b").await?;
    assert!(odd.status < 500, "{}", odd.text());
    assert_eq!(app.get("/api/v1/jobs?q=tho%20han").await?.status, 200);
    assert_eq!(
        app.flush_search_counts().await?,
        1,
        "the good search is written"
    );
    assert!(app.search_log.is_empty(), "nothing is left to retry");
    Ok(())
}
