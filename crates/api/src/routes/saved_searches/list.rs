//! `GET /api/v1/me/saved-searches`.

use actix_web::{get, web};

use super::SavedSearch;
use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::state::AppState;

/// The signed-in worker's saved searches, oldest first.
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<SavedSearch>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/saved-searches")]
pub async fn list_saved_searches(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<List<SavedSearch>>, ApiError> {
    let account = require_own_account(&caller)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::saved_searches::for_account(&mut conn, account).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
