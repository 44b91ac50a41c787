//! `POST /api/v1/password-resets/confirm`: a new password, with a link's token or a code.

use actix_web::{HttpResponse, post, web};
use labour_app::passwords::confirm::{Confirm, Proof};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

/// Send `token` (from the emailed link), or `phone` and `code` (from staff), and the new password.
#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({ "phone": "0912 345 678", "code": "ABCDE-FGHJK", "new_password": "mật khẩu mới đủ dài" }))]
pub struct ConfirmPasswordResetRequest {
    /// The `token` of the emailed link.
    pub token: Option<String>,
    /// The account's mobile number (with `code`).
    #[schema(example = "0912 345 678")]
    pub phone: Option<String>,
    /// The code staff issued, in any case, with or without the hyphen.
    #[schema(example = "ABCDE-FGHJK")]
    pub code: Option<String>,
    /// The new password: 8 to 128 characters, any characters (the sign-up rules).
    pub new_password: String,
}

impl std::fmt::Debug for ConfirmPasswordResetRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ConfirmPasswordResetRequest([hidden])")
    }
}

/// Sets a new password. The token or code then stops working (with every other open one of the
/// account) and the account is signed out everywhere; sign in with the new password. An
/// unknown, expired or used token is `invalid_reset_token`; a wrong phone or code is
/// `invalid_reset_code`, counted against the sign-in limits (429 past them), and five wrong
/// codes give the account's open codes up.
#[utoipa::path(
    tag = "accounts",
    request_body = ConfirmPasswordResetRequest,
    responses(
        (status = 204, description = "Password set; every session signed out"),
        (status = 401, body = Problem, content_type = "application/problem+json",
            description = "`invalid_reset_token` or `invalid_reset_code`"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/password-resets/confirm")]
pub async fn confirm_password_reset(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<ConfirmPasswordResetRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = Confirm {
        proof: Proof::from_parts(body.token, body.phone, body.code)?,
        new_password: body.new_password,
    };
    labour_app::passwords::confirm(&state.app, &state.auth, &caller, input).await?;
    Ok(HttpResponse::NoContent().finish())
}
