//! A worker's profile, read by the worker or by staff; every staff read is audited.

use diesel_async::AsyncConnection;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use labour_store::workers::ProfileRow;
use uuid::Uuid;

use crate::errors::Error;
use crate::{App, Caller, policy};

fn not_found(id: Uuid) -> Error {
    Error::not_found("hồ sơ người lao động", "worker profile", &id.to_string())
}

/// The profile of worker `id`; a read by anyone but the worker writes its audit row in the
/// same transaction, so no read goes unrecorded.
pub async fn profile(app: &App, caller: &Caller, id: Uuid) -> crate::Result<ProfileRow> {
    policy::require(caller, Action::ReadWorkerProfile { worker: id }, || {
        not_found(id)
    })?;
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = labour_store::workers::find(conn, id)
            .await?
            .ok_or_else(|| not_found(id))?;
        if caller.account() != Some(id) {
            let addr = caller.addr_string();
            let event = Event {
                subject_type: Some("account"),
                subject_id: Some(id.to_string()),
                ..caller.event("profile_read", &addr)
            };
            labour_store::audit::record(conn, event).await?;
        }
        Ok(row)
    })
    .await
}
