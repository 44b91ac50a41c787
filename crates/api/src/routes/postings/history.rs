//! `GET /api/v1/postings/{id}/history`: every step of a posting, from the audit log.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use labour_domain::policy::{Action, Decision, decide};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{facts, load_for};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct HistoryEntry {
    pub at: DateTime<Utc>,
    /// `posting_create`, `posting_submit`, `posting_approve`, `posting_reported`, ...
    pub action: String,
    /// The account that acted (none for the deadline; for a report, shown to staff only).
    pub actor_account: Option<Uuid>,
    pub actor_api_key: Option<Uuid>,
    /// From and to states, the reason, the version.
    #[schema(value_type = Object)]
    pub details: serde_json::Value,
}

/// The posting's history, oldest first (its organisation and staff). The organisation sees
/// reports by day and category only, never who reported.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path)),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<HistoryEntry>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}/history")]
pub async fn get_posting_history(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<HistoryEntry>>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let row = load_for(&mut conn, &caller, id, Action::ReadPostingHistory).await?;
    let rows = labour_store::postings::history(&mut conn, id).await?;
    let sees_reporters = decide(&caller.actor, Action::SeeReporter(facts(&row))) == Decision::Allow;
    Ok(web::Json(List {
        items: rows
            .into_iter()
            .map(|r| {
                if r.action == REPORTED && !sees_reporters {
                    reported_without_reporter(r)
                } else {
                    HistoryEntry {
                        at: r.at,
                        action: r.action,
                        actor_account: r.actor_account,
                        actor_api_key: r.actor_api_key,
                        details: r.details,
                    }
                }
            })
            .collect(),
    }))
}

const REPORTED: &str = "posting_reported";

/// A report as its organisation sees it: that it happened, on which day, and its category; not
/// who made it (an id the organisation would match with its applicants), nor when to the second,
/// nor anything else the entry may carry.
fn reported_without_reporter(r: labour_store::audit::AuditRow) -> HistoryEntry {
    let at =
        r.at.date_naive()
            .and_hms_opt(0, 0, 0)
            .map_or(r.at, |d| d.and_utc());
    let reason = r.details.get("reason").cloned().unwrap_or_default();
    HistoryEntry {
        at,
        action: r.action,
        actor_account: None,
        actor_api_key: None,
        details: serde_json::json!({ "reason": reason }),
    }
}
