//! The test app builder: the real server on a loopback port against a database of its own.

use std::net::SocketAddr;

use actix_web::dev::ServerHandle;
use labour_api::config::Config;
use labour_api::state::AppState;
use labour_store::test_db::TestDb;

/// A running portal for one test. Dropping it stops the server and drops the database.
#[derive(Debug)]
pub struct TestApp {
    pub addr: SocketAddr,
    pub db: TestDb,
    server: ServerHandle,
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
        let mut config = TestApp::config();
        adjust(&mut config);
        let pool = labour_store::db::pool(db.url(), 4)?;
        let state = AppState::new(&config, pool)?;
        let (server, addr) = labour_api::server::bind(&config.server, state)?;
        let handle = server.handle();
        actix_web::rt::spawn(server);
        Ok(TestApp {
            addr,
            db,
            server: handle,
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
