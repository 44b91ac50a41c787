//! `GET /api/v1/statistics/forecast`.

use std::collections::BTreeMap;

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::forecast::{METHOD_EN, METHOD_VI, forecast, mape, trend};
use labour_store::statistics::GroupLevel;
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

fn map(rows: Vec<GroupLevel>) -> BTreeMap<(String, String), u64> {
    rows.into_iter()
        .map(|r| {
            (
                (r.occupation_group, r.level),
                u64::try_from(r.headcount).unwrap_or(0),
            )
        })
        .collect()
}

async fn rows_for(conn: &mut labour_store::Conn, base: i32) -> Result<Vec<ForecastRow>, ApiError> {
    let planned = map(labour_store::statistics::planned_by_group_level(conn, base).await?);
    let last = map(labour_store::statistics::posted_by_group_level(conn, base).await?);
    let before = map(labour_store::statistics::posted_by_group_level(conn, base - 1).await?);
    let mut keys: Vec<&(String, String)> = planned.keys().chain(last.keys()).collect();
    keys.sort();
    keys.dedup();
    Ok(keys
        .into_iter()
        .map(|k| {
            let p = planned.get(k).copied().unwrap_or(0);
            let l = last.get(k).copied().unwrap_or(0);
            let b = before.get(k).copied().unwrap_or(0);
            let t = trend(l, b);
            ForecastRow {
                occupation_group: k.0.clone(),
                level: k.1.clone(),
                planned: p,
                posted_base_year: l,
                posted_year_before: b,
                trend: t,
                forecast: forecast(Some(p), t),
            }
        })
        .collect())
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
    let mut conn = state.conn().await?;
    let declared = labour_store::declarations::declared_years(&mut conn).await?;
    let this_year = chrono::Datelike::year(&chrono::Utc::now());
    let base = declared.last().copied();
    let rows = match base {
        Some(b) => rows_for(&mut conn, b).await?,
        None => Vec::new(),
    };
    let mut past_errors = Vec::new();
    for b in declared.iter().copied().filter(|b| b + 1 < this_year) {
        let made = rows_for(&mut conn, b).await?;
        let actual = map(labour_store::statistics::posted_by_group_level(&mut conn, b + 1).await?);
        let pairs: Vec<(u64, u64)> = made
            .iter()
            .filter_map(|r| {
                let a = actual.get(&(r.occupation_group.clone(), r.level.clone()))?;
                Some((r.forecast?, *a))
            })
            .collect();
        past_errors.push(PastError {
            base_year: b,
            forecast_year: b + 1,
            mape_percent: mape(&pairs).map(|m| (m * 10.0).round() / 10.0),
            cells: pairs.len(),
        });
    }
    let total = rows.iter().filter_map(|r| r.forecast).sum();
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
