//! `POST /api/v1/declaration-years/{year}/close`.

use actix_web::{HttpResponse, post, web};
use labour_domain::policy::Action;

use super::{DeclarationYear, not_found};
use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::state::AppState;

/// Closes a year: its declarations can no longer be corrected (staff).
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035")),
    security(("bearer_token" = [])),
    responses(
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 200, body = DeclarationYear),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/declaration-years/{year}/close")]
pub async fn close_declaration_year(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i64>,
) -> Result<HttpResponse, ApiError> {
    require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let mut conn = state.conn().await?;
    let row = labour_store::declarations::find_year(&mut conn, year)
        .await?
        .ok_or_else(|| not_found(year))?;
    if !labour_store::declarations::close_year(&mut conn, year).await? {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            format!(
                "Năm {year} đã đóng từ {}.",
                row.closed_at.unwrap_or(row.opened_at)
            ),
            format!("The year {year} is closed already."),
        ));
    }
    let addr = caller.addr_string();
    let event = labour_store::audit::Event {
        subject_type: Some("declaration_year"),
        subject_id: Some(year.to_string()),
        ..caller.event("declaration_year_closed", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    let row = labour_store::declarations::find_year(&mut conn, year)
        .await?
        .ok_or_else(|| not_found(year))?;
    Ok(HttpResponse::Ok().json(DeclarationYear::from(row)))
}
