//! `POST /api/v1/sessions`: sign in.

use actix_web::http::header::RETRY_AFTER;
use actix_web::{HttpResponse, post, web};
use labour_domain::account::Identifier;
use labour_store::audit::Event;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{TokenPair, pair};
use crate::auth::Caller;
use crate::auth::password::Verified;
use crate::auth::tokens::new_refresh_token;
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LoginRequest {
    /// Email address or mobile number.
    #[schema(example = "an.nguyen@example.vn")]
    pub identifier: String,
    pub password: String,
}

impl std::fmt::Debug for LoginRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LoginRequest([hidden])")
    }
}

/// Longest password worth checking; anything longer cannot be right.
const MAX_PASSWORD_BYTES: usize = 1024;

fn wrong_credentials() -> ApiError {
    ApiError::new(ErrorCode::InvalidCredentials).detail(
        "Email/số điện thoại hoặc mật khẩu không đúng.",
        "Wrong email/phone or password.",
    )
}

/// Signs in with an email or phone and a password. Unknown accounts and wrong passwords get the
/// same answer after the same work. An address that keeps failing for an account (or for many)
/// waits (429); an account that fails from many addresses is slowed down, its sign-ins taking
/// turns, but a correct password from another address always gets in.
#[utoipa::path(
    tag = "accounts",
    request_body = LoginRequest,
    responses(
        (status = 200, body = TokenPair),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/sessions")]
pub async fn create_session(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let identifier = Identifier::parse(&body.identifier).map_err(|e| {
        ApiError::new(ErrorCode::ValidationFailed)
            .with_errors(vec![crate::errors::field_error("identifier", &e)])
    })?;
    let attempt = match state
        .auth
        .limits
        .login_attempt(identifier.key(), caller.client_addr)
    {
        Ok(attempt) => attempt,
        Err(wait) => {
            return Err(ApiError::new(ErrorCode::RateLimited)
                .detail(
                    format!("Địa chỉ này đã đăng nhập sai quá nhiều lần; thử lại sau {wait} giây."),
                    format!("Too many failed sign-ins from this address; try again in {wait} s."),
                )
                .header(RETRY_AFTER, wait.to_string()));
        }
    };
    // An account failing from many addresses takes turns: slower, never locked.
    attempt.wait_turn().await;
    let mut conn = state.conn().await?;
    let account = labour_store::accounts::find_by_identifier(&mut conn, &identifier).await?;
    let stored = account.as_ref().map_or_else(
        || state.auth.dummy_hash.clone(),
        |a| a.password_hash.clone(),
    );
    let password = if body.password.len() <= MAX_PASSWORD_BYTES {
        body.password.clone()
    } else {
        String::new()
    };
    let verified = state.auth.hasher.verify(password.clone(), stored).await?;
    let addr = caller.addr_string();
    let account = match (account, verified) {
        (Some(account), Verified::Yes | Verified::YesRehash) => {
            if verified == Verified::YesRehash {
                let hash = state.auth.hasher.hash(password).await?;
                labour_store::accounts::set_password_hash(&mut conn, account.id, &hash).await?;
            }
            attempt.succeeded();
            account
        }
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
    let session = Uuid::now_v7();
    let (refresh, refresh_hash) = new_refresh_token();
    let expires = chrono::Utc::now() + state.auth.refresh_ttl;
    labour_store::sessions::create(&mut conn, session, account.id, &refresh_hash, expires).await?;
    let event = Event {
        actor_account: Some(account.id),
        subject_type: Some("account"),
        subject_id: Some(account.id.to_string()),
        ..caller.event("login_ok", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Ok().json(pair(&state, account.id, session, refresh)))
}
