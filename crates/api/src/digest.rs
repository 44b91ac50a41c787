//! The daily email digest of new matches, sent over SMTP (lettre), with a one-click
//! unsubscribe link (RFC 8058) in every message.

use std::time::Duration;

use chrono::{DateTime, FixedOffset, NaiveTime, TimeZone, Utc};
use labour_store::Pool;
use labour_store::notifications::Digest;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::message::{Mailbox, Message};
use lettre::{AsyncSmtpTransport, AsyncTransport, Tokio1Executor};
use secrecy::ExposeSecret;

use crate::auth::tokens::JwtKeys;
use crate::config::MailConfig;
use crate::errors::ApiError;

/// How often the task looks for digests that are due.
pub const EVERY: Duration = Duration::from_secs(15 * 60);

/// Sends digests: the SMTP connection, the sender and where links point.
#[derive(Clone)]
pub struct Mailer {
    transport: AsyncSmtpTransport<Tokio1Executor>,
    from: Mailbox,
    public_url: String,
    digest_hour: u32,
    keys: JwtKeys,
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
    pub fn new(config: &MailConfig, keys: JwtKeys) -> Result<Option<Mailer>, MailSetupError> {
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
            keys,
        }))
    }

    fn unsubscribe_url(&self, account: uuid::Uuid) -> String {
        format!(
            "{}/api/v1/unsubscribe?token={}",
            self.public_url,
            self.keys.unsubscribe_token(account)
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

    /// Sends every digest that is due at `now`; returns how many went out. A failed send is
    /// logged and retried at the next round; the others still go.
    pub async fn send_due(&self, pool: &Pool, now: DateTime<Utc>) -> Result<usize, ApiError> {
        let mut conn = labour_store::db::get(pool).await?;
        // Another instance is sending this round's digests.
        if !labour_store::notifications::try_lock_digests(&mut conn).await? {
            return Ok(0);
        }
        let result = self.send_locked(&mut conn, now).await;
        labour_store::notifications::unlock_digests(&mut conn).await?;
        result
    }

    async fn send_locked(
        &self,
        conn: &mut labour_store::Conn,
        now: DateTime<Utc>,
    ) -> Result<usize, ApiError> {
        let mut sent = 0;
        loop {
            let due =
                labour_store::notifications::due_digests(conn, self.due_since(now), 100).await?;
            if due.is_empty() {
                return Ok(sent);
            }
            let mut progressed = false;
            for digest in due {
                let ids: Vec<uuid::Uuid> = digest.items.iter().map(|n| n.id).collect();
                let outcome = match self.message(&digest) {
                    Ok(message) => self.transport.send(message).await.map_err(|e| describe(&e)),
                    Err(e) => Err(e),
                };
                match outcome {
                    Ok(_) => {
                        labour_store::notifications::mark_emailed(conn, digest.account, &ids)
                            .await?;
                        sent += 1;
                        progressed = true;
                    }
                    Err(e) => {
                        tracing::warn!(account.id = %digest.account, error = %e, "digest not sent; will retry");
                    }
                }
            }
            if !progressed {
                return Ok(sent);
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
