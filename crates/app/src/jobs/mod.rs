//! The background jobs: each runs on its own schedule beside the faces, never inside a request,
//! on a connection pool of its own so that a slow job never starves requests. Work several
//! instances could both pick (the search outbox, the email digests) is claimed with a lease in
//! PostgreSQL; no job holds a transaction or a lock across a network call.

pub mod alerts;
pub mod digest;
pub mod expiry;
pub mod indexer;
pub mod purge;
pub mod search_demand;

use labour_search::AnyEngine;
use labour_store::Pool;
use tokio::task::JoinHandle;

use crate::search_demand::SearchLog;

/// Why a job's round failed; the job logs it and tries again at its next round.
#[derive(Debug, thiserror::Error)]
pub enum JobError {
    #[error("{0}")]
    Store(#[from] labour_store::Error),
    #[error("{0}")]
    Engine(#[from] labour_search::Error),
}

impl From<diesel::result::Error> for JobError {
    fn from(e: diesel::result::Error) -> JobError {
        JobError::Store(e.into())
    }
}

/// The running jobs.
pub struct Jobs {
    running: Vec<JoinHandle<()>>,
    pool: Pool,
    search_log: SearchLog,
}

/// Starts every job on the runtime it is called on, with their own `pool`, the search engine,
/// the searches the faces count, and the mailer when email is configured.
pub fn start(
    pool: Pool,
    search: AnyEngine,
    search_log: SearchLog,
    mailer: Option<digest::Mailer>,
) -> Jobs {
    let mut running = vec![
        tokio::spawn(expiry::run_forever(pool.clone())),
        tokio::spawn(indexer::run_forever(pool.clone(), search.clone())),
        tokio::spawn(alerts::run_forever(pool.clone(), search)),
        tokio::spawn(search_demand::run_forever(pool.clone(), search_log.clone())),
        tokio::spawn(purge::run_forever(pool.clone())),
    ];
    match mailer {
        Some(mailer) => running.push(tokio::spawn(digest::run_forever(pool.clone(), mailer))),
        None => tracing::info!("no LABOUR_SMTP_URL: email digests are off"),
    }
    Jobs {
        running,
        pool,
        search_log,
    }
}

impl std::fmt::Debug for Jobs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("running", &self.running.len())
            .field("pool", &self.pool.status())
            .finish()
    }
}

impl Jobs {
    /// Stops every job (call once the faces stopped, before the database goes away) and writes
    /// the last minute's search counts. A job stopped mid-claim leaves its lease to run out.
    pub async fn stop(self) {
        for job in &self.running {
            job.abort();
        }
        if let Err(e) = self.search_log.flush(&self.pool).await {
            tracing::warn!(error = %e, "search counts of the last minute not written");
        }
    }
}
