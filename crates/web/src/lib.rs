//! HTML over HTTP: the portal's pages, forms and cookie sessions, thin over the use cases in
//! `labour-app`. Server-rendered, working with JavaScript off; Vietnamese by default, English by
//! a visible switch that a cookie remembers.

// The translation catalogue: `locales/*.toml`, every key in both languages.
rust_i18n::i18n!("locales", fallback = "vi");

pub mod assets;
pub mod chart;
pub mod context;
pub mod csrf;
pub mod error;
pub mod form;
pub mod format;
pub mod i18n;
pub mod lang;
pub mod pages;
pub mod session;
pub mod state;

use actix_web::{HttpRequest, HttpResponse, web};

pub use self::state::{WebSettings, WebState};

/// Registers every page, under the web face's middleware (security headers, HTML error pages).
/// Paths no page claims fall through to the application's default service, which hands the
/// ones outside the API to [`not_found`].
pub fn configure(state: WebState) -> impl FnOnce(&mut web::ServiceConfig) {
    move |cfg| {
        cfg.app_data(web::Data::new(state)).service(
            web::scope("")
                .app_data(web::QueryConfig::default().error_handler(error::bad_query))
                .app_data(web::PathConfig::default().error_handler(error::bad_path))
                .wrap(actix_web::middleware::from_fn(error::render_pages))
                .configure(pages::configure),
        );
    }
}

/// The page for a path that does not exist.
pub fn not_found(req: &HttpRequest) -> HttpResponse {
    error::not_found_page(req)
}
