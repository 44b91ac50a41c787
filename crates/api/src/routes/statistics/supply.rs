//! `GET /api/v1/statistics/supply`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::statistics::Dimension::*;

use super::{Column, StatTable, Statistic, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub const SUPPLY: Statistic = Statistic {
    name: "supply",
    vi: "Người tìm việc",
    en: "Job seekers",
    public: true,
    columns: &[Column {
        key: "job_seekers",
        vi: "Số người tìm việc",
        en: "Job seekers",
        people: true,
        slot: 0,
    }],
    dimensions: &[OccupationGroup, Occupation, Level, Commune],
    // A worker wanting several occupations counts in each: rows overlap.
    additive: false,
    method_vi: "Người có hồ sơ tìm việc trên cổng. Một người lao động chỉ được tính khi tài khoản đã có ít nhất 30 ngày và một tổ chức đã được xác minh đã xử lý (chuyển qua bước \"đã nhận\") ít nhất một hồ sơ của họ, để tài khoản lập ra hàng loạt không làm lộ ô nhỏ. Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "Workers with a job-seeker profile on the portal. A worker counts only once their account is at least 30 days old and a verified organisation has acted on (moved past \"received\") at least one of their applications, so accounts made in bulk cannot uncover a small cell. Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

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
