//! What the sitemap lists: the public pages' ids, a slice at a time (a sitemap file holds at
//! most 50,000 addresses).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::posting::State;
use uuid::Uuid;

use crate::Error;
use crate::schema::{organisations, postings};

/// How many published postings and verified organisations there are (the pages anyone sees).
pub async fn counts(conn: &mut AsyncPgConnection) -> Result<(i64, i64), Error> {
    let postings_ = postings::table
        .filter(postings::state.eq(State::Published.as_str()))
        .count()
        .get_result(conn)
        .await?;
    let organisations_ = organisations::table
        .filter(organisations::verification.eq(Verification::Verified.as_str()))
        .count()
        .get_result(conn)
        .await?;
    Ok((postings_, organisations_))
}

/// Published postings in id order, from `offset`, with when each last changed.
pub async fn postings(
    conn: &mut AsyncPgConnection,
    offset: i64,
    limit: i64,
) -> Result<Vec<(Uuid, DateTime<Utc>)>, Error> {
    Ok(postings::table
        .filter(postings::state.eq(State::Published.as_str()))
        .select((postings::id, postings::updated_at))
        .order(postings::id)
        .offset(offset)
        .limit(limit)
        .load(conn)
        .await?)
}

/// Verified organisations in id order, from `offset`.
pub async fn organisations(
    conn: &mut AsyncPgConnection,
    offset: i64,
    limit: i64,
) -> Result<Vec<Uuid>, Error> {
    Ok(organisations::table
        .filter(organisations::verification.eq(Verification::Verified.as_str()))
        .select(organisations::id)
        .order(organisations::id)
        .offset(offset)
        .limit(limit)
        .load(conn)
        .await?)
}
