//! The command line makes an admin account (the first one, or another): whoever runs it holds
//! the database, so no policy decides; the grant is audited like any other.

use diesel_async::{AsyncConnection, AsyncPgConnection};
use labour_domain::account::Identifier;
use labour_store::accounts::{AccountRole, NewAccount};
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::{Error, ErrorCode};

/// A new admin, its password already hashed (the command line hashes on its own thread).
#[derive(Debug)]
pub struct NewAdmin<'a> {
    pub identifier: &'a Identifier,
    pub display_name: &'a str,
    pub password_hash: &'a str,
}

/// Inserts the admin and its `role_granted` audit row in one transaction; 409 `conflict` when
/// the email or phone already has an account. Takes a connection: the command line has no pool.
pub async fn create_admin(conn: &mut AsyncPgConnection, new: NewAdmin<'_>) -> crate::Result<Uuid> {
    let id = Uuid::now_v7();
    conn.transaction::<_, Error, _>(async |conn| {
        let account = NewAccount {
            id,
            role: AccountRole::Admin,
            identifier: new.identifier,
            display_name: new.display_name,
            password_hash: new.password_hash,
        };
        if !labour_store::accounts::insert(conn, &account).await? {
            return Err(Error::new(ErrorCode::Conflict).detail(
                "Email hoặc số điện thoại này đã có tài khoản.",
                "An account with this email or phone already exists.",
            ));
        }
        let event = Event {
            action: "role_granted",
            subject_type: Some("account"),
            subject_id: Some(id.to_string()),
            details: serde_json::json!({ "role": "admin", "via": "command line" }),
            ..Default::default()
        };
        labour_store::audit::record(conn, event).await?;
        Ok(id)
    })
    .await
}
