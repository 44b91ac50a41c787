//! Sessions: sign in, refresh, sign out.

pub mod create;
pub mod refresh;
pub mod revoke;

use serde::Serialize;
use utoipa::ToSchema;

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

impl From<labour_app::sessions::Tokens> for TokenPair {
    fn from(t: labour_app::sessions::Tokens) -> TokenPair {
        TokenPair {
            access_token: t.access_token,
            token_type: "Bearer",
            expires_in: t.expires_in,
            refresh_token: t.refresh_token,
        }
    }
}
