//! `GET /statistics`: the index of the labour-market statistics with the main tables (demand,
//! training, job seekers) and the plan's indicator board as a table (`#kpis`);
//! `/statistics/<name>` each statistic as a chart and its table, with the API's filters and its
//! downloads; `/statistics/indicators` the board with a small chart per target. The numbers are
//! the API's: the same definitions (`labour_domain::statistics::tables`), the same protection of
//! counts of people (a withheld count reads "< 5", never 0), and the same policy for the
//! staff-only table.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::ClosedSet;
use labour_domain::kpi::{Status, TARGET_YEAR, Unit};
use labour_domain::policy::Action;
use labour_domain::statistics::Dimension;
use labour_domain::statistics::tables::{
    DEMAND, MATCHING, RECRUITMENT, SUPPLY, Statistic, TRAINING, WORKFORCE,
};
use labour_store::statistics::Row;
use serde::Deserialize;

use crate::chart::{self, Bar, Series};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::format;
use crate::lang::Lang;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/statistics", web::get().to(statistics))
        .route("/statistics/indicators", web::get().to(indicators))
        .route("/statistics/forecast", web::get().to(forecast))
        .route("/statistics/{name}", web::get().to(one));
}

/// One statistic as a table.
struct Table {
    id: &'static str,
    caption: &'static str,
    method: &'static str,
    heading: &'static str,
    columns: Vec<&'static str>,
    rows: Vec<(String, Vec<Option<String>>)>,
    total: Option<Vec<Option<String>>>,
}

/// One line of the indicator board.
struct Kpi {
    name: &'static str,
    target: String,
    latest: Option<(i32, String)>,
    status: String,
}

#[derive(Template)]
#[template(path = "statistics.html")]
struct Statistics {
    page: Page,
    links: Vec<(&'static str, &'static str)>,
    tables: Vec<Table>,
    kpis: Vec<Kpi>,
}

async fn statistics(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let store = |e: labour_store::Error| WebError::new(e.into(), lang);
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let demand = labour_store::statistics::demand(&mut conn, Dimension::OccupationGroup)
        .await
        .map_err(store)?;
    let training = labour_store::statistics::training(&mut conn, Dimension::Level)
        .await
        .map_err(store)?;
    let supply = labour_store::statistics::supply(&mut conn, Dimension::OccupationGroup)
        .await
        .map_err(store)?
        .unwrap_or_default();
    drop(conn);
    let tables = vec![
        table(lang, &DEMAND, Dimension::OccupationGroup, demand),
        table(lang, &TRAINING, Dimension::Level, training),
        table(lang, &SUPPLY, Dimension::OccupationGroup, supply),
    ];
    let kpis = labour_app::kpis::list(&ctx.state.app)
        .await
        .map_err(fail)?
        .into_iter()
        .map(|p| {
            let i = p.indicator;
            Kpi {
                name: if lang == Lang::En { i.en } else { i.vi },
                target: value(&ctx, i.unit, i.target),
                latest: p.latest.map(|v| (v.year, value(&ctx, i.unit, v.value))),
                status: ctx
                    .t(match p.status {
                        Status::OnTrack => "stats.kpi_on_track",
                        Status::OffTrack => "stats.kpi_off_track",
                        Status::NoData => "stats.kpi_no_data",
                    })
                    .into_owned(),
            }
        })
        .collect();
    let page = ctx.page(ctx.t("stats.title"));
    Ok(ctx.render(&Statistics {
        page,
        links: visible(&ctx),
        tables,
        kpis,
    }))
}

fn table(lang: Lang, stat: &Statistic, dim: Dimension, rows: Vec<Row>) -> Table {
    let pick = |vi: &'static str, en: &'static str| if lang == Lang::En { en } else { vi };
    let cells = |values: Vec<Option<i64>>| {
        values
            .into_iter()
            .map(|v| v.map(|n| format::number(lang, u64::try_from(n).unwrap_or(0))))
            .collect::<Vec<_>>()
    };
    let total = stat
        .total(rows.iter().map(|r| [r.a, r.b, r.c, r.d]))
        .map(cells);
    let (heading_vi, heading_en) = dim.heading();
    Table {
        id: stat.name,
        caption: pick(stat.vi, stat.en),
        method: pick(stat.method_vi, stat.method_en),
        heading: pick(heading_vi, heading_en),
        columns: stat.columns.iter().map(|c| pick(c.vi, c.en)).collect(),
        rows: rows
            .into_iter()
            .map(|r| (r.label.clone(), cells(stat.shown([r.a, r.b, r.c, r.d]))))
            .collect(),
        total,
    }
}

/// An indicator's value with its unit (`76%`, `20.000 người`).
fn value(ctx: &Ctx, unit: Unit, v: f64) -> String {
    let n = format::decimal(ctx.lang, v);
    match unit {
        Unit::Percent => format!("{n}%"),
        Unit::People => crate::i18n::t_with(ctx.lang, "stats.unit_people", &[("n", &n)]),
        Unit::Occupations => crate::i18n::t_with(ctx.lang, "stats.unit_occupations", &[("n", &n)]),
    }
}

// ---------------------------------------------------------------------------------------------
// One statistic: a chart and its table

/// A statistic the web shows on its own page: its definition, the columns its chart draws,
/// and whether it is for one collection year.
struct Shown {
    stat: &'static Statistic,
    charted: &'static [usize],
    yearly: bool,
}

const SHOWN: [Shown; 6] = [
    Shown {
        stat: &DEMAND,
        charted: &[1],
        yearly: false,
    },
    Shown {
        stat: &SUPPLY,
        charted: &[0],
        yearly: false,
    },
    Shown {
        stat: &TRAINING,
        charted: &[1, 2],
        yearly: false,
    },
    Shown {
        stat: &MATCHING,
        charted: &[0, 1],
        yearly: false,
    },
    Shown {
        stat: &WORKFORCE,
        charted: &[0, 1, 2],
        yearly: true,
    },
    Shown {
        stat: &RECRUITMENT,
        charted: &[0],
        yearly: true,
    },
];

/// The statistics pages the caller may see, as (path name, title): the staff-only one only
/// for staff, as the API decides.
fn visible(ctx: &Ctx) -> Vec<(&'static str, &'static str)> {
    let pick = |vi: &'static str, en: &'static str| if ctx.lang == Lang::En { en } else { vi };
    SHOWN
        .iter()
        .filter(|s| s.stat.public || staff(ctx))
        .map(|s| (s.stat.name, pick(s.stat.vi, s.stat.en)))
        .chain([("forecast", pick(FORECAST_VI, FORECAST_EN))])
        .collect()
}

const FORECAST_VI: &str = "Dự báo nhu cầu lao động năm sau";
const FORECAST_EN: &str = "Next year's labour demand forecast";

fn staff(ctx: &Ctx) -> bool {
    labour_domain::policy::decide(&ctx.caller.actor, Action::ReadStaffStatistics)
        == labour_domain::policy::Decision::Allow
}

#[derive(Debug, Deserialize)]
pub struct StatQuery {
    by: Option<String>,
    year: Option<String>,
    /// `csv` or `xlsx`: the staff-only table as a file (the public ones link to the API's).
    format: Option<String>,
}

struct Choice {
    value: String,
    label: String,
    selected: bool,
}

#[derive(Template)]
#[template(path = "statistics/one.html")]
struct OnePage {
    page: Page,
    name: &'static str,
    dimensions: Vec<Choice>,
    years: Vec<Choice>,
    year: Option<i32>,
    chart: String,
    table: Table,
    downloads: Option<(String, String)>,
    withheld: bool,
}

fn bad_filter(lang: Lang, field: &str, vi: &str, en: &str) -> WebError {
    WebError::new(
        labour_app::Error::new(labour_app::ErrorCode::InvalidQuery)
            .detail(format!("{field}: {vi}"), format!("{field}: {en}")),
        lang,
    )
}

async fn one(
    ctx: Ctx,
    name: web::Path<String>,
    q: web::Query<StatQuery>,
) -> Result<HttpResponse, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let store = |e: labour_store::Error| WebError::new(e.into(), lang);
    let Some(shown) = SHOWN.iter().find(|s| s.stat.name == name.as_str()) else {
        return Err(fail(labour_app::Error::new(
            labour_app::ErrorCode::RouteNotFound,
        )));
    };
    let stat = shown.stat;
    if !stat.public {
        labour_app::policy::require(&ctx.caller, Action::ReadStaffStatistics, || {
            labour_app::Error::internal("never hidden")
        })
        .map_err(fail)?;
    }
    let dim = match q.by.as_deref().filter(|b| !b.is_empty()) {
        None => stat.dimensions[0],
        Some(b) => Dimension::parse(b)
            .ok()
            .filter(|d| stat.dimensions.contains(d))
            .ok_or_else(|| {
                bad_filter(
                    lang,
                    "by",
                    "thống kê này không chia theo giá trị đó.",
                    "this statistic is not broken down by that.",
                )
            })?,
    };
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let (year, years) = if shown.yearly {
        let opened: Vec<i32> = labour_store::declarations::years(&mut conn)
            .await
            .map_err(store)?
            .into_iter()
            .map(|y| y.year)
            .collect();
        let declared = labour_store::declarations::declared_years(&mut conn)
            .await
            .map_err(store)?;
        let year = match q.year.as_deref().filter(|y| !y.is_empty()) {
            Some(y) => y
                .parse::<i64>()
                .ok()
                .filter(|y| labour_domain::bounds::declaration_years().contains(y))
                .and_then(|y| i32::try_from(y).ok())
                .ok_or_else(|| {
                    bad_filter(
                        lang,
                        "year",
                        "năm phải từ 2020 đến 2035.",
                        "the year must be from 2020 to 2035.",
                    )
                })?,
            None => declared
                .last()
                .or(opened.first())
                .copied()
                .unwrap_or_else(|| chrono::Datelike::year(&chrono::Utc::now())),
        };
        let mut all: Vec<i32> = opened.into_iter().chain(declared).chain([year]).collect();
        all.sort_unstable_by(|a, b| b.cmp(a));
        all.dedup();
        (Some(year), all)
    } else {
        (None, Vec::new())
    };
    let rows = match (stat.name, year) {
        ("demand", _) => labour_store::statistics::demand(&mut conn, dim).await,
        ("supply", _) => labour_store::statistics::supply(&mut conn, dim)
            .await
            .map(Option::unwrap_or_default),
        ("training", _) => labour_store::statistics::training(&mut conn, dim).await,
        ("matching", _) => labour_store::statistics::matching(&mut conn, dim)
            .await
            .map(|mut rows| {
                // As the API: a median of fewer than 5 hires says too much about those people.
                for r in &mut rows {
                    if labour_domain::statistics::protect(u64::try_from(r.b).unwrap_or(0)).is_none()
                    {
                        r.c = -1;
                    }
                }
                rows
            }),
        ("workforce", Some(y)) => labour_store::statistics::workforce(&mut conn, y, dim)
            .await
            .map(Option::unwrap_or_default),
        (_, Some(y)) => labour_store::statistics::planned_recruitment(&mut conn, y, dim)
            .await
            .map(Option::unwrap_or_default),
        _ => Ok(Vec::new()),
    }
    .map_err(store)?;
    drop(conn);
    if let Some(f) = q.format.as_deref().filter(|f| matches!(*f, "csv" | "xlsx")) {
        return download(lang, stat, dim, &rows, f == "csv");
    }
    let table = table(lang, stat, dim, rows);
    let withheld = table
        .rows
        .iter()
        .flat_map(|(_, cells)| cells)
        .chain(table.total.iter().flatten())
        .any(Option::is_none);
    let chart = chart_of(&ctx, stat, shown.charted, &table, year);
    let dim_name: &str = dim.into();
    // The public tables' files come from the API, which answers them without signing in; the
    // staff-only one needs a bearer token there, so this page writes it with the same function.
    let downloads = Some({
        let base = match (stat.public, year) {
            (true, Some(y)) => format!("/api/v1/statistics/{}/{y}?by={dim_name}", stat.name),
            (true, None) => format!("/api/v1/statistics/{}?by={dim_name}", stat.name),
            (false, _) => format!("/statistics/{}?by={dim_name}", stat.name),
        };
        (format!("{base}&format=csv"), format!("{base}&format=xlsx"))
    });
    let pick = |vi: &'static str, en: &'static str| if lang == Lang::En { en } else { vi };
    let title = match year {
        Some(y) => format!("{} {y}", pick(stat.vi, stat.en)),
        None => pick(stat.vi, stat.en).to_owned(),
    };
    Ok(ctx.render(&OnePage {
        page: ctx.page(title),
        name: stat.name,
        dimensions: stat
            .dimensions
            .iter()
            .map(|d| {
                let (vi, en) = d.heading();
                Choice {
                    value: <&str>::from(*d).to_owned(),
                    label: pick(vi, en).to_owned(),
                    selected: *d == dim,
                }
            })
            .collect(),
        years: years
            .iter()
            .map(|y| Choice {
                value: y.to_string(),
                label: y.to_string(),
                selected: Some(*y) == year,
            })
            .collect(),
        year,
        chart,
        table,
        downloads,
        withheld,
    }))
}

/// A statistic as a file, laid out as the API's export (code, name, the columns, the total),
/// through `labour_app::export`.
fn download(
    lang: Lang,
    stat: &Statistic,
    dim: Dimension,
    rows: &[Row],
    csv: bool,
) -> Result<HttpResponse, WebError> {
    use labour_app::export::{CSV_TYPE, Cell, Sheet, XLSX_TYPE};
    let cell = |v: &Option<i64>| v.map_or(Cell::Suppressed, Cell::Number);
    let mut out: Vec<Vec<Cell>> = rows
        .iter()
        .map(|r| {
            let mut row = vec![Cell::Text(r.key.clone()), Cell::Text(r.label.clone())];
            row.extend(stat.shown([r.a, r.b, r.c, r.d]).iter().map(cell));
            row
        })
        .collect();
    if let Some(total) = stat.total(rows.iter().map(|r| [r.a, r.b, r.c, r.d])) {
        let mut row = vec![Cell::Text("Tổng".into()), Cell::Empty];
        row.extend(total.iter().map(cell));
        out.push(row);
    }
    let mut headings = vec![dim.heading().0.to_owned(), "Tên".to_owned()];
    headings.extend(stat.columns.iter().map(|c| c.vi.to_owned()));
    let sheet = Sheet {
        file_name: format!("{}-{}", stat.name, <&str>::from(dim)),
        title: stat.vi.to_owned(),
        headings,
        rows: out,
    };
    let (body, media, ext) = if csv {
        (labour_app::export::csv(&sheet), CSV_TYPE, "csv")
    } else {
        (labour_app::export::xlsx(&sheet), XLSX_TYPE, "xlsx")
    };
    let body = body.map_err(|e| WebError::new(e, lang))?;
    Ok(HttpResponse::Ok()
        .content_type(media)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.{ext}\"", sheet.file_name),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .body(body))
}

/// The chart of a statistic's table: the charted columns as bars, the largest rows (or the
/// latest months) when there are more than a chart holds.
fn chart_of(
    ctx: &Ctx,
    stat: &Statistic,
    charted: &[usize],
    table: &Table,
    year: Option<i32>,
) -> String {
    let lang = ctx.lang;
    let pick = |vi: &'static str, en: &'static str| if lang == Lang::En { en } else { vi };
    let series: Vec<Series> = charted
        .iter()
        .filter_map(|i| stat.columns.get(*i))
        .map(|c| Series {
            name: pick(c.vi, c.en).to_owned(),
        })
        .collect();
    let number = |s: &Option<String>| -> Option<i64> {
        s.as_ref()
            .map(|t| t.chars().filter(char::is_ascii_digit).collect::<String>())
            .and_then(|d| d.parse().ok())
    };
    let mut bars: Vec<Bar> = table
        .rows
        .iter()
        .map(|(label, cells)| Bar {
            label: label.clone(),
            values: charted
                .iter()
                .map(|i| cells.get(*i).and_then(number))
                .collect(),
        })
        .collect();
    let all = bars.len();
    let by_month = table.heading == Dimension::Month.heading().0
        || table.heading == Dimension::Month.heading().1;
    if all > chart::MAX_BARS {
        if by_month {
            bars.drain(..all - chart::MAX_BARS);
        } else {
            bars.sort_by_key(|b| {
                std::cmp::Reverse(b.values.first().copied().flatten().unwrap_or(-1))
            });
        }
    }
    let largest = bars
        .iter()
        .filter_map(|b| Some((b, b.values.first().copied().flatten()?)))
        .max_by_key(|(_, v)| *v);
    let mut desc = crate::i18n::t_with(
        lang,
        "stats.chart_desc",
        &[
            (
                "what",
                &series
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            ("by", &table.heading.to_lowercase()),
            ("n", &all.to_string()),
        ],
    );
    if let Some((b, v)) = largest {
        desc.push(' ');
        desc.push_str(&crate::i18n::t_with(
            lang,
            "stats.chart_largest",
            &[
                ("label", &b.label),
                (
                    "value",
                    &format::number(lang, u64::try_from(v).unwrap_or(0)),
                ),
            ],
        ));
    }
    if all > chart::MAX_BARS {
        desc.push(' ');
        desc.push_str(&crate::i18n::t_with(
            lang,
            if by_month {
                "stats.chart_latest_only"
            } else {
                "stats.chart_largest_only"
            },
            &[("n", &chart::MAX_BARS.to_string())],
        ));
    }
    let title = match year {
        Some(y) => format!("{} {y}", table.caption),
        None => table.caption.to_owned(),
    };
    chart::bars(
        lang,
        &format!("{}-chart", stat.name),
        &title,
        &desc,
        &series,
        &bars,
        &ctx.t("stats.withheld_short"),
    )
}

// ---------------------------------------------------------------------------------------------
// The indicator board

struct Indicator {
    key: &'static str,
    name: &'static str,
    target: String,
    baseline: Option<(i32, String)>,
    latest: Option<(i32, String, String)>,
    expected: Option<String>,
    provisional: Option<(i32, String, String)>,
    status: String,
    status_class: &'static str,
    source_kind: String,
    values: Vec<(i32, String, String, bool)>,
    chart: String,
}

#[derive(Template)]
#[template(path = "statistics/indicators.html")]
struct IndicatorsPage {
    page: Page,
    indicators: Vec<Indicator>,
}

fn status_words(ctx: &Ctx, s: Status) -> (String, &'static str) {
    let (key, class) = match s {
        Status::OnTrack => ("stats.kpi_on_track", "good"),
        Status::OffTrack => ("stats.kpi_off_track", "warning"),
        Status::NoData => ("stats.kpi_no_data", "ended"),
    };
    (ctx.t(key).into_owned(), class)
}

async fn indicators(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let lang = ctx.lang;
    let progress = labour_app::kpis::list(&ctx.state.app)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let indicators = progress
        .into_iter()
        .map(|p| {
            let i = p.indicator;
            let name = if lang == Lang::En { i.en } else { i.vi };
            let v = |x: f64| value(&ctx, i.unit, x);
            let (status, status_class) = status_words(&ctx, p.status);
            let points: Vec<chart::Point> = p
                .values
                .iter()
                .map(|x| chart::Point {
                    year: x.year,
                    value: x.value,
                    provisional: x.provisional,
                })
                .collect();
            let mut desc = crate::i18n::t_with(
                lang,
                "stats.kpi_chart_desc",
                &[("target", &v(i.target)), ("year", &TARGET_YEAR.to_string())],
            );
            if let Some(l) = &p.latest {
                desc.push(' ');
                desc.push_str(&crate::i18n::t_with(
                    lang,
                    "stats.kpi_chart_latest",
                    &[
                        ("value", &v(l.value)),
                        ("year", &l.year.to_string()),
                        ("status", &status),
                    ],
                ));
            }
            let chart = chart::path_to_target(
                lang,
                &format!("kpi-{}", i.key),
                name,
                &desc,
                p.baseline.as_ref().map(|b| (b.year, b.value)),
                (TARGET_YEAR, i.target),
                &points,
            );
            let coverage = |x: &labour_domain::kpi::Value| match x.coverage {
                Some(c) => format!(
                    "{} ({})",
                    x.source,
                    crate::i18n::t_with(
                        lang,
                        "stats.kpi_coverage",
                        &[
                            (
                                "enterprises",
                                &format::number(lang, u64::try_from(c.enterprises).unwrap_or(0))
                            ),
                            (
                                "workers",
                                &format::number(lang, u64::try_from(c.workers).unwrap_or(0))
                            ),
                        ],
                    )
                ),
                None => x.source.clone(),
            };
            Indicator {
                key: i.key,
                name,
                target: v(i.target),
                baseline: p.baseline.as_ref().map(|b| (b.year, v(b.value))),
                latest: p.latest.as_ref().map(|l| (l.year, v(l.value), coverage(l))),
                expected: p.expected_in_latest_year.map(v),
                provisional: p
                    .provisional
                    .as_ref()
                    .map(|x| (x.year, v(x.value), coverage(x))),
                status,
                status_class,
                source_kind: ctx
                    .t(match i.source {
                        labour_domain::kpi::Source::Entered => "stats.kpi_source_entered",
                        labour_domain::kpi::Source::Derived => "stats.kpi_source_derived",
                    })
                    .into_owned(),
                values: p
                    .values
                    .iter()
                    .map(|x| (x.year, v(x.value), coverage(x), x.provisional))
                    .collect(),
                chart,
            }
        })
        .collect();
    Ok(ctx.render(&IndicatorsPage {
        page: ctx.page(ctx.t("stats.kpis_heading")),
        indicators,
    }))
}

// ---------------------------------------------------------------------------------------------
// The forecast

struct ForecastLine {
    group: String,
    level: String,
    cells: Vec<Option<String>>,
}

#[derive(Template)]
#[template(path = "statistics/forecast.html")]
struct ForecastPage {
    page: Page,
    method: &'static str,
    forecast_year: Option<i32>,
    chart: String,
    rows: Vec<ForecastLine>,
    total: String,
    past: Vec<(i32, Option<String>, usize)>,
}

async fn forecast(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let made = labour_app::forecast::forecast(&ctx.state.app)
        .await
        .map_err(fail)?;
    let choices = crate::pages::choices::Choices::load(&ctx.state.app, lang)
        .await
        .map_err(fail)?;
    let n = |v: u64| format::number(lang, v);
    let level = |code: &str| {
        if code == labour_domain::declaration::NO_TRAINING {
            ctx.t("declarations.level_none").into_owned()
        } else {
            choices.level(code)
        }
    };
    let pick = |vi: &'static str, en: &'static str| if lang == Lang::En { en } else { vi };
    // The chart sums each group over its levels: what a reader takes in at a glance.
    let mut by_group: Vec<(String, u64, u64)> = Vec::new();
    for r in &made.rows {
        let label = choices.group(&r.occupation_group);
        match by_group.iter_mut().find(|(l, _, _)| *l == label) {
            Some(g) => {
                g.1 += r.planned;
                g.2 += r.forecast.unwrap_or(0);
            }
            None => by_group.push((label, r.planned, r.forecast.unwrap_or(0))),
        }
    }
    let series = [
        Series {
            name: ctx.t("stats.forecast_planned").into_owned(),
        },
        Series {
            name: ctx.t("stats.forecast_value").into_owned(),
        },
    ];
    let bars: Vec<Bar> = by_group
        .iter()
        .map(|(label, p, f)| Bar {
            label: label.clone(),
            values: vec![i64::try_from(*p).ok(), i64::try_from(*f).ok()],
        })
        .collect();
    let year = made.base_year.map(|b| b + 1);
    let title = match year {
        Some(y) => format!("{} {y}", pick(FORECAST_VI, FORECAST_EN)),
        None => pick(FORECAST_VI, FORECAST_EN).to_owned(),
    };
    let desc = crate::i18n::t_with(
        lang,
        "stats.forecast_chart_desc",
        &[
            ("n", &by_group.len().to_string()),
            ("total", &n(made.total)),
        ],
    );
    let chart = chart::bars(
        lang,
        "forecast-chart",
        &title,
        &desc,
        &series,
        &bars,
        &ctx.t("stats.withheld_short"),
    );
    Ok(ctx.render(&ForecastPage {
        page: ctx.page(title),
        method: pick(
            labour_domain::forecast::METHOD_VI,
            labour_domain::forecast::METHOD_EN,
        ),
        forecast_year: year,
        chart,
        rows: made
            .rows
            .iter()
            .map(|r| ForecastLine {
                group: choices.group(&r.occupation_group),
                level: level(&r.level),
                cells: vec![
                    Some(n(r.planned)),
                    Some(n(r.posted_base_year)),
                    Some(n(r.posted_year_before)),
                    r.trend.map(n),
                    r.forecast.map(n),
                ],
            })
            .collect(),
        total: n(made.total),
        past: made
            .past_errors
            .iter()
            .map(|e| {
                (
                    e.forecast_year,
                    e.mape_percent
                        .map(|m| format!("{}%", format::decimal(lang, m))),
                    e.cells,
                )
            })
            .collect(),
    }))
}
