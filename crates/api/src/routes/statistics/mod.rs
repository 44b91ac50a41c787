//! Labour-market statistics from the portal's data, public or staff-only, as JSON, CSV or
//! XLSX. Counts of people (job seekers, interest, applications, hires, ethnic-minority workers)
//! are protected: under 5 withheld, the rest rounded to the nearest 5.

pub mod demand;
pub mod forecast;
pub mod matching;
pub mod recruitment;
pub mod search_demand;
pub mod supply;
pub mod training;
pub mod workforce;

use actix_web::{HttpRequest, HttpResponse};
use labour_domain::ClosedSet;
use labour_domain::statistics::Dimension;
pub use labour_domain::statistics::tables::{Column, Statistic};
use labour_store::statistics::Row;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::errors::{ApiError, FieldError};
use crate::export::{Cell, Sheet};
use crate::lang::{Lang, Text};
use crate::pagination::QueryChecker;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct StatsQuery {
    /// What to break the statistic down by: `occupation_group` (default), `occupation`,
    /// `level`, `zone`, `commune`, `month` (each statistic lists those it has).
    by: Option<String>,
    /// `json` (default), `csv` or `xlsx`.
    format: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatColumn {
    pub key: &'static str,
    pub label: &'static str,
    /// A count of people: under 5 withheld (null), others rounded to the nearest 5.
    pub protected: bool,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatRow {
    /// The dimension's code (`co_khi`, a zone id, `2026-05`, `none`).
    pub key: String,
    pub label: String,
    /// Column key to value; null where withheld.
    #[schema(value_type = Object)]
    pub values: serde_json::Map<String, serde_json::Value>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StatTable {
    pub statistic: &'static str,
    pub title: &'static str,
    /// Public, or for staff only.
    pub public: bool,
    /// The dimension of the rows (`occupation_group`, `level`, ...).
    #[schema(value_type = String)]
    pub by: Dimension,
    pub columns: Vec<StatColumn>,
    pub rows: Vec<StatRow>,
    /// Sums over all rows, where the rows partition the whole.
    #[schema(value_type = Option<Object>)]
    pub total: Option<serde_json::Map<String, serde_json::Value>>,
    /// What is counted, who counts and how counts of people are protected.
    pub method: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xlsx,
}

/// The dimension and format asked for, checked against what the statistic has.
pub fn parse(stat: &Statistic, q: &StatsQuery) -> Result<(Dimension, Format), ApiError> {
    let mut check = QueryChecker::default();
    let dim = check
        .parse("by", q.by.as_deref(), Dimension::parse)
        .unwrap_or(stat.dimensions[0]);
    if !stat.dimensions.contains(&dim) {
        let names: Vec<&str> = stat.dimensions.iter().map(|d| (*d).into()).collect();
        check.push(FieldError {
            field: "by".into(),
            code: "unknown_value",
            message: Text::new(
                format!("Thống kê này chia theo: {}.", names.join(", ")),
                format!("This statistic is broken down by: {}.", names.join(", ")),
            ),
        });
    }
    let format = match crate::export::format(&mut check, q.format.as_deref()) {
        "csv" => Format::Csv,
        "xlsx" => Format::Xlsx,
        _ => Format::Json,
    };
    check.finish()?;
    Ok((dim, format))
}

/// The statistic's rows as the request asked: JSON, CSV or XLSX.
pub fn respond(
    req: &HttpRequest,
    stat: &Statistic,
    dim: Dimension,
    format: Format,
    rows: Vec<Row>,
    file_suffix: &str,
) -> Result<HttpResponse, ApiError> {
    let lang = crate::lang::from_headers(req.headers());
    let total = stat.total(rows.iter().map(|r| [r.a, r.b, r.c, r.d]));
    let shown: Vec<(String, String, Vec<Option<i64>>)> = rows
        .into_iter()
        .map(|r| {
            let v = stat.shown([r.a, r.b, r.c, r.d]);
            (r.key, r.label, v)
        })
        .collect();
    match format {
        Format::Json => {
            let map = |v: &[Option<i64>]| {
                stat.columns
                    .iter()
                    .zip(v)
                    .map(|(c, v)| (c.key.to_owned(), serde_json::json!(v)))
                    .collect::<serde_json::Map<_, _>>()
            };
            Ok(HttpResponse::Ok().json(StatTable {
                statistic: stat.name,
                title: if lang == Lang::En { stat.en } else { stat.vi },
                public: stat.public,
                by: dim,
                columns: stat
                    .columns
                    .iter()
                    .map(|c| StatColumn {
                        key: c.key,
                        label: if lang == Lang::En { c.en } else { c.vi },
                        protected: c.people,
                    })
                    .collect(),
                rows: shown
                    .iter()
                    .map(|(key, label, v)| StatRow {
                        key: key.clone(),
                        label: label.clone(),
                        values: map(v),
                    })
                    .collect(),
                total: total.as_deref().map(map),
                method: if lang == Lang::En {
                    stat.method_en
                } else {
                    stat.method_vi
                },
            }))
        }
        Format::Csv | Format::Xlsx => {
            let cell = |v: &Option<i64>| v.map_or(Cell::Suppressed, Cell::Number);
            let mut out: Vec<Vec<Cell>> = shown
                .iter()
                .map(|(key, label, v)| {
                    let mut row = vec![Cell::Text(key.clone()), Cell::Text(label.clone())];
                    row.extend(v.iter().map(cell));
                    row
                })
                .collect();
            if let Some(total) = &total {
                let mut row = vec![Cell::Text("Tổng".into()), Cell::Empty];
                row.extend(total.iter().map(cell));
                out.push(row);
            }
            let mut headings = vec![dim.heading().0.to_owned(), "Tên".to_owned()];
            headings.extend(stat.columns.iter().map(|c| c.vi.to_owned()));
            let sheet = Sheet {
                file_name: format!("{}-{}{file_suffix}", stat.name, <&str>::from(dim)),
                title: stat.vi.to_owned(),
                headings,
                rows: out,
            };
            if format == Format::Csv {
                crate::export::csv(&sheet)
            } else {
                crate::export::xlsx(&sheet)
            }
        }
    }
}
