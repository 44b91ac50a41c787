//! Stops the email digest for an account, named by the signed link the face checked.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::Error;
use crate::{App, Caller};

/// Stops the digest for every saved search of `account`; how many were stopped. Saying it
/// twice is fine. The signed link stands for the account, so the account is the actor.
pub async fn confirm(app: &App, caller: &Caller, account: Uuid) -> crate::Result<usize> {
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let stopped = labour_store::saved_searches::stop_emails(conn, account).await?;
        let event = Event {
            actor_account: Some(account),
            subject_type: Some("account"),
            subject_id: Some(account.to_string()),
            details: serde_json::json!({ "saved_searches": stopped }),
            ..caller.event("digest_unsubscribed", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(stopped)
    })
    .await
}
