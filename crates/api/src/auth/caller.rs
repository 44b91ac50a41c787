//! Who is calling: a middleware reads the credentials once per request (an access token or an
//! API key, never both), and handlers take the result as the `Caller` extractor.

use std::future::{Ready, ready};
use std::net::IpAddr;

use actix_web::body::{EitherBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{AUTHORIZATION, HeaderMap, WWW_AUTHENTICATE};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use labour_domain::ClosedSet;
use labour_domain::policy::{Actor, Scope};

use super::tokens::{API_KEY_PREFIX, hash_secret};
use crate::errors::{ApiError, ErrorCode};
use crate::state::AppState;

/// The caller of this request: the use-case layer's caller, taken by handlers as an extractor.
#[derive(Debug, Clone)]
pub struct Caller(pub labour_app::Caller);

impl std::ops::Deref for Caller {
    type Target = labour_app::Caller;
    fn deref(&self) -> &labour_app::Caller {
        &self.0
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Ready<Result<Caller, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let caller = req
            .extensions()
            .get::<Caller>()
            .cloned()
            .unwrap_or(Caller(labour_app::Caller::anonymous(None)));
        ready(Ok(caller))
    }
}

enum Credential {
    Token(String),
    ApiKey(String),
}

fn credential(headers: &HeaderMap) -> Result<Option<Credential>, ApiError> {
    if let Some(key) = headers.get("x-api-key") {
        let key = key.to_str().map_err(|_| invalid_key())?.trim();
        return Ok(Some(Credential::ApiKey(key.to_owned())));
    }
    let Some(value) = headers.get(AUTHORIZATION) else {
        return Ok(None);
    };
    let value = value.to_str().map_err(|_| invalid_token())?.trim();
    let Some((scheme, rest)) = value.split_once(' ') else {
        return Err(invalid_token());
    };
    if !scheme.eq_ignore_ascii_case("bearer") {
        return Err(invalid_token());
    }
    let rest = rest.trim();
    Ok(Some(if rest.starts_with(API_KEY_PREFIX) {
        Credential::ApiKey(rest.to_owned())
    } else {
        Credential::Token(rest.to_owned())
    }))
}

fn invalid_token() -> ApiError {
    ApiError::new(ErrorCode::InvalidToken)
        .detail(
            "Phiên đăng nhập đã hết hạn hoặc không hợp lệ; hãy làm mới phiên hoặc đăng nhập lại.",
            "The access token is expired or not valid; refresh it or sign in again.",
        )
        .header(WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
}

fn invalid_key() -> ApiError {
    ApiError::new(ErrorCode::InvalidApiKey).detail(
        "Khóa API không đúng hoặc đã bị thu hồi.",
        "The API key is wrong or has been revoked.",
    )
}

/// The client's address: the peer, or the forwarded address behind a trusted proxy.
pub fn client_addr(req: &HttpRequest, trust_forwarded_for: bool) -> Option<IpAddr> {
    let text = if trust_forwarded_for {
        req.connection_info()
            .realip_remote_addr()
            .map(str::to_owned)
    } else {
        req.peer_addr().map(|a| a.ip().to_string())
    };
    labour_app::caller::parse_addr(&text?)
}

/// Middleware: resolves the credentials into a `Caller`, or answers 401/429 at once.
pub async fn authenticate(
    req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<EitherBody<impl MessageBody>>, actix_web::Error> {
    let Some(state) = req.app_data::<web::Data<AppState>>().cloned() else {
        return Ok(next.call(req).await?.map_into_left_body());
    };
    // The web pages sign people in with their own cookie session.
    if !crate::app::is_api_path(req.path()) {
        return Ok(next.call(req).await?.map_into_left_body());
    }
    let client_addr = client_addr(req.request(), state.auth.trust_forwarded_for);
    let resolved = match credential(req.headers()) {
        Ok(None) => Ok(Caller(labour_app::Caller::anonymous(client_addr))),
        Ok(Some(Credential::Token(token))) => from_token(&state, &token, client_addr).await,
        Ok(Some(Credential::ApiKey(key))) => from_api_key(&state, &key, client_addr).await,
        Err(e) => Err(e),
    };
    match resolved {
        Ok(caller) => {
            req.extensions_mut().insert(caller);
            Ok(next.call(req).await?.map_into_left_body())
        }
        Err(e) => Ok(req.error_response(e).map_into_right_body()),
    }
}

async fn from_token(
    state: &AppState,
    token: &str,
    client_addr: Option<IpAddr>,
) -> Result<Caller, ApiError> {
    let claims = state.auth.jwt.verify(token).ok_or_else(invalid_token)?;
    let mut conn = state.conn().await?;
    let account = labour_store::accounts::find(&mut conn, claims.sub)
        .await?
        .ok_or_else(invalid_token)?;
    // Signed out everywhere after this token was issued, or this session was ended.
    if claims.iat < account.sessions_valid_after.timestamp()
        || !labour_store::sessions::is_active(&mut conn, claims.sid).await?
    {
        return Err(invalid_token());
    }
    Ok(Caller(labour_app::Caller {
        actor: labour_app::sessions::actor_of(&mut conn, &account).await?,
        session: Some(claims.sid),
        client_addr,
    }))
}

async fn from_api_key(
    state: &AppState,
    key: &str,
    client_addr: Option<IpAddr>,
) -> Result<Caller, ApiError> {
    let mut conn = state.conn().await?;
    let row = labour_store::api_keys::find_active_by_hash(&mut conn, &hash_secret(key))
        .await?
        .ok_or_else(invalid_key)?;
    if let Err(wait) = state.auth.limits.api_key_request(row.id) {
        return Err(ApiError::new(ErrorCode::RateLimited)
            .detail(
                format!("Khóa API này đã gửi quá nhiều yêu cầu; thử lại sau {wait} giây."),
                format!("This API key sent too many requests; try again in {wait} s."),
            )
            .header(actix_web::http::header::RETRY_AFTER, wait.to_string()));
    }
    if let Err(e) = labour_store::api_keys::touch(&mut conn, row.id).await {
        tracing::warn!(error = %e, "could not record API key use");
    }
    let scopes = row
        .scopes
        .iter()
        .filter_map(|s| Scope::parse(s).ok())
        .collect();
    Ok(Caller(labour_app::Caller {
        actor: Actor::ApiKey {
            id: row.id,
            organisation: row.organisation_id,
            scopes,
        },
        session: None,
        client_addr,
    }))
}
