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
    method_vi: "Lao động do các doanh nghiệp đã được xác minh kê khai cho năm; kê khai của doanh nghiệp chưa hoặc không được xác minh không được tính. Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "The workforce verified enterprises declared for the year; declarations of enterprises not verified do not count. Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

/// The workforce the enterprises declared for a year, by occupation group or level (public;
/// ethnic-minority counts are protected). The `enterprises` total counts an enterprise once per
/// row it appears in.
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
#[get("/statistics/workforce/{year}")]
pub async fn get_workforce_statistics(
    req: HttpRequest,
    state: web::Data<AppState>,
    year: web::Path<i64>,
    query: web::Query<StatsQuery>,
) -> Result<HttpResponse, ApiError> {
    let year = crate::pagination::path_year(
        year.into_inner(),
        &labour_domain::bounds::declaration_years(),
    )?;
    let (dim, format) = parse(&WORKFORCE, &query)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::statistics::workforce(&mut conn, year, dim)
        .await?
        .unwrap_or_default();
    respond(&req, &WORKFORCE, dim, format, rows, &format!("-{year}"))
}
