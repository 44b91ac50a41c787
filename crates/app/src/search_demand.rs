//! Counts what people search for in memory; the `search_demand` job adds the counts to
//! PostgreSQL every minute, so a search costs no write. Only the folded words are kept (no account, no address), and a
//! query with a long run of digits (a phone or id number) is not kept at all.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use labour_domain::ClosedSet;
use labour_domain::posting::Kind;
use labour_store::search_demand::Count;

/// Most distinct searches held between two writes: while the database is away the counts wait,
/// and searches never seen before are not counted past this many.
pub const MAX_ENTRIES: usize = 10_000;

/// (query, kinds) -> (searches, searches that found nothing).
pub(crate) type Counts = HashMap<(String, String), (i64, i64)>;

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

    /// Takes the counts gathered so far, leaving none.
    pub(crate) fn take(&self) -> Counts {
        match self.0.lock() {
            Ok(mut held) => std::mem::take(&mut held.counts),
            Err(_) => Counts::default(),
        }
    }

    /// Counts that could not be written wait for the next time, within [`MAX_ENTRIES`].
    pub(crate) fn put_back(&self, counts: Vec<((String, String), Count)>) {
        if let Ok(mut held) = self.0.lock() {
            for (key, c) in counts {
                held.add(key, c.searches, c.zero_results);
            }
        }
    }

    pub(crate) fn written(&self) {
        if let Ok(mut held) = self.0.lock() {
            held.full_logged = false;
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
}
