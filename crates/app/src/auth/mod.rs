//! What signing in and up needs, whichever face asks: password hashing, the token keys and the
//! rate limits. Each face reads credentials its own way and resolves them into a `Caller`.

pub mod limits;
pub mod password;
pub mod tokens;

/// The settings authentication is built from (each face reads them from its configuration).
#[derive(Debug, Clone, Copy)]
pub struct AuthSettings {
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    pub argon2_parallelism: u32,
    pub argon2_max_memory_mib: u32,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_days: i64,
    pub limits: limits::LimitSettings,
}

/// Everything sign-up, sign-in and tokens need, built once at start-up.
#[derive(Debug)]
pub struct Auth {
    pub jwt: tokens::JwtKeys,
    pub access_ttl_secs: i64,
    pub refresh_ttl: chrono::Duration,
    pub hasher: password::Hasher,
    /// Checked when an account does not exist, so that the answer takes as long as a wrong
    /// password does.
    pub dummy_hash: String,
    pub limits: limits::Limits,
}

impl Auth {
    /// `Err` says what is wrong with the argon2 parameters.
    pub fn new(settings: &AuthSettings, signing_secret: &[u8]) -> Result<Auth, String> {
        let hasher = password::Hasher::new(
            settings.argon2_memory_kib,
            settings.argon2_iterations,
            settings.argon2_parallelism,
        )
        .map_err(|e| e.to_string())?
        .with_memory_budget_mib(settings.argon2_max_memory_mib);
        let dummy_hash = hasher.hash_now("a password nobody has")?;
        Ok(Auth {
            jwt: tokens::JwtKeys::new(signing_secret),
            access_ttl_secs: settings.access_token_ttl_secs,
            refresh_ttl: chrono::Duration::days(settings.refresh_token_ttl_days),
            hasher,
            dummy_hash,
            limits: limits::Limits::new(settings.limits),
        })
    }
}
