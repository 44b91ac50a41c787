//! A posting's history: every step of it from the audit log, as its organisation and staff see
//! it (`GET /postings/{id}/history` and the owner's page). The organisation sees reports by day
//! and category only, never who reported.

use labour_domain::policy::{Action, Decision, decide};
use labour_store::audit::AuditRow;
use uuid::Uuid;

use crate::errors::Error;
use crate::{App, Caller};

/// The audit entry of a report.
pub const REPORTED: &str = "posting_reported";

/// The history of posting `id`, oldest first, for a caller who may read it (its organisation
/// and staff; others get the posting's 404).
pub async fn history(app: &App, caller: &Caller, id: Uuid) -> Result<Vec<AuditRow>, Error> {
    let mut conn = app.conn().await?;
    let row = super::load_for(&mut conn, caller, id, Action::ReadPostingHistory).await?;
    let rows = labour_store::postings::history(&mut conn, id).await?;
    let sees_reporters =
        decide(&caller.actor, Action::SeeReporter(super::facts(&row))) == Decision::Allow;
    Ok(rows
        .into_iter()
        .map(|r| {
            if r.action == REPORTED && !sees_reporters {
                reported_without_reporter(r)
            } else {
                r
            }
        })
        .collect())
}

/// A report as its organisation sees it: that it happened, on which day, and its category; not
/// who made it (an id the organisation would match with its applicants), nor when to the second,
/// nor anything else the entry may carry.
fn reported_without_reporter(r: AuditRow) -> AuditRow {
    let at =
        r.at.date_naive()
            .and_hms_opt(0, 0, 0)
            .map_or(r.at, |d| d.and_utc());
    let reason = r.details.get("reason").cloned().unwrap_or_default();
    AuditRow {
        at,
        actor_account: None,
        actor_api_key: None,
        client_addr: None,
        details: serde_json::json!({ "reason": reason }),
        ..r
    }
}
