//! Sessions: sign in, refresh, resume (web cookies), sign out.

pub mod create;
pub mod refresh;
pub mod resume;
pub mod revoke;

pub use self::create::create;
pub use self::refresh::refresh;
pub use self::resume::{Resumed, actor_of, resume};
pub use self::revoke::revoke;

use uuid::Uuid;

use crate::auth::Auth;
use crate::errors::{Error, ErrorCode};

/// A session's tokens: a short-lived access token and a refresh token that works once.
#[derive(Clone)]
pub struct Tokens {
    pub access_token: String,
    /// Seconds until `access_token` expires.
    pub expires_in: i64,
    pub refresh_token: String,
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tokens([hidden])")
    }
}

/// A new access token for the session, with the given refresh token.
fn tokens(auth: &Auth, account: Uuid, session: Uuid, refresh_token: String) -> Tokens {
    let ttl = auth.access_ttl_secs;
    Tokens {
        access_token: auth.jwt.issue(account, session, chrono::Utc::now(), ttl),
        expires_in: ttl,
        refresh_token,
    }
}

pub fn invalid_refresh_token() -> Error {
    Error::new(ErrorCode::InvalidRefreshToken).detail(
        "Mã làm mới không hợp lệ hoặc đã hết hạn; hãy đăng nhập lại.",
        "The refresh token is not valid or has expired; sign in again.",
    )
}
