//! The test app builder: the real server on a loopback port against a database of its own.

use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use labour_api::config::Config;
use labour_api::state::AppState;
use labour_domain::account::Identifier;
use labour_store::accounts::{AccountRole, NewAccount};
use labour_store::test_db::TestDb;
pub use serde_json::json;

/// A running portal for one test. Dropping it stops the server and drops the database.
#[derive(Debug)]
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: TestDb,
    /// The app's search engine (an in-memory embedded index).
    pub search: labour_search::AnyEngine,
    /// The server's in-memory search counts (`flush_search_counts` writes them).
    pub search_log: labour_app::search_demand::SearchLog,
    server: ServerHandle,
    indexer: Option<tokio::task::JoinHandle<()>>,
    client: TestClient,
}

/// What a test needs of a response: status, headers and the body.
#[derive(Debug)]
pub struct TestResponse {
    pub status: u16,
    pub headers: actix_web::http::header::HeaderMap,
    pub body: Vec<u8>,
}

impl TestResponse {
    /// The body as JSON (`Null` when it is not JSON, so the assertion that follows fails).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).unwrap_or(serde_json::Value::Null)
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
}

/// The token signing secret of test apps (tests forge expired tokens with it).
pub const TEST_SECRET: &str = "test-secret-0123456789-abcdefghijklmnop";

pub type TestResult = Result<(), Box<dyn std::error::Error>>;
type Error = Box<dyn std::error::Error>;

impl TestApp {
    /// A portal on a fresh migrated database with reference data.
    pub async fn spawn() -> Result<TestApp, Error> {
        TestApp::spawn_on(TestDb::new().await?).await
    }

    /// A portal on the given database (for example an empty, unmigrated one).
    pub async fn spawn_on(db: TestDb) -> Result<TestApp, Error> {
        TestApp::spawn_with(db, |_| {}).await
    }

    /// The configuration tests run with: cheap password hashing, a fixed signing secret.
    pub fn config() -> Config {
        let mut config = Config::default();
        config.server.bind = "127.0.0.1:0".into();
        config.server.shutdown_timeout_secs = 1;
        config.auth.jwt_secret = Some(TEST_SECRET.to_owned().into());
        config.auth.argon2_memory_kib = 256;
        config.auth.argon2_iterations = 1;
        config
    }

    /// A portal with the test configuration changed by `adjust`.
    pub async fn spawn_with(
        db: TestDb,
        adjust: impl FnOnce(&mut Config),
    ) -> Result<TestApp, Error> {
        TestApp::spawn_full(db, adjust, true).await
    }

    /// A portal whose indexer does not run (as if the server died before indexing); call
    /// `index_now` to catch up.
    pub async fn spawn_without_indexer() -> Result<TestApp, Error> {
        TestApp::spawn_full(TestDb::new().await?, |_| {}, false).await
    }

    /// A portal whose search engine the test can switch off (`switch`).
    pub async fn spawn_with_switchable_engine()
    -> Result<(TestApp, labour_search::switchable::SwitchableEngine), Error> {
        let engine = labour_search::switchable::SwitchableEngine::new(
            labour_search::embedded::EmbeddedEngine::in_memory()?,
        );
        let app = TestApp::spawn_engine(
            TestDb::new().await?,
            labour_search::AnyEngine::Switchable(engine.clone()),
        )
        .await?;
        Ok((app, engine))
    }

    async fn spawn_engine(db: TestDb, search: labour_search::AnyEngine) -> Result<TestApp, Error> {
        TestApp::start(db, |_| {}, true, search).await
    }

    /// Drains the search outbox, as the indexer of a restarted server would, and returns once
    /// everything is indexed.
    pub async fn index_now(&self) -> Result<usize, Error> {
        let pool = labour_store::db::pool(self.db.url(), 1)?;
        let mut total = 0;
        loop {
            let n = labour_app::jobs::indexer::drain_once(&pool, &self.search).await?;
            total += n;
            if n == 0 {
                // The server's own indexer may still hold a batch it claimed: wait for it.
                let mut conn = labour_store::db::get(&pool).await?;
                if labour_store::search_outbox::depth(&mut conn).await?.0 == 0 {
                    return Ok(total);
                }
                tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            }
        }
    }

    async fn spawn_full(
        db: TestDb,
        adjust: impl FnOnce(&mut Config),
        indexer: bool,
    ) -> Result<TestApp, Error> {
        let search = labour_search::AnyEngine::Embedded(
            labour_search::embedded::EmbeddedEngine::in_memory()?,
        );
        TestApp::start(db, adjust, indexer, search).await
    }

    async fn start(
        db: TestDb,
        adjust: impl FnOnce(&mut Config),
        indexer: bool,
        search: labour_search::AnyEngine,
    ) -> Result<TestApp, Error> {
        let mut config = TestApp::config();
        adjust(&mut config);
        // Server errors show in a failing test's output; RUST_LOG=debug shows more.
        config.log.level = "warn".into();
        labour_api::telemetry::init(&config.log);
        let pool = labour_store::db::pool(db.url(), 4)?;
        let indexer = indexer.then(|| {
            actix_web::rt::spawn(labour_app::jobs::indexer::run_forever(
                pool.clone(),
                search.clone(),
            ))
        });
        let state = AppState::new(&config, pool, search.clone())?;
        let search_log = state.search_log.clone();
        let (server, addr) = labour_server::server::bind(&config, state)?;
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Ok(TestApp {
            addr,
            db,
            search,
            search_log,
            server: handle,
            indexer,
            client: TestClient {
                base: format!("http://{addr}"),
            },
        })
    }

    pub async fn get(&self, path: &str) -> Result<TestResponse, Error> {
        self.client.request("GET", path, &[], None).await
    }

    /// GET with `Accept-Language`.
    pub async fn get_in(&self, path: &str, lang: &str) -> Result<TestResponse, Error> {
        self.client
            .request("GET", path, &[("accept-language", lang)], None)
            .await
    }

    /// Any method, headers and raw body.
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Result<TestResponse, Error> {
        self.client.request(method, path, headers, body).await
    }

    /// POST (or any method) with a JSON body and optional extra headers.
    pub async fn json(
        &self,
        method: &str,
        path: &str,
        auth: &Auth,
        body: &serde_json::Value,
    ) -> Result<TestResponse, Error> {
        let mut headers = vec![("content-type", "application/json".to_owned())];
        headers.extend(auth.header());
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.client
            .request(method, path, &headers, Some(serde_json::to_vec(body)?))
            .await
    }

    /// A JSON request with credentials and extra headers (If-Match, Idempotency-Key).
    pub async fn send_json(
        &self,
        method: &str,
        path: &str,
        auth: &Auth,
        extra: &[(&str, &str)],
        body: &serde_json::Value,
    ) -> Result<TestResponse, Error> {
        let mut headers = vec![("content-type", "application/json".to_owned())];
        headers.extend(auth.header());
        headers.extend(extra.iter().map(|(k, v)| (*k, (*v).to_owned())));
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.client
            .request(method, path, &headers, Some(serde_json::to_vec(body)?))
            .await
    }

    /// A request without a body, with the given credentials.
    pub async fn call(&self, method: &str, path: &str, auth: &Auth) -> Result<TestResponse, Error> {
        let headers = auth.header();
        let headers: Vec<(&str, &str)> = headers.iter().map(|(k, v)| (*k, v.as_str())).collect();
        self.client.request(method, path, &headers, None).await
    }

    /// Creates an account directly in the database (for staff and admins, which nobody can sign
    /// up as) and signs it in over HTTP.
    pub async fn account(&self, role: AccountRole, email: &str) -> Result<Session, Error> {
        let hasher = labour_api::auth::password::Hasher::new(256, 1, 1)?;
        let hash = hasher.hash_now(PASSWORD)?;
        let identifier = Identifier::parse(email)?;
        let mut conn = labour_store::db::connect(self.db.url()).await?;
        let new = NewAccount {
            id: uuid::Uuid::now_v7(),
            role,
            identifier: &identifier,
            display_name: "Người thử",
            password_hash: &hash,
        };
        labour_store::accounts::insert(&mut conn, &new).await?;
        self.login(email, PASSWORD).await
    }

    /// Signs in; fails the test unless it works.
    pub async fn login(&self, identifier: &str, password: &str) -> Result<Session, Error> {
        let body = serde_json::json!({ "identifier": identifier, "password": password });
        let res = self
            .json("POST", "/api/v1/sessions", &Auth::None, &body)
            .await?;
        if res.status != 200 {
            return Err(format!("login failed: {} {}", res.status, res.text()).into());
        }
        let json = res.json();
        let field = |name: &str| {
            json[name]
                .as_str()
                .map(str::to_owned)
                .ok_or(format!("no {name}"))
        };
        Ok(Session {
            access: field("access_token")?,
            refresh: field("refresh_token")?,
        })
    }

    /// Registers an organisation as `owner`; returns its id.
    pub async fn organisation(
        &self,
        owner: &Session,
        body: serde_json::Value,
    ) -> Result<uuid::Uuid, Error> {
        let res = self
            .json("POST", "/api/v1/organisations", &owner.auth(), &body)
            .await?;
        if res.status != 201 {
            return Err(format!("organisation not created: {} {}", res.status, res.text()).into());
        }
        Ok(res.json()["id"].as_str().ok_or("no id")?.parse()?)
    }

    /// Creates a posting as `owner`, submits it and has `staff` approve it; returns its id.
    pub async fn publish(
        &self,
        org: uuid::Uuid,
        owner: &Session,
        staff: &Session,
        body: &serde_json::Value,
    ) -> Result<String, Error> {
        let created = self
            .json(
                "POST",
                &format!("/api/v1/organisations/{org}/postings"),
                &owner.auth(),
                body,
            )
            .await?;
        if created.status != 201 {
            return Err(format!("not created: {}", created.text()).into());
        }
        let id = created.json()["id"].as_str().ok_or("no id")?.to_owned();
        self.call(
            "POST",
            &format!("/api/v1/postings/{id}/submit"),
            &owner.auth(),
        )
        .await?;
        let approved = self
            .call(
                "POST",
                &format!("/api/v1/postings/{id}/approve"),
                &staff.auth(),
            )
            .await?;
        if approved.status != 200 {
            return Err(format!("not approved: {}", approved.text()).into());
        }
        Ok(id)
    }

    /// Matches saved searches against everything indexed so far, as the alerts task does.
    pub async fn match_saved_searches(&self) -> Result<usize, Error> {
        let pool = labour_store::db::pool(self.db.url(), 1)?;
        Ok(
            labour_app::jobs::alerts::run_once(&pool, &self.search, chrono::Duration::zero())
                .await?,
        )
    }

    /// Writes the search counts gathered so far, as the server does every minute.
    pub async fn flush_search_counts(&self) -> Result<usize, Error> {
        let pool = labour_store::db::pool(self.db.url(), 1)?;
        Ok(self.search_log.flush(&pool).await?)
    }

    /// Everything in the audit log, oldest first.
    pub async fn audit(&self) -> Result<Vec<labour_store::audit::AuditRow>, Error> {
        let mut conn = labour_store::db::connect(self.db.url()).await?;
        Ok(labour_store::audit::all(&mut conn).await?)
    }

    /// Makes every worker with a profile one that public statistics count: accounts 60 days
    /// old, and an application each that a verified enterprise shortlisted (one job published
    /// for it). Tests of the protection itself build such workers over HTTP instead.
    pub async fn count_every_worker(&self) -> Result<(), Error> {
        let staff = self
            .account(AccountRole::Staff, "counting-staff@example.vn")
            .await?;
        let (org, hr) = verified_enterprise(self, "counting-hr@example.vn", 99).await?;
        let posting = self
            .publish(org, &hr, &staff, &job("Thợ hàn đã phỏng vấn"))
            .await?;
        let mut conn = labour_store::db::connect(self.db.url()).await?;
        labour_store::test_db::execute(
            &mut conn,
            &format!(
                "UPDATE accounts SET created_at = now() - interval '60 days' \
                 WHERE id IN (SELECT account_id FROM worker_profiles); \
                 INSERT INTO applications (id, posting_id, worker_id, shared, status) \
                 SELECT gen_random_uuid(), '{posting}', account_id, '{{}}', 'shortlisted' \
                 FROM worker_profiles ON CONFLICT DO NOTHING"
            ),
        )
        .await?;
        Ok(())
    }

    /// Runs the demo seed against this app's database.
    pub async fn seed_demo(&self) -> Result<usize, Error> {
        let mut conn = labour_store::db::connect(self.db.url()).await?;
        Ok(labour_store::demo::seed(&mut conn).await?)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        // Stop accepting and end the workers; the future is not awaited: the test is over.
        drop(self.server.stop(false));
        if let Some(indexer) = &self.indexer {
            indexer.abort();
        }
    }
}

/// The password of accounts that tests create.
pub const PASSWORD: &str = "mật khẩu thử 2026";

/// A signed-in session's tokens.
#[derive(Debug, Clone)]
pub struct Session {
    pub access: String,
    pub refresh: String,
}

impl Session {
    pub fn auth(&self) -> Auth {
        Auth::Bearer(self.access.clone())
    }
}

/// The credentials a request carries.
#[derive(Debug, Clone)]
pub enum Auth {
    None,
    Bearer(String),
    ApiKey(String),
}

impl Auth {
    fn header(&self) -> Vec<(&'static str, String)> {
        match self {
            Auth::None => vec![],
            Auth::Bearer(t) => vec![("authorization", format!("Bearer {t}"))],
            Auth::ApiKey(k) => vec![("x-api-key", k.clone())],
        }
    }
}

/// A valid enterprise registration body with a tax code made from `n` (check digit computed).
pub fn enterprise(name: &str, n: u32) -> serde_json::Value {
    let first_nine = format!("48{n:07}");
    let digits: Vec<u32> = first_nine.bytes().map(|b| u32::from(b - b'0')).collect();
    let code = match labour_domain::tax_code::check_digit(&digits) {
        Some(c) => format!("{first_nine}{c}"),
        // No check digit exists for this prefix: use the next number.
        None => return enterprise(name, n + 1),
    };
    serde_json::json!({ "kind": "enterprise", "name": name, "tax_code": code })
}

/// A valid job posting body, due in 30 days.
pub fn job(title: &str) -> serde_json::Value {
    let deadline = chrono::Utc::now().date_naive() + chrono::Duration::days(30);
    serde_json::json!({
        "kind": "job",
        "title": title,
        "description": "Hàn kết cấu thép cho nhà xưởng trong khu công nghiệp; làm ca ngày.",
        "occupation_code": "7212",
        "commune_code": "06463",
        "headcount": 5,
        "required_level": "so_cap",
        "salary": { "type": "range", "min_vnd": 8000000, "max_vnd": 12000000 },
        "shifts": ["day"],
        "benefits": ["shuttle_bus", "meals"],
        "contact": { "name": "Phòng nhân sự", "phone": "0912345678" },
        "deadline": deadline.to_string()
    })
}

/// A verified enterprise with a signed-in member: (organisation id, member session).
pub async fn verified_enterprise(
    app: &TestApp,
    email: &str,
    n: u32,
) -> Result<(uuid::Uuid, Session), Error> {
    let member = app.account(AccountRole::User, email).await?;
    let org = app
        .organisation(&member, enterprise(&format!("Doanh nghiệp {n}"), n))
        .await?;
    let mut conn = labour_store::db::connect(app.db.url()).await?;
    labour_store::organisations::set_verification(
        &mut conn,
        org,
        labour_domain::organisation::Verification::Verified,
        None,
    )
    .await?;
    // Memberships are read at each request, so the session sees the new organisation.
    Ok((org, member))
}

/// A verified vocational school with a signed-in member: (organisation id, member session).
pub async fn verified_school(
    app: &TestApp,
    email: &str,
    staff: &Session,
) -> Result<(uuid::Uuid, Session), Error> {
    let member = app.account(AccountRole::User, email).await?;
    let org = app
        .organisation(
            &member,
            serde_json::json!({ "kind": "school", "name": format!("Trường nghề {email}"), "licence_number": "GDNN-1" }),
        )
        .await?;
    let res = app
        .json(
            "POST",
            &format!("/api/v1/organisations/{org}/verification"),
            &staff.auth(),
            &serde_json::json!({ "decision": "verified" }),
        )
        .await?;
    if res.status != 200 {
        return Err(format!("school not verified: {}", res.text()).into());
    }
    Ok((org, member))
}

/// A valid course body: `occupation` at `level`, starting in `days`.
pub fn course(title: &str, occupation: &str, level: &str, days: i64) -> serde_json::Value {
    let start = chrono::Utc::now().date_naive() + chrono::Duration::days(days);
    serde_json::json!({
        "kind": "course", "title": title, "description": "Học lý thuyết và thực hành tại xưởng của trường.",
        "occupation_code": occupation, "level": level, "duration_weeks": 12, "start_dates": [start.to_string()],
        "seats": 30, "tuition_vnd": 0, "learner_support": [], "mode": "at_school",
        "commune_code": "06463", "certificate": "Chứng chỉ"
    })
}

/// A real SMTP server on loopback (aiosmtpd, from PyPI) that keeps every message it receives
/// in a maildir; stopped when dropped.
#[derive(Debug)]
pub struct SmtpServer {
    pub port: u16,
    pub maildir: tempfile::TempDir,
    child: std::process::Child,
}

impl SmtpServer {
    /// Starts `python -m aiosmtpd` with the interpreter in `LABOUR_TEST_PYTHON` (set by
    /// scripts/test, which installs aiosmtpd), or `python3`.
    pub async fn start() -> Result<SmtpServer, Error> {
        let python = std::env::var("LABOUR_TEST_PYTHON").unwrap_or_else(|_| "python3".into());
        let port = std::net::TcpListener::bind("127.0.0.1:0")?
            .local_addr()?
            .port();
        let maildir = tempfile::tempdir()?;
        let child = std::process::Command::new(&python)
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(maildir.path().join("mail"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {python} -m aiosmtpd: {e}"))?;
        let mut server = SmtpServer {
            port,
            maildir,
            child,
        };
        for _ in 0..100 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(server);
            }
            if let Some(status) = server.child.try_wait()? {
                let mut err = String::new();
                if let Some(mut e) = server.child.stderr.take() {
                    std::io::Read::read_to_string(&mut e, &mut err)?;
                }
                return Err(format!(
                    "aiosmtpd exited ({status}): {err}\nInstall it with `pip install aiosmtpd` or run ./scripts/test, which does."
                )
                .into());
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        Err("aiosmtpd did not start listening within 10 s".into())
    }

    /// Every message received so far, as raw RFC 5322 text.
    pub fn messages(&self) -> Result<Vec<String>, Error> {
        let dir = self.maildir.path().join("mail").join("new");
        let mut out = Vec::new();
        if dir.exists() {
            for entry in std::fs::read_dir(dir)? {
                out.push(std::fs::read_to_string(entry?.path())?);
            }
        }
        Ok(out)
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        drop(self.child.kill());
        drop(self.child.wait());
    }
}

#[derive(Debug)]
struct TestClient {
    base: String,
}

impl TestClient {
    async fn request(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<Vec<u8>>,
    ) -> Result<TestResponse, Error> {
        let client = awc::Client::builder().disable_redirects().finish();
        let method = actix_web::http::Method::from_bytes(method.as_bytes())?;
        let mut req = client.request(method, format!("{}{path}", self.base));
        for (name, value) in headers {
            req = req.insert_header((*name, *value));
        }
        let mut res = match body {
            Some(b) => req.send_body(b).await?,
            None => req.send().await?,
        };
        let body = res.body().limit(16 * 1024 * 1024).await?.to_vec();
        Ok(TestResponse {
            status: res.status().as_u16(),
            headers: res.headers().clone(),
            body,
        })
    }
}

/// A phone-only worker ("Lan", 0987654321, password `PASSWORD`) signed up, and the one-time
/// reset code `staff` issued for that phone at the centre.
pub async fn phone_worker_with_code(app: &TestApp, staff: &Session) -> Result<String, Error> {
    let sign_up = json!({ "phone": "0987654321", "password": PASSWORD, "display_name": "Lan" });
    app.json("POST", "/api/v1/accounts", &Auth::None, &sign_up)
        .await?;
    let res = app
        .json(
            "POST",
            "/api/v1/password-reset-codes",
            &staff.auth(),
            &json!({ "phone": "0987654321" }),
        )
        .await?;
    Ok(res.json()["code"].as_str().ok_or("no code")?.to_owned())
}
