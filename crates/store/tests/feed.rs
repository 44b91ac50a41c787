//! The change feed under concurrent writers whose transactions commit out of order: a reader
//! that follows the cursor sees every event exactly once.

use std::time::{Duration, Instant};

use diesel_async::AsyncConnection;
use labour_store::feed::{self, Change, Cursor};
use labour_store::test_db::TestDb;
use labour_store::{Error, db};

type TestResult = Result<(), Box<dyn std::error::Error>>;

const WRITERS: usize = 6;
const EACH: usize = 15;

async fn writer(url: String, w: usize) -> Result<(), Error> {
    let mut conn = db::connect(&url).await?;
    for i in 0..EACH {
        // Transactions stay open for different times, so later ids often commit first.
        let hold = Duration::from_millis(((w * 7 + i * 13) % 25) as u64);
        conn.transaction::<_, Error, _>(async move |c| {
            feed::record(c, uuid::Uuid::now_v7(), "job", Change::Upsert).await?;
            tokio::time::sleep(hold).await;
            Ok(())
        })
        .await?;
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_reader_following_the_cursor_never_misses_a_late_commit() -> TestResult {
    for round in 0..3 {
        let test = TestDb::new().await?;
        let writers: Vec<_> = (0..WRITERS)
            .map(|w| tokio::spawn(writer(test.url().to_owned(), w)))
            .collect();

        let mut reader = db::connect(test.url()).await?;
        let mut cursor = Cursor::default();
        let mut seen: Vec<i64> = Vec::new();
        // A reader that trusts ids alone, to show that the race really happens.
        let mut naive_last_id = 0i64;
        let mut naive_seen = 0usize;
        let started = Instant::now();
        while seen.len() < WRITERS * EACH && started.elapsed() < Duration::from_secs(60) {
            for row in feed::read(&mut reader, cursor, 7).await? {
                seen.push(row.id);
                cursor = row.cursor();
            }
            let naive: Vec<(i64,)> = {
                use diesel_async::RunQueryDsl;
                diesel::sql_query(format!(
                    "SELECT id FROM feed_events WHERE id > {naive_last_id} ORDER BY id"
                ))
                .load::<NaiveId>(&mut reader)
                .await?
                .into_iter()
                .map(|r| (r.id,))
                .collect()
            };
            for (id,) in naive {
                naive_seen += 1;
                naive_last_id = naive_last_id.max(id);
            }
            tokio::time::sleep(Duration::from_millis(3)).await;
        }
        for w in writers {
            w.await??;
        }
        let total = seen.len();
        let mut unique = seen.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            (total, unique.len()),
            (WRITERS * EACH, WRITERS * EACH),
            "round {round}"
        );
        // The figure shows the race happened; `--nocapture` prints it.
        eprintln!(
            "round {round}: cursor reader saw {total}/{} events; an id-only reader would have seen {naive_seen}",
            WRITERS * EACH
        );
    }
    Ok(())
}

#[derive(diesel::QueryableByName)]
struct NaiveId {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    id: i64,
}
