//! Typed configuration: defaults, then an optional TOML file, then the environment.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Config {
    /// `local` (the default: generates what it lacks) or `production` (refuses weak settings).
    pub mode: Mode,
    pub server: ServerConfig,
    pub auth: AuthConfig,
    pub database: DatabaseConfig,
    pub log: LogConfig,
    /// Where the portal keeps its files: the private PostgreSQL cluster, the search index.
    pub data_dir: PathBuf,
    pub search: SearchConfig,
    pub mail: MailConfig,
}

pub use labour_app::jobs::digest::MailConfig;

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct ServerConfig {
    /// Address and port to listen on.
    pub bind: String,
    /// Seconds that running requests get to finish at shutdown.
    pub shutdown_timeout_secs: u64,
    /// Largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct SearchConfig {
    /// The embedded engine's index; `<data_dir>/search` by default.
    pub dir: Option<PathBuf>,
    /// A Meilisearch server (`MEILI_URL`); unset means the embedded engine.
    pub meili_url: Option<String>,
    /// Its key (`MEILI_MASTER_KEY` or `MEILI_MASTER_KEY_FILE`); only from the environment.
    #[serde(serialize_with = "hide")]
    pub meili_key: Option<SecretString>,
    /// Prefix of the index names, so several portals can share one server.
    pub meili_index_prefix: String,
}

impl Default for SearchConfig {
    fn default() -> Self {
        SearchConfig {
            dir: None,
            meili_url: None,
            meili_key: None,
            meili_index_prefix: "labour_".into(),
        }
    }
}

impl Config {
    pub fn search_dir(&self) -> PathBuf {
        self.search
            .dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("search"))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    Local,
    Production,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct AuthConfig {
    /// Secret for signing access tokens; at least 32 bytes. Only from the environment
    /// (`LABOUR_JWT_SECRET` or `LABOUR_JWT_SECRET_FILE`). In local mode, when unset, one is
    /// generated and kept in the data directory.
    #[serde(serialize_with = "hide")]
    pub jwt_secret: Option<SecretString>,
    pub access_token_ttl_secs: i64,
    pub refresh_token_ttl_days: i64,
    /// argon2id parameters (OWASP: 19 MiB, 2 iterations, 1 lane).
    pub argon2_memory_kib: u32,
    pub argon2_iterations: u32,
    pub argon2_parallelism: u32,
    /// Memory that password hashes running at once may use together, in MiB: hashes beyond it
    /// wait their turn (at least one runs, at most two per core).
    pub argon2_max_memory_mib: u32,
    /// Failed sign-ins one client address may make on one account in 15 minutes; then that
    /// address waits (429) for that account. Other addresses are not affected, and a success
    /// forgets the address's failures.
    pub login_attempts_per_account: u32,
    /// Failed sign-ins one client address may make on any accounts in 15 minutes.
    pub login_attempts_per_address: u32,
    /// Failed sign-ins on one account, from all addresses, in 15 minutes after which its
    /// sign-ins take turns, one every `login_slowdown_ms` (delayed, never refused).
    pub login_failures_before_slowdown: u32,
    pub login_slowdown_ms: u64,
    /// Sign-ups allowed from one client address in an hour.
    pub signups_per_address: u32,
    /// Password reset emails one client address may ask for in an hour.
    pub password_resets_per_address: u32,
    /// Password reset emails one email address may be sent in an hour, whoever asks.
    pub password_resets_per_account: u32,
    /// How staff-issued reset codes are also sent by SMS: `off` (staff hand them over only) or
    /// `log` (development: the message is written to the log, see docs/passwords.md).
    pub sms_sender: labour_app::passwords::sms::SmsSetting,
    pub api_key_requests_per_minute: u32,
    /// Take the client address from `X-Forwarded-For`/`Forwarded` (only behind a trusted proxy).
    pub trust_forwarded_for: bool,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct DatabaseConfig {
    /// PostgreSQL connection string; none means the private cluster in the data directory.
    #[serde(serialize_with = "hide")]
    pub url: Option<SecretString>,
    /// Connections the HTTP requests share.
    pub pool_size: usize,
    /// Connections the background jobs (indexer, alerts, digest, expiry, purge) share, apart
    /// from the requests', so that a slow job never makes a request wait.
    pub jobs_pool_size: usize,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct LogConfig {
    /// A tracing filter: `info`, `debug`, `labour_api=debug,info`, ...
    pub level: String,
    /// `text` for people, `json` for log collectors.
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    Text,
    Json,
}

fn hide<S: serde::Serializer>(v: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    v.as_ref().map(|_| "[hidden]").serialize(s)
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mode: Mode::Local,
            auth: AuthConfig {
                jwt_secret: None,
                access_token_ttl_secs: 15 * 60,
                refresh_token_ttl_days: 30,
                argon2_memory_kib: 19 * 1024,
                argon2_iterations: 2,
                argon2_parallelism: 1,
                argon2_max_memory_mib: 128,
                login_attempts_per_account: 10,
                login_attempts_per_address: 100,
                login_failures_before_slowdown: 20,
                login_slowdown_ms: 1000,
                signups_per_address: 20,
                password_resets_per_address: 20,
                password_resets_per_account: 3,
                sms_sender: labour_app::passwords::sms::SmsSetting::Off,
                api_key_requests_per_minute: 600,
                trust_forwarded_for: false,
            },
            server: ServerConfig {
                bind: "127.0.0.1:8080".into(),
                shutdown_timeout_secs: 30,
                max_body_bytes: 256 * 1024,
            },
            database: DatabaseConfig {
                url: None,
                pool_size: 10,
                jobs_pool_size: 4,
            },
            log: LogConfig {
                level: "info".into(),
                format: LogFormat::Text,
            },
            data_dir: default_data_dir(),
            search: SearchConfig::default(),
            mail: MailConfig::default(),
        }
    }
}

/// `/var/lib/labour-market` for root (the `postgres` user can reach it); otherwise the user's
/// data directory.
pub fn default_data_dir() -> PathBuf {
    if labour_store::cluster::running_as_root() {
        return PathBuf::from("/var/lib/labour-market");
    }
    if let Some(base) = std::env::var_os("XDG_DATA_HOME").filter(|v| !v.is_empty()) {
        return PathBuf::from(base).join("labour-market");
    }
    match std::env::var_os("HOME") {
        Some(home) => PathBuf::from(home).join(".local/share/labour-market"),
        None => PathBuf::from(".labour-market"),
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("configuration: {0}")]
    Invalid(#[from] Box<figment::Error>),
    #[error("cannot read {var} from {path}: {source}")]
    SecretFile {
        var: String,
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Environment variables and the configuration keys they set.
const ENV_KEYS: &[(&str, &str)] = &[
    ("LABOUR_MAIL_FROM", "mail.from"),
    ("LABOUR_PUBLIC_URL", "mail.public_url"),
    ("LABOUR_DIGEST_HOUR", "mail.digest_hour"),
    ("LABOUR_MEILI_INDEX_PREFIX", "search.meili_index_prefix"),
    ("LABOUR_SEARCH_DIR", "search.dir"),
    ("MEILI_URL", "search.meili_url"),
    ("LABOUR_MODE", "mode"),
    ("LABOUR_ACCESS_TOKEN_TTL_SECS", "auth.access_token_ttl_secs"),
    (
        "LABOUR_REFRESH_TOKEN_TTL_DAYS",
        "auth.refresh_token_ttl_days",
    ),
    ("LABOUR_ARGON2_MEMORY_KIB", "auth.argon2_memory_kib"),
    ("LABOUR_ARGON2_ITERATIONS", "auth.argon2_iterations"),
    ("LABOUR_ARGON2_PARALLELISM", "auth.argon2_parallelism"),
    ("LABOUR_ARGON2_MAX_MEMORY_MIB", "auth.argon2_max_memory_mib"),
    (
        "LABOUR_LOGIN_FAILURES_BEFORE_SLOWDOWN",
        "auth.login_failures_before_slowdown",
    ),
    ("LABOUR_LOGIN_SLOWDOWN_MS", "auth.login_slowdown_ms"),
    ("LABOUR_SIGNUPS_PER_ADDRESS", "auth.signups_per_address"),
    (
        "LABOUR_PASSWORD_RESETS_PER_ADDRESS",
        "auth.password_resets_per_address",
    ),
    (
        "LABOUR_PASSWORD_RESETS_PER_ACCOUNT",
        "auth.password_resets_per_account",
    ),
    ("LABOUR_SMS_SENDER", "auth.sms_sender"),
    (
        "LABOUR_LOGIN_ATTEMPTS_PER_ACCOUNT",
        "auth.login_attempts_per_account",
    ),
    (
        "LABOUR_LOGIN_ATTEMPTS_PER_ADDRESS",
        "auth.login_attempts_per_address",
    ),
    (
        "LABOUR_API_KEY_REQUESTS_PER_MINUTE",
        "auth.api_key_requests_per_minute",
    ),
    ("LABOUR_TRUST_FORWARDED_FOR", "auth.trust_forwarded_for"),
    ("LABOUR_BIND", "server.bind"),
    (
        "LABOUR_SHUTDOWN_TIMEOUT_SECS",
        "server.shutdown_timeout_secs",
    ),
    ("LABOUR_MAX_BODY_BYTES", "server.max_body_bytes"),
    ("LABOUR_DATA_DIR", "data_dir"),
    ("LABOUR_LOG", "log.level"),
    ("LABOUR_LOG_FORMAT", "log.format"),
    ("LABOUR_DB_POOL_SIZE", "database.pool_size"),
    ("LABOUR_DB_JOBS_POOL_SIZE", "database.jobs_pool_size"),
];

impl Config {
    /// Loads configuration. Environment variables (see `.env.example`):
    /// `LABOUR_BIND`, `DATABASE_URL` (or `DATABASE_URL_FILE`), `LABOUR_DATA_DIR`, `LABOUR_LOG`,
    /// `LABOUR_LOG_FORMAT`, `LABOUR_DB_POOL_SIZE`, `LABOUR_DB_JOBS_POOL_SIZE`, `LABOUR_MAX_BODY_BYTES`,
    /// `LABOUR_SHUTDOWN_TIMEOUT_SECS`.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            figment = figment.merge(Toml::file_exact(path));
        }
        for &(var, key) in ENV_KEYS {
            figment = figment.merge(Env::raw().only(&[var]).map(move |_| key.into()));
        }
        let mut config: Config = figment.extract().map_err(Box::new)?;
        config.database.url = secret_from_env("DATABASE_URL")?;
        config.auth.jwt_secret = secret_from_env("LABOUR_JWT_SECRET")?;
        config.search.meili_key = secret_from_env("MEILI_MASTER_KEY")?;
        config.mail.smtp_url = secret_from_env("LABOUR_SMTP_URL")?;
        if config
            .search
            .meili_url
            .as_ref()
            .is_some_and(|u| u.trim().is_empty())
        {
            config.search.meili_url = None;
        }
        Ok(config)
    }
}

/// A secret from `VAR`, or from the file named by `VAR_FILE`; empty means unset.
fn secret_from_env(var: &str) -> Result<Option<SecretString>, ConfigError> {
    let value = match std::env::var(var).ok().filter(|v| !v.trim().is_empty()) {
        Some(v) => v,
        None => match std::env::var(format!("{var}_FILE"))
            .ok()
            .filter(|v| !v.is_empty())
        {
            Some(path) => {
                std::fs::read_to_string(&path).map_err(|source| ConfigError::SecretFile {
                    var: var.to_owned(),
                    path: path.into(),
                    source,
                })?
            }
            None => return Ok(None),
        },
    };
    let value = value.trim().to_owned();
    Ok((!value.is_empty()).then(|| value.into()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_url_never_shows_in_debug_or_serialised_form() {
        let mut config = Config::default();
        config.database.url = Some("postgres://user:sekret@db/x".to_owned().into());
        assert!(!format!("{config:?}").contains("sekret"));
        let json = serde_json::to_string(&config).unwrap_or_default();
        assert!(!json.contains("sekret") && json.contains("[hidden]"));
    }

    #[test]
    fn file_values_load() -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("labour-config-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        let file = dir.join("c.toml");
        std::fs::write(
            &file,
            "data_dir = \"/srv/x\"\n[server]\nbind = \"0.0.0.0:9000\"\n",
        )?;
        let config = Config::load(Some(&file))?;
        assert_eq!(config.server.bind, "0.0.0.0:9000");
        assert_eq!(config.data_dir, PathBuf::from("/srv/x"));
        assert_eq!(config.server.shutdown_timeout_secs, 30);
        std::fs::remove_dir_all(&dir)?;
        Ok(())
    }
}
