//! A person who forgot their password asks for a link by email.

use diesel_async::AsyncConnection;
use labour_domain::account::{Email, Identifier};
use labour_store::audit::Event;
use labour_store::password_resets::{Channel, NewReset};
use tracing::Instrument;
use uuid::Uuid;

use super::{LINK_TTL, rate_limited};
use crate::auth::Auth;
use crate::auth::tokens::new_refresh_token;
use crate::errors::{Error, ErrorCode, field_error};
use crate::{App, Caller};

/// Sends a link to set a new password to `email`, when an account has it. The answer is the
/// same whether or not one does, and so is the audit row (`password_reset_requested`, naming the
/// account only when there is one, never the email): nobody learns who has an account. Requests
/// are limited per client address and per email address (known or not). The link's token (256
/// random bits) is stored as a hash, works once and for `LINK_TTL`. The email goes out after the
/// answer, on its own task: a slow mail server neither delays it nor tells that an account exists.
pub async fn request(app: &App, auth: &Auth, caller: &Caller, email: &str) -> crate::Result<()> {
    let email = Email::parse(email).map_err(|e| {
        Error::new(ErrorCode::ValidationFailed).with_errors(vec![field_error("email", &e)])
    })?;
    auth.limits
        .password_reset(email.as_str(), caller.client_addr)
        .map_err(rate_limited)?;
    let mut conn = app.conn().await?;
    let account =
        labour_store::accounts::find_by_identifier(&mut conn, &Identifier::Email(email.clone()))
            .await?;
    // A link token is as strong as a refresh token, and kept the same way: only its hash.
    let (token, hash) = new_refresh_token();
    let addr = caller.addr_string();
    conn.transaction::<_, Error, _>(async |conn| {
        if let Some(account) = &account {
            let reset = NewReset {
                id: Uuid::now_v7(),
                account: account.id,
                channel: Channel::Email,
                secret_hash: &hash,
                issued_by: None,
                expires_at: chrono::Utc::now() + LINK_TTL,
            };
            labour_store::password_resets::insert(conn, &reset).await?;
        }
        let event = Event {
            subject_type: account.as_ref().map(|_| "account"),
            subject_id: account.as_ref().map(|a| a.id.to_string()),
            details: serde_json::json!({ "channel": Channel::Email.as_str() }),
            ..caller.event("password_reset_requested", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await?;
    let Some(account) = account else {
        return Ok(());
    };
    let Some(mailer) = app.mailer.clone() else {
        tracing::warn!(account.id = %account.id, "no SMTP server configured: password reset link not sent");
        return Ok(());
    };
    let link = format!("{}/reset-password?token={token}", app.public_url);
    let (subject, body) = message(&account.display_name, &link);
    let to = email.as_str().to_owned();
    let id = account.id;
    tokio::spawn(
        async move {
            if let Err(e) = mailer.send_text(&to, subject, body).await {
                tracing::warn!(account.id = %id, error = %e, "password reset email not sent");
            }
        }
        .in_current_span(),
    );
    Ok(())
}

/// The email: Vietnamese first, then English, with the link once.
fn message(name: &str, link: &str) -> (&'static str, String) {
    let minutes = LINK_TTL.num_minutes();
    let body = format!(
        "Chào {name},\n\n\
         Có người (có thể là bạn) đã yêu cầu đặt lại mật khẩu cho tài khoản của bạn trên Sàn việc \
         làm Lạng Sơn. Mở liên kết dưới đây để đặt mật khẩu mới. Liên kết chỉ dùng được một lần, \
         trong {minutes} phút.\n\n\
         {link}\n\n\
         Nếu bạn không yêu cầu, hãy bỏ qua thư này: mật khẩu của bạn không thay đổi.\n\n\
         ---\n\
         Someone (perhaps you) asked to reset the password of your account on the Lạng Sơn \
         labour-market portal. Open the link above to set a new password. It works once, for \
         {minutes} minutes. If you did not ask, ignore this email: your password stays the same.\n"
    );
    (
        "Đặt lại mật khẩu / Reset your password – Sàn việc làm Lạng Sơn",
        body,
    )
}
