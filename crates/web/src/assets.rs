//! The portal's own stylesheet and script, built into the binary and served with a content
//! hash in their address, so a browser keeps them for a year and fetches a new one only when
//! it changed (one request less per page on a slow connection).

use std::sync::OnceLock;

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use sha2::Digest;

#[derive(Debug)]
pub struct Asset {
    pub path: &'static str,
    pub content_type: &'static str,
    pub body: &'static str,
    version: OnceLock<String>,
}

impl Asset {
    const fn new(path: &'static str, content_type: &'static str, body: &'static str) -> Asset {
        Asset {
            path,
            content_type,
            body,
            version: OnceLock::new(),
        }
    }

    /// The address pages link to: the path with the content's hash.
    pub fn url(&self) -> String {
        format!("{}?v={}", self.path, self.version())
    }

    fn version(&self) -> &str {
        self.version.get_or_init(|| {
            let digest = sha2::Sha256::digest(self.body.as_bytes());
            digest.iter().take(6).map(|b| format!("{b:02x}")).collect()
        })
    }

    fn response(&self) -> HttpResponse {
        HttpResponse::Ok()
            .content_type(self.content_type)
            .insert_header((header::CACHE_CONTROL, "public, max-age=31536000, immutable"))
            .body(self.body)
    }
}

pub static CSS: Asset = Asset::new(
    "/static/portal.css",
    "text/css; charset=utf-8",
    include_str!("../static/portal.css"),
);

pub static JS: Asset = Asset::new(
    "/static/portal.js",
    "text/javascript; charset=utf-8",
    include_str!("../static/portal.js"),
);

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(CSS.path, web::get().to(|| async { CSS.response() }))
        .route(JS.path, web::get().to(|| async { JS.response() }));
}
