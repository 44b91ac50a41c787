//! A worker marks notifications read.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::{Error, FieldErrors};
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
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let marked = labour_store::notifications::mark_read(conn, account, ids).await?;
        let event = Event {
            subject_type: Some("account"),
            subject_id: Some(account.to_string()),
            details: serde_json::json!({ "marked": marked }),
            ..caller.event("notifications_read", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(marked)
    })
    .await
}
