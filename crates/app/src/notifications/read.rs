//! A worker marks notifications read.

use uuid::Uuid;

use crate::errors::FieldErrors;
use crate::{App, Caller, policy};

/// At most this many ids in one request.
pub const MAX_IDS: usize = 100;

/// Marks the given notifications of the signed-in worker read (all of them with `None`); how
/// many were unread and are now read.
pub async fn read(app: &App, caller: &Caller, ids: Option<&[Uuid]>) -> crate::Result<usize> {
    let account = policy::require_own_account(caller)?;
    let mut errors = FieldErrors::default();
    if ids.is_some_and(|ids| ids.len() > MAX_IDS) {
        errors.check::<()>("ids", Err(labour_domain::Error::TooMany { max: MAX_IDS }));
    }
    errors.finish()?;
    let mut conn = app.conn().await?;
    Ok(labour_store::notifications::mark_read(&mut conn, account, ids).await?)
}
