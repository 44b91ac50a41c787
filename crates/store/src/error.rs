//! The one error type of the store crate.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("database query failed: {0}")]
    Query(#[from] diesel::result::Error),
    #[error(
        "cannot connect to the database (is PostgreSQL running, and is DATABASE_URL right?): {0}"
    )]
    Connect(String),
    #[error("no database connection available: {0}")]
    Pool(String),
    #[error("migration failed: {0}")]
    Migration(String),
    #[error("reference data file {file} line {line}: {message}")]
    ReferenceData {
        file: &'static str,
        line: u64,
        message: String,
    },
    #[error("{0}")]
    Cluster(#[from] ClusterError),
}

/// Why the private PostgreSQL cluster could not be used. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum ClusterError {
    #[error(
        "no PostgreSQL server binaries found (looked for initdb and pg_ctl on PATH and under \
         /usr/lib/postgresql/*/bin). Install them with `apt-get install postgresql` (Debian/Ubuntu), \
         or set DATABASE_URL to an existing server"
    )]
    BinariesNotFound,
    #[error(
        "running as root, the private PostgreSQL cluster runs as the `postgres` system user, which \
         does not exist. Install Debian's postgresql package (it creates the user) or set DATABASE_URL"
    )]
    NoPostgresUser,
    #[error(
        "the `postgres` user cannot reach {0}: a parent directory is not searchable by other users. \
         Set LABOUR_DATA_DIR to a directory it can reach, such as /var/lib/labour-market"
    )]
    Unreachable(PathBuf),
    #[error(
        "socket path {0} is longer than the 100 bytes a Unix socket allows: choose a shorter LABOUR_DATA_DIR"
    )]
    SocketPathTooLong(PathBuf),
    #[error("{command} failed: {output}")]
    Command { command: String, output: String },
    #[error("I/O error on {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}
