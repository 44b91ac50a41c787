//! The language of a response: what the request's `Accept-Language` prefers.

use actix_web::http::header::{ACCEPT_LANGUAGE, HeaderMap};
pub use labour_app::lang::{Lang, Text};

/// The first of Vietnamese and English that `Accept-Language` prefers; Vietnamese otherwise.
pub fn from_headers(headers: &HeaderMap) -> Lang {
    Lang::negotiate(headers.get(ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()))
}
