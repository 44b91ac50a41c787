//! `GET /ready`: the database answers and every migration is applied.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use utoipa::ToSchema;

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
    Ok(HttpResponse::Ok().json(Ready {
        status: "ready",
        database: "ok",
        migrations: "ok",
    }))
}
