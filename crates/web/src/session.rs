//! The signed-in session: an HttpOnly, SameSite=Lax cookie holding the session's token, which
//! the session store keeps only as a hash (the same sessions the API signs in to).

use actix_web::HttpRequest;
use actix_web::cookie::{Cookie, SameSite, time};

use crate::state::WebState;

pub const COOKIE: &str = "lm_session";

/// The cookie that keeps a person signed in.
pub fn cookie(state: &WebState, token: String) -> Cookie<'static> {
    Cookie::build(COOKIE, token)
        .path("/")
        .http_only(true)
        .secure(state.settings.secure_cookies)
        .same_site(SameSite::Lax)
        .max_age(time::Duration::days(state.settings.session_days))
        .finish()
}

/// The cookie that signs a person out of this browser.
pub fn removal(state: &WebState) -> Cookie<'static> {
    let mut c = cookie(state, String::new());
    c.make_removal();
    c
}

/// The session token this browser presents, if any.
pub fn token(req: &HttpRequest) -> Option<String> {
    req.cookie(COOKIE).map(|c| c.value().to_owned())
}
