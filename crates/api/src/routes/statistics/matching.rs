//! `GET /api/v1/statistics/matching`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::policy::Action;
use labour_domain::statistics::Dimension::*;

use super::{Column, StatTable, Statistic, StatsQuery, parse, respond};
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub const MATCHING: Statistic = Statistic {
    name: "matching",
    vi: "Kết nối cung cầu",
    en: "Matching",
    public: false,
    columns: &[
        Column {
            key: "applications",
            vi: "Số đơn ứng tuyển",
            en: "Applications",
            people: true,
            slot: 0,
        },
        Column {
            key: "hires",
            vi: "Số người được tuyển",
            en: "Hires",
            people: true,
            slot: 1,
        },
        Column {
            key: "median_days_to_hire",
            vi: "Số ngày tuyển được (trung vị)",
            en: "Median days to hire",
            people: false,
            slot: 2,
        },
    ],
    dimensions: &[OccupationGroup, Occupation, Level, Zone, Commune],
    additive: false,
    method_vi: "Hồ sơ ứng tuyển vào tin tuyển dụng, số người được nhận và số ngày trung vị từ khi đăng tin đến khi nhận; tính mọi tài khoản (chỉ cán bộ xem). Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "Applications to job postings, hires, and the median days from publication to a hire; every account counts (staff only). Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

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
