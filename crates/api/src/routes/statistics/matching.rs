//! `GET /api/v1/statistics/matching`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::policy::Action;

use super::{StatTable, StatsQuery, parse, respond};
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub use labour_domain::statistics::tables::MATCHING;

/// Applications to jobs, hires and the median days from publication to a hire (staff;
/// protected).
#[utoipa::path(
    tag = "statistics",
    params(StatsQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, description = "The table; `format=csv` or `xlsx` gives a file with Vietnamese headings", content(
            (StatTable = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/matching")]
pub async fn get_matching_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    require(&caller, Action::ReadStaffStatistics, || {
        ApiError::internal("never hidden")
    })?;
    let (dim, format) = parse(&MATCHING, &query)?;
    let mut conn = state.conn().await?;
    let mut rows = labour_store::statistics::matching(&mut conn, dim).await?;
    // A median of fewer than 5 hires says too much about those people.
    for r in &mut rows {
        if labour_domain::statistics::protect(u64::try_from(r.b).unwrap_or(0)).is_none() {
            r.c = -1;
        }
    }
    respond(&req, &MATCHING, dim, format, rows, "")
}
