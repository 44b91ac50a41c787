//! `GET /api/v1/statistics/forecast`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::forecast::{METHOD_EN, METHOD_VI};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::errors::{ApiError, Problem};
use crate::export::{Cell, Sheet};
use crate::lang::Lang;
use crate::pagination::QueryChecker;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ForecastQuery {
    /// `json` (default), `csv` or `xlsx`.
    format: Option<String>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ForecastRow {
    pub occupation_group: String,
    pub level: String,
    /// Declared planned recruitment for the forecast year.
    pub planned: u64,
    /// Headcount of the job postings published in the base year, and the year before.
    pub posted_base_year: u64,
    pub posted_year_before: u64,
    pub trend: Option<u64>,
    pub forecast: Option<u64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct PastError {
    pub base_year: i32,
    pub forecast_year: i32,
    /// Mean absolute percentage error against what postings asked for that year.
    pub mape_percent: Option<f64>,
    /// Group and level cells compared.
    pub cells: usize,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Forecast {
    pub method: &'static str,
    /// The latest year with declarations; none when there are none.
    pub base_year: Option<i32>,
    pub forecast_year: Option<i32>,
    pub rows: Vec<ForecastRow>,
    pub total: u64,
    /// The error of each earlier forecast whose year is over (needs two years of data).
    pub past_errors: Vec<PastError>,
}

impl From<labour_app::forecast::Row> for ForecastRow {
    fn from(r: labour_app::forecast::Row) -> ForecastRow {
        ForecastRow {
            occupation_group: r.occupation_group,
            level: r.level,
            planned: r.planned,
            posted_base_year: r.posted_base_year,
            posted_year_before: r.posted_year_before,
            trend: r.trend,
            forecast: r.forecast,
        }
    }
}

/// Next year's demand by occupation group and level, the method in words, and the error of
/// past forecasts (public).
#[utoipa::path(
    tag = "statistics",
    params(ForecastQuery),
    responses(
        (status = 200, description = "The forecast; `format=csv` or `xlsx` gives a file", content(
            (Forecast = "application/json"),
            (String = "text/csv"),
            (String = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        )),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/statistics/forecast")]
pub async fn get_forecast(
    req: HttpRequest,
    state: web::Data<AppState>,
    query: web::Query<ForecastQuery>,
) -> Result<HttpResponse, ApiError> {
    let mut check = QueryChecker::default();
    let format = crate::export::format(&mut check, query.format.as_deref());
    check.finish()?;
    let made = labour_app::forecast::forecast(&state.app).await?;
    let base = made.base_year;
    let total = made.total;
    let rows: Vec<ForecastRow> = made.rows.into_iter().map(ForecastRow::from).collect();
    let past_errors = made
        .past_errors
        .into_iter()
        .map(|e| PastError {
            base_year: e.base_year,
            forecast_year: e.forecast_year,
            mape_percent: e.mape_percent,
            cells: e.cells,
        })
        .collect();
    if format == "json" {
        let en = crate::lang::from_headers(req.headers()) == Lang::En;
        return Ok(HttpResponse::Ok().json(Forecast {
            method: if en { METHOD_EN } else { METHOD_VI },
            base_year: base,
            forecast_year: base.map(|b| b + 1),
            rows,
            total,
            past_errors,
        }));
    }
    let number = |n: u64| Cell::Number(i64::try_from(n).unwrap_or(i64::MAX));
    let sheet = Sheet {
        file_name: format!("forecast-{}", base.map_or(0, |b| b + 1)),
        title: "Dự báo nhu cầu lao động".into(),
        headings: [
            "Nhóm nghề",
            "Trình độ",
            "Doanh nghiệp dự kiến tuyển",
            "Tin tuyển dụng năm gốc",
            "Tin tuyển dụng năm trước đó",
            "Xu hướng",
            "Dự báo",
        ]
        .map(str::to_owned)
        .to_vec(),
        rows: rows
            .iter()
            .map(|r| {
                vec![
                    Cell::Text(r.occupation_group.clone()),
                    Cell::Text(r.level.clone()),
                    number(r.planned),
                    number(r.posted_base_year),
                    number(r.posted_year_before),
                    r.trend.map_or(Cell::Empty, number),
                    r.forecast.map_or(Cell::Empty, number),
                ]
            })
            .collect(),
    };
    if format == "csv" {
        crate::export::csv(&sheet)
    } else {
        crate::export::xlsx(&sheet)
    }
}
