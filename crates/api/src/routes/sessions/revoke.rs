//! `POST /api/v1/sessions/revoke`: sign out.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Deserialize, ToSchema, Default)]
#[serde(deny_unknown_fields)]
pub struct RevokeRequest {
    /// The session's refresh token. Without it, the session of the access token is ended.
    pub refresh_token: Option<String>,
}

impl std::fmt::Debug for RevokeRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RevokeRequest([hidden])")
    }
}

/// Ends a session: its refresh token and its access tokens stop working. Always 204, so the
/// answer says nothing about the token sent.
#[utoipa::path(
    tag = "accounts",
    request_body = RevokeRequest,
    security((), ("bearer_token" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/sessions/revoke")]
pub async fn revoke_session(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<RevokeRequest>,
) -> Result<HttpResponse, ApiError> {
    labour_app::sessions::revoke(&state.app, &caller, body.refresh_token.as_deref()).await?;
    Ok(HttpResponse::NoContent().finish())
}
