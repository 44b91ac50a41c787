//! `DELETE /api/v1/organisations/{id}/api-keys/{key_id}`.

use actix_web::{HttpResponse, delete, web};
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Revokes a key at once: requests with it get 401 from then on.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "Organisation id"), ("key_id" = Uuid, Path)),
    security(("bearer_token" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/organisations/{id}/api-keys/{key_id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, key_id) = path.into_inner();
    labour_app::api_keys::revoke(&state.app, &caller, id, key_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
