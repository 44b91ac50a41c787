//! Password hashing with argon2id. Hashing is slow on purpose, so it runs on a blocking thread
//! (keeping the request's span); hashes made with older parameters are redone at the next login.
//! Each hash holds its memory cost while it runs, so a semaphore sized from a memory budget
//! bounds how many run at once: a burst of sign-ups or sign-ins waits, memory stays bounded.

use std::sync::Arc;

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

use crate::errors::Error;

/// argon2id with fixed parameters (OWASP: 19 MiB, 2 iterations, 1 lane by default).
#[derive(Debug, Clone)]
pub struct Hasher {
    params: Params,
    /// One permit per hash allowed to run at once; every hash and check takes one.
    permits: Arc<tokio::sync::Semaphore>,
}

/// The memory budget when none is configured, in MiB.
pub const DEFAULT_MEMORY_BUDGET_MIB: u32 = 128;

/// How many hashes of `memory_kib` fit in `budget_mib` at once: at least one, at most two per
/// core (more would only queue for the CPU).
pub fn permits_for(memory_kib: u32, budget_mib: u32, cores: usize) -> usize {
    let fit = (u64::from(budget_mib) * 1024) / u64::from(memory_kib.max(1));
    let fit = usize::try_from(fit).unwrap_or(usize::MAX);
    fit.min(cores.max(1).saturating_mul(2)).max(1)
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
            permits: Arc::new(tokio::sync::Semaphore::new(1)),
        }
        .with_memory_budget_mib(DEFAULT_MEMORY_BUDGET_MIB))
    }

    /// Lets as many hashes run at once as fit in `budget_mib` (see `permits_for`).
    #[must_use]
    pub fn with_memory_budget_mib(self, budget_mib: u32) -> Hasher {
        let cores = std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get);
        let permits = permits_for(self.params.m_cost(), budget_mib, cores);
        self.with_permits(permits)
    }

    /// Exactly `permits` hashes at once.
    #[must_use]
    pub fn with_permits(mut self, permits: usize) -> Hasher {
        self.permits = Arc::new(tokio::sync::Semaphore::new(permits.max(1)));
        self
    }

    /// How many hashes may run at once.
    pub fn permits(&self) -> usize {
        self.permits.available_permits()
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
    pub async fn hash(&self, password: String) -> Result<String, Error> {
        let hasher = self.clone();
        self.limited(move || {
            let salt = SaltString::generate(&mut OsRng);
            hasher
                .argon2()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
        })
        .await?
        .map_err(Error::internal)
    }

    pub async fn verify(&self, password: String, stored: String) -> Result<Verified, Error> {
        let hasher = self.clone();
        self.limited(move || {
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

impl Hasher {
    /// Runs `f` on a blocking thread, inside the caller's tracing span, once a permit is free.
    /// The permit moves into the thread: a request abandoned by its client still holds it until
    /// its hash is done, so the bound is on hashes running, not on requests waiting.
    async fn limited<T: Send + 'static>(
        &self,
        f: impl FnOnce() -> T + Send + 'static,
    ) -> Result<T, Error> {
        let permit = Arc::clone(&self.permits)
            .acquire_owned()
            .await
            .map_err(Error::internal)?;
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            span.in_scope(f)
        })
        .await
        .map_err(Error::internal)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    use super::*;

    #[test]
    fn permits_come_from_the_memory_budget() {
        // OWASP's 19 MiB in 128 MiB: 6, unless the cores allow fewer.
        assert_eq!(permits_for(19 * 1024, 128, 8), 6);
        assert_eq!(permits_for(19 * 1024, 128, 2), 4);
        assert_eq!(permits_for(19 * 1024, 10, 8), 1, "always one");
        assert_eq!(permits_for(256, 128, 2), 4);
        assert_eq!(permits_for(0, 0, 0), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn no_more_hashes_run_at_once_than_there_are_permits()
    -> Result<(), Box<dyn std::error::Error>> {
        let hasher = Hasher::new(64, 1, 1)?.with_permits(2);
        assert_eq!(hasher.permits(), 2);
        let running = Arc::new(AtomicUsize::new(0));
        let peak = Arc::new(AtomicUsize::new(0));
        let tasks: Vec<_> = (0..8)
            .map(|_| {
                let (hasher, running, peak) = (hasher.clone(), running.clone(), peak.clone());
                tokio::spawn(async move {
                    hasher
                        .limited(move || {
                            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                            peak.fetch_max(now, Ordering::SeqCst);
                            std::thread::sleep(Duration::from_millis(30));
                            running.fetch_sub(1, Ordering::SeqCst);
                        })
                        .await
                })
            })
            .collect();
        for task in tasks {
            task.await??;
        }
        assert_eq!(peak.load(Ordering::SeqCst), 2);
        // Hashes and checks take the same permits.
        let hashes: Vec<_> = (0..6)
            .map(|n| {
                let hasher = hasher.clone();
                tokio::spawn(async move { hasher.hash(format!("mật khẩu {n}")).await })
            })
            .collect();
        for task in hashes {
            let hash = task.await??;
            assert_eq!(hasher.verify("sai".into(), hash).await?, Verified::No);
        }
        assert_eq!(hasher.permits(), 2, "every permit came back");
        Ok(())
    }

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
