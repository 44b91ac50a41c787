//! `POST /api/v1/occupations/lookup`: resolve many codes at once (apps syncing their own lists).

use actix_web::{post, web};
use labour_domain::occupation::OccupationCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::Occupation;
use crate::errors::{ApiError, ErrorCode, Problem, field_error};
use crate::extract::Json;
use crate::state::AppState;

/// Most codes one lookup may ask for.
const MAX_CODES: usize = 100;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct LookupRequest {
    /// ISCO-08 codes, at most 100.
    #[schema(example = json!(["7212", "8153"]))]
    pub codes: Vec<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LookupResponse {
    /// The occupations found, in the order asked.
    pub items: Vec<Occupation>,
    /// Well-formed codes that name no occupation here.
    pub unknown: Vec<String>,
}

/// Resolves up to 100 occupation codes in one request.
#[utoipa::path(
    tag = "reference",
    request_body = LookupRequest,
    responses(
        (status = 200, body = LookupResponse),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 413, body = Problem, content_type = "application/problem+json"),
        (status = 415, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/occupations/lookup")]
pub async fn lookup_occupations(
    state: web::Data<AppState>,
    body: Json<LookupRequest>,
) -> Result<web::Json<LookupResponse>, ApiError> {
    if body.codes.len() > MAX_CODES {
        return Err(ApiError::new(ErrorCode::ValidationFailed).detail(
            format!("Mỗi lần tra cứu tối đa {MAX_CODES} mã nghề."),
            format!("At most {MAX_CODES} codes per lookup."),
        ));
    }
    let mut errors = Vec::new();
    let mut codes = Vec::new();
    for (i, raw) in body.codes.iter().enumerate() {
        match OccupationCode::parse(raw) {
            Ok(code) => codes.push(code),
            Err(e) => errors.push(field_error(&format!("codes[{i}]"), &e)),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::new(ErrorCode::ValidationFailed)
            .detail("Một số mã nghề không hợp lệ.", "Some codes are not valid.")
            .with_errors(errors));
    }
    let mut conn = state.conn().await?;
    let found = labour_store::occupations::find_many(&mut conn, &codes).await?;
    let mut items = Vec::new();
    let mut unknown = Vec::new();
    for code in codes {
        match found.iter().find(|r| r.code == code.as_str()) {
            Some(row) => items.push(Occupation::from(row.clone())),
            None => unknown.push(code.to_string()),
        }
    }
    Ok(web::Json(LookupResponse { items, unknown }))
}
