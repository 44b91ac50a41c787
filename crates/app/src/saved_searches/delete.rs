//! A worker deletes one of their saved searches; its notifications stay.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::Error;
use crate::{App, Caller, policy};

pub async fn delete(app: &App, caller: &Caller, id: Uuid) -> crate::Result<()> {
    let account = policy::require_own_account(caller)?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        if !labour_store::saved_searches::delete(conn, account, id).await? {
            return Err(Error::not_found(
                "tìm kiếm đã lưu",
                "saved search",
                &id.to_string(),
            ));
        }
        let event = Event {
            subject_type: Some("saved_search"),
            subject_id: Some(id.to_string()),
            ..caller.event("saved_search_deleted", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await
}
