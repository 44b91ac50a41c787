//! An admin makes a staff account.

use diesel_async::AsyncConnection;
use labour_domain::policy::Action;
use labour_store::accounts::{AccountRole, NewAccount};
use labour_store::audit::Event;
use uuid::Uuid;

use crate::accounts::NewAccountInput;
use crate::auth::Auth;
use crate::errors::{Error, ErrorCode};
use crate::{App, Caller, policy};

/// The new staff account.
#[derive(Debug, Clone)]
pub struct StaffAccount {
    pub id: Uuid,
    pub display_name: String,
}

pub async fn create(
    app: &App,
    auth: &Auth,
    caller: &Caller,
    input: NewAccountInput,
) -> crate::Result<StaffAccount> {
    policy::require(caller, Action::CreateStaff, || {
        Error::internal("never hidden")
    })?;
    let checked = input.check()?;
    let hash = auth
        .hasher
        .hash(checked.password.expose().to_owned())
        .await?;
    let id = Uuid::now_v7();
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let new = NewAccount {
            id,
            role: AccountRole::Staff,
            identifier: &checked.identifier,
            display_name: &checked.display_name,
            password_hash: &hash,
        };
        // Only admins get here, so saying that the email or phone is taken reveals nothing new.
        if !labour_store::accounts::insert(conn, &new).await? {
            return Err(Error::new(ErrorCode::Conflict).detail(
                "Email hoặc số điện thoại này đã có tài khoản.",
                "This email or phone already has an account.",
            ));
        }
        let event = Event {
            subject_type: Some("account"),
            subject_id: Some(id.to_string()),
            details: serde_json::json!({ "role": "staff" }),
            ..caller.event("role_granted", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await?;
    Ok(StaffAccount {
        id,
        display_name: checked.display_name,
    })
}
