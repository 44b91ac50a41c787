//! `GET /api/v1/occupations/{code}`.

use actix_web::{get, web};
use labour_domain::occupation::OccupationCode;

use super::{Occupation, OccupationDetail};
use crate::errors::{ApiError, ErrorCode, Problem, field_error};
use crate::state::AppState;

/// One occupation by its ISCO-08 code, with its national training programme codes.
#[utoipa::path(
    tag = "reference",
    params(("code" = String, Path, description = "4-digit ISCO-08 code", example = "7212")),
    responses(
        (status = 200, body = OccupationDetail),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/occupations/{code}")]
pub async fn get_occupation(
    state: web::Data<AppState>,
    code: web::Path<String>,
) -> Result<web::Json<OccupationDetail>, ApiError> {
    let code = OccupationCode::parse(&code).map_err(|e| {
        ApiError::new(ErrorCode::InvalidPathParameter).with_errors(vec![field_error("code", &e)])
    })?;
    let mut conn = state.conn().await?;
    let (row, programmes) = labour_store::occupations::find(&mut conn, &code)
        .await?
        .ok_or_else(|| ApiError::not_found("nghề", "occupation", code.as_str()))?;
    Ok(web::Json(OccupationDetail {
        occupation: Occupation::from(row),
        vet_programmes: programmes.into_iter().map(Into::into).collect(),
    }))
}
