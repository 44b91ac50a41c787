//! Connection pool and connection strings.

use diesel_async::AsyncPgConnection;
use diesel_async::pooled_connection::AsyncDieselConnectionManager;
use diesel_async::pooled_connection::deadpool;

use crate::Error;

pub type Pool = deadpool::Pool<AsyncPgConnection>;
pub type Conn = deadpool::Object<AsyncPgConnection>;

/// A pool of connections to `url`. Connections are opened lazily, on first use.
pub fn pool(url: &str, max_size: usize) -> Result<Pool, Error> {
    let manager = AsyncDieselConnectionManager::<AsyncPgConnection>::new(url);
    deadpool::Pool::builder(manager)
        .max_size(max_size)
        .wait_timeout(Some(std::time::Duration::from_secs(10)))
        .create_timeout(Some(std::time::Duration::from_secs(10)))
        .runtime(::deadpool::Runtime::Tokio1)
        .build()
        .map_err(|e| Error::Pool(e.to_string()))
}

/// Takes a connection from the pool.
pub async fn get(pool: &Pool) -> Result<Conn, Error> {
    pool.get().await.map_err(|e| Error::Pool(e.to_string()))
}

/// Whether the connection still answers: tells a statement PostgreSQL refused from a
/// connection that is gone.
pub async fn ping(conn: &mut AsyncPgConnection) -> Result<(), Error> {
    use diesel_async::RunQueryDsl;
    diesel::sql_query("SELECT 1").execute(conn).await?;
    Ok(())
}

/// Opens one connection outside any pool (administration, migrations).
pub async fn connect(url: &str) -> Result<AsyncPgConnection, Error> {
    use diesel_async::AsyncConnection;
    AsyncPgConnection::establish(url)
        .await
        .map_err(|e| Error::Connect(e.to_string()))
}

/// The same server and credentials as `url`, but database `name`. Works for both the URL form
/// (`postgres://...`) and the key=value form, since a later `dbname` overrides an earlier one.
pub fn with_database(url: &str, name: &str) -> String {
    if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let sep = if url.contains('?') { '&' } else { '?' };
        format!("{url}{sep}dbname={name}")
    } else {
        format!("{url} dbname={name}")
    }
}

/// Quotes an identifier for the few statements (CREATE/DROP DATABASE) that cannot take parameters.
pub fn quote_ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_override() {
        assert_eq!(
            with_database("postgres://u@h:5432/postgres", "x"),
            "postgres://u@h:5432/postgres?dbname=x"
        );
        assert_eq!(
            with_database("postgres://u@h/p?sslmode=disable", "x"),
            "postgres://u@h/p?sslmode=disable&dbname=x"
        );
        assert_eq!(
            with_database("host=/run user=postgres", "x"),
            "host=/run user=postgres dbname=x"
        );
        assert_eq!(quote_ident("a\"b"), "\"a\"\"b\"");
    }
}
