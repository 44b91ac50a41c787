//! The indexer: drains the search outbox into the engine in batches. A batch is claimed with
//! a lease and indexed with no transaction open (an engine call can take a minute); its rows
//! leave the outbox only after the engine acknowledged them, so an engine that is down for an
//! hour loses nothing, and a batch whose indexer died is taken again when its lease runs out.
//! The indexer retries with growing pauses and catches up when the engine is back.

use std::time::Duration;

use labour_domain::posting::Content;
use labour_search::document::Facts;
use labour_search::{AnyEngine, SearchDocument, SearchEngine};
use labour_store::Pool;

use super::JobError;

/// Outbox rows handled per engine call.
pub const BATCH: i64 = 500;
/// Pause when the outbox is empty.
pub const IDLE: Duration = Duration::from_millis(100);
/// Longest pause between retries while the engine is down.
pub const MAX_BACKOFF: Duration = Duration::from_secs(30);
/// How long a claimed batch is this indexer's: well past the engine's two calls of up to a
/// minute each, after which another instance may take the batch again.
pub const LEASE: Duration = Duration::from_secs(5 * 60);

/// One batch: returns how many outbox rows were handled.
pub async fn drain_once(pool: &Pool, engine: &AnyEngine) -> Result<usize, JobError> {
    drain_with_lease(pool, engine, LEASE).await
}

/// One batch claimed for `lease`.
pub async fn drain_with_lease(
    pool: &Pool,
    engine: &AnyEngine,
    lease: Duration,
) -> Result<usize, JobError> {
    let claim = {
        let mut conn = labour_store::db::get(pool).await?;
        labour_store::search_outbox::claim(&mut conn, BATCH, lease).await?
    };
    if claim.rows.is_empty() {
        return Ok(0);
    }
    // The connection goes back to the pool during the engine calls.
    match index(pool, engine, &claim.postings()).await {
        Ok(()) => {
            let mut conn = labour_store::db::get(pool).await?;
            labour_store::search_outbox::complete(&mut conn, &claim).await?;
            Ok(claim.rows.len())
        }
        Err(e) => {
            // Given back for the next attempt; if even that fails, the lease runs out.
            if let Ok(mut conn) = labour_store::db::get(pool).await {
                let _ = labour_store::search_outbox::release(&mut conn, &claim).await;
            }
            Err(e)
        }
    }
}

/// Upserts what is published of `ids` and deletes the rest.
async fn index(pool: &Pool, engine: &AnyEngine, ids: &[uuid::Uuid]) -> Result<(), JobError> {
    let rows = {
        let mut conn = labour_store::db::get(pool).await?;
        labour_store::postings::for_index(&mut conn, ids).await?
    };
    let mut upserts = Vec::new();
    let mut deletes: Vec<uuid::Uuid> = ids
        .iter()
        .filter(|id| !rows.iter().any(|r| r.row.id == **id))
        .copied()
        .collect();
    for r in rows {
        match (
            r.row.is_public(),
            serde_json::from_value::<Content>(r.row.content.clone()),
        ) {
            (true, Ok(content)) => upserts.push(document(&r, &content)),
            (true, Err(e)) => {
                tracing::error!(posting.id = %r.row.id, error = %e, "stored content unreadable; not indexed");
                deletes.push(r.row.id);
            }
            (false, _) => deletes.push(r.row.id),
        }
    }
    if !upserts.is_empty() {
        engine.upsert(upserts).await?;
    }
    if !deletes.is_empty() {
        engine.delete(deletes).await?;
    }
    Ok(())
}

fn document(r: &labour_store::postings::ForIndex, content: &Content) -> SearchDocument {
    let facts = Facts {
        id: r.row.id,
        organisation_id: r.row.organisation_id,
        organisation_name: r.organisation_name.clone(),
        occupation_name: r.occupation_name.clone(),
        occupation_group: r.occupation_group.clone(),
        zone_name: r.zone_name.clone(),
        commune_name: r.commune_name.clone(),
        published_at: r.row.published_at.unwrap_or(r.row.updated_at),
    };
    SearchDocument::new(facts, content)
}

/// Runs for as long as the server does.
pub async fn run_forever(pool: Pool, engine: AnyEngine) {
    let mut backoff = Duration::from_millis(500);
    // Settings go first, and again after any failure (the engine may have come back empty).
    let mut settings_applied = false;
    loop {
        if !settings_applied {
            match engine.ensure_settings().await {
                Ok(()) => settings_applied = true,
                Err(e) => {
                    tracing::warn!(error = %e, retry_in_ms = backoff.as_millis() as u64, "search engine unreachable; the outbox keeps the work");
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    continue;
                }
            }
        }
        match drain_once(&pool, &engine).await {
            Ok(0) => tokio::time::sleep(IDLE).await,
            Ok(n) => {
                tracing::debug!(postings = n, "indexed");
                backoff = Duration::from_millis(500);
            }
            Err(e) => {
                settings_applied = matches!(e, JobError::Store(_));
                tracing::warn!(error = %e, retry_in_ms = backoff.as_millis() as u64, "indexing failed; the outbox keeps the work");
                tokio::time::sleep(backoff).await;
                backoff = (backoff * 2).min(MAX_BACKOFF);
            }
        }
    }
}

/// Rebuilds the index from PostgreSQL, reporting progress. Meilisearch is rebuilt into staging
/// indexes that then replace the live ones, so search never goes empty; the embedded index is
/// emptied and refilled. Postings that change meanwhile are queued again at the end.
pub async fn reindex(
    pool: &Pool,
    engine: &AnyEngine,
    mut progress: impl FnMut(u64, u64),
) -> Result<u64, JobError> {
    let started = chrono::Utc::now();
    let mut conn = labour_store::db::get(pool).await?;
    let total = labour_store::postings::count_published(&mut conn).await? as u64;
    let target = match engine {
        AnyEngine::Meili(live) => AnyEngine::Meili(live.staging()),
        other => other.clone(),
    };
    target.ensure_settings().await?;
    target.clear().await?;
    let mut done = 0u64;
    let mut after = None;
    progress(0, total);
    loop {
        let ids = labour_store::postings::published_ids(&mut conn, after, BATCH).await?;
        let Some(last) = ids.last().copied() else {
            break;
        };
        after = Some(last);
        let rows = labour_store::postings::for_index(&mut conn, &ids).await?;
        let documents: Vec<SearchDocument> = rows
            .iter()
            .filter_map(|r| {
                serde_json::from_value::<Content>(r.row.content.clone())
                    .ok()
                    .map(|c| document(r, &c))
            })
            .collect();
        done += documents.len() as u64;
        target.upsert(documents).await?;
        progress(done.min(total), total);
    }
    if let (AnyEngine::Meili(live), AnyEngine::Meili(staging)) = (engine, &target) {
        live.swap_from(staging).await?;
    }
    labour_store::search_outbox::enqueue_changed_since(&mut conn, started).await?;
    Ok(done)
}
