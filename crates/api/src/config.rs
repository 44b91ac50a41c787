//! Typed configuration: defaults, then an optional TOML file, then the environment.

use std::path::{Path, PathBuf};

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct Config {
    pub server: ServerConfig,
    pub database: DatabaseConfig,
    pub log: LogConfig,
    /// Where the portal keeps its files (the private PostgreSQL cluster, later the search index).
    pub data_dir: PathBuf,
}

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
pub struct DatabaseConfig {
    /// PostgreSQL connection string; none means the private cluster in the data directory.
    #[serde(serialize_with = "hide")]
    pub url: Option<SecretString>,
    pub pool_size: usize,
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
            server: ServerConfig {
                bind: "127.0.0.1:8080".into(),
                shutdown_timeout_secs: 30,
                max_body_bytes: 256 * 1024,
            },
            database: DatabaseConfig {
                url: None,
                pool_size: 10,
            },
            log: LogConfig {
                level: "info".into(),
                format: LogFormat::Text,
            },
            data_dir: default_data_dir(),
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
const ENV_KEYS: [(&str, &str); 7] = [
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
];

impl Config {
    /// Loads configuration. Environment variables (see `.env.example`):
    /// `LABOUR_BIND`, `DATABASE_URL` (or `DATABASE_URL_FILE`), `LABOUR_DATA_DIR`, `LABOUR_LOG`,
    /// `LABOUR_LOG_FORMAT`, `LABOUR_DB_POOL_SIZE`, `LABOUR_MAX_BODY_BYTES`,
    /// `LABOUR_SHUTDOWN_TIMEOUT_SECS`.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        if let Some(path) = file {
            figment = figment.merge(Toml::file_exact(path));
        }
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        for (var, key) in ENV_KEYS {
            figment = figment.merge(Env::raw().only(&[var]).map(move |_| key.into()));
        }
        let mut config: Config = figment.extract().map_err(Box::new)?;
        if let Some(url) = env("DATABASE_URL") {
            config.database.url = Some(url.into());
        } else if let Some(path) = env("DATABASE_URL_FILE") {
            let text =
                std::fs::read_to_string(&path).map_err(|source| ConfigError::SecretFile {
                    var: "DATABASE_URL".into(),
                    path: path.into(),
                    source,
                })?;
            config.database.url = Some(text.trim().to_owned().into());
        }
        // An empty URL in a file means "not set", like an empty variable.
        if config
            .database
            .url
            .as_ref()
            .is_some_and(|u| u.expose_secret().trim().is_empty())
        {
            config.database.url = None;
        }
        Ok(config)
    }
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
