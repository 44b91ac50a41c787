//! Setting a new password with an emailed link's token, or with a phone and a staff-issued code.

use diesel_async::AsyncConnection;
use labour_domain::account::{Identifier, Phone};
use labour_store::audit::Event;
use labour_store::password_resets::Channel;

use super::{MAX_CODE_FAILURES, MAX_SECRET_BYTES, new_password, rate_limited, required};
use crate::auth::Auth;
use crate::auth::tokens::hash_secret;
use crate::errors::{Error, ErrorCode, FieldError, FieldErrors};
use crate::lang::Text;
use crate::{App, Caller};

/// What proves the person may set the password.
#[derive(Clone)]
pub enum Proof {
    /// The token of the emailed link.
    Token(String),
    /// The phone of the account and the code staff handed over.
    Code { phone: String, code: String },
}

#[derive(Clone)]
pub struct Confirm {
    pub proof: Proof,
    pub new_password: String,
}

impl Proof {
    /// A token, or a phone and a code, from a request that may send any of them: both kinds at
    /// once is refused; neither is taken as a code the person has still to fill in.
    pub fn from_parts(
        token: Option<String>,
        phone: Option<String>,
        code: Option<String>,
    ) -> crate::Result<Proof> {
        match (token, phone, code) {
            (Some(token), None, None) => Ok(Proof::Token(token)),
            (None, phone, code) => Ok(Proof::Code {
                phone: phone.unwrap_or_default(),
                code: code.unwrap_or_default(),
            }),
            _ => Err(Error::new(ErrorCode::ValidationFailed).with_errors(vec![FieldError {
                field: "token".into(),
                code: "token_or_code",
                message: Text::new(
                    "Gửi mã của liên kết (token), hoặc số điện thoại và mã (phone, code), không gửi cả hai.",
                    "Send the link's token, or a phone and a code, not both.",
                ),
            }])),
        }
    }
}

impl std::fmt::Debug for Proof {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Proof([hidden])")
    }
}

impl std::fmt::Debug for Confirm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Confirm([hidden])")
    }
}

fn invalid_link() -> Error {
    Error::new(ErrorCode::InvalidResetToken).detail(
        "Liên kết đặt lại mật khẩu đã hết hạn hoặc đã được dùng. Hãy yêu cầu liên kết mới.",
        "This password reset link has expired or was already used. Ask for a new one.",
    )
}

fn invalid_code() -> Error {
    Error::new(ErrorCode::InvalidResetCode)
        .detail(
            "Số điện thoại hoặc mã không đúng, hoặc mã đã hết hạn.",
            "The phone number or the code is not right, or the code has expired.",
        )
        .with_errors(vec![FieldError {
            field: "code".into(),
            code: "invalid_reset_code",
            message: Text::new(
                "Mã không đúng hoặc đã hết hạn. Kiểm tra số điện thoại và mã, hoặc xin mã mới tại Trung tâm Dịch vụ việc làm.",
                "The code is not right or has expired. Check the phone number and the code, or ask the employment service centre for a new one.",
            ),
        }])
}

/// Codes as staff read them out: `ABCDE-FGHJK`; typed in any case, with or without spaces.
pub(super) fn normalise_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Whether an emailed link's token still works (the page asks before showing the form).
pub async fn link_is_open(app: &App, token: &str) -> crate::Result<bool> {
    if token.is_empty() || token.len() > MAX_SECRET_BYTES {
        return Ok(false);
    }
    let mut conn = app.conn().await?;
    Ok(labour_store::password_resets::find_open(
        &mut conn,
        Channel::Email,
        &hash_secret(token),
        false,
    )
    .await?
    .is_some())
}

/// Sets a new password (the sign-up rules apply) with a link's token or a phone and code. The
/// token or code then stops working, with every other open one of the account, and the account
/// is signed out everywhere: whoever had the old password is out. Audited as `password_reset`.
/// Wrong codes count against the sign-in limits of the phone and the address, and after
/// `MAX_CODE_FAILURES` the account's open codes are given up, so a code cannot be guessed.
pub async fn confirm(app: &App, auth: &Auth, caller: &Caller, input: Confirm) -> crate::Result<()> {
    let mut check = FieldErrors::default();
    let phone = match &input.proof {
        Proof::Token(_) => None,
        Proof::Code { phone, code } => {
            let phone = check.check("phone", Phone::parse(phone));
            if normalise_code(code).is_empty() {
                check.push(required("code"));
            }
            phone
        }
    };
    let password = new_password(&mut check, "new_password", &input.new_password);
    check.finish()?;
    let password = password.ok_or_else(|| Error::internal("checked password missing"))?;
    let mut conn = app.conn().await?;
    let (channel, secret_hash, attempt) = match (&input.proof, phone) {
        (Proof::Token(token), _) => {
            if token.len() > MAX_SECRET_BYTES {
                return Err(invalid_link());
            }
            let hash = hash_secret(token);
            labour_store::password_resets::find_open(&mut conn, Channel::Email, &hash, false)
                .await?
                .ok_or_else(invalid_link)?;
            (Channel::Email, hash, None)
        }
        (Proof::Code { code, .. }, Some(phone)) => {
            let attempt = auth
                .limits
                .login_attempt(phone.as_str(), caller.client_addr)
                .map_err(rate_limited)?;
            attempt.wait_turn().await;
            let code = normalise_code(code);
            let hash = hash_secret(&code);
            let account =
                labour_store::accounts::find_by_identifier(&mut conn, &Identifier::Phone(phone))
                    .await?;
            let found = match &account {
                Some(account) if code.len() <= MAX_SECRET_BYTES => {
                    labour_store::password_resets::find_open(
                        &mut conn,
                        Channel::StaffCode,
                        &hash,
                        false,
                    )
                    .await?
                    .filter(|r| r.account_id == account.id)
                }
                _ => None,
            };
            if found.is_none() {
                attempt.failed();
                if let Some(account) = account {
                    labour_store::password_resets::count_failure(
                        &mut conn,
                        account.id,
                        MAX_CODE_FAILURES,
                    )
                    .await?;
                }
                return Err(invalid_code());
            }
            (Channel::StaffCode, hash, Some(attempt))
        }
        (Proof::Code { .. }, None) => return Err(Error::internal("checked phone missing")),
    };
    let hash = auth.hasher.hash(password.expose().to_owned()).await?;
    let addr = caller.addr_string();
    // Checked again under a lock: of two confirmations with one token, one sets the password.
    let used = conn
        .transaction::<_, Error, _>(async |conn| {
            let Some(reset) =
                labour_store::password_resets::find_open(conn, channel, &secret_hash, true).await?
            else {
                return Ok(false);
            };
            let account = reset.account_id;
            labour_store::accounts::set_password_hash(conn, account, &hash).await?;
            labour_store::password_resets::consume_all(conn, account).await?;
            labour_store::sessions::revoke_all(conn, account, "password reset").await?;
            let event = Event {
                actor_account: Some(account),
                subject_type: Some("account"),
                subject_id: Some(account.to_string()),
                details: serde_json::json!({ "channel": channel.as_str() }),
                ..caller.event("password_reset", &addr)
            };
            labour_store::audit::record(conn, event).await?;
            Ok(true)
        })
        .await?;
    match (used, attempt) {
        (true, Some(attempt)) => attempt.succeeded(),
        (true, None) => {}
        (false, Some(attempt)) => {
            attempt.failed();
            return Err(invalid_code());
        }
        (false, None) => return Err(invalid_link()),
    }
    Ok(())
}
