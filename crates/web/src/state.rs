//! What every page can reach: the use cases' context, the authentication shared with the API
//! (so sign-in limits count both faces together) and the web face's own settings.

use std::sync::Arc;

#[derive(Clone, Debug)]
pub struct WebState {
    pub app: labour_app::App,
    pub auth: Arc<labour_app::auth::Auth>,
    pub settings: WebSettings,
}

#[derive(Clone, Debug)]
pub struct WebSettings {
    /// Cookies carry `Secure`: set when the portal's public address is HTTPS.
    pub secure_cookies: bool,
    /// Read the client's address from `X-Forwarded-For` (behind a trusted proxy).
    pub trust_forwarded_for: bool,
    /// How long a signed-in session lasts, in days (the refresh token's lifetime).
    pub session_days: i64,
}

impl std::ops::Deref for WebState {
    type Target = labour_app::App;
    fn deref(&self) -> &labour_app::App {
        &self.app
    }
}
