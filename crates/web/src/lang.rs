//! The page language: Vietnamese unless the person chose English with the switch, which a
//! cookie remembers.

use actix_web::HttpRequest;
pub use labour_app::lang::Lang;

pub const COOKIE: &str = "lang";

/// The language the person chose, or Vietnamese.
pub fn of(req: &HttpRequest) -> Lang {
    match req.cookie(COOKIE).as_ref().map(|c| c.value()) {
        Some("en") => Lang::En,
        _ => Lang::Vi,
    }
}

/// A language code from a link (`vi` or `en`).
pub fn parse(code: &str) -> Option<Lang> {
    match code {
        "vi" => Some(Lang::Vi),
        "en" => Some(Lang::En),
        _ => None,
    }
}
