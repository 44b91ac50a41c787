//! In-memory rate limits: failed sign-ins per (account, address) and per address, a slowdown for
//! an account that fails from everywhere, sign-ups per address, password reset requests per
//! address and per email, and requests per API key. Each process keeps its own counts.
//!
//! Nobody can lock an owner out (OWASP, credential stuffing): an address that keeps failing for
//! an account is refused for that account, but a correct password from any other address is
//! never refused; when an account fails from many addresses, its sign-ins take turns instead.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::net::IpAddr;
use std::num::NonZeroU32;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use uuid::Uuid;

/// The window failed sign-ins are counted over.
const LOGIN_WINDOW: Duration = Duration::from_secs(15 * 60);

/// What the limits are set to (see `AuthConfig`).
#[derive(Debug, Clone, Copy)]
pub struct LimitSettings {
    /// Failed sign-ins one address may make on one account in 15 minutes.
    pub failures_per_account_and_address: u32,
    /// Failed sign-ins one address may make on any accounts in 15 minutes.
    pub failures_per_address: u32,
    /// Failed sign-ins on one account, from all addresses, in 15 minutes before its sign-ins
    /// take turns.
    pub failures_before_slowdown: u32,
    /// The time between two turns of an account under slowdown.
    pub slowdown: Duration,
    pub signups_per_address_hour: u32,
    /// Password reset emails one address may ask for in an hour, whatever the addresses.
    pub password_resets_per_address_hour: u32,
    /// Password reset emails one email address may be sent in an hour, whoever asks.
    pub password_resets_per_account_hour: u32,
    pub api_key_requests_per_minute: u32,
}

#[derive(Debug)]
pub struct Limits {
    by_pair: Failures<(String, IpAddr)>,
    by_address: Failures<IpAddr>,
    by_account: Failures<String>,
    /// When the next turn of each slowed-down account is.
    turns: Mutex<HashMap<String, Instant>>,
    slowdown: Duration,
    signups: DefaultKeyedRateLimiter<IpAddr>,
    resets_by_address: DefaultKeyedRateLimiter<IpAddr>,
    resets_by_account: DefaultKeyedRateLimiter<String>,
    by_api_key: DefaultKeyedRateLimiter<Uuid>,
}

/// A sign-in attempt that passed the limits: tell it how the password check went.
#[derive(Debug)]
#[must_use = "report the outcome with `succeeded` or `failed`"]
pub struct Attempt<'a> {
    limits: &'a Limits,
    account: String,
    address: Option<IpAddr>,
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
    pub fn new(settings: LimitSettings) -> Limits {
        Limits {
            by_pair: Failures::new(settings.failures_per_account_and_address, LOGIN_WINDOW),
            by_address: Failures::new(settings.failures_per_address, LOGIN_WINDOW),
            by_account: Failures::new(settings.failures_before_slowdown, LOGIN_WINDOW),
            turns: Mutex::new(HashMap::new()),
            slowdown: settings.slowdown,
            signups: RateLimiter::keyed(quota(
                settings.signups_per_address_hour,
                Duration::from_secs(3600),
            )),
            resets_by_address: RateLimiter::keyed(quota(
                settings.password_resets_per_address_hour,
                Duration::from_secs(3600),
            )),
            resets_by_account: RateLimiter::keyed(quota(
                settings.password_resets_per_account_hour,
                Duration::from_secs(3600),
            )),
            by_api_key: RateLimiter::keyed(quota(
                settings.api_key_requests_per_minute,
                Duration::from_secs(60),
            )),
        }
    }

    /// Starts a sign-in attempt, before the password is checked. `Err(seconds)`: this address
    /// failed too often, for this account or for all; it says how long to wait. The attempt is
    /// counted as a failure until it reports success, so parallel attempts cannot overtake the
    /// count.
    pub fn login_attempt(
        &self,
        account_key: &str,
        address: Option<IpAddr>,
    ) -> Result<Attempt<'_>, u64> {
        if let Some(ip) = address {
            let pair = (account_key.to_owned(), ip);
            let now = Instant::now();
            if let Some(wait) = self.by_address.blocked(&ip, now) {
                return Err(wait);
            }
            if let Some(wait) = self.by_pair.blocked(&pair, now) {
                return Err(wait);
            }
            self.by_address.record(ip, now);
            self.by_pair.record(pair, now);
        }
        Ok(Attempt {
            limits: self,
            account: account_key.to_owned(),
            address,
        })
    }

    /// For an account that failed from everywhere more than allowed: waits for its turn. Turns
    /// come one per slowdown period, whoever asks, so many addresses guess no faster than one,
    /// and the owner's correct password is delayed, never refused.
    async fn take_turn(&self, account_key: &str) {
        let now = Instant::now();
        if self.by_account.blocked(account_key, now).is_none() {
            return;
        }
        let turn = {
            let mut turns = self.turns.lock().unwrap_or_else(PoisonError::into_inner);
            if turns.len() > 10_000 {
                turns.retain(|_, next| *next > now);
            }
            let next = turns.entry(account_key.to_owned()).or_insert(now);
            let turn = (*next).max(now);
            *next = turn + self.slowdown;
            turn
        };
        tokio::time::sleep_until(turn.into()).await;
    }

    /// Counts a sign-up from `address`; `Err(seconds)` says how long to wait.
    pub fn sign_up(&self, address: Option<IpAddr>) -> Result<(), u64> {
        match address {
            Some(ip) => self.signups.check_key(&ip).map_err(wait),
            None => Ok(()),
        }
    }

    /// Counts a password reset request from `address` for the account of `account_key` (an
    /// email, counted whether or not it has an account, so the limit reveals nothing);
    /// `Err(seconds)` says how long to wait.
    pub fn password_reset(&self, account_key: &str, address: Option<IpAddr>) -> Result<(), u64> {
        if let Some(ip) = address {
            self.resets_by_address.check_key(&ip).map_err(wait)?;
        }
        self.resets_by_account
            .check_key(&account_key.to_owned())
            .map_err(wait)
    }

    pub fn api_key_request(&self, key: Uuid) -> Result<(), u64> {
        self.by_api_key.check_key(&key).map_err(wait)
    }
}

impl Attempt<'_> {
    /// Waits for the account's turn when it is under slowdown.
    pub async fn wait_turn(&self) {
        self.limits.take_turn(&self.account).await;
    }

    /// The password was right: what this address failed for the account is forgotten.
    pub fn succeeded(self) {
        if let Some(ip) = self.address {
            self.limits.by_pair.forget(&(self.account, ip));
            self.limits.by_address.forget_one(&ip);
        }
    }

    /// The password was wrong (or the account does not exist).
    pub fn failed(self) {
        self.limits.by_account.record(self.account, Instant::now());
    }
}

/// Failures per key within a sliding window, refused once `limit` are in it.
#[derive(Debug)]
struct Failures<K> {
    limit: usize,
    window: Duration,
    map: Mutex<HashMap<K, VecDeque<Instant>>>,
}

/// Past this many keys, a record first drops the keys whose failures are all out of the window.
const PRUNE_ABOVE: usize = 10_000;

impl<K: Hash + Eq + Clone> Failures<K> {
    fn new(limit: u32, window: Duration) -> Failures<K> {
        Failures {
            limit: limit.max(1) as usize,
            window,
            map: Mutex::new(HashMap::new()),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<K, VecDeque<Instant>>> {
        self.map.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Seconds until the oldest failure leaves the window, when `limit` are in it.
    fn blocked<Q>(&self, key: &Q, now: Instant) -> Option<u64>
    where
        K: std::borrow::Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        let mut map = self.lock();
        let times = map.get_mut(key)?;
        while times
            .front()
            .is_some_and(|t| now.duration_since(*t) >= self.window)
        {
            times.pop_front();
        }
        if times.len() < self.limit {
            return None;
        }
        let oldest = times.front().copied().unwrap_or(now);
        let left = self.window.saturating_sub(now.duration_since(oldest));
        Some(left.as_secs().max(1))
    }

    fn record(&self, key: K, now: Instant) {
        let mut map = self.lock();
        if map.len() > PRUNE_ABOVE {
            let window = self.window;
            map.retain(|_, times| {
                times
                    .back()
                    .is_some_and(|t| now.duration_since(*t) < window)
            });
        }
        let times = map.entry(key).or_default();
        times.push_back(now);
        while times.len() > self.limit {
            times.pop_front();
        }
    }

    fn forget(&self, key: &K) {
        self.lock().remove(key);
    }

    /// Takes back the latest failure (an attempt counted up front that succeeded).
    fn forget_one(&self, key: &K) {
        let mut map = self.lock();
        if let Some(times) = map.get_mut(key) {
            times.pop_back();
            if times.is_empty() {
                map.remove(key);
            }
        }
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

    fn settings() -> LimitSettings {
        LimitSettings {
            failures_per_account_and_address: 3,
            failures_per_address: 100,
            failures_before_slowdown: 5,
            slowdown: Duration::from_millis(50),
            signups_per_address_hour: 2,
            password_resets_per_address_hour: 3,
            password_resets_per_account_hour: 2,
            api_key_requests_per_minute: 2,
        }
    }

    const A: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 1));
    const B: IpAddr = IpAddr::V4(std::net::Ipv4Addr::new(203, 0, 113, 2));

    #[test]
    fn failures_refuse_the_failing_address_only_and_a_success_resets() {
        let limits = Limits::new(settings());
        for _ in 0..2 {
            limits
                .login_attempt("a@b.vn", Some(A))
                .map(Attempt::failed)
                .ok();
        }
        // Successes count nothing: as many as one likes.
        for _ in 0..5 {
            assert!(
                limits
                    .login_attempt("a@b.vn", Some(B))
                    .map(Attempt::succeeded)
                    .is_ok()
            );
        }
        limits
            .login_attempt("a@b.vn", Some(A))
            .map(Attempt::failed)
            .ok();
        let wait = limits.login_attempt("a@b.vn", Some(A));
        assert!(matches!(wait, Err(s) if (1..=900).contains(&s)), "{wait:?}");
        assert!(limits.login_attempt("other@b.vn", Some(A)).is_ok());
        assert!(limits.login_attempt("a@b.vn", Some(B)).is_ok());

        let key = Uuid::now_v7();
        assert!(limits.api_key_request(key).is_ok() && limits.api_key_request(key).is_ok());
        assert!(limits.api_key_request(key).is_err());
        assert!(limits.sign_up(Some(A)).is_ok() && limits.sign_up(Some(A)).is_ok());
        assert!(limits.sign_up(Some(A)).is_err() && limits.sign_up(Some(B)).is_ok());
    }

    #[tokio::test]
    async fn an_account_failing_from_everywhere_takes_turns() {
        let limits = Limits::new(settings());
        for n in 0..5u8 {
            let ip = IpAddr::V4(std::net::Ipv4Addr::new(198, 51, 100, n));
            if let Ok(attempt) = limits.login_attempt("a@b.vn", Some(ip)) {
                attempt.failed();
            }
        }
        let started = Instant::now();
        for _ in 0..3 {
            if let Ok(attempt) = limits.login_attempt("a@b.vn", Some(B)) {
                attempt.wait_turn().await;
                attempt.succeeded();
            }
        }
        assert!(started.elapsed() >= Duration::from_millis(100));
        let started = Instant::now();
        if let Ok(attempt) = limits.login_attempt("other@b.vn", Some(B)) {
            attempt.wait_turn().await;
        }
        assert!(
            started.elapsed() < Duration::from_millis(50),
            "others wait not"
        );
    }

    #[test]
    fn password_resets_are_limited_per_email_and_per_address() {
        let limits = Limits::new(settings());
        // Two per email an hour, whoever asks; a third email from A is the address's last.
        assert!(limits.password_reset("a@b.vn", Some(A)).is_ok());
        assert!(limits.password_reset("a@b.vn", Some(B)).is_ok());
        assert!(limits.password_reset("a@b.vn", Some(B)).is_err());
        assert!(limits.password_reset("c@b.vn", Some(A)).is_ok());
        assert!(limits.password_reset("d@b.vn", Some(A)).is_ok());
        assert!(limits.password_reset("e@b.vn", Some(A)).is_err());
    }
}
