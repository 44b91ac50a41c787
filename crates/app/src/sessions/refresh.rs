//! A new token pair for a refresh token, which then stops working.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;
use labour_store::sessions::Rotation;

use super::{Tokens, invalid_refresh_token, tokens};
use crate::auth::Auth;
use crate::auth::tokens::{hash_secret, new_refresh_token};
use crate::errors::Error;
use crate::{App, Caller};

/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting one that
/// was already exchanged means it was copied, and signs the account out everywhere; that and
/// its audit row are one transaction, which commits before the refusal is returned.
pub async fn refresh(
    app: &App,
    auth: &Auth,
    caller: &Caller,
    refresh_token: &str,
) -> crate::Result<Tokens> {
    let (next, next_hash) = new_refresh_token();
    let expires = chrono::Utc::now() + auth.refresh_ttl;
    let presented = hash_secret(refresh_token);
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    let rotation = conn
        .transaction::<_, Error, _>(async |conn| {
            let rotation =
                labour_store::sessions::rotate(conn, &presented, &next_hash, expires).await?;
            let event = match rotation {
                Rotation::Rotated { session, account } => Some(Event {
                    actor_account: Some(account),
                    subject_type: Some("session"),
                    subject_id: Some(session.to_string()),
                    ..caller.event("token_refreshed", &addr)
                }),
                Rotation::Reused { account } => Some(Event {
                    subject_type: Some("account"),
                    subject_id: Some(account.to_string()),
                    ..caller.event("refresh_token_reused", &addr)
                }),
                Rotation::Invalid => None,
            };
            if let Some(event) = event {
                labour_store::audit::record(conn, event).await?;
            }
            Ok(rotation)
        })
        .await?;
    match rotation {
        Rotation::Rotated { session, account } => Ok(tokens(auth, account, session, next)),
        Rotation::Reused { account } => {
            tracing::warn!(account.id = %account, "refresh token reused: all sessions of the account revoked");
            Err(invalid_refresh_token())
        }
        Rotation::Invalid => Err(invalid_refresh_token()),
    }
}
