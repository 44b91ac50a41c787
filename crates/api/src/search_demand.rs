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

/// (query, kinds) -> (searches, searches that found nothing).
type Counts = HashMap<(String, String), (i64, i64)>;

/// The counts since the last flush.
#[derive(Debug, Clone, Default)]
pub struct SearchLog(Arc<Mutex<Counts>>);

fn keepable(folded: &str) -> bool {
    let mut run = 0;
    for c in folded.chars() {
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
        if let Ok(mut counts) = self.0.lock() {
            let entry = counts.entry((folded, kinds)).or_default();
            entry.0 += 1;
            entry.1 += i64::from(total == 0);
        }
    }

    /// Writes the counts gathered so far; on failure they are kept for the next time.
    pub async fn flush(&self, pool: &Pool) -> Result<usize, labour_store::Error> {
        let taken = match self.0.lock() {
            Ok(mut counts) => std::mem::take(&mut *counts),
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
        let counts: Vec<Count> = taken
            .iter()
            .map(|((query, kinds), (searches, zero))| Count {
                day,
                query: query.clone(),
                kinds: kinds.clone(),
                searches: *searches,
                zero_results: *zero,
            })
            .collect();
        let written = async {
            let mut conn = labour_store::db::get(pool).await?;
            labour_store::search_demand::add(&mut conn, &counts).await
        }
        .await;
        if let Err(e) = written {
            if let Ok(mut counts) = self.0.lock() {
                for (key, (s, z)) in taken {
                    let entry = counts.entry(key).or_default();
                    entry.0 += s;
                    entry.1 += z;
                }
            }
            return Err(e);
        }
        Ok(counts.len())
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
}
