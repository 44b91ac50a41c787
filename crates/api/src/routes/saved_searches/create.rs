//! `POST /api/v1/me/saved-searches`.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::SavedSearch;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SaveSearchRequest {
    /// A name to recognise it by, e.g. "Thợ hàn ở Đồng Bành".
    pub name: String,
    /// `job` (default), `course`, `training_need` or `all`.
    pub kind: Option<String>,
    /// Search parameters as `GET /api/v1/jobs` takes them, as strings: `q`, `occupation_group`,
    /// `occupation`, `zone`, `commune`, `level`, `salary_min`, `shift`, `mode`,
    /// `learner_support`, `open`, `start_from`, `start_to`.
    #[schema(value_type = Object, example = json!({"q": "thợ hàn", "zone": "6f1c…"}))]
    pub query: serde_json::Value,
    /// Send matches in the daily email digest (default true).
    pub email: Option<bool>,
}

/// Saves a search; postings published from now on that match it notify the worker.
#[utoipa::path(
    tag = "workers",
    request_body = SaveSearchRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = SavedSearch),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/saved-searches")]
pub async fn create_saved_search(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<SaveSearchRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = labour_app::saved_searches::NewSearch {
        name: body.name,
        kind: body.kind.unwrap_or_else(|| "job".into()),
        query: body.query,
        email: body.email.unwrap_or(true),
    };
    let row = labour_app::saved_searches::create(&state.app, &caller, input).await?;
    Ok(HttpResponse::Created().json(SavedSearch::from(row)))
}
