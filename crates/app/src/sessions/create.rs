//! Sign in with an email or phone and a password.

use diesel_async::AsyncConnection;
use labour_domain::account::Identifier;
use labour_store::audit::Event;
use uuid::Uuid;

use super::{Tokens, tokens};
use crate::auth::Auth;
use crate::auth::password::Verified;
use crate::auth::tokens::new_refresh_token;
use crate::errors::{Error, ErrorCode, field_error};
use crate::{App, Caller};

/// What a person signing in sends.
#[derive(Clone, Default)]
pub struct SignIn {
    /// An email address or a mobile number.
    pub identifier: String,
    pub password: String,
}

impl std::fmt::Debug for SignIn {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SignIn([hidden])")
    }
}

/// Longest password worth checking; anything longer cannot be right.
const MAX_PASSWORD_BYTES: usize = 1024;

fn wrong_credentials() -> Error {
    Error::new(ErrorCode::InvalidCredentials).detail(
        "Email/số điện thoại hoặc mật khẩu không đúng.",
        "Wrong email/phone or password.",
    )
}

/// Signs in. Unknown accounts and wrong passwords get the same answer after the same work. An
/// address that keeps failing for an account (or for many) waits (429); an account that fails
/// from many addresses is slowed down, its sign-ins taking turns, but a correct password from
/// another address always gets in. The password is checked outside any transaction (it is slow
/// on purpose); the session, a new hash and the audit row are then written in one.
pub async fn create(
    app: &App,
    auth: &Auth,
    caller: &Caller,
    input: SignIn,
) -> crate::Result<Tokens> {
    let identifier = Identifier::parse(&input.identifier).map_err(|e| {
        Error::new(ErrorCode::ValidationFailed).with_errors(vec![field_error("identifier", &e)])
    })?;
    let attempt = match auth
        .limits
        .login_attempt(identifier.key(), caller.client_addr)
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            return Err(Error::new(ErrorCode::RateLimited)
                .detail(
                    format!("Địa chỉ này đã đăng nhập sai quá nhiều lần; thử lại sau {wait} giây."),
                    format!("Too many failed sign-ins from this address; try again in {wait} s."),
                )
                .hint("retry-after", wait.to_string()));
        }
    };
    // An account failing from many addresses takes turns: slower, never locked.
    attempt.wait_turn().await;
    let mut conn = app.conn().await?;
    let account = labour_store::accounts::find_by_identifier(&mut conn, &identifier).await?;
    let stored = account
        .as_ref()
        .map_or_else(|| auth.dummy_hash.clone(), |a| a.password_hash.clone());
    let password = if input.password.len() <= MAX_PASSWORD_BYTES {
        input.password
    } else {
        String::new()
    };
    let verified = auth.hasher.verify(password.clone(), stored).await?;
    let addr = caller.addr_string();
    let account = match (account, verified) {
        (Some(account), Verified::Yes | Verified::YesRehash) => account,
        (account, _) => {
            attempt.failed();
            let event = Event {
                subject_type: account.as_ref().map(|_| "account"),
                subject_id: account.as_ref().map(|a| a.id.to_string()),
                ..caller.event("login_failed", &addr)
            };
            labour_store::audit::record(&mut conn, event).await?;
            return Err(wrong_credentials());
        }
    };
    let rehash = if verified == Verified::YesRehash {
        Some(auth.hasher.hash(password).await?)
    } else {
        None
    };
    let session = Uuid::now_v7();
    let (refresh, refresh_hash) = new_refresh_token();
    let expires = chrono::Utc::now() + auth.refresh_ttl;
    conn.transaction::<_, Error, _>(async |conn| {
        if let Some(hash) = &rehash {
            labour_store::accounts::set_password_hash(conn, account.id, hash).await?;
        }
        labour_store::sessions::create(conn, session, account.id, &refresh_hash, expires).await?;
        let event = Event {
            actor_account: Some(account.id),
            subject_type: Some("account"),
            subject_id: Some(account.id.to_string()),
            ..caller.event("login_ok", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await?;
    attempt.succeeded();
    Ok(tokens(auth, account.id, session, refresh))
}
