//! `GET /api/v1/zones/{id}`.

use actix_web::{get, web};
use uuid::Uuid;

use super::Zone;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// One zone by id.
#[utoipa::path(
    tag = "reference",
    params(("id" = Uuid, Path, description = "Zone id")),
    responses(
        (status = 200, body = Zone),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/zones/{id}")]
pub async fn get_zone(
    state: web::Data<AppState>,
    id: web::Path<Uuid>,
) -> Result<web::Json<Zone>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    labour_store::zones::find(&mut conn, id)
        .await?
        .map(|z| web::Json(Zone::from(z)))
        .ok_or_else(|| ApiError::not_found("khu", "zone", &id.to_string()))
}
