//! The append-only audit log (the database refuses updates and deletes of it).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::audit_log;

/// One event: who did it, to what, from where, with details that carry no secret.
#[derive(Debug, Clone, Default)]
pub struct Event<'a> {
    pub actor_account: Option<Uuid>,
    pub actor_api_key: Option<Uuid>,
    pub action: &'a str,
    pub subject_type: Option<&'a str>,
    pub subject_id: Option<String>,
    pub client_addr: Option<&'a str>,
    pub details: serde_json::Value,
}

pub async fn record(conn: &mut AsyncPgConnection, event: Event<'_>) -> Result<(), Error> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::actor_account.eq(event.actor_account),
            audit_log::actor_api_key.eq(event.actor_api_key),
            audit_log::action.eq(event.action),
            audit_log::subject_type.eq(event.subject_type),
            audit_log::subject_id.eq(event.subject_id),
            audit_log::client_addr.eq(event.client_addr),
            audit_log::details.eq(if event.details.is_null() {
                serde_json::json!({})
            } else {
                event.details
            }),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = audit_log)]
pub struct AuditRow {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub actor_account: Option<Uuid>,
    pub actor_api_key: Option<Uuid>,
    pub action: String,
    pub subject_type: Option<String>,
    pub subject_id: Option<String>,
    pub client_addr: Option<String>,
    pub details: serde_json::Value,
}

/// Every event, oldest first (tests and, later, the staff history view).
pub async fn all(conn: &mut AsyncPgConnection) -> Result<Vec<AuditRow>, Error> {
    Ok(audit_log::table
        .select(AuditRow::as_select())
        .order(audit_log::id)
        .load(conn)
        .await?)
}
