//! `GET /api/v1/statistics/training`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::statistics::Dimension::*;

use super::{Column, StatTable, Statistic, StatsQuery, parse, respond};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

pub const TRAINING: Statistic = Statistic {
    name: "training",
    vi: "Đào tạo nghề",
    en: "Vocational training",
    public: true,
    columns: &[
        Column {
            key: "courses",
            vi: "Số khóa học",
            en: "Courses",
            people: false,
            slot: 0,
        },
        Column {
            key: "seats",
            vi: "Số chỗ học",
            en: "Seats",
            people: false,
            slot: 1,
        },
        Column {
            key: "interested",
            vi: "Người đăng ký quan tâm",
            en: "Workers interested",
            people: true,
            slot: 2,
        },
    ],
    dimensions: &[Level, OccupationGroup, Occupation, Zone, Commune, Month],
    additive: true,
    method_vi: "Khóa học đang đăng, số chỗ học, và người đăng ký quan tâm (chưa rút). Một người lao động chỉ được tính khi tài khoản đã có ít nhất 30 ngày và một tổ chức đã được xác minh đã xử lý (chuyển qua bước \"đã nhận\") ít nhất một hồ sơ của họ, để tài khoản lập ra hàng loạt không làm lộ ô nhỏ. Số người dưới 5 được ẩn, số khác làm tròn đến bội số của 5.",
    method_en: "Published courses, their seats, and the workers who registered interest (not withdrawn). A worker counts only once their account is at least 30 days old and a verified organisation has acted on (moved past \"received\") at least one of their applications, so accounts made in bulk cannot uncover a small cell. Counts of people under 5 are withheld; others are rounded to the nearest 5.",
};

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
