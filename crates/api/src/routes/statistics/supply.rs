//! `GET /api/v1/statistics/supply`.

use actix_web::{HttpRequest, HttpResponse, get, web};

use super::{StatTable, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub use labour_domain::statistics::tables::SUPPLY;

/// Workers with a profile on the portal, by the occupation or group they want, their level or
/// commune (public; protected).
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
#[get("/statistics/supply")]
pub async fn get_supply_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (dim, format) = parse(&SUPPLY, &query)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::statistics::supply(&mut conn, dim)
        .await?
        .unwrap_or_default();
    respond(&req, &SUPPLY, dim, format, rows, "")
}
