//! `POST /api/v1/sessions/refresh`: a new token pair for a refresh token, which then stops working.

use actix_web::{HttpResponse, post, web};
use labour_store::audit::Event;
use labour_store::sessions::Rotation;
use serde::Deserialize;
use utoipa::ToSchema;

use super::{TokenPair, invalid_refresh_token, pair};
use crate::auth::Caller;
use crate::auth::tokens::{hash_secret, new_refresh_token};
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
    let (next, next_hash) = new_refresh_token();
    let expires = chrono::Utc::now() + state.auth.refresh_ttl;
    let mut conn = state.conn().await?;
    let presented = hash_secret(&body.refresh_token);
    match labour_store::sessions::rotate(&mut conn, &presented, &next_hash, expires).await? {
        Rotation::Rotated { session, account } => {
            Ok(HttpResponse::Ok().json(pair(&state, account, session, next)))
        }
        Rotation::Reused { account } => {
            tracing::warn!(account.id = %account, "refresh token reused: all sessions of the account revoked");
            let addr = caller.addr_string();
            let event = Event {
                subject_type: Some("account"),
                subject_id: Some(account.to_string()),
                ..caller.event("refresh_token_reused", &addr)
            };
            labour_store::audit::record(&mut conn, event).await?;
            Err(invalid_refresh_token())
        }
        Rotation::Invalid => Err(invalid_refresh_token()),
    }
}
