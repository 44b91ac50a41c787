//! Sessions (one per login) and their refresh tokens, stored only as SHA-256 hashes and rotated
//! on every use. Presenting a token that was already exchanged is reuse: a sign that it was
//! stolen, so the account is signed out everywhere.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::{refresh_tokens, sessions};

pub async fn create(
    conn: &mut AsyncPgConnection,
    session: Uuid,
    account: Uuid,
    token_hash: &[u8],
    expires_at: DateTime<Utc>,
) -> Result<(), Error> {
    let token_hash = token_hash.to_vec();
    conn.transaction::<_, Error, _>(async move |conn| {
        diesel::insert_into(sessions::table)
            .values((sessions::id.eq(session), sessions::account_id.eq(account)))
            .execute(conn)
            .await?;
        diesel::insert_into(refresh_tokens::table)
            .values((
                refresh_tokens::token_hash.eq(token_hash),
                refresh_tokens::session_id.eq(session),
                refresh_tokens::expires_at.eq(expires_at),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// A refresh token's session, when it was used, when it expires, its account, and when the
/// session was revoked.
type TokenState = (
    Uuid,
    Option<DateTime<Utc>>,
    DateTime<Utc>,
    Uuid,
    Option<DateTime<Utc>>,
);

/// What exchanging a refresh token came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotation {
    /// The new token is stored; the session and its account are returned.
    Rotated { session: Uuid, account: Uuid },
    /// Unknown, expired, or its session was revoked.
    Invalid,
    /// The token had already been exchanged: every session of the account is now revoked.
    Reused { account: Uuid },
}

/// Exchanges `presented` for `next`, atomically: of two concurrent uses, one rotates and the
/// other counts as reuse.
pub async fn rotate(
    conn: &mut AsyncPgConnection,
    presented: &[u8],
    next: &[u8],
    expires_at: DateTime<Utc>,
) -> Result<Rotation, Error> {
    let presented = presented.to_vec();
    let next = next.to_vec();
    conn.transaction::<_, Error, _>(async move |conn| {
        let row: Option<TokenState> = refresh_tokens::table
            .inner_join(sessions::table)
            .filter(refresh_tokens::token_hash.eq(&presented))
            .select((
                refresh_tokens::session_id,
                refresh_tokens::used_at,
                refresh_tokens::expires_at,
                sessions::account_id,
                sessions::revoked_at,
            ))
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let Some((session, used_at, expires, account, revoked_at)) = row else {
            return Ok(Rotation::Invalid);
        };
        if used_at.is_some() {
            revoke_all(conn, account, "refresh token reused").await?;
            return Ok(Rotation::Reused { account });
        }
        if revoked_at.is_some() || expires <= Utc::now() {
            return Ok(Rotation::Invalid);
        }
        diesel::update(refresh_tokens::table.find(&presented))
            .set(refresh_tokens::used_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
        diesel::insert_into(refresh_tokens::table)
            .values((
                refresh_tokens::token_hash.eq(&next),
                refresh_tokens::session_id.eq(session),
                refresh_tokens::expires_at.eq(expires_at),
            ))
            .execute(conn)
            .await?;
        Ok(Rotation::Rotated { session, account })
    })
    .await
}

/// Revokes the session a refresh token belongs to; returns its account when there was one.
pub async fn revoke_by_token(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
) -> Result<Option<Uuid>, Error> {
    let found: Option<(Uuid, Uuid)> = refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select((sessions::id, sessions::account_id))
        .first(conn)
        .await
        .optional()?;
    let Some((session, account)) = found else {
        return Ok(None);
    };
    revoke(conn, session, "logout").await?;
    Ok(Some(account))
}

pub async fn revoke(
    conn: &mut AsyncPgConnection,
    session: Uuid,
    reason: &str,
) -> Result<(), Error> {
    diesel::update(
        sessions::table
            .find(session)
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(diesel::dsl::now),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// Revokes every session of an account and refuses its access tokens issued so far.
pub async fn revoke_all(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    reason: &str,
) -> Result<(), Error> {
    diesel::update(
        sessions::table
            .filter(sessions::account_id.eq(account))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(diesel::dsl::now),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)
    .await?;
    crate::accounts::invalidate_sessions(conn, account).await
}

/// Revokes every session of an account but `keep` (the one changing the password); returns how
/// many were revoked. Their access tokens stop working with them.
pub async fn revoke_others(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    keep: Uuid,
    reason: &str,
) -> Result<usize, Error> {
    Ok(diesel::update(
        sessions::table
            .filter(sessions::account_id.eq(account))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set((
        sessions::revoked_at.eq(diesel::dsl::now),
        sessions::revoked_reason.eq(reason),
    ))
    .execute(conn)
    .await?)
}

/// True when the session exists and is not revoked.
pub async fn is_active(conn: &mut AsyncPgConnection, session: Uuid) -> Result<bool, Error> {
    Ok(diesel::select(diesel::dsl::exists(
        sessions::table
            .find(session)
            .filter(sessions::revoked_at.is_null()),
    ))
    .get_result(conn)
    .await?)
}

/// The session and account a web session's token belongs to, while the token is unused,
/// unexpired and its session not revoked, with when the session began (a sign-out everywhere
/// after that ends it). The web keeps this token in its cookie and never exchanges it.
pub async fn find_by_token(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
) -> Result<Option<(Uuid, Uuid, DateTime<Utc>)>, Error> {
    Ok(refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .filter(refresh_tokens::used_at.is_null())
        .filter(refresh_tokens::expires_at.gt(diesel::dsl::now))
        .filter(sessions::revoked_at.is_null())
        .select((sessions::id, sessions::account_id, sessions::created_at))
        .first(conn)
        .await
        .optional()?)
}
