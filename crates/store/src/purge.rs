//! Deletes what is past its use: idempotency keys older than their window, refresh tokens past
//! their expiry, sessions none of whose refresh tokens is still valid, and feed events a later
//! event of the same posting has superseded. Each is one statement the purge job runs on its
//! schedule; each returns how many rows went.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::Error;
use crate::schema::{idempotency_keys, refresh_tokens};

/// Idempotency keys first used before `before`: a retry that late is a new request.
pub async fn idempotency_keys(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
) -> Result<usize, Error> {
    Ok(
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(before)))
            .execute(conn)
            .await?,
    )
}

/// Sessions with no refresh token valid at `now`, revoked or not, with their tokens. A revoked
/// session stays until then, so that a stolen token of it presented late still counts as reuse;
/// its access tokens are refused either way (a session that is gone is not active).
pub async fn sessions(conn: &mut AsyncPgConnection, now: DateTime<Utc>) -> Result<usize, Error> {
    Ok(diesel::sql_query(
        "DELETE FROM sessions s WHERE NOT EXISTS ( \
             SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id AND t.expires_at > $1)",
    )
    .bind::<diesel::sql_types::Timestamptz, _>(now)
    .execute(conn)
    .await?)
}

/// Refresh tokens expired at `now`, used or not: exchanging one is refused either way, and a
/// used one no longer needs keeping to detect its reuse.
pub async fn refresh_tokens(
    conn: &mut AsyncPgConnection,
    now: DateTime<Utc>,
) -> Result<usize, Error> {
    Ok(
        diesel::delete(refresh_tokens::table.filter(refresh_tokens::expires_at.le(now)))
            .execute(conn)
            .await?,
    )
}

/// Feed events from before `before` that a later event of the same posting supersedes, one
/// readers can already see. The latest event of every posting is always kept, so a reader
/// however far behind still ends with every posting as it is: an `upsert` carries the posting
/// as it is now, so the events dropped told nothing the kept one does not.
pub async fn feed_events(
    conn: &mut AsyncPgConnection,
    before: DateTime<Utc>,
) -> Result<usize, Error> {
    Ok(diesel::sql_query(
        "DELETE FROM feed_events f WHERE f.at < $1 AND EXISTS ( \
             SELECT 1 FROM feed_events g \
             WHERE g.posting_id = f.posting_id AND (g.xact_id, g.id) > (f.xact_id, f.id) \
               AND g.xact_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint)",
    )
    .bind::<diesel::sql_types::Timestamptz, _>(before)
    .execute(conn)
    .await?)
}
