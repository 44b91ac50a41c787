//! The search outbox: which postings the index must catch up with. Several indexers can drain
//! it at once (`FOR UPDATE SKIP LOCKED`); a row goes only after the engine acknowledged it.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::search_outbox;

pub async fn enqueue(conn: &mut AsyncPgConnection, posting: Uuid) -> Result<(), Error> {
    diesel::insert_into(search_outbox::table)
        .values(search_outbox::posting_id.eq(posting))
        .execute(conn)
        .await?;
    Ok(())
}

/// Locks up to `limit` of the oldest rows that no other indexer holds; call in a transaction.
pub async fn claim(conn: &mut AsyncPgConnection, limit: i64) -> Result<Vec<(i64, Uuid)>, Error> {
    Ok(search_outbox::table
        .select((search_outbox::id, search_outbox::posting_id))
        .order(search_outbox::id)
        .limit(limit)
        .for_update()
        .skip_locked()
        .load(conn)
        .await?)
}

pub async fn complete(conn: &mut AsyncPgConnection, ids: &[i64]) -> Result<(), Error> {
    diesel::delete(search_outbox::table.filter(search_outbox::id.eq_any(ids)))
        .execute(conn)
        .await?;
    Ok(())
}

/// How many rows wait, and since when the oldest.
pub async fn depth(conn: &mut AsyncPgConnection) -> Result<(i64, Option<DateTime<Utc>>), Error> {
    Ok(search_outbox::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::min(search_outbox::enqueued_at),
        ))
        .first(conn)
        .await?)
}

/// Queues every posting changed since `since` (what a rebuild may have read before it changed).
pub async fn enqueue_changed_since(
    conn: &mut AsyncPgConnection,
    since: DateTime<Utc>,
) -> Result<usize, Error> {
    Ok(diesel::sql_query(
        "INSERT INTO search_outbox (posting_id) SELECT id FROM postings WHERE updated_at >= $1",
    )
    .bind::<diesel::sql_types::Timestamptz, _>(since)
    .execute(conn)
    .await?)
}

/// Why a batch stayed in the outbox: the database, or the indexing work.
#[derive(Debug)]
pub enum Drained<E> {
    Store(Error),
    Index(E),
}

impl<E> From<Error> for Drained<E> {
    fn from(e: Error) -> Self {
        Drained::Store(e)
    }
}

impl<E> From<diesel::result::Error> for Drained<E> {
    fn from(e: diesel::result::Error) -> Self {
        Drained::Store(e.into())
    }
}

/// The work `drain` hands a batch to.
pub type IndexFuture<'c, E> =
    std::pin::Pin<Box<dyn std::future::Future<Output = Result<(), E>> + Send + 'c>>;

/// Claims a batch and hands its posting ids to `index` inside one transaction; the rows are
/// deleted only when `index` succeeds, and stay (unlocked again) when it fails.
pub async fn drain<E: Send>(
    conn: &mut AsyncPgConnection,
    limit: i64,
    index: impl for<'c> FnOnce(&'c mut AsyncPgConnection, Vec<Uuid>) -> IndexFuture<'c, E> + Send,
) -> Result<usize, Drained<E>> {
    use diesel_async::AsyncConnection;
    conn.transaction::<_, Drained<E>, _>(async move |conn| {
        let claimed = claim(conn, limit).await?;
        if claimed.is_empty() {
            return Ok(0);
        }
        let mut ids: Vec<Uuid> = claimed.iter().map(|(_, p)| *p).collect();
        ids.sort();
        ids.dedup();
        index(conn, ids).await.map_err(Drained::Index)?;
        let outbox_ids: Vec<i64> = claimed.iter().map(|(id, _)| *id).collect();
        complete(conn, &outbox_ids).await?;
        Ok(outbox_ids.len())
    })
    .await
}
