//! Authentication (who is calling) and the bridge to the policy (what they may do).

pub mod caller;
pub mod limits;
pub mod password;
pub mod secret;
pub mod tokens;

use labour_domain::policy::Action;

pub use self::caller::{Caller, authenticate};
use crate::config::AuthConfig;
use crate::errors::ApiError;

/// Everything authentication needs, built once at start-up.
#[derive(Debug)]
pub struct AuthState {
    pub jwt: tokens::JwtKeys,
    pub access_ttl_secs: i64,
    pub refresh_ttl: chrono::Duration,
    pub hasher: password::Hasher,
    /// Checked when an account does not exist, so that the answer takes as long as a wrong
    /// password does.
    pub dummy_hash: String,
    pub limits: limits::Limits,
    pub trust_forwarded_for: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum AuthSetupError {
    #[error("argon2 parameters: {0}")]
    Argon2(String),
    #[error("{0}")]
    Secret(#[from] secret::SecretError),
}

impl AuthState {
    pub fn new(config: &AuthConfig, signing_secret: &[u8]) -> Result<AuthState, AuthSetupError> {
        let hasher = password::Hasher::new(
            config.argon2_memory_kib,
            config.argon2_iterations,
            config.argon2_parallelism,
        )
        .map_err(|e| AuthSetupError::Argon2(e.to_string()))?
        .with_memory_budget_mib(config.argon2_max_memory_mib);
        let dummy_hash = hasher
            .hash_now("a password nobody has")
            .map_err(AuthSetupError::Argon2)?;
        Ok(AuthState {
            jwt: tokens::JwtKeys::new(signing_secret),
            access_ttl_secs: config.access_token_ttl_secs,
            refresh_ttl: chrono::Duration::days(config.refresh_token_ttl_days),
            hasher,
            dummy_hash,
            limits: limits::Limits::new(limits::LimitSettings {
                failures_per_account_and_address: config.login_attempts_per_account,
                failures_per_address: config.login_attempts_per_address,
                failures_before_slowdown: config.login_failures_before_slowdown,
                slowdown: std::time::Duration::from_millis(config.login_slowdown_ms),
                signups_per_address_hour: config.signups_per_address,
                api_key_requests_per_minute: config.api_key_requests_per_minute,
            }),
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
