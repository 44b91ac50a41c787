//! Password resets: the emailed link's token or the staff-issued code, kept only as a hash,
//! single-use and expiring. Using one (or giving one up) marks every open reset of the account.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::password_resets;

/// How a reset reached the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// A link in an email.
    Email,
    /// A code staff handed over in person (or sent by SMS).
    StaffCode,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::StaffCode => "staff_code",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = password_resets)]
pub struct ResetRow {
    pub id: Uuid,
    pub account_id: Uuid,
    pub secret_hash: Vec<u8>,
    pub failed_attempts: i32,
}

#[derive(Debug, Clone)]
pub struct NewReset<'a> {
    pub id: Uuid,
    pub account: Uuid,
    pub channel: Channel,
    pub secret_hash: &'a [u8],
    pub issued_by: Option<Uuid>,
    pub expires_at: DateTime<Utc>,
}

pub async fn insert(conn: &mut AsyncPgConnection, new: &NewReset<'_>) -> Result<(), Error> {
    diesel::insert_into(password_resets::table)
        .values((
            password_resets::id.eq(new.id),
            password_resets::account_id.eq(new.account),
            password_resets::channel.eq(new.channel.as_str()),
            password_resets::secret_hash.eq(new.secret_hash),
            password_resets::issued_by.eq(new.issued_by),
            password_resets::expires_at.eq(new.expires_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The unused, unexpired reset of `channel` with this hash, locked until the transaction ends
/// when `lock` is set (so two confirmations cannot both use it).
pub async fn find_open(
    conn: &mut AsyncPgConnection,
    channel: Channel,
    secret_hash: &[u8],
    lock: bool,
) -> Result<Option<ResetRow>, Error> {
    let query = password_resets::table
        .filter(password_resets::secret_hash.eq(secret_hash))
        .filter(password_resets::channel.eq(channel.as_str()))
        .filter(password_resets::used_at.is_null())
        .filter(password_resets::expires_at.gt(diesel::dsl::now))
        .select(ResetRow::as_select());
    let found = if lock {
        query.for_update().first(conn).await
    } else {
        query.first(conn).await
    };
    Ok(found.optional()?)
}

/// Counts a wrong code against every open code of the account; those that reach `max` wrong
/// codes are given up. Returns how many were given up.
pub async fn count_failure(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    max: i32,
) -> Result<usize, Error> {
    let open = password_resets::table
        .filter(password_resets::account_id.eq(account))
        .filter(password_resets::channel.eq(Channel::StaffCode.as_str()))
        .filter(password_resets::used_at.is_null());
    diesel::update(open)
        .set(password_resets::failed_attempts.eq(password_resets::failed_attempts + 1))
        .execute(conn)
        .await?;
    let given_up = diesel::update(open.filter(password_resets::failed_attempts.ge(max)))
        .set(password_resets::used_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(given_up)
}

/// Marks every open reset of the account used: once a password is set, no older link or code
/// works.
pub async fn consume_all(conn: &mut AsyncPgConnection, account: Uuid) -> Result<(), Error> {
    diesel::update(
        password_resets::table
            .filter(password_resets::account_id.eq(account))
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Marks the account's open staff codes used: a new code replaces them.
pub async fn consume_codes(conn: &mut AsyncPgConnection, account: Uuid) -> Result<(), Error> {
    diesel::update(
        password_resets::table
            .filter(password_resets::account_id.eq(account))
            .filter(password_resets::channel.eq(Channel::StaffCode.as_str()))
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(())
}

/// Forgets resets that expired more than a day ago (the audit log keeps what happened).
pub async fn purge_expired(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    Ok(diesel::delete(
        password_resets::table
            .filter(password_resets::expires_at.lt(now - chrono::Duration::days(1))),
    )
    .execute(conn)
    .await?)
}
