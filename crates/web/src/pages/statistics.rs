//! `GET /statistics`: the public labour-market statistics (demand, training, job seekers) and
//! the plan's indicator board, as plain tables. The numbers are the API's: the same definitions
//! (`labour_domain::statistics::tables`) and the same protection of counts of people.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::kpi::{Status, Unit};
use labour_domain::statistics::Dimension;
use labour_domain::statistics::tables::{DEMAND, SUPPLY, Statistic, TRAINING};
use labour_store::statistics::Row;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::format;
use crate::lang::Lang;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/statistics", web::get().to(statistics));
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
    Ok(ctx.render(&Statistics { page, tables, kpis }))
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
