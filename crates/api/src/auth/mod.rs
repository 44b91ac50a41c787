//! Authentication (who is calling) and the bridge to the policy (what they may do).

pub mod caller;
pub mod secret;

pub use labour_app::auth::{limits, password, tokens};
use labour_domain::policy::Action;

pub use self::caller::{Caller, authenticate};
use crate::config::AuthConfig;
use crate::errors::ApiError;

/// Everything authentication needs, built once at start-up: the use-case layer's part (token
/// keys, password hasher, rate limits; `Deref`) and how this face finds the client's address.
#[derive(Debug)]
pub struct AuthState {
    /// Shared with the web face, so sign-in limits count both faces' attempts together.
    pub auth: std::sync::Arc<labour_app::auth::Auth>,
    pub trust_forwarded_for: bool,
}

impl std::ops::Deref for AuthState {
    type Target = labour_app::auth::Auth;
    fn deref(&self) -> &labour_app::auth::Auth {
        &self.auth
    }
}

#[derive(Debug, thiserror::Error)]
pub enum AuthSetupError {
    #[error("argon2 parameters: {0}")]
    Argon2(String),
    #[error("{0}")]
    Secret(#[from] secret::SecretError),
    #[error("{0}")]
    Mail(#[from] labour_app::jobs::digest::MailSetupError),
}

impl AuthState {
    pub fn new(config: &AuthConfig, signing_secret: &[u8]) -> Result<AuthState, AuthSetupError> {
        let settings = labour_app::auth::AuthSettings {
            argon2_memory_kib: config.argon2_memory_kib,
            argon2_iterations: config.argon2_iterations,
            argon2_parallelism: config.argon2_parallelism,
            argon2_max_memory_mib: config.argon2_max_memory_mib,
            access_token_ttl_secs: config.access_token_ttl_secs,
            refresh_token_ttl_days: config.refresh_token_ttl_days,
            limits: limits::LimitSettings {
                failures_per_account_and_address: config.login_attempts_per_account,
                failures_per_address: config.login_attempts_per_address,
                failures_before_slowdown: config.login_failures_before_slowdown,
                slowdown: std::time::Duration::from_millis(config.login_slowdown_ms),
                signups_per_address_hour: config.signups_per_address,
                password_resets_per_address_hour: config.password_resets_per_address,
                password_resets_per_account_hour: config.password_resets_per_account,
                api_key_requests_per_minute: config.api_key_requests_per_minute,
            },
        };
        Ok(AuthState {
            auth: std::sync::Arc::new(
                labour_app::auth::Auth::new(&settings, signing_secret)
                    .map_err(AuthSetupError::Argon2)?,
            ),
            trust_forwarded_for: config.trust_forwarded_for,
        })
    }
}

/// The signed-in account acting for itself (its profile, saved searches, notifications): 401
/// without one, 403 for an API key.
pub fn require_own_account(caller: &Caller) -> Result<uuid::Uuid, ApiError> {
    Ok(labour_app::policy::require_own_account(caller)?)
}

/// Asks the policy; `not_found` builds the same 404 the handler gives for a missing resource,
/// so a hidden resource and an absent one look alike.
pub fn require(
    caller: &Caller,
    action: Action,
    not_found: impl FnOnce() -> ApiError,
) -> Result<(), ApiError> {
    Ok(labour_app::policy::require(caller, action, || {
        not_found().0
    })?)
}
