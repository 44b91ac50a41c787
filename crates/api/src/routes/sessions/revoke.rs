//! `POST /api/v1/sessions/revoke`: sign out.

use actix_web::{HttpResponse, post, web};
use labour_store::audit::Event;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::auth::tokens::hash_secret;
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
    let mut conn = state.conn().await?;
    let mut account = None;
    if let Some(token) = &body.refresh_token {
        account = labour_store::sessions::revoke_by_token(&mut conn, &hash_secret(token)).await?;
    }
    if let Some(session) = caller.session {
        labour_store::sessions::revoke(&mut conn, session, "logout").await?;
        account = account.or(caller.account());
    }
    if let Some(account) = account {
        let addr = caller.addr_string();
        let event = Event {
            actor_account: Some(account),
            subject_type: Some("account"),
            subject_id: Some(account.to_string()),
            ..caller.event("logout", &addr)
        };
        labour_store::audit::record(&mut conn, event).await?;
    }
    Ok(HttpResponse::NoContent().finish())
}
