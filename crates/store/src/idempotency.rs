//! Idempotent creates: the first request with a key stores its response; a retry with the same
//! key and body gets that response again, and a concurrent retry waits for the first to finish
//! (the key row is locked until its transaction commits).

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use crate::Error;
use crate::schema::idempotency_keys;

/// What a key says about this request.
#[derive(Debug, Clone, PartialEq)]
pub enum Claim {
    /// First use: go ahead, then call `store`.
    Fresh,
    /// Seen before with the same body: answer this.
    Replay {
        status: i32,
        body: serde_json::Value,
    },
    /// Seen before with another body.
    Mismatch,
}

/// Claims `key` for `actor`; call inside the transaction that does the work.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    actor: &str,
    key: &str,
    request_hash: &[u8],
) -> Result<Claim, Error> {
    let inserted = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::actor.eq(actor),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted == 1 {
        return Ok(Claim::Fresh);
    }
    let (hash, status, body): (Vec<u8>, Option<i32>, Option<serde_json::Value>) =
        idempotency_keys::table
            .find((actor, key))
            .select((
                idempotency_keys::request_hash,
                idempotency_keys::status,
                idempotency_keys::body,
            ))
            .first(conn)
            .await?;
    if hash != request_hash {
        return Ok(Claim::Mismatch);
    }
    Ok(match (status, body) {
        (Some(status), Some(body)) => Claim::Replay { status, body },
        // The first attempt failed before storing an answer (its transaction rolled back the
        // claim, so this cannot normally be seen); treat as new.
        _ => Claim::Fresh,
    })
}

pub async fn store(
    conn: &mut AsyncPgConnection,
    actor: &str,
    key: &str,
    status: i32,
    body: &serde_json::Value,
) -> Result<(), Error> {
    diesel::update(idempotency_keys::table.find((actor, key)))
        .set((
            idempotency_keys::status.eq(status),
            idempotency_keys::body.eq(body),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
