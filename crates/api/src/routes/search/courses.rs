//! `GET /api/v1/courses`.

use actix_web::{get, web};
use labour_domain::posting::Kind;

use super::{SearchPage, SearchQuery, run};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Searches published courses, with filters, facet counts, sorting and pages.
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
#[get("/courses")]
pub async fn list_courses(
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<web::Json<SearchPage>, ApiError> {
    Ok(web::Json(run(&state, vec![Kind::Course], &query).await?))
}
