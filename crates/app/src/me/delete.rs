//! A person erases their account.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;

use crate::errors::Error;
use crate::{App, Caller, policy};

/// Deletes the signed-in account with its profile, sessions, memberships and reports (postings
/// belong to organisations and stay); the erasure and its audit row are written together.
pub async fn delete(app: &App, caller: &Caller) -> crate::Result<()> {
    let id = policy::require_own_account(caller)?;
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        labour_store::workers::delete_account(conn, id).await?;
        let addr = caller.addr_string();
        let event = Event {
            subject_type: Some("account"),
            subject_id: Some(id.to_string()),
            ..caller.event("account_deleted", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await
}
