//! Staff of the employment service centre issue a one-time code for a person's account, to hand
//! over in person: the way back in for an account that has only a phone.

use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection;
use labour_domain::account::{AccountRole, Identifier, Phone};
use labour_domain::policy::Action;
use labour_store::audit::Event;
use labour_store::password_resets::{Channel, NewReset};
use rand::Rng;
use uuid::Uuid;

use super::CODE_TTL;
use super::confirm::normalise_code;
use crate::auth::tokens::hash_secret;
use crate::errors::{Error, ErrorCode, field_error};
use crate::{App, Caller, policy};

/// A code just issued: shown once to the staff member, never stored in the clear.
#[derive(Clone)]
pub struct IssuedCode {
    /// `ABCDE-FGHJK`.
    pub code: String,
    pub expires_at: DateTime<Utc>,
    /// Whether it was also sent to the account's phone by SMS.
    pub sent_by_sms: bool,
}

impl std::fmt::Debug for IssuedCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("IssuedCode([hidden])")
    }
}

/// Letters and digits nobody misreads when a code is read out or copied by hand (no 0/O, 1/I).
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
/// 10 characters of 32: 50 random bits, beyond guessing within `MAX_CODE_FAILURES` tries.
const CODE_CHARS: usize = 10;

fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: String = (0..CODE_CHARS)
        .map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())]))
        .collect();
    let (a, b) = chars.split_at(CODE_CHARS / 2);
    format!("{a}-{b}")
}

/// Issues a code for the account with `phone` (staff only, `Action::IssuePasswordResetCode`).
/// It works once, for `CODE_TTL`, and replaces the account's earlier codes. Only people's
/// accounts get codes: a staff or admin account is never opened this way. Audited as
/// `password_reset_code_issued` with the staff member as actor. When an SMS sender is
/// configured the code also goes to the phone; staff see it either way.
pub async fn issue_code(app: &App, caller: &Caller, phone: &str) -> crate::Result<IssuedCode> {
    policy::require(caller, Action::IssuePasswordResetCode, || {
        Error::internal("never hidden")
    })?;
    let phone = Phone::parse(phone).map_err(|e| {
        Error::new(ErrorCode::ValidationFailed).with_errors(vec![field_error("phone", &e)])
    })?;
    let mut conn = app.conn().await?;
    let account =
        labour_store::accounts::find_by_identifier(&mut conn, &Identifier::Phone(phone.clone()))
            .await?
            .ok_or_else(|| {
                Error::new(ErrorCode::ResourceNotFound).detail(
                    "Không có tài khoản nào dùng số điện thoại này.",
                    "No account uses this phone number.",
                )
            })?;
    if account.role != AccountRole::User {
        return Err(Error::new(ErrorCode::Forbidden).detail(
            "Mã đặt lại mật khẩu chỉ cấp cho tài khoản của người lao động và thành viên tổ chức.",
            "Reset codes are only for the accounts of workers and organisation members.",
        ));
    }
    let code = new_code();
    let hash = hash_secret(&normalise_code(&code));
    let expires_at = Utc::now() + CODE_TTL;
    let addr = caller.addr_string();
    conn.transaction::<_, Error, _>(async |conn| {
        labour_store::password_resets::consume_codes(conn, account.id).await?;
        let reset = NewReset {
            id: Uuid::now_v7(),
            account: account.id,
            channel: Channel::StaffCode,
            secret_hash: &hash,
            issued_by: caller.account(),
            expires_at,
        };
        labour_store::password_resets::insert(conn, &reset).await?;
        let event = Event {
            subject_type: Some("account"),
            subject_id: Some(account.id.to_string()),
            details: serde_json::json!({ "sms": app.sms.is_some() }),
            ..caller.event("password_reset_code_issued", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await?;
    let sent_by_sms = match &app.sms {
        Some(sms) => {
            // Without diacritics, as Vietnamese SMS usually are: one plain message, any phone.
            let text = format!(
                "Ma dat lai mat khau San viec lam Lang Son: {code} (dung 1 lan, trong 24 gio). \
                 Reset code: {code}"
            );
            match sms.send(&phone, &text).await {
                Ok(()) => true,
                Err(e) => {
                    tracing::warn!(account.id = %account.id, error = %e, "reset code SMS not sent");
                    false
                }
            }
        }
        None => false,
    };
    Ok(IssuedCode {
        code,
        expires_at,
        sent_by_sms,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_ten_unambiguous_characters_typed_in_any_form() {
        let code = new_code();
        assert_eq!(code.len(), 11);
        let plain = normalise_code(&code);
        assert_eq!(plain.len(), CODE_CHARS);
        assert!(plain.bytes().all(|b| ALPHABET.contains(&b)));
        assert_eq!(
            normalise_code(&code.to_lowercase().replace('-', " ")),
            plain
        );
        assert_ne!(new_code(), code);
    }
}
