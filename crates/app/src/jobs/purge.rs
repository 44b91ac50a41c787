//! Deletes, every hour, what is past its use: idempotency keys after their window, refresh
//! tokens after their expiry, sessions once no refresh token of theirs is valid, and feed events
//! a later event of the same posting superseded, once they are older than the feed's retention,
//! and password resets a day after they expired.

use std::time::Duration;

use chrono::{DateTime, Utc};
use labour_store::Pool;

use super::JobError;

/// How often the purge runs.
pub const EVERY: Duration = Duration::from_secs(60 * 60);
/// How long a retry with the same `Idempotency-Key` gets the first answer.
pub const IDEMPOTENCY_WINDOW: chrono::Duration = chrono::Duration::hours(24);
/// How long every feed event is kept; after that only the latest of each posting's.
pub const FEED_RETENTION: chrono::Duration = chrono::Duration::days(90);

/// What one purge deleted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Purged {
    pub idempotency_keys: usize,
    pub sessions: usize,
    pub refresh_tokens: usize,
    pub feed_events: usize,
    pub password_resets: usize,
}

impl Purged {
    pub fn total(&self) -> usize {
        self.idempotency_keys
            + self.sessions
            + self.refresh_tokens
            + self.feed_events
            + self.password_resets
    }
}

/// Purges once, as of `now`.
pub async fn run_once(pool: &Pool, now: DateTime<Utc>) -> Result<Purged, JobError> {
    use labour_store::purge;
    let mut conn = labour_store::db::get(pool).await?;
    Ok(Purged {
        idempotency_keys: purge::idempotency_keys(&mut conn, now - IDEMPOTENCY_WINDOW).await?,
        // Sessions first: theirs go with them.
        sessions: purge::sessions(&mut conn, now).await?,
        refresh_tokens: purge::refresh_tokens(&mut conn, now).await?,
        feed_events: purge::feed_events(&mut conn, now - FEED_RETENTION).await?,
        password_resets: labour_store::password_resets::purge_expired(&mut conn, now).await?,
    })
}

/// Runs for as long as the server does.
pub async fn run_forever(pool: Pool) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match run_once(&pool, Utc::now()).await {
            Ok(p) if p.total() == 0 => {}
            Ok(p) => tracing::info!(
                idempotency_keys = p.idempotency_keys,
                sessions = p.sessions,
                refresh_tokens = p.refresh_tokens,
                feed_events = p.feed_events,
                password_resets = p.password_resets,
                "purged what is past its use"
            ),
            Err(e) => tracing::warn!(error = %e, "could not purge; will retry"),
        }
    }
}
