//! `GET /api/v1/statistics/training`.

use actix_web::{HttpRequest, HttpResponse, get, web};

use super::{StatTable, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub use labour_domain::statistics::tables::TRAINING;

/// Published courses, their seats and how many workers registered interest, by level, group,
/// occupation, zone, commune or month (public; interest is protected).
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
#[get("/statistics/training")]
pub async fn get_training_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let (dim, format) = parse(&TRAINING, &query)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::statistics::training(&mut conn, dim).await?;
    respond(&req, &TRAINING, dim, format, rows, "")
}
