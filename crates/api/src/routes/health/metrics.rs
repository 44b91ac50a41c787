//! `GET /metrics`: figures for monitoring, in the Prometheus text format.

use actix_web::{HttpResponse, get, web};

use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Search indexing backlog, in the Prometheus text format. Counts only, nothing personal.
#[utoipa::path(
    tag = "health",
    responses(
        (status = 200, content_type = "text/plain", body = String),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/metrics")]
pub async fn get_metrics(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let (depth, oldest) = labour_store::search_outbox::depth(&mut conn).await?;
    let lag = oldest.map_or(0.0, |t| {
        (chrono::Utc::now() - t).num_milliseconds().max(0) as f64 / 1000.0
    });
    let body = format!(
        "# HELP labour_search_outbox_depth Postings waiting to be indexed.\n\
         # TYPE labour_search_outbox_depth gauge\n\
         labour_search_outbox_depth {depth}\n\
         # HELP labour_search_indexing_lag_seconds Age of the oldest posting waiting to be indexed.\n\
         # TYPE labour_search_indexing_lag_seconds gauge\n\
         labour_search_indexing_lag_seconds {lag:.3}\n"
    );
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4")
        .body(body))
}
