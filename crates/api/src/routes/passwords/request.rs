//! `POST /api/v1/password-resets`: a person who forgot their password asks for a link by email.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::routes::accounts::create::Accepted;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PasswordResetRequest {
    /// The email address of the account.
    #[schema(example = "an.nguyen@example.vn")]
    pub email: String,
}

/// Sends a link to `<public_url>/reset-password?token=...` to the email, when an account has it;
/// the link works once, for 30 minutes. The answer is the same whether or not an account has
/// the email, so nobody learns who is registered. Limited per client address
/// (`LABOUR_PASSWORD_RESETS_PER_ADDRESS` an hour) and per email address
/// (`LABOUR_PASSWORD_RESETS_PER_ACCOUNT` an hour, known or not). Accounts with only a phone get
/// a code from staff of the employment service centre instead.
#[utoipa::path(
    tag = "accounts",
    request_body = PasswordResetRequest,
    responses(
        (status = 202, body = Accepted, description = "Sent, if an account has this email"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/password-resets")]
pub async fn request_password_reset(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<PasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    labour_app::passwords::request(&state.app, &state.auth, &caller, &body.email).await?;
    Ok(HttpResponse::Accepted().json(Accepted { status: "accepted" }))
}
