//! Next year's demand by occupation group and level, and the error of the past forecasts
//! whose year is over (the method is `labour_domain::forecast`). The API's
//! `GET /statistics/forecast` and the forecast page both read it here.

use std::collections::BTreeMap;

use labour_domain::forecast::{forecast as combine, mape, trend};
use labour_store::statistics::GroupLevel;

use crate::App;

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
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

#[derive(Debug, Clone, PartialEq)]
pub struct PastError {
    pub base_year: i32,
    pub forecast_year: i32,
    /// Mean absolute percentage error against what postings asked for that year.
    pub mape_percent: Option<f64>,
    /// Group and level cells compared.
    pub cells: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Forecast {
    /// The latest year with declarations; none when there are none.
    pub base_year: Option<i32>,
    pub rows: Vec<Row>,
    pub total: u64,
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

async fn rows_for(
    conn: &mut diesel_async::AsyncPgConnection,
    base: i32,
) -> crate::Result<Vec<Row>> {
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
            Row {
                occupation_group: k.0.clone(),
                level: k.1.clone(),
                planned: p,
                posted_base_year: l,
                posted_year_before: b,
                trend: t,
                forecast: combine(Some(p), t),
            }
        })
        .collect())
}

/// The forecast from the latest declared year, and how the earlier ones did.
pub async fn forecast(app: &App) -> crate::Result<Forecast> {
    let mut conn = app.conn().await?;
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
    Ok(Forecast {
        base_year: base,
        rows,
        total,
        past_errors,
    })
}
