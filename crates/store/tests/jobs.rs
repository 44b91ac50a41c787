//! What the background jobs rely on, against a real PostgreSQL: leases on the search outbox
//! and the digests, and the purge of what is past its use.

use std::time::Duration;

use chrono::Utc;
use diesel_async::RunQueryDsl;
use labour_store::test_db::{TestDb, execute};
use labour_store::{db, purge, search_outbox};
use uuid::Uuid;

type TestResult = Result<(), Box<dyn std::error::Error>>;

const LONG: Duration = Duration::from_secs(300);

async fn count(
    conn: &mut diesel_async::AsyncPgConnection,
    sql: &str,
) -> Result<i64, Box<dyn std::error::Error>> {
    #[derive(diesel::QueryableByName)]
    struct N {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let n: N = diesel::sql_query(sql).get_result(conn).await?;
    Ok(n.n)
}

#[tokio::test]
async fn two_indexers_never_claim_the_same_row_or_posting() -> TestResult {
    let test = TestDb::new().await?;
    let pool = db::pool(test.url(), 4)?;
    let mut a = db::get(&pool).await?;
    let mut b = db::get(&pool).await?;
    let postings: Vec<Uuid> = (0..6).map(|_| Uuid::now_v7()).collect();
    for p in &postings {
        search_outbox::enqueue(&mut a, *p).await?;
    }
    // A second change to the first posting, queued behind the others.
    search_outbox::enqueue(&mut a, postings[0]).await?;

    let first = search_outbox::claim(&mut a, 3, LONG).await?;
    let second = search_outbox::claim(&mut b, 10, LONG).await?;
    assert_eq!(first.rows.len(), 3);
    assert_eq!(first.postings(), {
        let mut p = postings[..3].to_vec();
        p.sort();
        p
    });
    // The rest, but not the first posting's newer row: another indexer works on that posting.
    assert_eq!(second.rows.len(), 3, "{second:?}");
    assert!(
        second
            .rows
            .iter()
            .all(|(_, p)| !first.postings().contains(p))
    );
    assert!(
        search_outbox::claim(&mut b, 10, LONG)
            .await?
            .rows
            .is_empty()
    );

    assert_eq!(search_outbox::complete(&mut a, &first).await?, 3);
    // Once the first batch is done, its posting's newer row can be claimed.
    let third = search_outbox::claim(&mut b, 10, LONG).await?;
    assert_eq!(third.postings(), vec![postings[0]]);
    // A failed batch goes back at once.
    search_outbox::release(&mut b, &third).await?;
    let again = search_outbox::claim(&mut a, 10, LONG).await?;
    assert_eq!(again.rows, third.rows);
    assert_eq!(search_outbox::complete(&mut a, &again).await?, 1);
    assert_eq!(search_outbox::complete(&mut b, &second).await?, 3);
    assert_eq!(search_outbox::depth(&mut a).await?.0, 0);
    Ok(())
}

#[tokio::test]
async fn a_claim_whose_indexer_died_is_taken_again_when_its_lease_runs_out() -> TestResult {
    let test = TestDb::new().await?;
    let pool = db::pool(test.url(), 2)?;
    let mut conn = db::get(&pool).await?;
    let posting = Uuid::now_v7();
    search_outbox::enqueue(&mut conn, posting).await?;
    let crashed = search_outbox::claim(&mut conn, 10, Duration::from_millis(300)).await?;
    assert_eq!(crashed.rows.len(), 1);
    assert!(
        search_outbox::claim(&mut conn, 10, LONG)
            .await?
            .rows
            .is_empty(),
        "leased"
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let taken = search_outbox::claim(&mut conn, 10, LONG).await?;
    assert_eq!(taken.rows, crashed.rows);
    // The late indexer's completion leaves the row to the one that holds it now.
    assert_eq!(search_outbox::complete(&mut conn, &crashed).await?, 0);
    assert_eq!(search_outbox::depth(&mut conn).await?.0, 1);
    assert_eq!(search_outbox::complete(&mut conn, &taken).await?, 1);
    assert_eq!(search_outbox::depth(&mut conn).await?.0, 0);
    Ok(())
}

async fn account(
    conn: &mut diesel_async::AsyncPgConnection,
    email: &str,
) -> Result<Uuid, Box<dyn std::error::Error>> {
    let id = Uuid::now_v7();
    execute(
        conn,
        &format!(
            "INSERT INTO accounts (id, role, email, display_name, password_hash) \
             VALUES ('{id}', 'user', '{email}', 'Mai', 'x')"
        ),
    )
    .await?;
    Ok(id)
}

#[tokio::test]
async fn idempotency_keys_go_after_their_window() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    execute(
        &mut conn,
        "INSERT INTO idempotency_keys (actor, key, request_hash, created_at) VALUES \
         ('a', 'old', '\\x00', now() - interval '25 hours'), \
         ('a', 'new', '\\x00', now() - interval '1 hour')",
    )
    .await?;
    let n = purge::idempotency_keys(&mut conn, Utc::now() - chrono::Duration::hours(24)).await?;
    assert_eq!(n, 1);
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM idempotency_keys WHERE key = 'new'"
        )
        .await?,
        1
    );
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM idempotency_keys").await?,
        1
    );
    Ok(())
}

#[tokio::test]
async fn sessions_and_refresh_tokens_go_once_past_their_use() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    let mai = account(&mut conn, "mai@example.vn").await?;
    let (live, ended, revoked_live) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    execute(
        &mut conn,
        &format!(
            "INSERT INTO sessions (id, account_id, revoked_at) VALUES \
             ('{live}', '{mai}', NULL), ('{ended}', '{mai}', NULL), ('{revoked_live}', '{mai}', now()); \
             INSERT INTO refresh_tokens (token_hash, session_id, expires_at, used_at) VALUES \
             ('\\x01', '{live}', now() - interval '1 day', now() - interval '2 days'), \
             ('\\x02', '{live}', now() + interval '29 days', NULL), \
             ('\\x03', '{ended}', now() - interval '1 day', NULL), \
             ('\\x04', '{revoked_live}', now() + interval '10 days', NULL)"
        ),
    )
    .await?;
    let now = Utc::now();
    // A session none of whose tokens is valid ends; a revoked one stays until its tokens
    // expire, so that a late reuse is still seen.
    assert_eq!(purge::sessions(&mut conn, now).await?, 1);
    assert_eq!(purge::refresh_tokens(&mut conn, now).await?, 1);
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM sessions").await?,
        2
    );
    assert_eq!(
        count(
            &mut conn,
            &format!("SELECT count(*) AS n FROM sessions WHERE id = '{ended}'")
        )
        .await?,
        0
    );
    assert_eq!(
        count(&mut conn, "SELECT count(*) AS n FROM refresh_tokens").await?,
        2
    );
    assert_eq!(
        count(
            &mut conn,
            "SELECT count(*) AS n FROM refresh_tokens WHERE token_hash IN ('\\x02', '\\x04')"
        )
        .await?,
        2
    );
    // The live session still rotates.
    let rotated = labour_store::sessions::rotate(
        &mut conn,
        b"\x02",
        b"\x05",
        now + chrono::Duration::days(30),
    )
    .await?;
    assert_eq!(
        rotated,
        labour_store::sessions::Rotation::Rotated {
            session: live,
            account: mai
        }
    );
    assert_eq!(purge::sessions(&mut conn, now).await?, 0);
    Ok(())
}

#[tokio::test]
async fn old_feed_events_go_when_a_later_event_of_their_posting_is_kept() -> TestResult {
    let test = TestDb::new().await?;
    let mut conn = db::connect(test.url()).await?;
    let (changed, quiet, recent) = (Uuid::now_v7(), Uuid::now_v7(), Uuid::now_v7());
    execute(
        &mut conn,
        &format!(
            "INSERT INTO feed_events (posting_id, kind, change, at) VALUES \
             ('{changed}', 'job', 'upsert', now() - interval '200 days'), \
             ('{changed}', 'job', 'upsert', now() - interval '150 days'), \
             ('{quiet}', 'job', 'delete', now() - interval '300 days'), \
             ('{changed}', 'job', 'delete', now() - interval '1 day'), \
             ('{recent}', 'job', 'upsert', now() - interval '2 days'), \
             ('{recent}', 'job', 'upsert', now() - interval '1 day')"
        ),
    )
    .await?;
    // Only events readers can see count as superseding: a transaction running elsewhere on the
    // server (another test) may hold that back for a moment.
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut purged = 0;
    let events = loop {
        purged += purge::feed_events(&mut conn, Utc::now() - chrono::Duration::days(90)).await?;
        let events = labour_store::feed::read(&mut conn, Default::default(), 100).await?;
        if (purged == 2 && events.len() == 4) || std::time::Instant::now() > deadline {
            break events;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert_eq!(purged, 2, "the changed posting's two old events");
    // A reader from the very beginning still ends with every posting as it is.
    let seen: Vec<(Uuid, &str)> = events
        .iter()
        .map(|e| (e.posting_id, e.change.as_str()))
        .collect();
    assert_eq!(
        seen,
        vec![
            (quiet, "delete"),
            (changed, "delete"),
            (recent, "upsert"),
            (recent, "upsert")
        ]
    );
    assert_eq!(
        purge::feed_events(&mut conn, Utc::now() - chrono::Duration::days(90)).await?,
        0
    );
    Ok(())
}
