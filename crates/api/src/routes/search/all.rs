//! `GET /api/v1/search`: jobs, courses and training needs at once.

use actix_web::{get, web};
use labour_domain::posting::Kind;

use super::{SearchPage, SearchQuery, run};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Searches all three kinds at once; each hit says its `kind`.
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
#[get("/search")]
pub async fn search_all(
    state: web::Data<AppState>,
    query: web::Query<SearchQuery>,
) -> Result<web::Json<SearchPage>, ApiError> {
    Ok(web::Json(
        run(
            &state,
            vec![Kind::Job, Kind::Course, Kind::TrainingNeed],
            &query,
        )
        .await?,
    ))
}
