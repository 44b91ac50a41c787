//! The background jobs against a real PostgreSQL: indexers of several instances share one
//! outbox, and the purge runs as its schedule does.

use labour_app::jobs::{indexer, purge};
use labour_store::test_db::{TestDb, execute};
use labour_store::{db, search_outbox};

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// Drains until the outbox is empty; returns how many rows this indexer handled.
async fn drain_all(
    pool: labour_store::Pool,
    engine: labour_search::AnyEngine,
) -> Result<usize, labour_app::jobs::JobError> {
    let mut handled = 0;
    loop {
        let n = indexer::drain_once(&pool, &engine).await?;
        if n == 0 {
            let mut conn = db::get(&pool).await?;
            if search_outbox::depth(&mut conn).await?.0 == 0 {
                return Ok(handled);
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        handled += n;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_drain_one_outbox_and_handle_each_row_once() -> TestResult {
    let test = TestDb::new().await?;
    let engine =
        labour_search::AnyEngine::Embedded(labour_search::embedded::EmbeddedEngine::in_memory()?);
    let mut conn = db::connect(test.url()).await?;
    // More than two batches of changes to postings that no longer exist (deletes).
    execute(
        &mut conn,
        "INSERT INTO search_outbox (posting_id) SELECT gen_random_uuid() FROM generate_series(1, 1300)",
    )
    .await?;
    let (a, b) = (db::pool(test.url(), 2)?, db::pool(test.url(), 2)?);
    let (one, two) = tokio::join!(
        tokio::spawn(drain_all(a, engine.clone())),
        tokio::spawn(drain_all(b, engine.clone()))
    );
    let (one, two) = (one??, two??);
    // A row completed by both would count twice; one lost would leave the outbox non-empty.
    assert_eq!(one + two, 1300, "{one} + {two}");
    Ok(())
}

#[tokio::test]
async fn the_purge_runs_over_every_table_it_keeps_small() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    execute(
        &mut conn,
        "INSERT INTO idempotency_keys (actor, key, request_hash, created_at) \
         VALUES ('a', 'k', '\\x00', now() - interval '2 days')",
    )
    .await?;
    let pool = db::pool(test.url(), 1)?;
    let purged = purge::run_once(&pool, chrono::Utc::now()).await?;
    assert_eq!(purged.idempotency_keys, 1);
    assert_eq!(purge::run_once(&pool, chrono::Utc::now()).await?.total(), 0);
    Ok(())
}
