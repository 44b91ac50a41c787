//! `DELETE /api/v1/me/saved-searches/{id}`.

use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Deletes one of the signed-in worker's saved searches; its notifications stay.
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The saved search")),
    security(("bearer_token" = [])),
    responses(
        (status = 204),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me/saved-searches/{id}")]
pub async fn delete_saved_search(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    labour_app::saved_searches::delete(&state.app, &caller, id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
