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
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
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
