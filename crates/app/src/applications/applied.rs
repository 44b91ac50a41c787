//! Whether the caller already applied to a posting, so its page says so instead of offering
//! the form again.

use chrono::{DateTime, Utc};
use uuid::Uuid;

use crate::{App, Caller};

/// When the signed-in caller applied to `posting`; `None` for anyone else or when they did not.
pub async fn applied_at(
    app: &App,
    caller: &Caller,
    posting: Uuid,
) -> crate::Result<Option<DateTime<Utc>>> {
    let Ok(worker) = crate::policy::require_own_account(caller) else {
        return Ok(None);
    };
    let mut conn = app.conn().await?;
    Ok(labour_store::applications::applied_at(&mut conn, worker, posting).await?)
}
