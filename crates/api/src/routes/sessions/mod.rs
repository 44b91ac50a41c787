//! Sessions: sign in, refresh, sign out.

pub mod create;
pub mod refresh;
pub mod revoke;

use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::errors::ApiError;
use crate::state::AppState;

/// Tokens of a session. Send `access_token` as `Authorization: Bearer ...`; when it expires,
/// exchange `refresh_token` for a new pair (each refresh token works once).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenPair {
    pub access_token: String,
    #[schema(example = "Bearer")]
    pub token_type: &'static str,
    /// Seconds until `access_token` expires.
    #[schema(example = 900)]
    pub expires_in: i64,
    pub refresh_token: String,
}

/// A new access token for the session, with the given refresh token.
pub fn pair(state: &AppState, account: Uuid, session: Uuid, refresh_token: String) -> TokenPair {
    let ttl = state.auth.access_ttl_secs;
    TokenPair {
        access_token: state
            .auth
            .jwt
            .issue(account, session, chrono::Utc::now(), ttl),
        token_type: "Bearer",
        expires_in: ttl,
        refresh_token,
    }
}

pub fn invalid_refresh_token() -> ApiError {
    ApiError::new(crate::errors::ErrorCode::InvalidRefreshToken).detail(
        "Mã làm mới không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.",
        "The refresh token is not valid or has expired; sign in again.",
    )
}
