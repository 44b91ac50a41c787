//! Matches newly published postings against saved searches and notifies their owners. Matching is the search engine's own, so a notification means the
//! saved search would now show that posting.

use std::time::Duration;

use chrono::Utc;
use labour_search::{AnyEngine, Filter, SearchEngine, Sort};
use labour_store::Pool;

use super::JobError;
use crate::query::QueryChecker;
use crate::search_query::saved_search_request;

/// How often saved searches are matched.
pub const EVERY: Duration = Duration::from_secs(60);
/// Postings published this recently wait for the next round: a publishing transaction that
/// has not committed yet cannot be in the index.
pub const SETTLE: chrono::Duration = chrono::Duration::seconds(60);
/// Most notifications one saved search makes in one round.
const PER_SEARCH: usize = 50;

/// Matches every saved search against what was published since it last looked, up to what
/// the index surely holds; returns how many notifications were made.
pub async fn run_once(
    pool: &Pool,
    engine: &AnyEngine,
    settle: chrono::Duration,
) -> Result<usize, JobError> {
    let mut conn = labour_store::db::get(pool).await?;
    // Nothing published after the oldest change still waiting for the indexer is searchable.
    let (_, oldest_waiting) = labour_store::search_outbox::depth(&mut conn).await?;
    let now = Utc::now();
    let until = oldest_waiting.map_or(now, |t| t.min(now)) - settle;
    let known = crate::known::Known::load(&mut conn).await?;
    let mut made = 0;
    loop {
        let due = labour_store::saved_searches::due(&mut conn, until, 200).await?;
        if due.is_empty() {
            return Ok(made);
        }
        for saved in due {
            let mut check = QueryChecker::default();
            // Checked when saved; a search that no longer checks out (a filter value dropped
            // would widen it) just stops matching.
            if let Some(mut request) =
                saved_search_request(&saved.kind, &saved.query, &known, &mut check)
                && check.is_clean()
            {
                request
                    .filters
                    .push(Filter::PublishedBetween(Some(saved.checked_until), until));
                request.sort = Sort::Newest;
                request.offset = 0;
                request.limit = PER_SEARCH;
                request.facets.clear();
                let hits = engine.search(request).await?.hits;
                let matches: Vec<_> = hits
                    .into_iter()
                    .map(|h| (h.document.id, h.document.title))
                    .collect();
                made += labour_store::notifications::insert_matches(
                    &mut conn,
                    saved.account_id,
                    saved.id,
                    &matches,
                )
                .await?;
            }
            labour_store::saved_searches::mark_checked(&mut conn, saved.id, until).await?;
        }
    }
}

/// Runs for as long as the server does.
pub async fn run_forever(pool: Pool, engine: AnyEngine) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match run_once(&pool, &engine, SETTLE).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(notifications = n, "notified workers of new matches"),
            Err(e) => tracing::warn!(error = %e, "could not match saved searches; will retry"),
        }
    }
}
