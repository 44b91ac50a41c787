//! Counts what people search for in memory and adds the counts to PostgreSQL every minute, so
//! a search costs no write. Only the folded words are kept (no account, no address), and a
//! query with a long run of digits (a phone or id number) is not kept at all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{FixedOffset, Utc};
use labour_domain::ClosedSet;
use labour_domain::posting::Kind;
use labour_store::Pool;
use labour_store::search_demand::Count;

/// How often the counts are written.
pub const EVERY: Duration = Duration::from_secs(60);
/// Most distinct searches held between two writes: while the database is away the counts wait,
/// and searches never seen before are not counted past this many.
pub const MAX_ENTRIES: usize = 10_000;

/// (query, kinds) -> (searches, searches that found nothing).
type Counts = HashMap<(String, String), (i64, i64)>;

#[derive(Debug, Default)]
struct Held {
    counts: Counts,
    /// Whether the "full" line was logged since the last write that went through.
    full_logged: bool,
}

impl Held {
    /// Adds to an entry; a new entry past [`MAX_ENTRIES`] is dropped (logged once).
    fn add(&mut self, key: (String, String), searches: i64, zero: i64) {
        if !self.counts.contains_key(&key) && self.counts.len() >= MAX_ENTRIES {
            if !self.full_logged {
                self.full_logged = true;
                tracing::warn!(
                    max_entries = MAX_ENTRIES,
                    "search counts are full until the next write; new searches are not counted"
                );
            }
            return;
        }
        let entry = self.counts.entry(key).or_default();
        entry.0 += searches;
        entry.1 += zero;
    }
}

/// The counts since the last flush.
#[derive(Debug, Clone, Default)]
pub struct SearchLog(Arc<Mutex<Held>>);

/// Whether a folded query may be kept: not blank, not long, no run of digits that may identify
/// someone, and no control character (PostgreSQL cannot store NUL, and none belongs in a search).
fn keepable(folded: &str) -> bool {
    let mut run = 0;
    for c in folded.chars() {
        if c.is_control() {
            return false;
        }
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 6 {
            return false;
        }
    }
    !folded.is_empty() && folded.chars().count() <= 100
}

impl SearchLog {
    pub fn record(&self, query: &str, kinds: &[Kind], total: u64) {
        let folded = labour_domain::text::fold(query)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !keepable(&folded) {
            return;
        }
        let kinds = kinds
            .iter()
            .map(|k| k.as_str())
            .collect::<Vec<_>>()
            .join(",");
        self.add((folded, kinds), 1, i64::from(total == 0));
    }

    fn add(&self, key: (String, String), searches: i64, zero: i64) {
        if let Ok(mut held) = self.0.lock() {
            held.add(key, searches, zero);
        }
    }

    /// How many distinct searches wait for the next write.
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |h| h.counts.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Counts a search as it is, unchecked (tests of what the flush does with bad entries).
    #[doc(hidden)]
    pub fn record_unchecked(&self, query: &str, kinds: &str) {
        self.add((query.to_owned(), kinds.to_owned()), 1, 0);
    }

    /// Writes the counts gathered so far and returns how many rows were written. When the
    /// database is away they are kept for the next time; a count PostgreSQL refuses for what it
    /// holds is dropped (one log line), so it never blocks the others.
    pub async fn flush(&self, pool: &Pool) -> Result<usize, labour_store::Error> {
        let taken = match self.0.lock() {
            Ok(mut held) => std::mem::take(&mut held.counts),
            Err(_) => return Ok(0),
        };
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
                return Err(e);
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
            return Err(e);
        }
        self.written();
        Ok(written)
    }

    /// Counts that could not be written wait for the next time, within [`MAX_ENTRIES`].
    fn put_back(&self, counts: Vec<((String, String), Count)>) {
        if let Ok(mut held) = self.0.lock() {
            for (key, c) in counts {
                held.add(key, c.searches, c.zero_results);
            }
        }
    }

    fn written(&self) {
        if let Ok(mut held) = self.0.lock() {
            held.full_logged = false;
        }
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
    use super::*;

    #[test]
    fn numbers_that_may_identify_someone_are_not_kept() {
        assert!(keepable("tho han"));
        assert!(!keepable("0912345678"));
        assert!(!keepable("cccd 020301001234"));
        assert!(keepable("lai xe hang c 2025"));
        assert!(!keepable(""));
    }

    #[test]
    fn control_characters_are_never_recorded() {
        assert!(!keepable("a\0b"));
        assert!(!keepable("tho\u{7}han"));
        let log = SearchLog::default();
        log.record("a\u{0}b", &[Kind::Job], 0);
        log.record("thợ\u{1b}hàn", &[Kind::Job], 0);
        assert!(log.is_empty());
        log.record("thợ hàn", &[Kind::Job], 0);
        assert_eq!(log.len(), 1);
    }

    #[test]
    fn the_counts_held_are_bounded() {
        let log = SearchLog::default();
        for n in 0..MAX_ENTRIES + 50 {
            log.record(&format!("nghe so {n}"), &[Kind::Job], 1);
        }
        assert_eq!(log.len(), MAX_ENTRIES);
        // A search already held is still counted.
        log.record("nghe so 7", &[Kind::Job], 1);
        assert_eq!(log.len(), MAX_ENTRIES);
    }

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
