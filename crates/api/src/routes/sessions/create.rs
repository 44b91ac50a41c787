//! `POST /api/v1/sessions`: sign in.

use actix_web::{HttpResponse, post, web};
use labour_app::sessions::create::SignIn;
use serde::Deserialize;
use utoipa::ToSchema;

use super::TokenPair;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Email address or mobile number.
    #[schema(example = "an.nguyen@example.vn")]
    pub identifier: String,
    pub password: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginRequest([hidden])")
    }
}

/// Signs in with an email or phone and a password. Unknown accounts and wrong passwords get the
/// same answer after the same work. An address that keeps failing for an account (or for many)
/// waits (429); an account that fails from many addresses is slowed down, its sign-ins taking
/// turns, but a correct password from another address always gets in.
#[utoipa::path(
    tag = "accounts",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/sessions")]
pub async fn create_session(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = SignIn {
        identifier: body.identifier,
        password: body.password,
    };
    let tokens = labour_app::sessions::create(&state.app, &state.auth, &caller, input).await?;
    Ok(HttpResponse::Ok().json(TokenPair::from(tokens)))
}
