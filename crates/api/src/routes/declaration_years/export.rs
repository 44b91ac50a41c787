//! `GET /api/v1/declaration-years/{year}/declarations`.

use actix_web::{HttpResponse, get, web};
use labour_domain::policy::Action;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::pagination::QueryChecker;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ExportQuery {
    /// `xlsx` (default) or `csv`.
    format: Option<String>,
}

/// Every declaration of a year, one line per row declared, with Vietnamese headings (staff).
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035"), ExportQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, description = "The declarations as a file", content(
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            (String = "text/csv"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/declaration-years/{year}/declarations")]
pub async fn export_declarations(
    state: web::Data<AppState>,
    caller: Caller,
    year: web::Path<i64>,
    query: web::Query<ExportQuery>,
) -> Result<HttpResponse, ApiError> {
    require(&caller, Action::ManageDeclarationYears, || {
        ApiError::internal("never hidden")
    })?;
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let mut check = QueryChecker::default();
    let csv = check
        .parse("format", query.format.as_deref(), |v| match v {
            "xlsx" => Ok(false),
            "csv" => Ok(true),
            other => Err(labour_domain::Error::UnknownVariant {
                what: "format",
                value: other.to_owned(),
                expected: "xlsx, csv".into(),
            }),
        })
        .unwrap_or(false);
    check.finish()?;
    let sheet = labour_app::declaration_years::export(&state.app, &caller, year).await?;
    if csv {
        crate::export::csv(&sheet)
    } else {
        crate::export::xlsx(&sheet)
    }
}
