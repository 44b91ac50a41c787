//! The `labour-market` binary as a user runs it: help, migrate, seed, and serve on its own
//! private PostgreSQL cluster, joined by a second command and stopped at SIGTERM.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use labour_store::test_db::TestDb;

type TestResult = Result<(), Box<dyn std::error::Error>>;

fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_labour-market"));
    cmd.env_remove("DATABASE_URL")
        .env_remove("LABOUR_CONFIG")
        .env("LABOUR_LOG", "warn");
    cmd
}

fn run(cmd: &mut Command) -> Result<String, Box<dyn std::error::Error>> {
    let out = cmd.output()?;
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    if !out.status.success() {
        return Err(format!(
            "{:?} failed: {stdout}{}",
            cmd,
            String::from_utf8_lossy(&out.stderr)
        )
        .into());
    }
    Ok(stdout)
}

/// A plain HTTP/1.1 GET; returns the status line and the body.
fn http_get(addr: &str, path: &str) -> Result<(String, String), Box<dyn std::error::Error>> {
    http(addr, "GET", path, None)
}

/// A plain HTTP/1.1 request with an optional JSON body.
fn http(
    addr: &str,
    method: &str,
    path: &str,
    json: Option<&str>,
) -> Result<(String, String), Box<dyn std::error::Error>> {
    http_with(addr, method, path, json, "")
}

/// The same with extra header lines (each ending in `\r\n`).
fn http_with(
    addr: &str,
    method: &str,
    path: &str,
    json: Option<&str>,
    headers: &str,
) -> Result<(String, String), Box<dyn std::error::Error>> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    let body = json.unwrap_or("");
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n{headers}\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response.lines().next().unwrap_or_default().to_owned();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    Ok((status, body))
}

#[test]
fn every_subcommand_has_help() -> TestResult {
    for sub in ["serve", "migrate", "seed", "openapi"] {
        let out = run(bin().args([sub, "--help"]))?;
        assert!(out.contains("Usage: labour-market"), "{sub}: {out}");
    }
    Ok(())
}

#[tokio::test]
async fn migrate_and_seed_against_database_url() -> TestResult {
    let db = TestDb::empty().await?;
    let out = run(bin().arg("migrate").env("DATABASE_URL", db.url()))?;
    let migrations =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../../migrations"))?.count();
    assert!(
        out.contains(&format!("{migrations} migration(s) applied")),
        "{out}"
    );
    assert!(out.contains("65 communes"), "{out}");
    let out = run(bin().arg("seed").env("DATABASE_URL", db.url()))?;
    assert!(out.contains("0 migration(s) applied"), "{out}");
    assert!(out.contains("16 added, 16 organisations in all"), "{out}");
    let dir = tempfile::tempdir()?;
    let reindexed = run(bin()
        .arg("reindex")
        .env("DATABASE_URL", db.url())
        .env("LABOUR_DATA_DIR", dir.path()))?;
    assert!(reindexed.contains("440 postings indexed"), "{reindexed}");
    let again = run(bin().arg("seed").env("DATABASE_URL", db.url()))?;
    assert!(
        again.contains("0 added, 16 organisations in all"),
        "seeding twice adds nothing: {again}"
    );
    Ok(())
}

#[test]
fn a_bad_database_url_is_a_clear_error_not_a_panic() -> TestResult {
    let out = bin()
        .arg("migrate")
        .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/none")
        .output()?;
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("error: ") && !err.contains("panicked"),
        "{err}"
    );
    Ok(())
}

#[test]
fn serve_runs_its_own_cluster_which_others_join_and_it_stops() -> TestResult {
    let dir = tempfile::Builder::new().prefix("labour-cli-").tempdir()?;
    let pid_file = dir.path().join("postgres/data/postmaster.pid");

    // seed starts the cluster, fills it, and stops it again.
    let out = run(bin().arg("seed").env("LABOUR_DATA_DIR", dir.path()))?;
    assert!(out.contains("16 added"), "{out}");
    assert!(!pid_file.exists(), "seed stopped the cluster it started");

    let mut serve = bin()
        .arg("serve")
        .env("LABOUR_DATA_DIR", dir.path())
        .env("LABOUR_BIND", "127.0.0.1:0")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()?;
    let stdout = serve.stdout.take().ok_or("no stdout")?;
    let addr = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("Portal on http://")
                .map(|r| r.split_whitespace().next().unwrap_or("").to_owned())
        })
        .ok_or("serve printed no address")?;

    let (status, body) = http_get(&addr, "/api/v1/zones?kind=industrial_park")?;
    assert!(status.contains("200"), "{status}");
    assert!(body.contains("Khu công nghiệp Đồng Bành"), "{body}");

    // A second command joins the running cluster and leaves it running.
    let out = run(bin().arg("migrate").env("LABOUR_DATA_DIR", dir.path()))?;
    assert!(out.contains("0 migration(s) applied"), "{out}");
    let (status, _) = http_get(&addr, "/ready")?;
    assert!(
        status.contains("200"),
        "still serving after migrate: {status}"
    );

    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(serve.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = serve.try_wait()? {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            serve.kill()?;
            return Err("serve did not stop within 30 s of SIGTERM".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "graceful exit: {status}");
    assert!(!pid_file.exists(), "serve stopped the cluster at exit");
    Ok(())
}

#[tokio::test]
async fn create_admin_makes_one_admin_and_refuses_a_second_with_the_same_email() -> TestResult {
    let db = TestDb::new().await?;
    let admin = |password_env: bool| {
        let mut cmd = bin();
        cmd.args([
            "create-admin",
            "--email",
            "Admin@Example.vn",
            "--name",
            "Quản trị",
        ])
        .env("DATABASE_URL", db.url())
        .env("LABOUR_ARGON2_MEMORY_KIB", "256")
        .env("LABOUR_ARGON2_ITERATIONS", "1");
        if password_env {
            cmd.env("LABOUR_ADMIN_PASSWORD", "mật khẩu quản trị");
        }
        cmd
    };
    let out = run(&mut admin(true))?;
    assert!(
        out.contains("Admin account") && out.contains("Quản trị"),
        "{out}"
    );

    // From standard input this time, and refused: the email is taken.
    let mut child = admin(false)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    child
        .stdin
        .take()
        .ok_or("no stdin")?
        .write_all(b"another password\n")?;
    let second = child.wait_with_output()?;
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("already exists"));

    let mut conn = labour_store::db::connect(db.url()).await?;
    let identifier = labour_domain::account::Identifier::parse("admin@example.vn")?;
    let row = labour_store::accounts::find_by_identifier(&mut conn, &identifier)
        .await?
        .ok_or("no admin")?;
    assert_eq!(row.role, "admin");
    let audit = labour_store::audit::all(&mut conn).await?;
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (audit[0].action.as_str(), audit[0].details["role"].as_str()),
        ("role_granted", Some("admin"))
    );
    Ok(())
}

#[test]
fn production_mode_refuses_to_start_without_a_strong_secret() -> TestResult {
    for secret in [None, Some("too-short")] {
        let dir = tempfile::tempdir()?;
        let mut cmd = bin();
        cmd.arg("serve")
            .env("LABOUR_MODE", "production")
            .env("LABOUR_DATA_DIR", dir.path())
            .env("DATABASE_URL", "postgres://nobody@127.0.0.1:1/x");
        if let Some(s) = secret {
            cmd.env("LABOUR_JWT_SECRET", s);
        }
        let out = cmd.output()?;
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !out.status.success() && err.contains("LABOUR_JWT_SECRET"),
            "{secret:?}: {err}"
        );
    }
    Ok(())
}

/// The ways a value may be printed: as text, as a byte array (`[48, 57, ...]`, how database
/// drivers show bound parameters) and as hex.
fn printed_forms(value: &str) -> [String; 3] {
    let bytes = value.as_bytes();
    let decimal: Vec<String> = bytes.iter().map(u8::to_string).collect();
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    [value.to_owned(), decimal.join(", "), hex]
}

/// `serve` on a test database at a log level, with its log read as it comes (a full pipe would
/// block the server), and the address it printed.
fn serve_with_logs(
    db: &TestDb,
    dir: &std::path::Path,
    level: &str,
    argon2_kib: u32,
    argon2_iterations: u32,
) -> Result<
    (std::process::Child, std::thread::JoinHandle<String>, String),
    Box<dyn std::error::Error>,
> {
    let mut serve = bin()
        .arg("serve")
        .env("LABOUR_DATA_DIR", dir)
        .env("DATABASE_URL", db.url())
        .env("LABOUR_BIND", "127.0.0.1:0")
        .env("LABOUR_LOG", level)
        .env(
            "LABOUR_JWT_SECRET",
            "a-secret-for-this-test-0123456789abcdef",
        )
        .env("LABOUR_ARGON2_MEMORY_KIB", argon2_kib.to_string())
        .env("LABOUR_ARGON2_ITERATIONS", argon2_iterations.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    let mut stderr = serve.stderr.take().ok_or("no stderr")?;
    let log_reader = std::thread::spawn(move || {
        let mut logs = String::new();
        let _ = stderr.read_to_string(&mut logs);
        logs
    });
    let stdout = serve.stdout.take().ok_or("no stdout")?;
    let addr = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("Portal on http://")
                .map(|r| r.split_whitespace().next().unwrap_or("").to_owned())
        })
        .ok_or("serve printed no address")?;
    Ok((serve, log_reader, addr))
}

#[tokio::test]
async fn passwords_tokens_hashes_and_personal_data_never_reach_a_trace_level_log() -> TestResult {
    let db = TestDb::new().await?;
    let dir = tempfile::tempdir()?;
    let (mut serve, log_reader, addr) = serve_with_logs(&db, dir.path(), "trace", 256, 1)?;
    let password = "mật-khẩu-bí-mật-123";
    let signup =
        format!(r#"{{"email":"log@example.vn","password":"{password}","display_name":"Log"}}"#);
    let (status, _) = http(&addr, "POST", "/api/v1/accounts", Some(&signup))?;
    assert!(status.contains("202"), "{status}");
    let by_phone =
        format!(r#"{{"phone":"0987 654 321","password":"{password}","display_name":"Log"}}"#);
    let (status, _) = http(&addr, "POST", "/api/v1/accounts", Some(&by_phone))?;
    assert!(status.contains("202"), "{status}");
    let login = format!(r#"{{"identifier":"log@example.vn","password":"{password}"}}"#);
    let (status, body) = http(&addr, "POST", "/api/v1/sessions", Some(&login))?;
    assert!(status.contains("200"), "{status} {body}");
    let tokens: serde_json::Value = serde_json::from_str(&body)?;
    let access = tokens["access_token"]
        .as_str()
        .ok_or("no access token")?
        .to_owned();
    let refresh = tokens["refresh_token"]
        .as_str()
        .ok_or("no refresh token")?
        .to_owned();
    let profile = serde_json::json!({
        "full_name": "Nông Thị Thuỳ Dương", "birth_year": 1998, "gender": "female",
        "commune_code": "06463", "phone": "0912876543", "citizen_id": "020301009876",
        "ethnic_group": "tay", "training_level": "so_cap", "skills": ["hàn hồ quang"],
        "desired_occupations": ["7212"], "expected_salary_vnd": 9000000,
        "shift_preferences": ["day"], "it_skills": "basic",
        "consents": { "ethnicity": true, "citizen_id": true, "discoverable": false }
    });
    let (status, body) = http_with(
        &addr,
        "PUT",
        "/api/v1/me/profile",
        Some(&profile.to_string()),
        &format!("Authorization: Bearer {access}\r\n"),
    )?;
    assert!(status.contains("200"), "{status} {body}");
    let (status, _) = http(
        &addr,
        "POST",
        "/api/v1/sessions/refresh",
        Some(&format!(r#"{{"refresh_token":"{refresh}"}}"#)),
    )?;
    assert!(status.contains("200"));

    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(serve.id() as i32),
        nix::sys::signal::Signal::SIGTERM,
    )?;
    serve.wait()?;
    let logs = log_reader.join().map_err(|_| "log reader panicked")?;
    assert!(
        logs.contains("request finished"),
        "the server did log: {logs}"
    );
    for secret in [
        password,
        &access,
        &refresh,
        "$argon2",
        "log@example.vn",
        "+84987654321",
        "0912876543",
        "020301009876",
        "Nông Thị Thuỳ Dương",
        "127.0.0.1:5",
    ] {
        for form in printed_forms(secret) {
            assert!(!logs.contains(&form), "logs contain {secret:?} as {form:?}");
        }
    }
    Ok(())
}

#[tokio::test]
async fn ctrl_c_lets_running_requests_finish_like_sigterm() -> TestResult {
    let db = TestDb::new().await?;
    let dir = tempfile::tempdir()?;
    // Slow password hashing: a sign-up is a request that runs for a while.
    let (mut serve, log_reader, addr) = serve_with_logs(&db, dir.path(), "info", 1024, 20)?;

    // Both workers answer once before the slow request, so it is not the one that starts them.
    for _ in 0..4 {
        http_get(&addr, "/health")?;
    }
    // The request is written before the signal, so the server has it in hand when Ctrl-C comes.
    let mut stream = TcpStream::connect(&addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    let body = r#"{"email":"slow@example.vn","password":"mật khẩu dài","display_name":"Chậm"}"#;
    write!(
        stream,
        "POST /api/v1/accounts HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let sent = Instant::now();
    std::thread::sleep(Duration::from_millis(100));
    nix::sys::signal::kill(
        nix::unistd::Pid::from_raw(serve.id() as i32),
        nix::sys::signal::Signal::SIGINT,
    )?;
    let mut response = String::new();
    let read = stream.read_to_string(&mut response);
    let took = sent.elapsed();
    let status = response.lines().next().unwrap_or_default().to_owned();
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = serve.try_wait()? {
            break exit;
        }
        if started.elapsed() > Duration::from_secs(30) {
            serve.kill()?;
            return Err("serve did not stop within 30 s of SIGINT".into());
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let logs = log_reader.join().map_err(|_| "log reader panicked")?;
    assert!(read.is_ok(), "the answer was read: {read:?}\n{logs}");
    assert!(
        took > Duration::from_millis(100),
        "the request was still running at SIGINT ({took:?})"
    );
    assert!(
        status.contains("202"),
        "the running request finished: {status}\n{logs}"
    );
    assert!(exit.success(), "graceful exit: {exit}\n{logs}");
    assert!(!logs.contains("forced shutdown"), "{logs}");
    assert!(logs.contains("graceful shutdown"), "{logs}");
    assert!(logs.contains("server stopped"), "{logs}");
    Ok(())
}
