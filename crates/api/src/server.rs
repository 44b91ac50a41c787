//! Running the HTTP server: bind, serve, shut down gracefully.

use std::net::SocketAddr;
use std::time::Duration;

use actix_web::HttpServer;

use crate::app::{AppSettings, build};
use crate::config::ServerConfig;
use crate::state::AppState;

/// A bound server, not yet running, and the address it listens on (port 0 picks one). It does
/// not handle signals itself: actix stops at once on SIGINT, so `serve` listens for SIGINT and
/// SIGTERM and stops it gracefully (see `cli::serve`).
pub fn bind(
    config: &ServerConfig,
    state: AppState,
) -> std::io::Result<(actix_web::dev::Server, SocketAddr)> {
    let settings = AppSettings {
        max_body_bytes: config.max_body_bytes,
    };
    let server = HttpServer::new(move || build(state.clone(), settings))
        .shutdown_timeout(config.shutdown_timeout_secs)
        .disable_signals()
        .client_request_timeout(Duration::from_secs(30))
        .bind(&config.bind)
        .map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!("cannot listen on {:?} (LABOUR_BIND): {e}", config.bind),
            )
        })?;
    let addr = server.addrs().first().copied().ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::AddrNotAvailable, "no address was bound")
    })?;
    Ok((server.run(), addr))
}
