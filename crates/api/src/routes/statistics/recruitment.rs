//! `GET /api/v1/statistics/planned-recruitment/{year}`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::statistics::Dimension::*;

use super::{Column, StatTable, Statistic, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub const RECRUITMENT: Statistic = Statistic {
    name: "planned-recruitment",
    vi: "Kế hoạch tuyển dụng năm sau",
    en: "Recruitment planned for the next year",
    public: true,
    columns: &[
        Column {
            key: "headcount",
            vi: "Số lao động dự kiến tuyển",
            en: "Planned hires",
            people: false,
            slot: 0,
        },
        Column {
            key: "enterprises",
            vi: "Số doanh nghiệp",
            en: "Enterprises",
            people: false,
            slot: 3,
        },
    ],
    dimensions: &[OccupationGroup, Occupation, Level],
    additive: true,
    method_vi: "Nhu cầu tuyển dụng năm sau do các doanh nghiệp đã được xác minh kê khai.",
    method_en: "The recruitment verified enterprises declared they plan for the next year.",
};

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
