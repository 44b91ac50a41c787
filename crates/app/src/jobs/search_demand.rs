//! Writes the searches counted in memory to PostgreSQL every minute (and once more at shutdown).

use std::time::Duration;

use chrono::{FixedOffset, Utc};
use labour_store::Pool;
use labour_store::search_demand::Count;

use super::JobError;
use crate::search_demand::SearchLog;

/// How often the counts are written.
pub const EVERY: Duration = Duration::from_secs(60);

impl SearchLog {
    /// Writes the counts gathered so far and returns how many rows were written. When the
    /// database is away they are kept for the next time; a count PostgreSQL refuses for what it
    /// holds is dropped (one log line), so it never blocks the others.
    pub async fn flush(&self, pool: &Pool) -> Result<usize, JobError> {
        let taken = self.take();
        if taken.is_empty() {
            return Ok(0);
        }
        // Days are Lạng Sơn days.
        let day = FixedOffset::east_opt(7 * 3600).map_or_else(
            || Utc::now().date_naive(),
            |tz| Utc::now().with_timezone(&tz).date_naive(),
        );
        let counts: Vec<((String, String), Count)> = taken
            .into_iter()
            .map(|(key, (searches, zero))| {
                let count = Count {
                    day,
                    query: key.0.clone(),
                    kinds: key.1.clone(),
                    searches,
                    zero_results: zero,
                };
                (key, count)
            })
            .collect();
        let mut conn = match labour_store::db::get(pool).await {
            Ok(conn) => conn,
            Err(e) => {
                self.put_back(counts);
                return Err(e.into());
            }
        };
        let all: Vec<Count> = counts.iter().map(|(_, c)| c.clone()).collect();
        if labour_store::search_demand::add(&mut conn, &all)
            .await
            .is_ok()
        {
            self.written();
            return Ok(all.len());
        }
        // The batch failed: one by one, so that only what PostgreSQL refuses is lost.
        let mut written = 0;
        let mut rest = counts.into_iter();
        while let Some((key, count)) = rest.next() {
            let Err(e) =
                labour_store::search_demand::add(&mut conn, std::slice::from_ref(&count)).await
            else {
                written += 1;
                continue;
            };
            if labour_store::db::ping(&mut conn).await.is_ok() {
                // The database answers: it is this count it will not take, now or later.
                tracing::warn!(error = %e, "dropped a search count the database refused");
                continue;
            }
            self.put_back(std::iter::once((key, count)).chain(rest).collect());
            return Err(e.into());
        }
        self.written();
        Ok(written)
    }
}

/// Runs for as long as the server does.
pub async fn run_forever(pool: Pool, log: SearchLog) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        if let Err(e) = log.flush(&pool).await {
            tracing::warn!(error = %e, "could not write search counts; will retry");
        }
    }
}

#[cfg(test)]
mod tests {
    use labour_domain::posting::Kind;

    use super::*;

    async fn stored(
        db: &labour_store::test_db::TestDb,
    ) -> Result<Vec<String>, labour_store::Error> {
        let mut conn = labour_store::db::connect(db.url()).await?;
        let from = chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or_default();
        Ok(
            labour_store::search_demand::top(&mut conn, from, 1, false, 100)
                .await?
                .into_iter()
                .map(|d| format!("{} {}", d.query, d.searches))
                .collect(),
        )
    }

    #[tokio::test]
    async fn a_bad_entry_is_dropped_and_the_good_counts_are_written()
    -> Result<(), Box<dyn std::error::Error>> {
        let db = labour_store::test_db::TestDb::new().await?;
        let pool = labour_store::db::pool(db.url(), 2)?;
        let log = SearchLog::default();
        log.record("thợ hàn", &[Kind::Job], 3);
        log.record("tho han", &[Kind::Job], 3);
        log.record("may cong nghiep", &[Kind::Job], 0);
        // What `record` refuses, put there anyway: PostgreSQL cannot store it.
        log.record_unchecked("a\0b", "job");
        assert_eq!(log.flush(&pool).await?, 2);
        assert!(log.is_empty(), "the bad entry is not retried forever");
        let mut got = stored(&db).await?;
        got.sort();
        assert_eq!(got, ["may cong nghiep 1", "tho han 2"]);
        // Counting goes on afterwards.
        log.record("tho han", &[Kind::Job], 3);
        assert_eq!(log.flush(&pool).await?, 1);
        assert!(stored(&db).await?.contains(&"tho han 3".to_owned()));
        Ok(())
    }

    #[tokio::test]
    async fn counts_wait_while_the_database_is_away() -> Result<(), Box<dyn std::error::Error>> {
        // Nothing listens on port 9: every connection fails.
        let pool = labour_store::db::pool("postgres://nobody@127.0.0.1:9/none", 1)?;
        let log = SearchLog::default();
        log.record("tho han", &[Kind::Job], 3);
        log.record_unchecked("a\0b", "job");
        assert!(log.flush(&pool).await.is_err());
        assert_eq!(log.len(), 2, "kept for the next time");
        log.record("tho han", &[Kind::Job], 3);
        assert!(log.flush(&pool).await.is_err());
        assert_eq!(log.len(), 2);
        Ok(())
    }
}
