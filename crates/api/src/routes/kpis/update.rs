//! `PUT /api/v1/kpis/{key}/{year}`.

use actix_web::{HttpResponse, put, web};
use labour_app::kpis::update::EnteredValue;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct EnterValue {
    /// A percentage for shares (0 to 100), a count otherwise (0 to 10,000,000).
    #[schema(minimum = 0, maximum = 10000000)]
    pub value: f64,
    /// The cited source, e.g. "Cục Thống kê tỉnh Lạng Sơn, Niên giám thống kê 2025, bảng 2.14".
    pub source: String,
}

/// Enters a year's value of one of the plan's indicators with its source, replacing a derived
/// or earlier value for that year (staff; audited).
#[utoipa::path(
    tag = "statistics",
    params(
        ("key" = String, Path, description = "The indicator, e.g. `trained_share`"),
        ("year" = i32, Path, minimum = 2015, maximum = 2030, description = "The year the value describes, 2015 to 2030"),
    ),
    request_body = EnterValue,
    security(("bearer_token" = [])),
    responses(
        (status = 204),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/kpis/{key}/{year}")]
pub async fn update_kpi(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, i64)>,
    body: Json<EnterValue>,
) -> Result<HttpResponse, ApiError> {
    let (key, year) = path.into_inner();
    let body = body.into_inner();
    let input = EnteredValue {
        value: body.value,
        source: body.source,
    };
    labour_app::kpis::update(&state.app, &caller, &key, year, input).await?;
    Ok(HttpResponse::NoContent().finish())
}
