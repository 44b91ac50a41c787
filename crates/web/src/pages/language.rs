//! The language switch: a plain link (it works without JavaScript) that remembers the choice in
//! a cookie for a year and comes back to the page it was clicked on.

use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;

use crate::state::WebState;

#[derive(Debug, Deserialize)]
pub struct Back {
    back: Option<String>,
}

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/lang/{code}", web::get().to(switch));
}

async fn switch(
    req: HttpRequest,
    code: web::Path<String>,
    back: web::Query<Back>,
    state: web::Data<WebState>,
) -> HttpResponse {
    let lang = crate::lang::parse(&code).unwrap_or(crate::lang::of(&req));
    let back = back.back.as_deref().filter(|b| is_local(b)).unwrap_or("/");
    let cookie = Cookie::build(crate::lang::COOKIE, lang.code())
        .path("/")
        .same_site(SameSite::Lax)
        .secure(state.settings.secure_cookies)
        .max_age(time::Duration::days(365))
        .finish();
    HttpResponse::SeeOther()
        .cookie(cookie)
        .insert_header((header::LOCATION, back.to_owned()))
        .finish()
}

/// A path on this site (never `//elsewhere` or `https://elsewhere`): the switch only ever
/// sends people back to the portal.
pub fn is_local(path: &str) -> bool {
    path.starts_with('/')
        && !path.starts_with("//")
        && !path.starts_with("/\\")
        && !path.chars().any(|c| c.is_control())
}

#[cfg(test)]
mod tests {
    use super::is_local;

    #[test]
    fn only_local_paths_are_followed() {
        assert!(is_local("/search/jobs?q=han"));
        assert!(!is_local("//evil.example/"));
        assert!(!is_local("https://evil.example/"));
        assert!(!is_local("/\\evil.example"));
        assert!(!is_local("/a\nb"));
    }
}
