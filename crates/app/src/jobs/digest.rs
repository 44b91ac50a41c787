//! The daily email digest of new matches, sent over SMTP (lettre), with a one-click
//! unsubscribe link (RFC 8058) in every message, and the signing of that link.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone, Utc};
use labour_store::Pool;
use labour_store::notifications::Digest;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use secrecy::ExposeSecret;

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::JobError;

/// How often the task looks for digests that are due.
pub const EVERY: Duration = Duration::from_secs(15 * 60);
/// Accounts claimed at a time.
const BATCH: i64 = 20;
/// How long claimed digests are this sender's: a batch of sends that each time out (30 s)
/// fits three times over, after which another instance may take them again.
pub const LEASE: Duration = Duration::from_secs(30 * 60);

#[derive(Debug, Clone, Deserialize, Serialize)]
pub struct MailConfig {
    /// SMTP server for the daily digest (`LABOUR_SMTP_URL` or `LABOUR_SMTP_URL_FILE`, e.g.
    /// `smtp://user:pass@mail.example.vn:587?tls=required`); unset sends no email. Only from the
    /// environment, as it may hold a password.
    #[serde(serialize_with = "hide")]
    pub smtp_url: Option<SecretString>,
    /// The sender of the digest.
    pub from: String,
    /// The portal's public address, for links in emails.
    pub public_url: String,
    /// Local hour (Asia/Ho_Chi_Minh) from which each day's digest goes out.
    pub digest_hour: u32,
}

impl Default for MailConfig {
    fn default() -> Self {
        MailConfig {
            smtp_url: None,
            from: "Sàn việc làm Lạng Sơn <no-reply@localhost>".into(),
            public_url: "http://127.0.0.1:8080".into(),
            digest_hour: 7,
        }
    }
}

fn hide<S: serde::Serializer>(v: &Option<SecretString>, s: S) -> Result<S::Ok, S::Error> {
    v.as_ref().map(|_| "[hidden]").serialize(s)
}

/// What an unsubscribe link carries: the account, and a purpose no access token has, so
/// neither kind of token passes for the other.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct UnsubscribeClaims {
    sub: Uuid,
    purpose: String,
}

const UNSUBSCRIBE: &str = "unsubscribe_digest";

/// Signs and checks the token of the one-click unsubscribe link (HMAC-SHA256, with the secret
/// that signs access tokens).
#[derive(Clone)]
pub struct UnsubscribeKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl std::fmt::Debug for UnsubscribeKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("UnsubscribeKeys([hidden])")
    }
}

impl UnsubscribeKeys {
    pub fn new(secret: &[u8]) -> UnsubscribeKeys {
        // Unsubscribe links stay valid for as long as the emails that carry them are kept.
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_exp = false;
        validation.set_required_spec_claims(&["sub"]);
        UnsubscribeKeys {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
        }
    }

    /// The token of an account's one-click unsubscribe link.
    pub fn token(&self, account: Uuid) -> String {
        let claims = UnsubscribeClaims {
            sub: account,
            purpose: UNSUBSCRIBE.into(),
        };
        // HS256 over serialisable claims cannot fail.
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .unwrap_or_default()
    }

    /// The account of a valid unsubscribe token.
    pub fn verify(&self, token: &str) -> Option<Uuid> {
        jsonwebtoken::decode::<UnsubscribeClaims>(token, &self.decoding, &self.validation)
            .ok()
            .filter(|d| d.claims.purpose == UNSUBSCRIBE)
            .map(|d| d.claims.sub)
    }
}

/// Sends digests: the SMTP connection, the sender and where links point.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
    digest_hour: u32,
    keys: UnsubscribeKeys,
}

impl std::fmt::Debug for Mailer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mailer").field("from", &self.from).finish()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum MailSetupError {
    #[error("LABOUR_SMTP_URL is not a valid SMTP URL: {0}")]
    Url(String),
    #[error("LABOUR_MAIL_FROM is not a mailbox such as \"Name <address@example.vn>\": {0}")]
    From(String),
}

impl Mailer {
    /// The mailer for this configuration; `None` when no SMTP server is configured.
    pub fn new(
        config: &MailConfig,
        keys: impl Into<UnsubscribeKeys>,
    ) -> Result<Option<Mailer>, MailSetupError> {
        let Some(url) = &config.smtp_url else {
            return Ok(None);
        };
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url.expose_secret())
            // The error may quote the URL, password included: say only what is wrong.
            .map_err(|e| MailSetupError::Url(redact(&e.to_string(), url.expose_secret())))?
            .timeout(Some(Duration::from_secs(30)))
            .build();
        let from = config
            .from
            .parse()
            .map_err(|e: lettre::address::AddressError| MailSetupError::From(e.to_string()))?;
        Ok(Some(Mailer {
            transport,
            from,
            public_url: config.public_url.trim_end_matches('/').to_owned(),
            digest_hour: config.digest_hour.min(23),
            keys: keys.into(),
        }))
    }

    fn unsubscribe_url(&self, account: uuid::Uuid) -> String {
        format!(
            "{}/api/v1/unsubscribe?token={}",
            self.public_url,
            self.keys.token(account)
        )
    }

    fn message(&self, digest: &Digest) -> Result<Message, String> {
        let to: Mailbox = format!(
            "{} <{}>",
            digest.display_name.replace(['<', '>', '"'], ""),
            digest.email
        )
        .parse()
        .or_else(|_| digest.email.parse())
        .map_err(|e: lettre::address::AddressError| e.to_string())?;
        let unsubscribe = self.unsubscribe_url(digest.account);
        let mut body = format!(
            "Chào {name},\n\nCó {n} tin mới phù hợp với các tìm kiếm bạn đã lưu trên Sàn việc làm Lạng Sơn:\n\n",
            name = digest.display_name,
            n = digest.items.len()
        );
        for item in &digest.items {
            body.push_str(&format!(
                "- {}\n  {}/api/v1/postings/{}\n",
                item.title, self.public_url, item.posting_id
            ));
        }
        body.push_str(&format!(
            "\nXem tất cả thông báo: {url}/api/v1/me/notifications\n\n\
             ---\n\
             New postings match the searches you saved on the Lạng Sơn labour-market portal (listed above).\n\n\
             Ngừng nhận thư này / Stop these emails (một lần bấm / one click):\n{unsubscribe}\n",
            url = self.public_url
        ));
        let header = |name: &'static str, value: String| {
            HeaderValue::new(HeaderName::new_from_ascii_str(name), value)
        };
        Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(format!(
                "{} tin mới phù hợp với bạn / new postings for you",
                digest.items.len()
            ))
            .raw_header(header("List-Unsubscribe", format!("<{unsubscribe}>")))
            .raw_header(header(
                "List-Unsubscribe-Post",
                "List-Unsubscribe=One-Click".into(),
            ))
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())
    }

    /// Sends one plain-text email (a password reset link, say) to `to`. The error holds no
    /// address, so it can be logged.
    pub async fn send_text(&self, to: &str, subject: &str, body: String) -> Result<(), String> {
        let to: Mailbox = to
            .parse()
            .map_err(|_| "the recipient is not a valid address".to_owned())?;
        let message = Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(subject)
            .header(ContentType::TEXT_PLAIN)
            .body(body)
            .map_err(|e| e.to_string())?;
        self.transport
            .send(message)
            .await
            .map(|_| ())
            .map_err(|e| describe(&e))
    }

    /// The latest moment a digest was due: today's digest hour in Lạng Sơn, or yesterday's
    /// when that has not come yet. An account gets one digest after each such moment.
    pub fn due_since(&self, now: DateTime<Utc>) -> DateTime<Utc> {
        let Some(ict) = FixedOffset::east_opt(7 * 3600) else {
            return now;
        };
        let local = now.with_timezone(&ict);
        let at = NaiveTime::from_hms_opt(self.digest_hour, 0, 0).unwrap_or_default();
        let today = ict
            .from_local_datetime(&local.date_naive().and_time(at))
            .single()
            .map_or(now, |t| t.with_timezone(&Utc));
        if today <= now {
            today
        } else {
            today - chrono::Duration::days(1)
        }
    }

    /// Sends every digest that is due at `now`; returns how many went out. Digests are claimed
    /// a batch at a time with a lease, then sent with no transaction or lock held, so two
    /// instances never send one twice. A failed send is logged and retried at the next round;
    /// the others still go.
    pub async fn send_due(&self, pool: &Pool, now: DateTime<Utc>) -> Result<usize, JobError> {
        self.send_due_with_lease(pool, now, LEASE).await
    }

    /// [`Mailer::send_due`] with claims held for `lease`.
    pub async fn send_due_with_lease(
        &self,
        pool: &Pool,
        now: DateTime<Utc>,
        lease: Duration,
    ) -> Result<usize, JobError> {
        let token = Uuid::now_v7();
        let result = self.send_claimed(pool, now, lease, token).await;
        // What failed is given back for the next round (or else its lease runs out).
        let released = async {
            let mut conn = labour_store::db::get(pool).await?;
            labour_store::notifications::release_digests(&mut conn, token).await
        }
        .await;
        let sent = result?;
        released?;
        Ok(sent)
    }

    async fn send_claimed(
        &self,
        pool: &Pool,
        now: DateTime<Utc>,
        lease: Duration,
        token: Uuid,
    ) -> Result<usize, JobError> {
        let mut sent = 0;
        loop {
            let due = {
                let mut conn = labour_store::db::get(pool).await?;
                let claimed = labour_store::notifications::claim_digests(
                    &mut conn,
                    token,
                    self.due_since(now),
                    BATCH,
                    lease,
                )
                .await?;
                if claimed.is_empty() {
                    return Ok(sent);
                }
                labour_store::notifications::due_digests(&mut conn, token).await?
            };
            for digest in due {
                let ids: Vec<Uuid> = digest.items.iter().map(|n| n.id).collect();
                let outcome = match self.message(&digest) {
                    Ok(message) => self.transport.send(message).await.map_err(|e| describe(&e)),
                    Err(e) => Err(e),
                };
                match outcome {
                    Ok(_) => {
                        let mut conn = labour_store::db::get(pool).await?;
                        labour_store::notifications::mark_emailed(&mut conn, digest.account, &ids)
                            .await?;
                        sent += 1;
                    }
                    Err(e) => {
                        tracing::warn!(account.id = %digest.account, error = %e, "digest not sent; will retry");
                    }
                }
            }
        }
    }
}

/// What went wrong in words that hold no address: SMTP replies often quote the recipient.
fn describe(e: &lettre::transport::smtp::Error) -> String {
    match e.status() {
        Some(code) if e.is_permanent() => format!("the SMTP server refused it ({code})"),
        Some(code) => format!("the SMTP server deferred it ({code})"),
        None if e.is_timeout() => "the SMTP server did not answer in time".into(),
        None => "no connection to the SMTP server".into(),
    }
}

fn redact(message: &str, url: &str) -> String {
    message.replace(url, "[hidden]")
}

/// Runs for as long as the server does.
pub async fn run_forever(pool: Pool, mailer: Mailer) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match mailer.send_due(&pool, Utc::now()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(digests = n, "sent email digests"),
            Err(e) => tracing::warn!(error = %e, "could not send email digests; will retry"),
        }
    }
}
