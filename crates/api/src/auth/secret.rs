//! The secret that signs access tokens: from configuration, or in local mode generated once and
//! kept in the data directory. Production refuses to start without a strong one.

use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use secrecy::{ExposeSecret, SecretString};

use crate::config::Mode;

/// Fewest bytes a signing secret may have.
pub const MIN_SECRET_BYTES: usize = 32;

#[derive(Debug, thiserror::Error)]
pub enum SecretError {
    #[error(
        "LABOUR_JWT_SECRET is not set; production mode needs a random secret of at least 32 bytes \
         (for example: openssl rand -base64 48)"
    )]
    Missing,
    #[error(
        "LABOUR_JWT_SECRET is too weak ({0}); production mode needs a random secret of at least 32 \
         bytes (for example: openssl rand -base64 48)"
    )]
    Weak(&'static str),
    #[error("cannot keep the generated token secret in {path}: {source}")]
    File {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why a secret is weak, if it is.
pub fn weakness(secret: &str) -> Option<&'static str> {
    let bytes = secret.as_bytes();
    let mut distinct: Vec<u8> = bytes.to_vec();
    distinct.sort_unstable();
    distinct.dedup();
    if bytes.len() < MIN_SECRET_BYTES {
        Some("shorter than 32 bytes")
    } else if distinct.len() < 10 {
        Some("too few different characters")
    } else {
        None
    }
}

/// The signing secret for this mode and configuration.
pub fn resolve(
    mode: Mode,
    configured: Option<&SecretString>,
    data_dir: &Path,
) -> Result<SecretString, SecretError> {
    match (configured, mode) {
        (Some(secret), Mode::Production) => match weakness(secret.expose_secret()) {
            Some(why) => Err(SecretError::Weak(why)),
            None => Ok(secret.clone()),
        },
        (Some(secret), Mode::Local) => {
            if let Some(why) = weakness(secret.expose_secret()) {
                tracing::warn!(
                    reason = why,
                    "LABOUR_JWT_SECRET is weak; production mode would refuse it"
                );
            }
            Ok(secret.clone())
        }
        (None, Mode::Production) => Err(SecretError::Missing),
        (None, Mode::Local) => local_secret(data_dir),
    }
}

/// Reads `<data_dir>/jwt-secret`, creating it (mode 0600) on first use.
fn local_secret(data_dir: &Path) -> Result<SecretString, SecretError> {
    let path = data_dir.join("jwt-secret");
    let err = |source| SecretError::File {
        path: path.clone(),
        source,
    };
    if let Ok(text) = std::fs::read_to_string(&path) {
        let text = text.trim().to_owned();
        if weakness(&text).is_none() {
            return Ok(text.into());
        }
    }
    std::fs::create_dir_all(data_dir).map_err(err)?;
    let secret = super::tokens::new_signing_secret();
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&path)
        .map_err(err)?;
    file.write_all(secret.as_bytes()).map_err(err)?;
    tracing::info!(path = %path.display(), "generated a token signing secret (local mode)");
    Ok(secret.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn production_refuses_missing_or_weak_secrets() {
        let dir = std::env::temp_dir();
        assert!(matches!(
            resolve(Mode::Production, None, &dir),
            Err(SecretError::Missing)
        ));
        let short: SecretString = "short".to_owned().into();
        assert!(matches!(
            resolve(Mode::Production, Some(&short), &dir),
            Err(SecretError::Weak(_))
        ));
        let repeated: SecretString = "a".repeat(64).into();
        assert!(matches!(
            resolve(Mode::Production, Some(&repeated), &dir),
            Err(SecretError::Weak(_))
        ));
        let strong: SecretString = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWpr"
            .to_owned()
            .into();
        assert!(resolve(Mode::Production, Some(&strong), &dir).is_ok());
    }

    #[test]
    fn local_mode_generates_once_and_keeps_it() -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("labour-secret-{}", uuid::Uuid::now_v7()));
        let first = resolve(Mode::Local, None, &dir)?;
        let second = resolve(Mode::Local, None, &dir)?;
        assert_eq!(first.expose_secret(), second.expose_secret());
        assert!(weakness(first.expose_secret()).is_none());
        let mode = std::os::unix::fs::PermissionsExt::mode(
            &std::fs::metadata(dir.join("jwt-secret"))?.permissions(),
        );
        assert_eq!(mode & 0o777, 0o600);
        std::fs::remove_dir_all(dir)?;
        Ok(())
    }
}
