//! `PUT /api/v1/me/password`: the signed-in person changes their password.

use actix_web::{HttpResponse, put, web};
use labour_app::passwords::change::ChangePassword;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangePasswordRequest {
    /// The password the account has now.
    pub current_password: String,
    /// The new password: 8 to 128 characters, any characters (the sign-up rules).
    pub new_password: String,
}

impl std::fmt::Debug for ChangePasswordRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangePasswordRequest([hidden])")
    }
}

/// Changes the signed-in account's password. A wrong current password is a 422 with an error on
/// `current_password` (`wrong_password`), and counts against the sign-in limits (429 past them).
/// Every other session of the account is signed out (its tokens stop working) and open reset
/// links and codes stop working; the session that sent this stays signed in. Not idempotent by
/// key: a retry after success fails on `current_password`, which is the truth.
#[utoipa::path(
    tag = "accounts",
    request_body = ChangePasswordRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 204, description = "Changed; other sessions signed out"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[put("/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ChangePasswordRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = ChangePassword {
        current_password: body.current_password,
        new_password: body.new_password,
    };
    labour_app::passwords::change(&state.app, &state.auth, &caller, input).await?;
    Ok(HttpResponse::NoContent().finish())
}
