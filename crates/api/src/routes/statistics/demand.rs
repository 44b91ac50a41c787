//! `GET /api/v1/statistics/demand`.

use actix_web::{HttpRequest, HttpResponse, get, web};

use super::{StatTable, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub use labour_domain::statistics::tables::DEMAND;

/// Open jobs and the workers they want, by occupation group, occupation, level, zone or commune;
/// by month, the jobs published in each (public).
#[utoipa::path(
    tag = "statistics",
    params(StatsQuery),
    responses(
        (status = 200, description = "The table; `format=csv` or `xlsx` gives a file with Vietnamese headings", content(
            (StatTable = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/demand")]
pub async fn get_demand_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (dim, format) = parse(&DEMAND, &query)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::statistics::demand(&mut conn, dim).await?;
    respond(&req, &DEMAND, dim, format, rows, "")
}
