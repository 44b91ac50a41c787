//! Sign out: a session's refresh token and its access tokens stop working.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;

use crate::auth::tokens::hash_secret;
use crate::errors::Error;
use crate::{App, Caller};

/// Ends the session of `refresh_token` and the caller's own session, with one audit row, in
/// one transaction. Says nothing about the token sent.
pub async fn revoke(app: &App, caller: &Caller, refresh_token: Option<&str>) -> crate::Result<()> {
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let mut account = None;
        if let Some(token) = refresh_token {
            account = labour_store::sessions::revoke_by_token(conn, &hash_secret(token)).await?;
        }
        if let Some(session) = caller.session {
            labour_store::sessions::revoke(conn, session, "logout").await?;
            account = account.or(caller.account());
        }
        if let Some(account) = account {
            let event = Event {
                actor_account: Some(account),
                subject_type: Some("account"),
                subject_id: Some(account.to_string()),
                ..caller.event("logout", &addr)
            };
            labour_store::audit::record(conn, event).await?;
        }
        Ok(())
    })
    .await
}
