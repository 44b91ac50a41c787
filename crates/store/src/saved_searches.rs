//! Searches workers saved, and how far each has been matched against new postings.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::saved_searches;

/// Most saved searches one account may keep.
pub const MAX_PER_ACCOUNT: i64 = 20;

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = saved_searches)]
pub struct SavedSearchRow {
    pub id: Uuid,
    pub account_id: Uuid,
    pub name: String,
    pub kind: String,
    pub query: serde_json::Value,
    pub email: bool,
    pub checked_until: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy)]
pub struct NewSavedSearch<'a> {
    pub account: Uuid,
    pub name: &'a str,
    pub kind: &'a str,
    pub query: &'a serde_json::Value,
    pub email: bool,
}

/// Saves a search unless the account already has the most it may keep (`None` then).
/// Only postings published from now on will match it.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: NewSavedSearch<'_>,
) -> Result<Option<SavedSearchRow>, Error> {
    conn.transaction::<_, Error, _>(async move |conn| {
        // Serialises one account's inserts so two at once cannot pass the limit together.
        crate::accounts::lock(conn, new.account).await?;
        let count: i64 = saved_searches::table
            .filter(saved_searches::account_id.eq(new.account))
            .count()
            .get_result(conn)
            .await?;
        if count >= MAX_PER_ACCOUNT {
            return Ok(None);
        }
        Ok(Some(
            diesel::insert_into(saved_searches::table)
                .values((
                    saved_searches::id.eq(Uuid::now_v7()),
                    saved_searches::account_id.eq(new.account),
                    saved_searches::name.eq(new.name),
                    saved_searches::kind.eq(new.kind),
                    saved_searches::query.eq(new.query),
                    saved_searches::email.eq(new.email),
                ))
                .returning(SavedSearchRow::as_returning())
                .get_result(conn)
                .await?,
        ))
    })
    .await
}

pub async fn for_account(
    conn: &mut AsyncPgConnection,
    account: Uuid,
) -> Result<Vec<SavedSearchRow>, Error> {
    Ok(saved_searches::table
        .filter(saved_searches::account_id.eq(account))
        .order(saved_searches::created_at)
        .select(SavedSearchRow::as_select())
        .load(conn)
        .await?)
}

/// Deletes one of the account's saved searches; false when it has no such search.
pub async fn delete(conn: &mut AsyncPgConnection, account: Uuid, id: Uuid) -> Result<bool, Error> {
    Ok(diesel::delete(
        saved_searches::table
            .filter(saved_searches::id.eq(id))
            .filter(saved_searches::account_id.eq(account)),
    )
    .execute(conn)
    .await?
        == 1)
}

/// Saved searches not yet matched up to `until`, oldest first.
pub async fn due(
    conn: &mut AsyncPgConnection,
    until: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<SavedSearchRow>, Error> {
    Ok(saved_searches::table
        .filter(saved_searches::checked_until.lt(until))
        .order(saved_searches::checked_until)
        .limit(limit)
        .select(SavedSearchRow::as_select())
        .load(conn)
        .await?)
}

pub async fn mark_checked(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    until: DateTime<Utc>,
) -> Result<(), Error> {
    diesel::update(saved_searches::table.find(id))
        .set(saved_searches::checked_until.eq(until))
        .execute(conn)
        .await?;
    Ok(())
}

/// Stops the digest for every saved search of the account (the one-click unsubscribe).
pub async fn stop_emails(conn: &mut AsyncPgConnection, account: Uuid) -> Result<usize, Error> {
    Ok(diesel::update(
        saved_searches::table
            .filter(saved_searches::account_id.eq(account))
            .filter(saved_searches::email.eq(true)),
    )
    .set(saved_searches::email.eq(false))
    .execute(conn)
    .await?)
}
