//! Password hashing with argon2id. Hashing is slow on purpose, so it runs on a blocking thread
//! (keeping the request's span); hashes made with older parameters are redone at the next login.

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::errors::ApiError;

/// argon2id with fixed parameters (OWASP: 19 MiB, 2 iterations, 1 lane by default).
#[derive(Debug, Clone)]
pub struct Hasher {
    params: Params,
}

/// What checking a password found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    No,
    Yes,
    /// Correct, but hashed with other parameters: store a new hash.
    YesRehash,
}

impl Hasher {
    pub fn new(
        memory_kib: u32,
        iterations: u32,
        parallelism: u32,
    ) -> Result<Hasher, argon2::Error> {
        Ok(Hasher {
            params: Params::new(memory_kib, iterations, parallelism, None)?,
        })
    }

    fn argon2(&self) -> Argon2<'static> {
        Argon2::new(Algorithm::Argon2id, Version::V0x13, self.params.clone())
    }

    /// Hashes on the current thread (start-up only).
    pub fn hash_now(&self, password: &str) -> Result<String, String> {
        let salt = SaltString::generate(&mut OsRng);
        self.argon2()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| e.to_string())
    }

    /// A PHC string (`$argon2id$v=19$m=...`).
    pub async fn hash(&self, password: String) -> Result<String, ApiError> {
        let hasher = self.clone();
        blocking(move || {
            let salt = SaltString::generate(&mut OsRng);
            hasher
                .argon2()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
        })
        .await?
        .map_err(ApiError::internal)
    }

    pub async fn verify(&self, password: String, stored: String) -> Result<Verified, ApiError> {
        let hasher = self.clone();
        blocking(move || {
            let Ok(parsed) = PasswordHash::new(&stored) else {
                return Verified::No;
            };
            if hasher
                .argon2()
                .verify_password(password.as_bytes(), &parsed)
                .is_err()
            {
                return Verified::No;
            }
            let current = Params::try_from(&parsed).ok();
            let same = current.is_some_and(|p| {
                p.m_cost() == hasher.params.m_cost()
                    && p.t_cost() == hasher.params.t_cost()
                    && p.p_cost() == hasher.params.p_cost()
            }) && parsed.algorithm.as_str() == "argon2id";
            if same {
                Verified::Yes
            } else {
                Verified::YesRehash
            }
        })
        .await
    }
}

/// Runs CPU-heavy work off the async threads, inside the caller's tracing span.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, ApiError> {
    let span = tracing::Span::current();
    tokio::task::spawn_blocking(move || span.in_scope(f))
        .await
        .map_err(ApiError::internal)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_verify_and_old_parameters_ask_for_a_rehash()
    -> Result<(), Box<dyn std::error::Error>> {
        let old = Hasher::new(64, 1, 1)?;
        let new = Hasher::new(128, 1, 1)?;
        let hash = old.hash("mật khẩu dài".into()).await?;
        assert!(hash.starts_with("$argon2id$v=19$m=64,t=1,p=1$"));
        assert_eq!(
            old.verify("mật khẩu dài".into(), hash.clone()).await?,
            Verified::Yes
        );
        assert_eq!(
            old.verify("mat khau dai".into(), hash.clone()).await?,
            Verified::No
        );
        assert_eq!(
            new.verify("mật khẩu dài".into(), hash).await?,
            Verified::YesRehash
        );
        assert_eq!(
            new.verify("x".into(), "not a hash".into()).await?,
            Verified::No
        );
        Ok(())
    }
}
