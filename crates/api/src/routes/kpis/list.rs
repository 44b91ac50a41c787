//! `GET /api/v1/kpis`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::kpi::{Progress, Source, Status, Unit, Value};
use serde::Serialize;
use utoipa::ToSchema;

use crate::errors::{ApiError, Problem};
use crate::export::{Cell, Sheet};
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
) -> Result<HttpResponse, ApiError> {
    let mut check = crate::pagination::QueryChecker::default();
    let format = crate::export::format(&mut check, query.format.as_deref());
    check.finish()?;
    // Files are in Vietnamese, for the province's own reports.
    let lang = match format {
        "json" => crate::lang::from_headers(req.headers()),
        _ => Lang::Vi,
    };
    let board = labour_app::kpis::list(&state.app).await?;
    let items: Vec<Kpi> = board.into_iter().map(|p| Kpi::new(p, lang)).collect();
    match format {
        "json" => Ok(HttpResponse::Ok().json(List { items })),
        "csv" => crate::export::csv(&sheet(&items)),
        _ => crate::export::xlsx(&sheet(&items)),
    }
}

impl From<Value> for KpiValue {
    fn from(v: Value) -> KpiValue {
        KpiValue {
            year: v.year,
            value: v.value,
            source: v.source,
            derived: v.derived,
            provisional: v.provisional,
            coverage: v.coverage.map(|c| Coverage {
                enterprises: c.enterprises,
                workers: c.workers,
            }),
        }
    }
}

impl Kpi {
    fn new(p: Progress, lang: Lang) -> Kpi {
        let i = p.indicator;
        Kpi {
            key: i.key,
            name: if lang == Lang::En { i.en } else { i.vi },
            target: i.target,
            unit: i.unit,
            source_kind: i.source,
            baseline: p.baseline.map(Into::into),
            latest: p.latest.map(Into::into),
            provisional: p.provisional.map(Into::into),
            expected_in_latest_year: p.expected_in_latest_year,
            status: p.status,
            values: p.values.into_iter().map(Into::into).collect(),
        }
    }
}

/// The board as a file: a line per indicator and year.
fn sheet(items: &[Kpi]) -> Sheet {
    let rows = items
        .iter()
        .flat_map(|k| {
            k.values.iter().map(move |v| {
                vec![
                    Cell::Text(k.name.to_owned()),
                    Cell::Decimal(k.target),
                    Cell::Number(i64::from(v.year)),
                    Cell::Decimal(v.value),
                    Cell::Text(v.source.clone()),
                    Cell::Text(k.status.vi().to_owned()),
                    if v.provisional {
                        Cell::Text("Tạm tính (năm chưa đóng)".to_owned())
                    } else {
                        Cell::Empty
                    },
                ]
            })
        })
        .collect();
    Sheet {
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
    }
}
