//! `GET /api/v1/jobs`.

use actix_web::{get, web};
use labour_domain::posting::Kind;

use super::{SearchPage, SearchQuery, run};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Searches published job openings, with filters, facet counts, sorting and pages.
#[utoipa::path(
    tag = "search",
    params(SearchQuery),
    security((), ("api_key" = [])),
    responses(
        (status = 200, body = SearchPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/jobs")]
pub async fn list_jobs(
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<web::Json<SearchPage>, ApiError> {
    Ok(web::Json(run(&state, vec![Kind::Job], &query).await?))
}
