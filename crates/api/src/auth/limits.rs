//! In-memory rate limits (governor): login attempts per account and per client address, and
//! requests per API key. Each process keeps its own counts.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use uuid::Uuid;

#[derive(Debug)]
pub struct Limits {
    login_by_account: DefaultKeyedRateLimiter<String>,
    login_by_address: DefaultKeyedRateLimiter<IpAddr>,
    by_api_key: DefaultKeyedRateLimiter<Uuid>,
}

/// `n` events per `window`, all of them allowed in a burst.
fn quota(n: u32, window: Duration) -> Quota {
    let n = NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN);
    let period = window / n.get();
    Quota::with_period(period.max(Duration::from_nanos(1)))
        .unwrap_or_else(|| Quota::per_second(n))
        .allow_burst(n)
}

impl Limits {
    pub fn new(per_account_15min: u32, per_address_15min: u32, per_key_minute: u32) -> Limits {
        let window = Duration::from_secs(15 * 60);
        Limits {
            login_by_account: RateLimiter::keyed(quota(per_account_15min, window)),
            login_by_address: RateLimiter::keyed(quota(per_address_15min, window)),
            by_api_key: RateLimiter::keyed(quota(per_key_minute, Duration::from_secs(60))),
        }
    }

    /// Counts a login attempt; `Err(seconds)` says how long to wait.
    pub fn login_attempt(&self, account_key: &str, address: Option<IpAddr>) -> Result<(), u64> {
        if let Some(ip) = address {
            self.login_by_address.check_key(&ip).map_err(wait)?;
        }
        self.login_by_account
            .check_key(&account_key.to_owned())
            .map_err(wait)
    }

    pub fn api_key_request(&self, key: Uuid) -> Result<(), u64> {
        self.by_api_key.check_key(&key).map_err(wait)
    }
}

fn wait(not_until: governor::NotUntil<<DefaultClock as Clock>::Instant>) -> u64 {
    not_until
        .wait_time_from(DefaultClock::default().now())
        .as_secs()
        .max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attempts_beyond_the_quota_wait() {
        let limits = Limits::new(3, 100, 2);
        for _ in 0..3 {
            assert!(limits.login_attempt("a@b.vn", None).is_ok());
        }
        let wait = limits.login_attempt("a@b.vn", None);
        assert!(matches!(wait, Err(s) if (1..=300).contains(&s)), "{wait:?}");
        assert!(
            limits.login_attempt("other@b.vn", None).is_ok(),
            "other accounts are not affected"
        );

        let key = Uuid::now_v7();
        assert!(limits.api_key_request(key).is_ok() && limits.api_key_request(key).is_ok());
        assert!(limits.api_key_request(key).is_err());
    }
}
