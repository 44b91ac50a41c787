//! A worker deletes one of their saved searches; its notifications stay.

use uuid::Uuid;

use crate::errors::Error;
use crate::{App, Caller, policy};

pub async fn delete(app: &App, caller: &Caller, id: Uuid) -> crate::Result<()> {
    let account = policy::require_own_account(caller)?;
    let mut conn = app.conn().await?;
    if labour_store::saved_searches::delete(&mut conn, account, id).await? {
        Ok(())
    } else {
        Err(Error::not_found(
            "tìm kiếm đã lưu",
            "saved search",
            &id.to_string(),
        ))
    }
}
