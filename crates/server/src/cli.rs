//! The `labour-market` command line: serve, migrate, seed, openapi.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use labour_api::config::Config;
use labour_api::database::Database;
use labour_api::state::AppState;

#[derive(Debug, Parser)]
#[command(
    name = "labour-market",
    version,
    about = "Lạng Sơn labour-market portal: jobs, training needs and courses of the province's \
             industrial parks and clusters.",
    long_about = None,
    after_help = "Configuration comes from the environment (DATABASE_URL, LABOUR_BIND, \
                  LABOUR_DATA_DIR, LABOUR_LOG, ...) and an optional TOML file. With no \
                  DATABASE_URL the portal runs its own PostgreSQL cluster in the data directory."
)]
struct Cli {
    /// TOML configuration file (see deploy/labour-market.example.toml).
    #[arg(long, short, global = true, env = "LABOUR_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the HTTP API and web docs until interrupted (Ctrl-C or SIGTERM).
    Serve {
        /// Apply pending migrations and reference data first (always done with the private cluster).
        #[arg(long)]
        migrate: bool,
    },
    /// Apply pending database migrations and load the reference data shipped with the binary.
    Migrate,
    /// Migrate, load reference data, and add the deterministic demo organisations and postings.
    Seed {
        /// Also add this many synthetic jobs, with a fifth as many courses and a tenth as many
        /// training needs (100000 is the national benchmark set, 2000 the provincial one).
        #[arg(long)]
        synthetic: Option<usize>,
        /// Seed of the synthetic generator: the same seed gives the same postings.
        #[arg(long, default_value_t = 2025)]
        synthetic_seed: u64,
    },
    /// Create an admin account (the first one, or another). The password is read from
    /// LABOUR_ADMIN_PASSWORD, else asked for on the terminal, else read as one line of input.
    CreateAdmin {
        #[arg(long, required_unless_present = "phone", conflicts_with = "phone")]
        email: Option<String>,
        /// Vietnamese mobile number, instead of an email.
        #[arg(long)]
        phone: Option<String>,
        /// The name shown for the account.
        #[arg(long)]
        name: String,
    },
    /// Rebuild the search index from PostgreSQL (stop `serve` first: the embedded index has one
    /// writer at a time).
    Reindex,
    /// Print the OpenAPI contract (JSON) that the server serves at /openapi.json.
    Openapi {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// Runs the command line; the process exit code says whether it worked.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Command::Openapi { output } = &cli.command {
        return report(openapi(output.as_deref()));
    }
    let config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => return report(Err(e.into())),
    };
    labour_api::telemetry::init(&config.log);
    let system = actix_web::rt::System::new();
    report(system.block_on(run(cli.command, config)))
}

type CliResult = Result<(), Box<dyn std::error::Error>>;

fn report(result: CliResult) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(std::io::stderr(), "error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn say(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

async fn run(command: Command, config: Config) -> CliResult {
    let database = Database::open(&config).await?;
    // Whatever happens, a cluster this process started is stopped before it exits.
    let result = match command {
        Command::Serve { migrate } => serve(&config, &database, migrate).await,
        Command::Migrate => interruptible(migrate(&database)).await,
        Command::Seed {
            synthetic,
            synthetic_seed,
        } => interruptible(seed(&config, &database, synthetic, synthetic_seed)).await,
        Command::Reindex => interruptible(reindex(&config, &database)).await,
        Command::CreateAdmin { email, phone, name } => {
            create_admin(
                &config,
                &database,
                email.as_deref(),
                phone.as_deref(),
                &name,
            )
            .await
        }
        Command::Openapi { .. } => Ok(()),
    };
    database.close().await;
    result
}

/// SIGINT (Ctrl-C) and SIGTERM, which `serve` treats alike: finish running requests, then stop.
struct Signals {
    interrupt: tokio::signal::unix::Signal,
    terminate: tokio::signal::unix::Signal,
}

impl Signals {
    fn new() -> std::io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            interrupt: signal(SignalKind::interrupt())?,
            terminate: signal(SignalKind::terminate())?,
        })
    }

    /// The name of the next signal.
    async fn next(&mut self) -> &'static str {
        tokio::select! {
            _ = self.interrupt.recv() => "SIGINT",
            _ = self.terminate.recv() => "SIGTERM",
        }
    }
}

/// Stops at Ctrl-C or SIGTERM instead of being killed, so the caller can clean up.
async fn interruptible(work: impl std::future::Future<Output = CliResult>) -> CliResult {
    let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    tokio::select! {
        r = work => r,
        _ = tokio::signal::ctrl_c() => Err("interrupted".into()),
        _ = term.recv() => Err("terminated".into()),
    }
}

async fn migrate(database: &Database) -> CliResult {
    say("Applying migrations...");
    let applied = labour_store::migrations::run(database.url()).await?;
    say(&format!(
        "  {} migration(s) applied{}",
        applied.len(),
        list(&applied)
    ));
    say("Loading reference data...");
    let mut conn = labour_store::db::connect(database.url()).await?;
    let l = labour_store::reference::load(&mut conn).await?;
    say(&format!(
        "  {} communes, {} zones, {} occupation groups, {} occupations, {} training levels, \
         {} training programmes, {} ethnic groups",
        l.communes,
        l.zones,
        l.occupation_groups,
        l.occupations,
        l.training_levels,
        l.vet_programmes,
        l.ethnic_groups
    ));
    Ok(())
}

/// The demo workers' password: `LABOUR_DEMO_PASSWORD`, or in local mode a published default.
/// A production portal gets demo workers only with a password of its own choosing.
const DEMO_PASSWORD: &str = "langson-demo-2026";

fn hasher(config: &Config) -> Result<labour_api::auth::password::Hasher, String> {
    let a = &config.auth;
    labour_api::auth::password::Hasher::new(
        a.argon2_memory_kib,
        a.argon2_iterations,
        a.argon2_parallelism,
    )
    .map_err(|e| format!("argon2 parameters: {e}"))
}

/// The argon2 hash of the demo workers' password; `None` when none may be used.
fn demo_password_hash(config: &Config) -> Result<Option<String>, String> {
    let password = match std::env::var("LABOUR_DEMO_PASSWORD")
        .ok()
        .filter(|p| !p.is_empty())
    {
        Some(p) => p,
        None if config.mode == labour_api::config::Mode::Local => DEMO_PASSWORD.to_owned(),
        None => return Ok(None),
    };
    let password = labour_domain::account::Password::parse(&password)
        .map_err(|e| format!("LABOUR_DEMO_PASSWORD: {e}"))?;
    Ok(Some(hasher(config)?.hash_now(password.expose())?))
}

async fn seed(
    config: &Config,
    database: &Database,
    synthetic: Option<usize>,
    synthetic_seed: u64,
) -> CliResult {
    migrate(database).await?;
    say("Adding demo organisations...");
    let mut conn = labour_store::db::connect(database.url()).await?;
    let added = labour_store::demo::seed(&mut conn).await?;
    let total = labour_store::organisations::count(&mut conn).await?;
    say(&format!("  {added} added, {total} organisations in all"));
    say("Adding demo postings...");
    let today = chrono::Utc::now().date_naive();
    let postings = labour_store::demo_postings::seed(&mut conn, today).await?;
    say(&format!(
        "  {postings} postings added (jobs, courses and training needs)"
    ));
    say("Adding demo declarations...");
    let year = chrono::Datelike::year(&today);
    let declared = labour_store::demo_declarations::seed(&mut conn, year).await?;
    say(&format!(
        "  {declared} added for {} and {}",
        year - 2,
        year - 1
    ));
    say("Adding demo workers...");
    match demo_password_hash(config)? {
        Some(hash) => {
            let added = labour_store::demo_workers::seed(&mut conn, &hash).await?;
            say(&format!(
                "  {added} added; sign in as {} (the others are in the README)",
                labour_store::demo_workers::emails()
                    .first()
                    .copied()
                    .unwrap_or_default()
            ));
            let members = labour_store::demo_members::seed(&mut conn, &hash).await?;
            say(&format!(
                "  {members} demo staff and members added: {} (same password)",
                labour_store::demo_members::emails().join(", ")
            ));
        }
        None => say("  none: set LABOUR_DEMO_PASSWORD to add them in production mode"),
    }
    if let Some(jobs) = synthetic {
        let scale = labour_store::synthetic::Scale::from_jobs(jobs);
        let bar = progress_bar("Synthetic postings", scale.total() as u64);
        let started = std::time::Instant::now();
        let added =
            labour_store::synthetic::seed(&mut conn, scale, synthetic_seed, today, |done, _| {
                bar.set_position(done as u64)
            })
            .await?;
        bar.finish();
        let secs = started.elapsed().as_secs_f64();
        say(&format!(
            "  {added} synthetic postings added in {secs:.1} s ({:.0} per second)",
            added as f64 / secs.max(0.001)
        ));
    }
    Ok(())
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        String::new()
    } else {
        format!(": {}", items.join(", "))
    }
}

async fn serve(config: &Config, database: &Database, migrate_first: bool) -> CliResult {
    if migrate_first || database.is_private() {
        migrate(database).await?;
    }
    let pool = labour_store::db::pool(database.url(), config.database.pool_size)?;
    // The jobs' own connections: a slow engine or mail server never holds the requests'.
    let jobs_pool = labour_store::db::pool(database.url(), config.database.jobs_pool_size)?;
    let search = open_search(config)?;
    let state = AppState::new(config, pool, search.clone())?;
    let mailer = state.app.mailer.clone();
    let jobs = labour_app::jobs::start(jobs_pool, search, state.search_log.clone(), mailer);
    let (server, addr) = crate::server::bind(config, state)?;
    tracing::info!(%addr, "listening");
    say(&format!(
        "Portal on http://{addr}  (API docs: http://{addr}/docs)"
    ));
    // Signals are listened for before the server runs, so none is missed.
    let mut signals = Signals::new()?;
    let handle = server.handle();
    let mut running = actix_web::rt::spawn(server);
    tokio::select! {
        result = &mut running => result??,
        signal = signals.next() => {
            tracing::info!(
                signal,
                timeout_secs = config.server.shutdown_timeout_secs,
                "{signal} received; starting graceful shutdown: running requests may finish"
            );
            tokio::select! {
                () = handle.stop(true) => {}
                again = signals.next() => {
                    tracing::warn!("{again} received again; stopping without waiting for requests");
                    handle.stop(false).await;
                }
            }
            running.await??;
        }
    }
    // Background work stops with the server, before the database goes away.
    jobs.stop().await;
    tracing::info!("server stopped");
    Ok(())
}

async fn create_admin(
    config: &Config,
    database: &Database,
    email: Option<&str>,
    phone: Option<&str>,
    name: &str,
) -> CliResult {
    use labour_domain::account::{Email, Identifier, Password, Phone, display_name};
    let identifier = match (email, phone) {
        (Some(e), _) => Identifier::Email(Email::parse(e).map_err(|e| format!("--email: {e}"))?),
        (None, Some(p)) => Identifier::Phone(Phone::parse(p).map_err(|e| format!("--phone: {e}"))?),
        (None, None) => return Err("give --email or --phone".into()),
    };
    let name = display_name(name).map_err(|e| format!("--name: {e}"))?;
    let password =
        Password::parse(&read_admin_password()?).map_err(|e| format!("password: {e}"))?;
    let hash = hasher(config)?.hash_now(password.expose())?;
    let mut conn = labour_store::db::connect(database.url()).await?;
    let new = labour_app::staff::create_admin::NewAdmin {
        identifier: &identifier,
        display_name: &name,
        password_hash: &hash,
    };
    let id = match labour_app::staff::create_admin(&mut conn, new).await {
        Ok(id) => id,
        Err(e) if e.code == labour_app::ErrorCode::Conflict => {
            return Err("an account with this email or phone already exists".into());
        }
        Err(e) => return Err(e.into()),
    };
    say(&format!("Admin account {id} created for {name}."));
    Ok(())
}

/// The search engine for this configuration.
fn open_search(config: &Config) -> Result<labour_search::AnyEngine, Box<dyn std::error::Error>> {
    if let Some(url) = &config.search.meili_url {
        use secrecy::ExposeSecret;
        let key = config
            .search
            .meili_key
            .as_ref()
            .map(|k| k.expose_secret().to_owned());
        let engine = labour_search::meili::MeiliEngine::new(
            url,
            key.as_deref(),
            &config.search.meili_index_prefix,
        )
        .map_err(|e| format!("MEILI_URL {url}: {e}"))?;
        tracing::info!(meili_url = %url, "search engine: Meilisearch");
        return Ok(labour_search::AnyEngine::Meili(engine));
    }
    let dir = config.search_dir();
    let engine = labour_search::embedded::EmbeddedEngine::open(&dir)
        .map_err(|e| format!("cannot open the search index in {}: {e}", dir.display()))?;
    Ok(labour_search::AnyEngine::Embedded(engine))
}

async fn reindex(config: &Config, database: &Database) -> CliResult {
    let pool = labour_store::db::pool(database.url(), 2)?;
    let engine = open_search(config)?;
    let bar = progress_bar("Reindexing", 0);
    let started = std::time::Instant::now();
    let done = labour_app::jobs::indexer::reindex(&pool, &engine, |done, total| {
        bar.set_length(total);
        bar.set_position(done);
    })
    .await?;
    bar.finish();
    let secs = started.elapsed().as_secs_f64();
    say(&format!(
        "{done} postings indexed in {secs:.1} s ({:.0} per second)",
        done as f64 / secs.max(0.001)
    ));
    Ok(())
}

/// A progress bar on standard error (hidden when it is not a terminal).
fn progress_bar(message: &'static str, length: u64) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(length).with_style(
        indicatif::ProgressStyle::with_template(
            "{msg} [{bar:40}] {pos}/{len} postings ({per_sec}, {eta} left)",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
    );
    bar.set_message(message);
    bar
}

fn read_admin_password() -> Result<String, Box<dyn std::error::Error>> {
    use std::io::IsTerminal;
    if let Ok(p) = std::env::var("LABOUR_ADMIN_PASSWORD")
        && !p.is_empty()
    {
        return Ok(p);
    }
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password (8-128 characters): ")?;
        let again = rpassword::prompt_password("Same password again: ")?;
        if first != again {
            return Err("the two passwords differ".into());
        }
        return Ok(first);
    }
    let mut line = String::new();
    std::io::stdin().read_line(&mut line)?;
    Ok(line.trim_end_matches(['\r', '\n']).to_owned())
}

fn openapi(output: Option<&std::path::Path>) -> CliResult {
    let json = labour_api::openapi::spec_json()?;
    match output {
        Some(path) => std::fs::write(path, json)?,
        None => std::io::stdout().write_all(json.as_bytes())?,
    }
    Ok(())
}
