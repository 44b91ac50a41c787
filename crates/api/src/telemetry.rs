//! Logging: tracing to stderr, readable text or JSON lines. Never query parameters, request
//! bodies, tokens or query strings, whatever the level.

use tracing::Level;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

use crate::config::{LogConfig, LogFormat};

/// Crates that log what a request carries below `info`: the database driver prints every bound
/// parameter (profiles, phones, password hashes) at `debug`, the HTTP and mail clients their
/// traffic. Whatever filter the user sets, these stay at `info` or above.
const AT_MOST_INFO: [&str; 13] = [
    "tokio_postgres",
    "postgres",
    "postgres_protocol",
    "diesel",
    "diesel_async",
    "diesel_migrations",
    "deadpool",
    "deadpool_postgres",
    "actix_http",
    "hyper",
    "hyper_util",
    "reqwest",
    "lettre",
];

/// Caps the crates above at `info`, and lets everything else through: combined with the user's
/// filter, both must agree, so a user's `debug` or `trace` never reaches them and a user's `warn`
/// stays `warn`.
pub fn caps() -> Targets {
    Targets::new()
        .with_default(LevelFilter::TRACE)
        .with_targets(AT_MOST_INFO.map(|target| (target, Level::INFO)))
}

/// Installs the global subscriber. `RUST_LOG`, when set, wins over the configured level; the
/// caps apply whatever either says.
pub fn init(config: &LogConfig) {
    let filter = EnvFilter::try_from_default_env()
        .or_else(|_| EnvFilter::try_new(&config.level))
        .unwrap_or_else(|_| EnvFilter::new("info"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    // A second init (tests) is harmless: the first subscriber stays.
    let _ = match config.format {
        LogFormat::Text => builder.finish().with(caps()).try_init(),
        LogFormat::Json => builder.json().finish().with(caps()).try_init(),
    };
}

/// The root span of each request: method, route pattern (never the query string, which may hold
/// what a person searched for), request id, and at the end status and duration. Client addresses
/// are left out on purpose: they belong only in the audit log.
#[derive(Debug)]
pub struct RequestSpan;

#[derive(Debug, Clone, Copy)]
struct Started(std::time::Instant);

impl tracing_actix_web::RootSpanBuilder for RequestSpan {
    fn on_request_start(request: &actix_web::dev::ServiceRequest) -> tracing::Span {
        use actix_web::HttpMessage;
        request
            .extensions_mut()
            .insert(Started(std::time::Instant::now()));
        let request_id = request
            .extensions()
            .get::<tracing_actix_web::RequestId>()
            .map(ToString::to_string)
            .unwrap_or_default();
        tracing::info_span!(
            "request",
            method = %request.method(),
            route = request.match_pattern().as_deref().unwrap_or("unmatched"),
            request_id = %request_id,
            status = tracing::field::Empty,
        )
    }

    fn on_request_end<B: actix_web::body::MessageBody>(
        span: tracing::Span,
        outcome: &Result<actix_web::dev::ServiceResponse<B>, actix_web::Error>,
    ) {
        use actix_web::HttpMessage;
        let (status, started) = match outcome {
            Ok(res) => (
                res.status().as_u16(),
                res.request().extensions().get::<Started>().copied(),
            ),
            Err(e) => (e.as_response_error().status_code().as_u16(), None),
        };
        span.record("status", status);
        let elapsed_ms = started.map_or(0.0, |s| s.0.elapsed().as_secs_f64() * 1000.0);
        let _enter = span.enter();
        if status >= 500 {
            tracing::error!(status, elapsed_ms, "request finished");
        } else {
            tracing::info!(status, elapsed_ms, "request finished");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn database_and_network_crates_never_log_below_info() {
        let caps = caps();
        for target in [
            "tokio_postgres::query",
            "diesel_async",
            "actix_http::h1",
            "reqwest",
        ] {
            assert!(!caps.would_enable(target, &Level::DEBUG), "{target}");
            assert!(caps.would_enable(target, &Level::INFO), "{target}");
        }
        assert!(caps.would_enable("labour_api::indexer", &Level::TRACE));
    }
}
