//! Schema migrations, embedded in the binary from `migrations/`.

use diesel::migration::MigrationSource;
use diesel::pg::Pg;
use diesel_async::AsyncPgConnection;
use diesel_async::async_connection_wrapper::AsyncConnectionWrapper;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::Error;

pub const MIGRATIONS: EmbeddedMigrations = embed_migrations!("../../migrations");

/// Applies every pending migration; returns the versions applied.
pub async fn run(url: &str) -> Result<Vec<String>, Error> {
    with_harness(url, |conn| {
        conn.run_pending_migrations(MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect())
    })
    .await
}

/// Reverts every applied migration (tests use it to check that down migrations are complete).
pub async fn revert_all(url: &str) -> Result<Vec<String>, Error> {
    with_harness(url, |conn| {
        conn.revert_all_migrations(MIGRATIONS)
            .map(|v| v.iter().map(ToString::to_string).collect())
    })
    .await
}

/// Versions of embedded migrations that the database has not applied yet.
pub async fn pending(conn: &mut AsyncPgConnection) -> Result<Vec<String>, Error> {
    use diesel::prelude::*;
    use diesel_async::RunQueryDsl;

    diesel::table! {
        __diesel_schema_migrations (version) {
            version -> VarChar,
        }
    }
    let applied: Vec<String> = match __diesel_schema_migrations::table
        .select(__diesel_schema_migrations::version)
        .load(conn)
        .await
    {
        Ok(v) => v,
        // No migration table yet: nothing applied.
        Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::Unknown,
            info,
        )) if info.message().contains("does not exist") => Vec::new(),
        Err(e) => return Err(e.into()),
    };
    let known = MigrationSource::<Pg>::migrations(&MIGRATIONS)
        .map_err(|e| Error::Migration(e.to_string()))?;
    Ok(known
        .iter()
        .map(|m| m.name().version().to_string())
        .filter(|v| !applied.contains(v))
        .collect())
}

/// diesel's migration harness is synchronous: run it on a blocking thread.
async fn with_harness<T, F>(url: &str, f: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&mut AsyncConnectionWrapper<AsyncPgConnection>) -> diesel::migration::Result<T>
        + Send
        + 'static,
{
    use diesel::Connection;
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || {
        let mut conn = AsyncConnectionWrapper::<AsyncPgConnection>::establish(&url)
            .map_err(|e| Error::Connect(e.to_string()))?;
        f(&mut conn).map_err(|e| Error::Migration(e.to_string()))
    })
    .await
    .map_err(|e| Error::Migration(format!("migration task failed: {e}")))?
}
