//! Running the HTTP server: the JSON API and the web pages in one application; bind, serve,
//! shut down gracefully.

use std::net::SocketAddr;
use std::time::Duration;

use actix_web::HttpServer;
use labour_api::app::{AppSettings, PageNotFound, build};
use labour_api::config::Config;
use labour_api::state::AppState;

/// A bound server, not yet running, and the address it listens on (port 0 picks one). It does
/// not handle signals itself: actix stops at once on SIGINT, so `serve` listens for SIGINT and
/// SIGTERM and stops it gracefully (see `cli::serve`).
pub fn bind(
    config: &Config,
    state: AppState,
) -> std::io::Result<(actix_web::dev::Server, SocketAddr)> {
    let settings = AppSettings {
        max_body_bytes: config.server.max_body_bytes,
    };
    let pages = web_state(config, &state);
    let server = HttpServer::new(move || {
        let pages = pages.clone();
        build(state.clone(), settings, move |cfg| {
            cfg.app_data(PageNotFound(labour_web::not_found));
            labour_web::configure(pages)(cfg);
        })
        // Pages, scripts and JSON gzipped for slow mobile connections, when the client asks.
        .wrap(actix_web::middleware::Compress::default())
    })
    .shutdown_timeout(config.server.shutdown_timeout_secs)
    .disable_signals()
    .client_request_timeout(Duration::from_secs(30))
    .bind(&config.server.bind)
    .map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!(
                "cannot listen on {:?} (LABOUR_BIND): {e}",
                config.server.bind
            ),
        )
    })?;
    let addr = server.addrs().first().copied().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::AddrNotAvailable, "no address was bound")
    })?;
    Ok((server.run(), addr))
}

/// The web face's state: the same use-case context and authentication as the API.
fn web_state(config: &Config, state: &AppState) -> labour_web::WebState {
    labour_web::WebState {
        app: state.app.clone(),
        auth: state.auth.auth.clone(),
        settings: labour_web::WebSettings {
            secure_cookies: config.mail.public_url.starts_with("https://"),
            trust_forwarded_for: config.auth.trust_forwarded_for,
            session_days: config.auth.refresh_token_ttl_days,
        },
    }
}
