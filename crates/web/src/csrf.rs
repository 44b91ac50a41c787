//! Cross-site request forgery: every form carries a token that must match this browser's CSRF
//! cookie (a double submit). Another site can make the browser send the cookie, but it can
//! neither read it nor guess it, so it cannot fill in the field; SameSite=Lax is the second lock.

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite};
use base64::Engine;
use rand::RngCore;

pub const COOKIE: &str = "lm_csrf";
/// The hidden field every form sends.
pub const FIELD: &str = "_csrf";

/// This browser's token, and whether it is new (so the response must set the cookie).
pub fn token(req: &HttpRequest) -> (String, bool) {
    match req.cookie(COOKIE) {
        Some(c) if valid_shape(c.value()) => (c.value().to_owned(), false),
        _ => (new_token(), true),
    }
}

pub fn cookie(token: &str, secure: bool) -> Cookie<'static> {
    Cookie::build(COOKIE, token.to_owned())
        .path("/")
        .http_only(true)
        .secure(secure)
        .same_site(SameSite::Lax)
        .finish()
}

/// Whether a form's token is this browser's (compared in constant time).
pub fn matches(req: &HttpRequest, sent: &str) -> bool {
    let Some(cookie) = req.cookie(COOKIE) else {
        return false;
    };
    let (a, b) = (cookie.value().as_bytes(), sent.as_bytes());
    valid_shape(cookie.value())
        && a.len() == b.len()
        && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn valid_shape(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
