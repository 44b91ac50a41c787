//! `DELETE /api/v1/me`: a person erases their account.

use actix_web::{HttpResponse, delete, web};

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Deletes the signed-in account with its profile, sessions, memberships and reports. Postings
/// belong to organisations and stay.
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me")]
pub async fn delete_me(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    labour_app::me::delete(&state.app, &caller).await?;
    Ok(HttpResponse::NoContent().finish())
}
