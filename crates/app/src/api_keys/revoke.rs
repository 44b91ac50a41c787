//! A member (or staff) revokes one of the organisation's API keys, at once.

use diesel_async::AsyncConnection;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::Error;
use crate::organisations::{Lock, load_for};
use crate::{App, Caller};

pub async fn revoke(
    app: &App,
    caller: &Caller,
    organisation: Uuid,
    key: Uuid,
) -> crate::Result<()> {
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        load_for(
            conn,
            caller,
            organisation,
            Lock::None,
            Action::ManageApiKeys,
        )
        .await?;
        if !labour_store::api_keys::revoke(conn, organisation, key).await? {
            return Err(Error::not_found("khóa API", "API key", &key.to_string()));
        }
        let event = Event {
            subject_type: Some("api_key"),
            subject_id: Some(key.to_string()),
            details: serde_json::json!({ "organisation": organisation }),
            ..caller.event("api_key_revoked", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await
}
