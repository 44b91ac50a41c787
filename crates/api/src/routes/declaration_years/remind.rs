//! `POST /api/v1/declaration-years/{year}/reminders`.

use actix_web::{post, web};
use labour_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
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
    crate::auth::require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let reminded = labour_app::declaration_years::remind(&state.app, &caller, year).await?;
    Ok(web::Json(Reminded { reminded }))
}
