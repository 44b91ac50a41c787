//! `GET /api/v1/kpis`.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, get, web};
use labour_domain::kpi::{
    INDICATORS, Indicator, Source, Status, TARGET_YEAR, Unit, baseline_and_latest, expected, status,
};
use serde::Serialize;
use utoipa::ToSchema;

use crate::errors::{ApiError, Problem};
use crate::lang::Lang;
use crate::pagination::List;
use crate::state::AppState;

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct KpiValue {
    pub year: i32,
    pub value: f64,
    /// Where the value comes from: the cited source staff entered, or how the portal derived it.
    pub source: String,
    /// Computed from the portal's data (false: entered by staff).
    pub derived: bool,
    /// Derived from a year still being collected (a declaration year staff have not closed, or
    /// the calendar year under way): shown, but never the baseline, the latest or the status.
    pub provisional: bool,
    /// What a value derived from declarations covers: how many enterprises and workers.
    pub coverage: Option<Coverage>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Coverage {
    /// Verified enterprises whose declarations the value sums.
    #[schema(minimum = 0)]
    pub enterprises: i64,
    /// Workers those declarations cover.
    #[schema(minimum = 0)]
    pub workers: i64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Kpi {
    pub key: &'static str,
    pub name: &'static str,
    /// The 2030 target.
    pub target: f64,
    #[schema(value_type = String)]
    pub unit: Unit,
    /// `entered` (by staff, with a cited source) or `derived` (from the portal's data).
    #[schema(value_type = String)]
    pub source_kind: Source,
    /// The earliest value of a complete year: where the straight path to the target starts.
    pub baseline: Option<KpiValue>,
    /// The value of the latest complete year.
    pub latest: Option<KpiValue>,
    /// The newest provisional value, when it is newer than `latest` (a year still being
    /// collected, with its coverage).
    pub provisional: Option<KpiValue>,
    /// Where the straight path from the baseline to the target stands in the latest year.
    pub expected_in_latest_year: Option<f64>,
    /// `on_track`, `off_track`, or `no_data` (fewer than two years).
    #[schema(value_type = String)]
    pub status: Status,
    pub values: Vec<KpiValue>,
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[derive(Debug, serde::Deserialize, utoipa::IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct KpiQuery {
    /// `json` (default), `csv` or `xlsx` (a line per indicator and year).
    format: Option<String>,
}

/// Every target of the plan with its baseline, yearly values, sources and status (public).
#[utoipa::path(
    tag = "statistics",
    params(KpiQuery),
    responses(
        (status = 200, description = "The board; `format=csv` or `xlsx` gives a file", content(
            (List<Kpi> = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/kpis")]
pub async fn list_kpis(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<KpiQuery>,
) -> Result<actix_web::HttpResponse, ApiError> {
    let mut check = crate::pagination::QueryChecker::default();
    let format = crate::export::format(&mut check, query.format.as_deref());
    check.finish()?;
    let en = crate::lang::from_headers(req.headers()) == Lang::En && format == "json";
    let mut conn = state.conn().await?;
    let entered = labour_store::kpis::entered(&mut conn).await?;
    let admissions = labour_store::kpis::course_admissions(&mut conn, false).await?;
    let industrial = labour_store::kpis::course_admissions(&mut conn, true).await?;
    let declared = labour_store::kpis::declared_years(&mut conn).await?;
    // The calendar year under way in Lạng Sơn: its admissions are still being counted.
    // (UTC+7 all year: Vietnam has no daylight saving time.)
    let this_year = chrono::Datelike::year(&(chrono::Utc::now() + chrono::Duration::hours(7)));

    let derived = |i: &Indicator| -> Vec<KpiValue> {
        let from_admissions = |rows: &[labour_store::kpis::YearCount], what: &str| {
            rows.iter()
                .map(|r| {
                    let provisional = r.year >= this_year;
                    KpiValue {
                        year: r.year,
                        value: r.count as f64,
                        source: if provisional {
                            format!("{what}; tạm tính: năm {} chưa kết thúc", r.year)
                        } else {
                            what.to_owned()
                        },
                        derived: true,
                        provisional,
                        coverage: None,
                    }
                })
                .collect()
        };
        let share = |f: &dyn Fn(&labour_store::kpis::DeclaredYear) -> (i64, i64), what: &str| {
            declared
                .iter()
                .filter_map(|d| {
                    let (part, whole) = f(d);
                    (whole > 0).then(|| KpiValue {
                        year: d.year,
                        value: round(100.0 * part as f64 / whole as f64),
                        source: format!(
                            "{what} ({} doanh nghiệp kê khai, {} lao động){}",
                            d.enterprises,
                            d.workers,
                            if d.closed {
                                String::new()
                            } else {
                                format!("; tạm tính: năm {} chưa đóng kê khai", d.year)
                            }
                        ),
                        derived: true,
                        provisional: !d.closed,
                        coverage: Some(Coverage {
                            enterprises: d.enterprises,
                            workers: d.workers,
                        }),
                    })
                })
                .collect()
        };
        match i.key {
            "trained_per_year" => from_admissions(
                &admissions,
                "Cổng: người được nhận vào các khóa học đăng trên cổng",
            ),
            "college_intermediate_industrial" => from_admissions(
                &industrial,
                "Cổng: người được nhận vào khóa cao đẳng, trung cấp thuộc nhóm nghề công nghiệp",
            ),
            "it_skills_share" => share(
                &|d| (d.with_it_skills, d.workers),
                "Cổng: kê khai của doanh nghiệp",
            ),
            "ethnic_minority_trained_share" => share(
                &|d| (d.ethnic_minority_trained, d.ethnic_minority),
                "Cổng: kê khai của doanh nghiệp",
            ),
            _ => Vec::new(),
        }
    };

    let items = INDICATORS
        .iter()
        .map(|i| {
            // A value staff entered for a year replaces the derived one.
            let mut by_year: BTreeMap<i32, KpiValue> = BTreeMap::new();
            for v in derived(i) {
                by_year.insert(v.year, v);
            }
            for e in entered.iter().filter(|e| e.indicator == i.key) {
                by_year.insert(
                    e.year,
                    KpiValue {
                        year: e.year,
                        value: e.value,
                        source: e.source.clone(),
                        derived: false,
                        provisional: false,
                        coverage: None,
                    },
                );
            }
            let values: Vec<KpiValue> = by_year
                .into_values()
                .filter(|v| v.year <= TARGET_YEAR)
                .collect();
            let (baseline, latest) = baseline_and_latest(&values, |v| v.provisional);
            let (baseline, latest) = (baseline.cloned(), latest.cloned());
            let provisional = values
                .iter()
                .rev()
                .find(|v| v.provisional)
                .filter(|p| latest.as_ref().is_none_or(|l| p.year > l.year))
                .cloned();
            let point = |v: &Option<KpiValue>| v.as_ref().map(|v| (v.year, v.value));
            Kpi {
                key: i.key,
                name: if en { i.en } else { i.vi },
                target: i.target,
                unit: i.unit,
                source_kind: i.source,
                expected_in_latest_year: match (point(&baseline), point(&latest)) {
                    (Some(b), Some(l)) if l.0 > b.0 => Some(round(expected(b, i.target, l.0))),
                    _ => None,
                },
                status: status(point(&baseline), point(&latest), i.target),
                baseline,
                latest,
                provisional,
                values,
            }
        })
        .collect();
    if format == "json" {
        return Ok(actix_web::HttpResponse::Ok().json(List { items }));
    }
    use crate::export::Cell;
    let status_vi = |s: Status| match s {
        Status::OnTrack => "Đúng lộ trình",
        Status::OffTrack => "Chậm so với lộ trình",
        Status::NoData => "Chưa đủ số liệu",
    };
    let rows = items
        .iter()
        .flat_map(|k: &Kpi| {
            k.values.iter().map(move |v| {
                vec![
                    Cell::Text(k.name.to_owned()),
                    Cell::Decimal(k.target),
                    Cell::Number(i64::from(v.year)),
                    Cell::Decimal(v.value),
                    Cell::Text(v.source.clone()),
                    Cell::Text(status_vi(k.status).to_owned()),
                    if v.provisional {
                        Cell::Text("Tạm tính (năm chưa đóng)".to_owned())
                    } else {
                        Cell::Empty
                    },
                ]
            })
        })
        .collect();
    let sheet = crate::export::Sheet {
        file_name: "kpis".into(),
        title: "Chỉ tiêu kế hoạch 2030".into(),
        headings: [
            "Chỉ tiêu",
            "Mục tiêu 2030",
            "Năm",
            "Giá trị",
            "Nguồn",
            "Tình trạng",
            "Tạm tính",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows,
    };
    if format == "csv" {
        crate::export::csv(&sheet)
    } else {
        crate::export::xlsx(&sheet)
    }
}
