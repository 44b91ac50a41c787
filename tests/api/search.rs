//! Search over HTTP: what staff approve becomes searchable, what is removed disappears, nothing
//! is lost when indexing is interrupted, and filter values stay values.

use std::time::{Duration, Instant};

use labour_store::accounts::AccountRole;
use labour_tests::{Auth, Session, TestApp, TestResult, job, json, verified_enterprise};

/// Creates, submits and approves a job; returns its id.
async fn publish(
    app: &TestApp,
    org: uuid::Uuid,
    owner: &Session,
    staff: &Session,
    title: &str,
) -> Result<String, Box<dyn std::error::Error>> {
    app.publish(org, owner, staff, &job(title)).await
}

/// The ids a search returns, waiting up to `wait` for `until` to hold.
async fn search_until(
    app: &TestApp,
    path: &str,
    wait: Duration,
    until: impl Fn(&[String]) -> bool,
) -> Result<(Vec<String>, Duration), Box<dyn std::error::Error>> {
    let started = Instant::now();
    loop {
        let res = app.call("GET", path, &Auth::None).await?;
        assert_eq!(res.status, 200, "{}", res.text());
        let ids: Vec<String> = res.json()["items"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| i["id"].as_str().map(str::to_owned))
            .collect();
        if until(&ids) || started.elapsed() > wait {
            return Ok((ids, started.elapsed()));
        }
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    }
}

#[actix_web::test]
async fn approved_postings_become_searchable_and_removed_ones_disappear() -> TestResult {
    let app = TestApp::spawn().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 21).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let id = publish(&app, org, &owner, &staff, "Thợ hàn điện ca ngày").await?;

    let (ids, took) = search_until(
        &app,
        "/api/v1/jobs?q=tho%20han%20dien",
        Duration::from_secs(5),
        |ids| ids.contains(&id),
    )
    .await?;
    assert!(ids.contains(&id), "found by search (after {took:?})");
    let (ids, _) = search_until(
        &app,
        "/api/v1/search?q=welder",
        Duration::from_secs(1),
        |ids| ids.contains(&id),
    )
    .await?;
    assert!(ids.contains(&id), "synonyms through the API");

    let removed = app
        .json(
            "POST",
            &format!("/api/v1/postings/{id}/remove"),
            &staff.auth(),
            &json!({ "reason": "Tin trùng" }),
        )
        .await?;
    assert_eq!(removed.status, 200);
    let (ids, took) = search_until(
        &app,
        "/api/v1/jobs?q=tho%20han",
        Duration::from_secs(5),
        |ids| !ids.contains(&id),
    )
    .await?;
    assert!(
        !ids.contains(&id),
        "removed postings leave the index (checked for {took:?})"
    );
    Ok(())
}

#[actix_web::test]
async fn nothing_is_lost_when_the_server_dies_between_commit_and_indexing() -> TestResult {
    let app = TestApp::spawn_without_indexer().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 22).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    let id = publish(&app, org, &owner, &staff, "Lái xe nâng trong kho").await?;

    let before = app
        .call("GET", "/api/v1/jobs?q=xe%20nang", &Auth::None)
        .await?
        .json();
    assert_eq!(before["total"], 0, "committed, not yet indexed");
    let ready = app.call("GET", "/ready", &Auth::None).await?.json();
    assert_eq!(ready["outbox_depth"], 1);
    let metrics = app.call("GET", "/metrics", &Auth::None).await?.text();
    assert!(
        metrics.contains("labour_search_outbox_depth 1\n"),
        "{metrics}"
    );

    // The next start drains the outbox.
    assert_eq!(app.index_now().await?, 1);
    let after = app
        .call("GET", "/api/v1/jobs?q=xe%20nang", &Auth::None)
        .await?
        .json();
    assert_eq!(after["items"][0]["id"], json!(id));
    assert_eq!(
        app.call("GET", "/ready", &Auth::None).await?.json()["outbox_depth"],
        0
    );
    Ok(())
}

#[actix_web::test]
async fn filters_facets_sort_and_pages_through_the_api() -> TestResult {
    let app = TestApp::spawn_without_indexer().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 23).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    for title in ["Thợ hàn điện A", "Thợ hàn điện B", "Thợ hàn điện C"] {
        publish(&app, org, &owner, &staff, title).await?;
    }
    app.index_now().await?;

    let res = app
        .call(
            "GET",
            "/api/v1/jobs?q=han&facets=zone_id,level&per_page=2&sort=newest",
            &Auth::None,
        )
        .await?;
    let body = res.json();
    assert_eq!(
        (
            body["total"].clone(),
            body["items"].as_array().map(Vec::len)
        ),
        (json!(3), Some(2))
    );
    assert_eq!(body["items"][0]["title"], "Thợ hàn điện C", "newest first");
    assert!(
        body["items"][0]["title_highlight"]
            .as_str()
            .is_some_and(|h| h.contains("<em>hàn</em>"))
    );
    assert_eq!(
        body["facets"]["level"],
        json!([{ "value": "so_cap", "count": 3 }])
    );
    assert_eq!(body["items"][0]["kind"], "job");
    assert!(
        body["items"][0]["snippet"]
            .as_str()
            .is_some_and(|h| h.contains("<em>Hàn</em>")),
        "{}",
        body["items"][0]["snippet"]
    );
    assert_eq!(body["items"][0]["occupation_group"], "co_khi");

    let none = app
        .call("GET", "/api/v1/jobs?q=han&level=cao_dang", &Auth::None)
        .await?
        .json();
    assert_eq!(none["total"], 0);
    let pay = app
        .call("GET", "/api/v1/jobs?salary_min=12000000", &Auth::None)
        .await?
        .json();
    assert_eq!(pay["total"], 3);
    let courses = app
        .call("GET", "/api/v1/courses?q=han", &Auth::None)
        .await?
        .json();
    assert_eq!(courses["total"], 0, "kinds are separate");
    Ok(())
}

#[actix_web::test]
async fn filter_values_that_look_like_syntax_are_values_and_bad_parameters_are_400() -> TestResult {
    let app = TestApp::spawn_without_indexer().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 24).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;
    publish(&app, org, &owner, &staff, "Thợ hàn điện").await?;
    app.index_now().await?;

    for evil in ["a%22%20OR%20kind%20%3D%20%22x", "zone%20%3D%201%20AND"] {
        let res = app
            .call("GET", &format!("/api/v1/jobs?zone={evil}"), &Auth::None)
            .await?;
        // Not a value any posting can have: refused, never read as syntax (the engines'
        // conformance suite checks that such a value stays a value).
        assert_eq!(
            (res.status, res.json()["errors"][0]["field"].clone()),
            (400, json!("zone")),
            "{evil}"
        );
        let res = app
            .call("GET", &format!("/api/v1/jobs?q={evil}"), &Auth::None)
            .await?;
        assert_eq!(res.status, 200, "{evil}");
    }
    for bad in [
        "sort=cheapest",
        "facets=password",
        "salary_min=lots",
        "start_from=tomorrow",
        "open=maybe",
        "per_page=1000",
    ] {
        let res = app
            .call("GET", &format!("/api/v1/search?{bad}"), &Auth::None)
            .await?;
        assert_eq!(
            (res.status, res.json()["code"].clone()),
            (400, json!("invalid_query")),
            "{bad}"
        );
    }
    Ok(())
}

#[actix_web::test]
async fn with_the_engine_down_writes_work_ready_says_so_and_indexing_catches_up() -> TestResult {
    let (app, engine) = TestApp::spawn_with_switchable_engine().await?;
    let (org, owner) = verified_enterprise(&app, "hr@example.vn", 25).await?;
    let staff = app.account(AccountRole::Staff, "staff@example.vn").await?;

    engine.set_down(true);
    let id = publish(&app, org, &owner, &staff, "Công nhân may công nghiệp").await?;
    let ready = app.call("GET", "/ready", &Auth::None).await?;
    assert_eq!(ready.status, 200, "the portal itself is up");
    assert_eq!(ready.json()["search"], "unavailable");
    assert!(ready.json()["outbox_depth"].as_i64().unwrap_or(0) >= 1);
    let search = app.call("GET", "/api/v1/jobs?q=may", &Auth::None).await?;
    assert_eq!(
        (search.status, search.json()["code"].clone()),
        (503, json!("search_unavailable"))
    );

    // Let the indexer fail a few times, then bring the engine back.
    actix_web::rt::time::sleep(Duration::from_millis(1200)).await;
    engine.set_down(false);
    let (ids, took) = search_until(
        &app,
        "/api/v1/jobs?q=may%20cong%20nghiep",
        Duration::from_secs(40),
        |ids| ids.contains(&id),
    )
    .await?;
    assert!(
        ids.contains(&id),
        "indexed once the engine is back (after {took:?})"
    );
    // The outbox row goes when the indexer's transaction commits, just after the engine took it.
    let started = Instant::now();
    let ready = loop {
        let ready = app.call("GET", "/ready", &Auth::None).await?.json();
        if ready["outbox_depth"] == json!(0) || started.elapsed() > Duration::from_secs(5) {
            break ready;
        }
        actix_web::rt::time::sleep(Duration::from_millis(20)).await;
    };
    assert_eq!(
        (ready["search"].clone(), ready["outbox_depth"].clone()),
        (json!("ok"), json!(0))
    );
    Ok(())
}
