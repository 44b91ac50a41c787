//! Expires published postings whose deadline has passed.

use std::time::Duration;

use labour_store::Pool;

use super::JobError;

/// How often deadlines are checked.
pub const EVERY: Duration = Duration::from_secs(60);

/// Expires due postings once; returns how many.
pub async fn run_once(pool: &Pool) -> Result<usize, JobError> {
    let mut conn = labour_store::db::get(pool).await?;
    let today = chrono::Utc::now().date_naive();
    Ok(labour_store::postings::expire_due(&mut conn, today)
        .await?
        .len())
}

/// Runs for as long as the server does.
pub async fn run_forever(pool: Pool) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match run_once(&pool).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(postings = n, "expired postings past their deadline"),
            Err(e) => tracing::warn!(error = %e, "could not expire postings; will retry"),
        }
    }
}
