//! `GET /api/v1/statistics/demand`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::statistics::Dimension::*;

use super::{Column, StatTable, Statistic, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub const DEMAND: Statistic = Statistic {
    name: "demand",
    vi: "Nhu cầu tuyển dụng",
    en: "Recruitment demand",
    public: true,
    columns: &[
        Column {
            key: "jobs",
            vi: "Số tin tuyển dụng",
            en: "Job postings",
            people: false,
            slot: 0,
        },
        Column {
            key: "headcount",
            vi: "Số lao động cần tuyển",
            en: "Workers wanted",
            people: false,
            slot: 1,
        },
    ],
    dimensions: &[OccupationGroup, Occupation, Level, Zone, Commune, Month],
    additive: true,
    method_vi: "Tin tuyển dụng đang đăng và số lao động cần tuyển; theo tháng, các tin đăng trong tháng.",
    method_en: "Published job postings and the workers they ask for; by month, the postings published in it.",
};

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
