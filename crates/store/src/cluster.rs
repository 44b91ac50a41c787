//! A private PostgreSQL cluster in the data directory, for running with nothing configured.
//!
//! It uses the server binaries installed on the machine, listens only on a Unix socket in a
//! directory that only its owner can enter (so trust authentication is safe), and, when the
//! binary runs as root, runs as the `postgres` system user because PostgreSQL refuses root.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Output;

use tokio::process::Command;

use crate::error::ClusterError;
use crate::{Error, db};

/// Name of the application database inside the private cluster.
pub const DATABASE: &str = "labour_market";
const SUPERUSER: &str = "postgres";

/// A running private cluster. `owned` is true when this process started it, and so stops it.
#[derive(Debug)]
pub struct LocalCluster {
    bin_dir: PathBuf,
    root: PathBuf,
    run_as: Option<(u32, u32)>,
    owned: bool,
}

impl LocalCluster {
    /// Starts the cluster under `<data_dir>/postgres` (creating it on first use), or joins it when
    /// another process already runs it; makes sure the application database exists.
    pub async fn ensure(data_dir: &Path) -> Result<LocalCluster, Error> {
        let bin_dir = find_binaries()?;
        let run_as = system_user()?;
        let root = absolute(&data_dir.join("postgres"))?;
        let cluster = LocalCluster {
            bin_dir,
            root,
            run_as,
            owned: false,
        };
        cluster.prepare_directories()?;
        if !cluster.pgdata().join("PG_VERSION").exists() {
            tracing::info!(path = %cluster.pgdata().display(), "initialising a private PostgreSQL cluster");
            cluster.initdb().await?;
        }
        let cluster = cluster.start().await?;
        cluster.create_database(DATABASE).await?;
        Ok(cluster)
    }

    /// Connection string for a database of this cluster.
    pub fn url(&self, database: &str) -> String {
        format!(
            "host='{}' user={SUPERUSER} dbname={database}",
            self.socket_dir().display()
        )
    }

    pub fn owned(&self) -> bool {
        self.owned
    }

    /// Stops the cluster if this process started it.
    pub async fn stop(self) -> Result<(), Error> {
        if self.owned {
            tracing::info!("stopping the private PostgreSQL cluster");
            self.pg_ctl(&["stop", "-m", "fast", "-w"]).await?;
        }
        Ok(())
    }

    fn pgdata(&self) -> PathBuf {
        self.root.join("data")
    }

    fn socket_dir(&self) -> PathBuf {
        self.root.join("run")
    }

    fn log_file(&self) -> PathBuf {
        self.root.join("postgres.log")
    }

    fn prepare_directories(&self) -> Result<(), Error> {
        let socket = self.socket_dir().join(".s.PGSQL.5432");
        if socket.as_os_str().len() > 100 {
            return Err(ClusterError::SocketPathTooLong(socket).into());
        }
        for dir in [&self.root, &self.socket_dir()] {
            std::fs::create_dir_all(dir).map_err(|e| io(dir, e))?;
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))
                .map_err(|e| io(dir, e))?;
            if let Some((uid, gid)) = self.run_as {
                std::os::unix::fs::chown(dir, Some(uid), Some(gid)).map_err(|e| io(dir, e))?;
            }
        }
        if let Some((uid, _)) = self.run_as {
            check_reachable(&self.root, uid)?;
        }
        Ok(())
    }

    async fn initdb(&self) -> Result<(), Error> {
        let pgdata = self.pgdata();
        let args = [
            "-D".as_ref(),
            pgdata.as_os_str(),
            "--username".as_ref(),
            SUPERUSER.as_ref(),
            "--auth=trust".as_ref(),
            "--encoding=UTF8".as_ref(),
            "--no-locale".as_ref(),
            "--no-instructions".as_ref(),
        ];
        let mut cmd = self.command("initdb");
        cmd.args(args);
        run(cmd, "initdb").await.map(drop)
    }

    async fn start(mut self) -> Result<LocalCluster, Error> {
        if self.running().await {
            return Ok(self);
        }
        let options = format!(
            "-c listen_addresses='' -k '{}'",
            self.socket_dir().display()
        );
        let log = self.log_file();
        let result = self
            .pg_ctl(&[
                "start",
                "-w",
                "-t",
                "60",
                "-l",
                &log.to_string_lossy(),
                "-o",
                &options,
            ])
            .await;
        match result {
            Ok(()) => {
                self.owned = true;
                Ok(self)
            }
            // Another process may have started it at the same moment: then join it.
            Err(e) if self.running().await => {
                tracing::debug!(error = %e, "the cluster was started by another process");
                Ok(self)
            }
            Err(e) => Err(e),
        }
    }

    async fn running(&self) -> bool {
        self.pg_ctl(&["status"]).await.is_ok()
    }

    async fn create_database(&self, name: &str) -> Result<(), Error> {
        use diesel_async::RunQueryDsl;

        let mut conn = db::connect(&self.url("postgres")).await?;
        let exists: bool = diesel::select(
            diesel::dsl::sql::<diesel::sql_types::Bool>(
                "EXISTS (SELECT 1 FROM pg_database WHERE datname = ",
            )
            .bind::<diesel::sql_types::Text, _>(name)
            .sql(")"),
        )
        .get_result(&mut conn)
        .await?;
        if !exists {
            diesel::sql_query(format!("CREATE DATABASE {}", db::quote_ident(name)))
                .execute(&mut conn)
                .await?;
        }
        Ok(())
    }

    async fn pg_ctl(&self, args: &[&str]) -> Result<(), Error> {
        let mut cmd = self.command("pg_ctl");
        cmd.arg("-D").arg(self.pgdata()).args(args);
        run(cmd, "pg_ctl").await.map(drop)
    }

    fn command(&self, program: &str) -> Command {
        let mut cmd = Command::new(self.bin_dir.join(program));
        cmd.env("LC_ALL", "C")
            .stdin(std::process::Stdio::null())
            .kill_on_drop(false);
        if let Some((uid, gid)) = self.run_as {
            cmd.uid(uid).gid(gid);
            // The postgres user cannot enter root's working directory.
            cmd.current_dir(&self.root);
        }
        cmd
    }
}

async fn run(mut cmd: Command, name: &str) -> Result<Output, Error> {
    let output = cmd.output().await.map_err(|e| ClusterError::Command {
        command: name.to_owned(),
        output: e.to_string(),
    })?;
    if output.status.success() {
        Ok(output)
    } else {
        let text = String::from_utf8_lossy(&output.stderr).trim().to_owned();
        let text = if text.is_empty() {
            String::from_utf8_lossy(&output.stdout).trim().to_owned()
        } else {
            text
        };
        Err(ClusterError::Command {
            command: name.to_owned(),
            output: text,
        }
        .into())
    }
}

/// The directory holding `initdb`, `pg_ctl` and `postgres`: from PATH, else the newest
/// /usr/lib/postgresql/<version>/bin.
pub fn find_binaries() -> Result<PathBuf, Error> {
    find_binaries_in(
        std::env::var_os("PATH").as_deref(),
        Path::new("/usr/lib/postgresql"),
    )
}

fn find_binaries_in(
    path: Option<&std::ffi::OsStr>,
    versions_root: &Path,
) -> Result<PathBuf, Error> {
    let has_all = |dir: &Path| {
        ["initdb", "pg_ctl", "postgres"]
            .iter()
            .all(|b| dir.join(b).is_file())
    };
    if let Some(path) = path
        && let Some(dir) = std::env::split_paths(path).find(|d| has_all(d))
    {
        return Ok(dir);
    }
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(versions_root)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            has_all(&bin).then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions
        .pop()
        .map(|(_, dir)| dir)
        .ok_or_else(|| ClusterError::BinariesNotFound.into())
}

/// PostgreSQL refuses to run as root, so root needs another user for it.
pub fn running_as_root() -> bool {
    nix::unistd::geteuid().is_root()
}

/// The user and group to run PostgreSQL as: `postgres` when this process is root, else itself.
fn system_user() -> Result<Option<(u32, u32)>, Error> {
    if !running_as_root() {
        return Ok(None);
    }
    match nix::unistd::User::from_name(SUPERUSER) {
        Ok(Some(user)) => Ok(Some((user.uid.as_raw(), user.gid.as_raw()))),
        _ => Err(ClusterError::NoPostgresUser.into()),
    }
}

/// Fails with a clear message when some parent of `path` is closed to `uid`.
fn check_reachable(path: &Path, uid: u32) -> Result<(), Error> {
    for dir in path.ancestors().skip(1) {
        let Ok(meta) = std::fs::metadata(dir) else {
            continue;
        };
        let searchable =
            meta.mode() & 0o001 != 0 || (meta.uid() == uid && meta.mode() & 0o100 != 0);
        if !searchable {
            return Err(ClusterError::Unreachable(path.to_owned()).into());
        }
    }
    Ok(())
}

fn absolute(path: &Path) -> Result<PathBuf, Error> {
    std::path::absolute(path).map_err(|e| io(path, e))
}

fn io(path: &Path, source: std::io::Error) -> Error {
    ClusterError::Io {
        path: path.to_owned(),
        source,
    }
    .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_binaries_say_how_to_install_them() -> Result<(), std::io::Error> {
        let empty = tempfile::tempdir()?;
        let err = find_binaries_in(Some(empty.path().as_os_str()), empty.path())
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            err.contains("apt-get install postgresql") && err.contains("DATABASE_URL"),
            "{err}"
        );
        Ok(())
    }

    #[test]
    fn the_newest_installed_version_wins() -> Result<(), std::io::Error> {
        let root = tempfile::tempdir()?;
        for version in ["9", "15", "13"] {
            let bin = root.path().join(version).join("bin");
            std::fs::create_dir_all(&bin)?;
            for b in ["initdb", "pg_ctl", "postgres"] {
                std::fs::write(bin.join(b), "")?;
            }
        }
        let found = find_binaries_in(None, root.path()).ok();
        assert_eq!(found, Some(root.path().join("15/bin")));
        Ok(())
    }
}
