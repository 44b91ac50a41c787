//! Test databases: each test gets its own database, copied from a template that was migrated and
//! loaded with reference data once. The server is the one at `DATABASE_URL` (any database on it;
//! used to create others) or, when unset, a private temporary cluster for this test process.

use std::hash::{Hash, Hasher};
use std::path::Path;

use diesel_async::RunQueryDsl;
use tokio::sync::OnceCell;

use crate::{Error, db, migrations, reference};

/// A database of its own for one test, dropped when the value is dropped.
#[derive(Debug)]
pub struct TestDb {
    name: String,
    url: String,
    admin_url: String,
}

static SERVER: OnceCell<String> = OnceCell::const_new();
static TEMPLATE: OnceCell<String> = OnceCell::const_new();

impl TestDb {
    /// A fresh database with every migration and all reference data.
    pub async fn new() -> Result<TestDb, Error> {
        let admin_url = SERVER.get_or_try_init(server_url).await?.clone();
        let template = TEMPLATE.get_or_try_init(|| template(&admin_url)).await?;
        let name = format!("labour_test_{}", uuid::Uuid::now_v7().simple());
        let mut conn = db::connect(&admin_url).await?;
        diesel::sql_query(format!(
            "CREATE DATABASE {} TEMPLATE {}",
            db::quote_ident(&name),
            db::quote_ident(template)
        ))
        .execute(&mut conn)
        .await?;
        let url = db::with_database(&admin_url, &name);
        Ok(TestDb {
            name,
            url,
            admin_url,
        })
    }

    /// An empty database with no migration applied (for migration tests).
    pub async fn empty() -> Result<TestDb, Error> {
        let admin_url = SERVER.get_or_try_init(server_url).await?.clone();
        let name = format!("labour_test_{}", uuid::Uuid::now_v7().simple());
        let mut conn = db::connect(&admin_url).await?;
        diesel::sql_query(format!("CREATE DATABASE {}", db::quote_ident(&name)))
            .execute(&mut conn)
            .await?;
        let url = db::with_database(&admin_url, &name);
        Ok(TestDb {
            name,
            url,
            admin_url,
        })
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn name(&self) -> &str {
        &self.name
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        // Drop runs outside async code; a short-lived runtime on its own thread does the work.
        let admin_url = self.admin_url.clone();
        let sql = format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            db::quote_ident(&self.name)
        );
        let dropped = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .ok()?;
            runtime.block_on(async {
                let mut conn = db::connect(&admin_url).await.ok()?;
                diesel::sql_query(sql).execute(&mut conn).await.ok()
            })
        })
        .join();
        if !matches!(dropped, Ok(Some(_))) {
            eprintln!("warning: test database {} was not dropped", self.name);
        }
    }
}

async fn server_url() -> Result<String, Error> {
    match std::env::var("DATABASE_URL") {
        Ok(url) if !url.trim().is_empty() => Ok(url),
        _ => temporary_cluster().await,
    }
}

/// Starts a private cluster in a temporary directory, with a watchdog that stops it and removes
/// the directory when this test process ends, however it ends.
async fn temporary_cluster() -> Result<String, Error> {
    let dir = tempfile::Builder::new()
        .prefix("labour-test-pg-")
        .tempdir()
        .map_err(|e| Error::Connect(format!("cannot create a temporary directory: {e}")))?
        .keep();
    let cluster = crate::cluster::LocalCluster::ensure(&dir).await?;
    let url = cluster.url("postgres");
    let bin = crate::cluster::find_binaries()?;
    let script = format!(
        "while kill -0 {pid} 2>/dev/null; do sleep 0.5; done; \
         {runas}'{pg_ctl}' -D '{data}' stop -m immediate >/dev/null 2>&1; rm -rf '{dir}'",
        pid = std::process::id(),
        runas = if crate::cluster::running_as_root() {
            "runuser -u postgres -- "
        } else {
            ""
        },
        pg_ctl = bin.join("pg_ctl").display(),
        data = dir.join("postgres/data").display(),
        dir = dir.display(),
    );
    std::process::Command::new("sh")
        .arg("-c")
        .arg(script)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map_err(|e| Error::Connect(format!("cannot start the cluster watchdog: {e}")))?;
    // The watchdog owns the cluster's lifetime now.
    std::mem::forget(cluster);
    Ok(url)
}

/// The template for this version of the migrations and reference data, built once per server
/// under an advisory lock so that parallel test processes build it only once.
async fn template(admin_url: &str) -> Result<String, Error> {
    let fingerprint = fingerprint();
    let name = format!("labour_tpl_{fingerprint:016x}");
    let mut conn = db::connect(admin_url).await?;
    let lock_key = (fingerprint & 0x7fff_ffff_ffff_ffff) as i64;
    diesel::sql_query(format!("SELECT pg_advisory_lock({lock_key})"))
        .execute(&mut conn)
        .await?;
    let result = build_template(&mut conn, admin_url, &name).await;
    if result.is_ok() {
        drop_stale_templates(&mut conn, &name).await;
    }
    diesel::sql_query(format!("SELECT pg_advisory_unlock({lock_key})"))
        .execute(&mut conn)
        .await?;
    result.map(|()| name)
}

async fn build_template(
    conn: &mut diesel_async::AsyncPgConnection,
    admin_url: &str,
    name: &str,
) -> Result<(), Error> {
    let exists: bool = diesel::select(
        diesel::dsl::sql::<diesel::sql_types::Bool>(
            "EXISTS (SELECT 1 FROM pg_database WHERE datname = ",
        )
        .bind::<diesel::sql_types::Text, _>(name)
        .sql(")"),
    )
    .get_result(conn)
    .await?;
    if exists {
        return Ok(());
    }
    // Build under a temporary name and rename at the end, so a crash never leaves a half-built
    // template under the final name.
    let building = format!("{name}_building");
    diesel::sql_query(format!(
        "DROP DATABASE IF EXISTS {} WITH (FORCE)",
        db::quote_ident(&building)
    ))
    .execute(conn)
    .await?;
    diesel::sql_query(format!("CREATE DATABASE {}", db::quote_ident(&building)))
        .execute(conn)
        .await?;
    let url = db::with_database(admin_url, &building);
    migrations::run(&url).await?;
    {
        let mut target = db::connect(&url).await?;
        reference::load(&mut target).await?;
    }
    diesel::sql_query(format!(
        "ALTER DATABASE {} RENAME TO {}",
        db::quote_ident(&building),
        db::quote_ident(name)
    ))
    .execute(conn)
    .await?;
    Ok(())
}

/// Drops templates of older migrations (best effort: one still being copied stays until next time).
async fn drop_stale_templates(conn: &mut diesel_async::AsyncPgConnection, keep: &str) {
    #[derive(diesel::QueryableByName)]
    struct Name {
        #[diesel(sql_type = diesel::sql_types::Text)]
        datname: String,
    }
    let Ok(names) =
        diesel::sql_query("SELECT datname FROM pg_database WHERE datname LIKE 'labour\\_tpl\\_%'")
            .load::<Name>(conn)
            .await
    else {
        return;
    };
    for n in names
        .into_iter()
        .filter(|n| n.datname != keep && !n.datname.ends_with("_building"))
    {
        let _ = diesel::sql_query(format!(
            "DROP DATABASE IF EXISTS {}",
            db::quote_ident(&n.datname)
        ))
        .execute(conn)
        .await;
    }
}

/// A hash of everything that shapes a template: the migrations and the reference data files.
fn fingerprint() -> u64 {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for dir in ["migrations", "data/reference"] {
        let mut files: Vec<_> = walk(&root.join(dir));
        files.sort();
        for file in files {
            // Relative paths, so that every checkout of the same code shares one template.
            file.strip_prefix(&root)
                .unwrap_or(&file)
                .to_string_lossy()
                .hash(&mut hasher);
            std::fs::read(&file).unwrap_or_default().hash(&mut hasher);
        }
    }
    hasher.finish()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|e| {
            let path = e.path();
            if path.is_dir() {
                walk(&path)
            } else {
                vec![path]
            }
        })
        .collect()
}

/// Runs SQL statements that a test uses to set up a case the API cannot make quickly (an
/// account that is weeks old).
pub async fn execute(conn: &mut diesel_async::AsyncPgConnection, sql: &str) -> Result<(), Error> {
    diesel_async::SimpleAsyncConnection::batch_execute(conn, sql).await?;
    Ok(())
}
