//! A real browser for the tests: Debian's chromium, headless, driven over WebDriver by
//! chromedriver (both installed by `scripts/test`), one driver and one browser per test.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use labour_tests::TestApp;
use serde_json::{Value, json};

pub type Error = Box<dyn std::error::Error>;

/// axe-core, vendored from npm (see vendor/axe-core/README.md).
const AXE: &str = include_str!("vendor/axe-core/axe.min.js");

/// The screen of a cheap Android phone, and a laptop's.
pub const PHONE: (u32, u32) = (360, 740);
pub const DESKTOP: (u32, u32) = (1280, 900);

#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub javascript: bool,
    pub size: (u32, u32),
}

impl Default for Options {
    fn default() -> Options {
        Options {
            javascript: true,
            size: PHONE,
        }
    }
}

pub struct Browser {
    pub client: Client,
    driver: Child,
    base: String,
}

fn program(env: &str, default: &str) -> String {
    std::env::var(env).unwrap_or_else(|_| default.to_owned())
}

impl Browser {
    /// A fresh browser (no cookies) pointed at `app`.
    pub async fn start(app: &TestApp, options: Options) -> Result<Browser, Error> {
        let chromedriver = program("LABOUR_CHROMEDRIVER", "/usr/bin/chromedriver");
        let chromium = program("LABOUR_CHROMIUM", "/usr/bin/chromium");
        if !std::path::Path::new(&chromedriver).exists()
            || !std::path::Path::new(&chromium).exists()
        {
            return Err(format!(
                "{chromedriver} or {chromium} is missing: ./scripts/test installs Debian's \
                 chromium and chromium-driver"
            )
            .into());
        }
        let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
        let driver = Command::new(&chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()?;
        let started = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if started.elapsed() > Duration::from_secs(20) {
                return Err("chromedriver did not start within 20 s".into());
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        let mut prefs = serde_json::Map::new();
        if !options.javascript {
            prefs.insert(
                "profile.managed_default_content_settings.javascript".into(),
                json!(2),
            );
        }
        let (w, h) = options.size;
        let caps = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": [
                    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--disable-extensions", "--lang=vi-VN",
                    format!("--window-size={w},{h}"),
                ],
                "prefs": prefs,
                "mobileEmulation": { "deviceMetrics": { "width": w, "height": h, "pixelRatio": 1.0, "touch": false } },
            }
        });
        let Value::Object(caps) = caps else {
            return Err("capabilities".into());
        };
        // The driver is on loopback: plain HTTP, no TLS stack to build.
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        Ok(Browser {
            client,
            driver,
            base: format!("http://{}", app.addr),
        })
    }

    /// Signs the browser in as the session whose refresh token is `token`: the web keeps a
    /// session's token in its cookie. (Set from a page of the portal: chromedriver refuses
    /// WebDriver cookies for a host like 127.0.0.1; the server reads the cookie the same.)
    pub async fn sign_in_with(&self, token: &str) -> Result<(), Error> {
        self.open("/").await?;
        self.client
            .execute(
                "document.cookie = 'lm_session=' + arguments[0] + '; path=/; SameSite=Lax';",
                vec![json!(token)],
            )
            .await?;
        Ok(())
    }

    /// Opens a page of the portal; fails when it shows a missing translation.
    pub async fn open(&self, path: &str) -> Result<(), Error> {
        self.client.goto(&format!("{}{path}", self.base)).await?;
        self.check_translations().await
    }

    /// The page's path and query.
    pub async fn path(&self) -> Result<String, Error> {
        let url = self.client.current_url().await?;
        Ok(match url.query() {
            Some(q) => format!("{}?{q}", url.path()),
            None => url.path().to_owned(),
        })
    }

    /// Fails when the page shows a key in place of a translation.
    pub async fn check_translations(&self) -> Result<(), Error> {
        let source = self.client.source().await?;
        if let Some(i) = source.find('⟦') {
            let end = source[i..].find('⟧').map_or(source.len(), |e| i + e + 3);
            return Err(format!(
                "{} shows a missing translation: {}",
                self.path().await?,
                &source[i..end.min(source.len())]
            )
            .into());
        }
        Ok(())
    }

    /// Types into the field matched by `css` (after clearing it).
    pub async fn fill(&self, css: &str, text: &str) -> Result<(), Error> {
        let field = self.client.find(Locator::Css(css)).await?;
        field.clear().await?;
        field.send_keys(text).await?;
        Ok(())
    }

    /// Clicks what `css` matches (a link or a submit button) and waits for the next page.
    pub async fn click(&self, css: &str) -> Result<(), Error> {
        self.navigate_by(Locator::Css(css)).await
    }

    /// Clicks the link or button whose visible text is `text` and waits for the next page.
    pub async fn click_text(&self, text: &str) -> Result<(), Error> {
        let xpath = format!(
            "//*[(self::a or self::button) and normalize-space(.)={}]",
            xpath_literal(text)
        );
        self.navigate_by(Locator::XPath(&xpath)).await
    }

    /// Clicks something that stays on the page (a link to an anchor, a checkbox).
    pub async fn click_in_page(&self, css: &str) -> Result<(), Error> {
        self.client.find(Locator::Css(css)).await?.click().await?;
        Ok(())
    }

    /// Clicks and waits until the old page is gone and the new one is there: a click does not
    /// wait for the navigation it starts.
    async fn navigate_by(&self, target: Locator<'_>) -> Result<(), Error> {
        let old = self.client.find(Locator::Css("html")).await?;
        let element = self.client.find(target).await?;
        // Ticking a box, choosing a radio or opening a <details> stays on the page.
        let tag = element.tag_name().await?.to_ascii_lowercase();
        let kind = element.attr("type").await?.unwrap_or_default();
        if matches!(tag.as_str(), "summary" | "label" | "select" | "option")
            || (tag == "input" && matches!(kind.as_str(), "checkbox" | "radio"))
        {
            element.click().await?;
            return Ok(());
        }
        element.click().await?;
        let started = Instant::now();
        while old.tag_name().await.is_ok() {
            if started.elapsed() > Duration::from_secs(15) {
                let path = self.path().await?;
                return Err(format!("no new page 15 s after the click, still on {path}").into());
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        while self.client.find(Locator::Css("body")).await.is_err() {
            if started.elapsed() > Duration::from_secs(15) {
                return Err("the new page did not load within 15 s".into());
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        self.check_translations().await
    }

    /// The visible text of the first element `css` matches.
    pub async fn text(&self, css: &str) -> Result<String, Error> {
        Ok(self.client.find(Locator::Css(css)).await?.text().await?)
    }

    /// The visible text of every element `css` matches.
    pub async fn texts(&self, css: &str) -> Result<Vec<String>, Error> {
        let mut out = Vec::new();
        for e in self.client.find_all(Locator::Css(css)).await? {
            out.push(e.text().await?);
        }
        Ok(out)
    }

    /// The current value of a form field.
    pub async fn value(&self, css: &str) -> Result<String, Error> {
        Ok(self
            .client
            .find(Locator::Css(css))
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Runs axe-core on the page (WCAG 2.1 A and AA rules) and fails listing every violation.
    pub async fn axe(&self) -> Result<(), Error> {
        self.client.execute(AXE, vec![]).await?;
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { runOnly: { type: 'tag', values:
                     ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })
                   .then(r => done(r.violations.map(v =>
                       v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
                       v.nodes.map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await?;
        let violations: Vec<String> = serde_json::from_value(result)?;
        if violations.is_empty() {
            Ok(())
        } else {
            Err(format!(
                "axe on {}: {} violation(s):\n{}",
                self.path().await?,
                violations.len(),
                violations.join("\n")
            )
            .into())
        }
    }

    /// Saves a screenshot as `<name>.png` under `LABOUR_SCREENSHOTS` (when set), for people to
    /// look at the pages.
    pub async fn screenshot(&self, name: &str) -> Result<(), Error> {
        let Ok(dir) = std::env::var("LABOUR_SCREENSHOTS") else {
            return Ok(());
        };
        std::fs::create_dir_all(&dir)?;
        let png = self.client.screenshot().await?;
        std::fs::write(std::path::Path::new(&dir).join(format!("{name}.png")), png)?;
        Ok(())
    }

    pub async fn close(mut self) -> Result<(), Error> {
        let closed = self.client.clone().close().await;
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        closed?;
        Ok(())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.driver.kill();
    }
}

/// `text` as an XPath string literal, whatever quotes it holds.
fn xpath_literal(text: &str) -> String {
    if !text.contains('\'') {
        return format!("'{text}'");
    }
    if !text.contains('"') {
        return format!("\"{text}\"");
    }
    let parts: Vec<String> = text.split('\'').map(|p| format!("'{p}'")).collect();
    format!("concat({})", parts.join(", \"'\", "))
}
