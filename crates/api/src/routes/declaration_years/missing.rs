//! `GET /api/v1/declaration-years/{year}/missing`.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use labour_domain::declaration::YearState;
use labour_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::not_found;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct MissingDeclaration {
    pub organisation_id: Uuid,
    pub name: String,
    pub tax_code: Option<String>,
    pub last_reminded_at: Option<DateTime<Utc>>,
}

/// Verified enterprises that have not declared for the year, by name (staff).
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035")),
    security(("bearer_token" = [])),
    responses(
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 200, body = List<MissingDeclaration>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/declaration-years/{year}/missing")]
pub async fn list_missing_declarations(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i64>,
) -> Result<web::Json<List<MissingDeclaration>>, ApiError> {
    require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let mut conn = state.conn().await?;
    if labour_store::declarations::year_state(&mut conn, year).await? == YearState::NotOpened {
        return Err(not_found(year));
    }
    let rows = labour_store::declarations::missing(&mut conn, year).await?;
    Ok(web::Json(List {
        items: rows
            .into_iter()
            .map(|m| MissingDeclaration {
                organisation_id: m.organisation_id,
                name: m.name,
                tax_code: m.tax_code,
                last_reminded_at: m.last_reminded_at,
            })
            .collect(),
    }))
}
