//! The search outbox: which postings the index must catch up with. Several indexers can drain
//! it at once: each claims a batch with a lease (`claimed_until`), indexes it with no
//! transaction open, and deletes its rows only after the engine acknowledged them.

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

/// A batch of the outbox claimed for a while: its rows and the token that proves the claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claim {
    pub token: Uuid,
    /// (outbox row, posting), oldest first.
    pub rows: Vec<(i64, Uuid)>,
}

impl Claim {
    /// The postings of the batch, each once.
    pub fn postings(&self) -> Vec<Uuid> {
        let mut ids: Vec<Uuid> = self.rows.iter().map(|(_, p)| *p).collect();
        ids.sort();
        ids.dedup();
        ids
    }
}

/// Claims up to `limit` of the oldest rows for `lease`, in one short statement that commits on
/// its own: rows another indexer holds are skipped (locked now, or leased and not expired), and
/// so are postings another indexer is working on, so a posting is never indexed by two at once
/// (its newer row waits for the older one to finish). A lease that ran out is taken again.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    limit: i64,
    lease: std::time::Duration,
) -> Result<Claim, Error> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        id: i64,
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        posting_id: Uuid,
    }
    let token = Uuid::now_v7();
    let mut rows: Vec<Row> = diesel::sql_query(
        "UPDATE search_outbox SET claimed_until = now() + make_interval(secs => $2), claim_token = $3 \
         WHERE id IN ( \
             SELECT o.id FROM search_outbox o \
             WHERE (o.claimed_until IS NULL OR o.claimed_until < now()) \
               AND NOT EXISTS ( \
                   SELECT 1 FROM search_outbox c \
                   WHERE c.posting_id = o.posting_id AND c.claimed_until >= now()) \
             ORDER BY o.id LIMIT $1 \
             FOR UPDATE SKIP LOCKED) \
         RETURNING id, posting_id",
    )
    .bind::<diesel::sql_types::BigInt, _>(limit)
    .bind::<diesel::sql_types::Double, _>(lease.as_secs_f64())
    .bind::<diesel::sql_types::Uuid, _>(token)
    .load(conn)
    .await?;
    rows.sort_by_key(|r| r.id);
    Ok(Claim {
        token,
        rows: rows.into_iter().map(|r| (r.id, r.posting_id)).collect(),
    })
}

/// Deletes a claimed batch once the engine acknowledged it; returns how many rows went. Rows
/// whose lease ran out and that another indexer took meanwhile are left to it.
pub async fn complete(conn: &mut AsyncPgConnection, claim: &Claim) -> Result<usize, Error> {
    let ids: Vec<i64> = claim.rows.iter().map(|(id, _)| *id).collect();
    Ok(diesel::delete(
        search_outbox::table
            .filter(search_outbox::id.eq_any(ids))
            .filter(search_outbox::claim_token.eq(claim.token)),
    )
    .execute(conn)
    .await?)
}

/// Gives a batch back (its indexing failed), so that the next attempt need not wait for the
/// lease to run out.
pub async fn release(conn: &mut AsyncPgConnection, claim: &Claim) -> Result<(), Error> {
    diesel::update(search_outbox::table.filter(search_outbox::claim_token.eq(claim.token)))
        .set((
            search_outbox::claimed_until.eq(None::<DateTime<Utc>>),
            search_outbox::claim_token.eq(None::<Uuid>),
        ))
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
