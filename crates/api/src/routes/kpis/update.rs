//! `PUT /api/v1/kpis/{key}/{year}`.

use actix_web::{HttpResponse, put, web};
use labour_domain::policy::Action;
use serde::Deserialize;
use utoipa::ToSchema;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, FieldErrors, Problem};
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
    require(&caller, Action::EnterIndicatorValues, || {
        ApiError::internal("never hidden")
    })?;
    let (key, year) = path.into_inner();
    let indicator = labour_domain::kpi::find(&key)
        .ok_or_else(|| ApiError::not_found("chỉ tiêu", "indicator", &key))?;
    let mut errors = FieldErrors::default();
    let percent = indicator.unit == labour_domain::kpi::Unit::Percent;
    let max = if percent { 100.0 } else { 10_000_000.0 };
    if !body.value.is_finite() || body.value < 0.0 || body.value > max {
        errors.check::<()>(
            "value",
            Err(labour_domain::Error::OutOfRange {
                min: 0,
                max: max as u64,
            }),
        );
    }
    let source = body.source.trim();
    if !(3..=500).contains(&source.chars().count()) {
        errors.check::<()>(
            "source",
            Err(labour_domain::Error::TextLength { min: 3, max: 500 }),
        );
    }
    let year = errors
        .check(
            "year",
            labour_domain::bounds::year(year, &labour_domain::bounds::KPI_YEARS),
        )
        .unwrap_or_default();
    errors.finish()?;
    let mut conn = state.conn().await?;
    let previous =
        labour_store::kpis::enter(&mut conn, &key, year, body.value, source, caller.account())
            .await?;
    let addr = caller.addr_string();
    let event = labour_store::audit::Event {
        subject_type: Some("kpi"),
        subject_id: Some(format!("{key}/{year}")),
        details: serde_json::json!({ "value": body.value, "previous": previous, "source": source }),
        ..caller.event("kpi_value_entered", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::NoContent().finish())
}
