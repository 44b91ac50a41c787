//! `POST /api/v1/sessions/refresh`: a new token pair for a refresh token, which then stops working.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use super::TokenPair;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RefreshRequest {
    pub refresh_token: String,
}

impl std::fmt::Debug for RefreshRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RefreshRequest([hidden])")
    }
}

/// Exchanges a refresh token for a new pair. Each refresh token works once: presenting one that
/// was already exchanged means it was copied, and signs the account out everywhere.
#[utoipa::path(
    tag = "accounts",
    request_body = RefreshRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/sessions/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let tokens =
        labour_app::sessions::refresh(&state.app, &state.auth, &caller, &body.refresh_token)
            .await?;
    Ok(HttpResponse::Ok().json(TokenPair::from(tokens)))
}
