//! `GET /api/v1/statistics/workforce/{year}`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::statistics::Dimension::*;

use super::{Column, StatTable, Statistic, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub const WORKFORCE: Statistic = Statistic {
    name: "workforce",
    vi: "Lao động trong doanh nghiệp",
    en: "Enterprises' workforce",
    public: true,
    columns: &[
        Column {
            key: "workers",
            vi: "Số lao động",
            en: "Workers",
            people: false,
            slot: 0,
        },
        Column {
            key: "ethnic_minority",
            vi: "Lao động người dân tộc thiểu số",
            en: "Ethnic-minority workers",
            people: true,
            slot: 1,
        },
        Column {
            key: "with_it_skills",
            vi: "Lao động có kỹ năng tin học",
            en: "Workers with IT skills",
            people: false,
            slot: 2,
        },
        Column {
            key: "enterprises",
            vi: "Số doanh nghiệp kê khai",
            en: "Enterprises declaring",
            people: false,
            slot: 3,
        },
    ],
    dimensions: &[OccupationGroup, Level],
    // An enterprise appears in several rows; the other columns add up.
    additive: true,
};

/// The workforce the enterprises declared for a year, by occupation group or level (public;
/// ethnic-minority counts are protected). The `enterprises` total counts an enterprise once per
/// row it appears in.
#[utoipa::path(
    tag = "statistics",
    params(("year" = i32, Path, description = "The collection year"), StatsQuery),
    responses(
        (status = 200, description = "The table; `format=csv` or `xlsx` gives a file with Vietnamese headings", content(
            (StatTable = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/workforce/{year}")]
pub async fn get_workforce_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    year: web::Path<i32>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = year.into_inner();
    let (dim, format) = parse(&WORKFORCE, &query)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::statistics::workforce(&mut conn, year, dim)
        .await?
        .unwrap_or_default();
    respond(&req, &WORKFORCE, dim, format, rows, &format!("-{year}"))
}
