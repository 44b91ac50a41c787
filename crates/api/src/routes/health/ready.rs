//! `GET /ready`: the database answers and every migration is applied.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

use labour_search::SearchEngine;

use crate::errors::{ApiError, ErrorCode, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Ready {
    #[schema(example = "ready")]
    pub status: &'static str,
    #[schema(example = "ok")]
    pub database: &'static str,
    #[schema(example = "ok")]
    pub migrations: &'static str,
    /// `ok`, or `unavailable` while the engine cannot be reached (writes still work; the outbox
    /// keeps what to index).
    #[schema(example = "ok")]
    pub search: &'static str,
    /// `embedded` or `meilisearch`.
    pub search_engine: &'static str,
    /// Postings waiting to be indexed.
    pub outbox_depth: i64,
    /// Age of the oldest of them, in milliseconds (0 when none wait).
    pub indexing_lag_ms: i64,
}

/// Readiness: 200 when the database is reachable and migrated, 503 problem+json otherwise.
#[utoipa::path(tag = "health", responses(
    (status = 200, body = Ready),
    (status = 503, body = Problem, content_type = "application/problem+json"),
))]
#[get("/ready")]
pub async fn get_ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    let pending = labour_store::migrations::pending(&mut conn).await?;
    if !pending.is_empty() {
        let list = pending.join(", ");
        return Err(ApiError::new(ErrorCode::DatabaseUnavailable).detail(
            format!("Cơ sở dữ liệu chưa được cập nhật (còn migration {list}): chạy `labour-market migrate`."),
            format!("The database is not migrated (pending: {list}): run `labour-market migrate`."),
        ));
    }
    let (depth, oldest) = labour_store::search_outbox::depth(&mut conn).await?;
    let lag = oldest.map_or(0, |t| (chrono::Utc::now() - t).num_milliseconds().max(0));
    let search = match state.search.count(labour_domain::posting::Kind::Job).await {
        Ok(_) => "ok",
        Err(_) => "unavailable",
    };
    Ok(HttpResponse::Ok().json(Ready {
        status: "ready",
        database: "ok",
        migrations: "ok",
        search,
        search_engine: state.search.name(),
        outbox_depth: depth,
        indexing_lag_ms: lag,
    }))
}
