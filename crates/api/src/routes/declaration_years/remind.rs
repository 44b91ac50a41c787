//! `POST /api/v1/declaration-years/{year}/reminders`.

use actix_web::{post, web};
use labour_domain::declaration::YearState;
use labour_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;

use super::not_found;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Reminded {
    /// How many enterprises were reminded.
    pub reminded: usize,
}

/// Reminds every verified enterprise that has not declared for the open year; each sees the
/// reminder in its declarations list. Audited (staff).
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035")),
    security(("bearer_token" = [])),
    responses(
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 200, body = Reminded),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/declaration-years/{year}/reminders")]
pub async fn remind_missing_declarations(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i64>,
) -> Result<web::Json<Reminded>, ApiError> {
    require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let mut conn = state.conn().await?;
    match labour_store::declarations::year_state(&mut conn, year).await? {
        YearState::NotOpened => return Err(not_found(year)),
        YearState::Closed => {
            return Err(ApiError::new(ErrorCode::Conflict).detail(
                format!("Năm {year} đã đóng; không nhắc được nữa."),
                format!("The year {year} is closed; there is nobody left to remind."),
            ));
        }
        YearState::Open => {}
    }
    let missing = labour_store::declarations::missing(&mut conn, year).await?;
    let ids: Vec<uuid::Uuid> = missing.iter().map(|m| m.organisation_id).collect();
    let reminded =
        labour_store::declarations::remind(&mut conn, year, &ids, caller.account()).await?;
    let addr = caller.addr_string();
    let event = labour_store::audit::Event {
        subject_type: Some("declaration_year"),
        subject_id: Some(year.to_string()),
        details: serde_json::json!({ "organisations": ids }),
        ..caller.event("declarations_reminded", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(web::Json(Reminded { reminded }))
}
