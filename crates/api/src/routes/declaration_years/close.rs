//! `POST /api/v1/declaration-years/{year}/close`.

use actix_web::{HttpResponse, post, web};
use labour_domain::policy::Action;

use super::DeclarationYear;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
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
    crate::auth::require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let row = labour_app::declaration_years::close(&state.app, &caller, year).await?;
    Ok(HttpResponse::Ok().json(DeclarationYear::from(row)))
}
