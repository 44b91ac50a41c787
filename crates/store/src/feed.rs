//! The change feed: what became public, changed, or stopped being public.
//!
//! Rows are read in (writing transaction id, row id) order, and only rows written by transactions
//! older than the oldest transaction still running: those can no longer be joined by a late
//! commit, so a reader that resumes from its cursor never misses one.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::postings::PostingRow;
use crate::schema::{feed_events, postings};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Upsert,
    Delete,
}

/// Records that a posting's public state changed: a feed event for apps and an outbox row for
/// the search index, in the caller's transaction.
pub async fn record(
    conn: &mut AsyncPgConnection,
    posting: Uuid,
    kind: &str,
    change: Change,
) -> Result<(), Error> {
    crate::search_outbox::enqueue(conn, posting).await?;
    diesel::insert_into(feed_events::table)
        .values((
            feed_events::posting_id.eq(posting),
            feed_events::kind.eq(kind),
            feed_events::change.eq(match change {
                Change::Upsert => "upsert",
                Change::Delete => "delete",
            }),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A position in the feed: the last event a reader has seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Cursor {
    pub xact_id: i64,
    pub id: i64,
}

impl Cursor {
    pub fn encode(self) -> String {
        format!("{}-{}", self.xact_id, self.id)
    }

    pub fn decode(text: &str) -> Option<Cursor> {
        let (x, i) = text.split_once('-')?;
        Some(Cursor {
            xact_id: x.parse().ok()?,
            id: i.parse().ok()?,
        })
    }
}

#[derive(Debug, Clone, PartialEq, QueryableByName)]
pub struct FeedRow {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub id: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub xact_id: i64,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub posting_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub kind: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub change: String,
    #[diesel(sql_type = diesel::sql_types::Timestamptz)]
    pub at: DateTime<Utc>,
}

impl FeedRow {
    pub fn cursor(&self) -> Cursor {
        Cursor {
            xact_id: self.xact_id,
            id: self.id,
        }
    }
}

/// Up to `limit` events after `after`, in order.
pub async fn read(
    conn: &mut AsyncPgConnection,
    after: Cursor,
    limit: i64,
) -> Result<Vec<FeedRow>, Error> {
    Ok(diesel::sql_query(
        "SELECT id, xact_id, posting_id, kind, change, at FROM feed_events \
         WHERE (xact_id, id) > ($1, $2) \
           AND xact_id < pg_snapshot_xmin(pg_current_snapshot())::text::bigint \
         ORDER BY xact_id, id LIMIT $3",
    )
    .bind::<diesel::sql_types::BigInt, _>(after.xact_id)
    .bind::<diesel::sql_types::BigInt, _>(after.id)
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .load(conn)
    .await?)
}

/// The postings that `upsert` events among `rows` name, by id, in one query (a page of the feed
/// costs two queries, whatever its length). Postings deleted since are missing.
pub async fn postings_of(
    conn: &mut AsyncPgConnection,
    rows: &[FeedRow],
) -> Result<std::collections::HashMap<Uuid, PostingRow>, Error> {
    let mut ids: Vec<Uuid> = rows
        .iter()
        .filter(|r| r.change == "upsert")
        .map(|r| r.posting_id)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(std::collections::HashMap::new());
    }
    let found: Vec<PostingRow> = postings::table
        .filter(postings::id.eq_any(&ids))
        .select(PostingRow::as_select())
        .load(conn)
        .await?;
    Ok(found.into_iter().map(|p| (p.id, p)).collect())
}
