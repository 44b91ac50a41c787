//! API keys for third-party apps, stored as SHA-256 hashes of the key.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::api_keys;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    pub id: Uuid,
    pub organisation_id: Option<Uuid>,
    pub name: String,
    /// The first characters of the key, shown so people can tell their keys apart.
    pub prefix: String,
    pub scopes: Vec<String>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone)]
pub struct NewApiKey<'a> {
    pub id: Uuid,
    pub organisation_id: Option<Uuid>,
    pub name: &'a str,
    pub prefix: &'a str,
    pub key_hash: &'a [u8],
    pub scopes: Vec<String>,
    pub created_by: Option<Uuid>,
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewApiKey<'_>) -> Result<ApiKeyRow, Error> {
    Ok(diesel::insert_into(api_keys::table)
        .values((
            api_keys::id.eq(new.id),
            api_keys::organisation_id.eq(new.organisation_id),
            api_keys::name.eq(new.name),
            api_keys::prefix.eq(new.prefix),
            api_keys::key_hash.eq(new.key_hash),
            api_keys::scopes.eq(&new.scopes),
            api_keys::created_by.eq(new.created_by),
        ))
        .returning(ApiKeyRow::as_returning())
        .get_result(conn)
        .await?)
}

/// The live (not revoked) key with this hash.
pub async fn find_active_by_hash(
    conn: &mut AsyncPgConnection,
    hash: &[u8],
) -> Result<Option<ApiKeyRow>, Error> {
    Ok(api_keys::table
        .filter(api_keys::key_hash.eq(hash))
        .filter(api_keys::revoked_at.is_null())
        .select(ApiKeyRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// Records use, at most once a minute per key, so that reads do not each cost a write.
pub async fn touch(conn: &mut AsyncPgConnection, id: Uuid) -> Result<(), Error> {
    diesel::update(
        api_keys::table.find(id).filter(
            api_keys::last_used_at
                .is_null()
                .or(api_keys::last_used_at.lt(Utc::now() - chrono::Duration::minutes(1))),
        ),
    )
    .set(api_keys::last_used_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(())
}

pub async fn list_for_organisation(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
) -> Result<Vec<ApiKeyRow>, Error> {
    Ok(api_keys::table
        .filter(api_keys::organisation_id.eq(organisation))
        .select(ApiKeyRow::as_select())
        .order(api_keys::created_at.desc())
        .load(conn)
        .await?)
}

/// Revokes a key of the organisation; returns false when there is no such live key.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
    id: Uuid,
) -> Result<bool, Error> {
    let n = diesel::update(
        api_keys::table
            .find(id)
            .filter(api_keys::organisation_id.eq(organisation))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(n == 1)
}
