//! Liveness and readiness.

use labour_store::test_db::TestDb;
use labour_tests::{TestApp, TestResult};

#[actix_web::test]
async fn health_and_ready_on_a_migrated_database() -> TestResult {
    let app = TestApp::spawn().await?;
    let health = app.get("/health").await?;
    assert_eq!(
        (health.status, health.json()["status"].as_str()),
        (200, Some("ok"))
    );
    assert!(
        health
            .header("x-request-id")
            .is_some_and(|id| !id.is_empty())
    );

    let ready = app.get("/ready").await?;
    assert_eq!(ready.status, 200);
    assert_eq!(ready.json()["migrations"], "ok");
    Ok(())
}

#[actix_web::test]
async fn not_ready_until_migrated() -> TestResult {
    let app = TestApp::spawn_on(TestDb::empty().await?).await?;
    let ready = app.get_in("/ready", "en").await?;
    assert_eq!(ready.status, 503);
    assert_eq!(
        ready.header("content-type"),
        Some("application/problem+json")
    );
    let body = ready.json();
    assert_eq!(body["code"], "database_unavailable");
    assert!(
        body["detail"]
            .as_str()
            .is_some_and(|d| d.contains("labour-market migrate")),
        "{body}"
    );

    // Still alive: liveness does not depend on the database.
    assert_eq!(app.get("/health").await?.status, 200);

    labour_store::migrations::run(app.db.url()).await?;
    assert_eq!(app.get("/ready").await?.status, 200);
    Ok(())
}
