//! Stops the email digest for an account, named by the signed link the face checked.

use uuid::Uuid;

use crate::App;

/// Stops the digest for every saved search of `account`; how many were stopped. Saying it
/// twice is fine.
pub async fn confirm(app: &App, account: Uuid) -> crate::Result<usize> {
    let mut conn = app.conn().await?;
    let stopped = labour_store::saved_searches::stop_emails(&mut conn, account).await?;
    tracing::info!(saved_searches = stopped, "email digest unsubscribed");
    Ok(stopped)
}
