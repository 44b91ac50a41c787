//! A member (or staff) makes an API key for the organisation.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, Scope};
use labour_store::api_keys::{ApiKeyRow, NewApiKey};
use labour_store::audit::Event;
use uuid::Uuid;

use crate::auth::tokens::new_api_key;
use crate::errors::{Error, FieldErrors};
use crate::organisations::{Lock, load_for};
use crate::{App, Caller};

/// The key as asked for.
#[derive(Debug, Clone, Default)]
pub struct NewApiKeyInput {
    pub name: String,
    /// Scopes besides `public:read`, which every key has.
    pub scopes: Vec<String>,
}

/// The stored key and the key itself, shown this once.
#[derive(Debug)]
pub struct CreatedApiKey {
    pub row: ApiKeyRow,
    pub key: String,
}

pub async fn create(
    app: &App,
    caller: &Caller,
    organisation: Uuid,
    input: NewApiKeyInput,
) -> crate::Result<CreatedApiKey> {
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        load_for(conn, caller, organisation, Lock::Share, Action::CreateApiKey).await?;
        let mut check = FieldErrors::default();
        let name = check.check("name", labour_domain::account::display_name(&input.name));
        let mut scopes = vec![Scope::PublicRead];
        for (i, s) in input.scopes.iter().enumerate() {
            if let Some(scope) = check.check(&format!("scopes[{i}]"), Scope::parse(s))
                && !scopes.contains(&scope)
            {
                scopes.push(scope);
            }
        }
        check.finish()?;
        let name = name.ok_or_else(|| Error::internal("checked name missing"))?;
        let (key, prefix, hash) = new_api_key();
        let row = labour_store::api_keys::insert(
            conn,
            &NewApiKey {
                id: Uuid::now_v7(),
                organisation_id: Some(organisation),
                name: &name,
                prefix: &prefix,
                key_hash: &hash,
                scopes: scopes.iter().map(|s| s.as_str().to_owned()).collect(),
                created_by: caller.account(),
            },
        )
        .await?;
        let event = Event {
            subject_type: Some("api_key"),
            subject_id: Some(row.id.to_string()),
            details: serde_json::json!({ "organisation": organisation, "scopes": row.scopes, "prefix": row.prefix }),
            ..caller.event("api_key_created", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(CreatedApiKey { row, key })
    })
    .await
}
