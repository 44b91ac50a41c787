//! `GET /api/v1/postings/{id}/history`: every step of a posting, from the audit log.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

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
    let rows = labour_app::postings::history(&state.app, &caller, id.into_inner()).await?;
    Ok(web::Json(List {
        items: rows
            .into_iter()
            .map(|r| HistoryEntry {
                at: r.at,
                action: r.action,
                actor_account: r.actor_account,
                actor_api_key: r.actor_api_key,
                details: r.details,
            })
            .collect(),
    }))
}
