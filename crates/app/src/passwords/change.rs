//! A signed-in person changes their password.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;

use super::{MAX_PASSWORD_BYTES, new_password, rate_limited, required};
use crate::auth::Auth;
use crate::auth::password::Verified;
use crate::errors::{Error, FieldError, FieldErrors};
use crate::lang::Text;
use crate::{App, Caller, policy};

/// The current password and the new one.
#[derive(Clone, Default)]
pub struct ChangePassword {
    pub current_password: String,
    pub new_password: String,
}

impl std::fmt::Debug for ChangePassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ChangePassword([hidden])")
    }
}

/// Changes the caller's password. The current one must be right (wrong guesses count against
/// the sign-in limits, so a stolen session cannot try passwords faster than a sign-in form);
/// the new one follows the sign-up rules. Every other session of the account is signed out,
/// and links or codes to reset the password stop working: whoever else knew the old password
/// is out. The session that changes it stays signed in, so the person is not sent to sign in
/// again at once. Audited as `password_changed`.
pub async fn change(
    app: &App,
    auth: &Auth,
    caller: &Caller,
    input: ChangePassword,
) -> crate::Result<()> {
    let account_id = policy::require_own_account(caller)?;
    let mut check = FieldErrors::default();
    if input.current_password.is_empty() {
        check.push(required("current_password"));
    }
    let new = new_password(&mut check, "new_password", &input.new_password);
    check.finish()?;
    let new = new.ok_or_else(|| Error::internal("checked password missing"))?;
    let mut conn = app.conn().await?;
    let account = labour_store::accounts::find(&mut conn, account_id)
        .await?
        .ok_or_else(|| Error::internal("a signed-in account that does not exist"))?;
    let key = account
        .email
        .as_deref()
        .or(account.phone.as_deref())
        .unwrap_or_default()
        .to_owned();
    let attempt = auth
        .limits
        .login_attempt(&key, caller.client_addr)
        .map_err(rate_limited)?;
    attempt.wait_turn().await;
    let current = if input.current_password.len() <= MAX_PASSWORD_BYTES {
        input.current_password
    } else {
        String::new()
    };
    if auth
        .hasher
        .verify(current, account.password_hash.clone())
        .await?
        == Verified::No
    {
        attempt.failed();
        let mut check = FieldErrors::default();
        check.push(FieldError {
            field: "current_password".into(),
            code: "wrong_password",
            message: Text::new(
                "Mật khẩu hiện tại không đúng.",
                "Your current password is not right.",
            ),
        });
        return check.finish();
    }
    attempt.succeeded();
    let hash = auth.hasher.hash(new.expose().to_owned()).await?;
    let addr = caller.addr_string();
    conn.transaction::<_, Error, _>(async |conn| {
        labour_store::accounts::set_password_hash(conn, account.id, &hash).await?;
        let signed_out = match caller.session {
            Some(keep) => {
                labour_store::sessions::revoke_others(conn, account.id, keep, "password changed")
                    .await?
            }
            None => {
                labour_store::sessions::revoke_all(conn, account.id, "password changed").await?;
                0
            }
        };
        labour_store::password_resets::consume_all(conn, account.id).await?;
        let event = Event {
            subject_type: Some("account"),
            subject_id: Some(account.id.to_string()),
            details: serde_json::json!({ "other_sessions_signed_out": signed_out }),
            ..caller.event("password_changed", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await
}
