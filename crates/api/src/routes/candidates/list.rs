//! `GET /api/v1/postings/{id}/candidates`: the mirror of recommendations for enterprises.

use actix_web::{HttpRequest, get, web};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::matching::{ReasonView, reasons};
use crate::pagination::List;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Candidate {
    pub worker_id: Uuid,
    /// 0 to 100.
    pub score: u32,
    pub reasons: Vec<ReasonView>,
    /// The level the job asks for when this worker has not reached it (a trainee, not a hire).
    pub missing_level: Option<String>,
    /// Only the profile fields the worker chose to show when found.
    #[schema(value_type = Object)]
    pub shared: serde_json::Value,
}

/// Workers who opted in to be found, best fit first, each showing only what they chose to
/// share (the posting's organisation and staff).
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "A job, training need or course")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<Candidate>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}/candidates")]
pub async fn list_candidates(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<Candidate>>, ApiError> {
    let found = labour_app::candidates::list(&state.app, &caller, id.into_inner()).await?;
    let reference = state.reference().await?;
    let lang = crate::lang::from_headers(req.headers());
    let items = found
        .into_iter()
        .map(|c| Candidate {
            worker_id: c.worker_id,
            score: c.fit.score,
            reasons: reasons(&c.fit.reasons, &reference.levels, lang),
            missing_level: c.fit.missing_level,
            shared: c.shared,
        })
        .collect();
    Ok(web::Json(List { items }))
}
