//! `/staff/indicators`: the plan's indicators (`labour_domain::kpi`) as staff keep them: each
//! with its yearly values, which ones the portal derived (with what they cover) and which staff
//! entered (with their source); and the form that enters a year's value with its source through
//! `labour_app::kpis::update` (the API's `PUT /api/v1/kpis/{key}/values/{year}`).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::kpis::update::EnteredValue;
use labour_domain::kpi::{INDICATORS, Progress, Source, Status, Unit};
use labour_domain::policy::Action;
use serde::Deserialize;

use super::{fail, guard};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::lang::Lang;
use crate::pages::choices::Choice;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/indicators", web::get().to(list))
        .route("/staff/indicators", web::post().to(enter));
}

#[derive(Debug)]
struct Line {
    year: i32,
    value: String,
    source: String,
    how: String,
    coverage: String,
}

#[derive(Debug)]
struct Indicator {
    key: &'static str,
    name: String,
    target: String,
    origin: String,
    status: String,
    values: Vec<Line>,
}

#[derive(Debug, Default, Deserialize)]
struct Typed {
    #[serde(default)]
    key: String,
    #[serde(default)]
    year: String,
    #[serde(default)]
    value: String,
    #[serde(default)]
    source: String,
}

#[derive(Template)]
#[template(path = "staff/indicators.html")]
struct ListPage {
    page: Page,
    indicators: Vec<Indicator>,
    choices: Vec<Choice>,
    typed: Typed,
    errors: Errors,
    done: bool,
}

fn amount(lang: Lang, unit: Unit, v: f64) -> String {
    let n = crate::format::decimal(lang, v);
    if unit == Unit::Percent {
        format!("{n}%")
    } else {
        n
    }
}

fn indicator(ctx: &Ctx, p: &Progress) -> Indicator {
    let lang = ctx.lang;
    let i = p.indicator;
    Indicator {
        key: i.key,
        name: if lang == Lang::En { i.en } else { i.vi }.to_owned(),
        target: amount(lang, i.unit, i.target),
        origin: ctx
            .t(match i.source {
                Source::Entered => "staff.kpi_entered_kind",
                Source::Derived => "staff.kpi_derived_kind",
            })
            .into_owned(),
        status: ctx
            .t(match p.status {
                Status::OnTrack => "staff.kpi_on_track",
                Status::OffTrack => "staff.kpi_off_track",
                Status::NoData => "staff.kpi_no_data",
            })
            .into_owned(),
        values: p
            .values
            .iter()
            .map(|v| Line {
                year: v.year,
                value: amount(lang, i.unit, v.value),
                source: v.source.clone(),
                how: {
                    let mut how = ctx
                        .t(if v.derived {
                            "staff.kpi_derived"
                        } else {
                            "staff.kpi_entered"
                        })
                        .into_owned();
                    if v.provisional {
                        how = format!("{how}, {}", ctx.t("staff.kpi_provisional"));
                    }
                    how
                },
                coverage: v
                    .coverage
                    .map(|c| {
                        crate::i18n::t_with(
                            lang,
                            "staff.kpi_coverage",
                            &[
                                (
                                    "enterprises",
                                    &crate::format::number(
                                        lang,
                                        u64::try_from(c.enterprises).unwrap_or(0),
                                    ),
                                ),
                                (
                                    "workers",
                                    &crate::format::number(
                                        lang,
                                        u64::try_from(c.workers).unwrap_or(0),
                                    ),
                                ),
                            ],
                        )
                    })
                    .unwrap_or_default(),
            })
            .collect(),
    }
}

async fn page(ctx: &Ctx, typed: Typed, errors: Errors, done: bool) -> Result<ListPage, WebError> {
    let board = labour_app::kpis::list(&ctx.state.app)
        .await
        .map_err(fail(ctx))?;
    let en = ctx.lang == Lang::En;
    Ok(ListPage {
        page: ctx.page(ctx.t("staff.indicators_title")),
        indicators: board.iter().map(|p| indicator(ctx, p)).collect(),
        choices: INDICATORS
            .iter()
            .map(|i| Choice {
                value: i.key.to_owned(),
                label: if en { i.en } else { i.vi }.to_owned(),
            })
            .collect(),
        typed,
        errors,
        done,
    })
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    done: Option<String>,
}

async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::EnterIndicatorValues)? {
        return Ok(r);
    }
    let p = page(&ctx, Typed::default(), Errors::default(), q.done.is_some()).await?;
    Ok(ctx.render(&p))
}

async fn enter(ctx: Ctx, Form(typed): Form<Typed>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::EnterIndicatorValues)? {
        return Ok(r);
    }
    let mut errors = Errors::default();
    let value: Option<f64> = typed.value.trim().replace(',', ".").parse().ok();
    let year: Option<i64> = typed.year.trim().parse().ok();
    if value.is_none() {
        errors.add("value", ctx.t("staff.kpi_value_number"));
    }
    if year.is_none() {
        errors.add("year", ctx.t("staff.year_number"));
    }
    if labour_domain::kpi::find(&typed.key).is_none() {
        errors.add("key", ctx.t("staff.kpi_choose"));
    }
    if let (Some(value), Some(year), true) = (value, year, errors.is_empty()) {
        let input = EnteredValue {
            value,
            source: typed.source.clone(),
        };
        match labour_app::kpis::update(&ctx.state.app, &ctx.caller, &typed.key, year, input).await {
            Ok(()) => {
                return Ok(ctx.see_other(&format!("/staff/indicators?done=1#kpi-{}", typed.key)));
            }
            Err(e) if e.code == ErrorCode::ValidationFailed => {
                errors = Errors::from_error(&e, ctx.lang, str::to_owned);
            }
            Err(e) => return Err(WebError::new(e, ctx.lang)),
        }
    }
    let p = page(&ctx, typed, errors, false).await?;
    Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
}
