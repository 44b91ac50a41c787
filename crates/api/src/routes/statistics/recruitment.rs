//! `GET /api/v1/statistics/planned-recruitment/{year}`.

use actix_web::{HttpRequest, HttpResponse, get, web};

use super::{StatTable, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub use labour_domain::statistics::tables::RECRUITMENT;

/// What enterprises declared they plan to recruit in the year after `year` (public).
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, minimum = 2020, maximum = 2035, description = "The collection year, 2020 to 2035"), StatsQuery),
    responses(
        (status = 200, description = "The table; `format=csv` or `xlsx` gives a file with Vietnamese headings", content(
            (StatTable = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/planned-recruitment/{year}")]
pub async fn get_recruitment_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    year: web::Path<i64>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let (dim, format) = parse(&RECRUITMENT, &query)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::statistics::planned_recruitment(&mut conn, year, dim)
        .await?
        .unwrap_or_default();
    respond(&req, &RECRUITMENT, dim, format, rows, &format!("-{year}"))
}
