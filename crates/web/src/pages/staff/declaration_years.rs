//! `/staff/declaration-years`: the collection years of the yearly declarations, opened and
//! closed (after a confirmation) by staff; `/staff/declaration-years/{year}`: who has not
//! declared yet (a page at a time), when they were last reminded, and reminding them; and the
//! year's declarations as a CSV or XLSX file. The same use cases as `POST /api/v1/declaration-years`,
//! `/{year}/close`, `/{year}/reminders` and `GET /{year}/declarations` (which a browser's cookie
//! session cannot call: the API takes bearer tokens and API keys only).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_domain::declaration::YearState;
use labour_domain::policy::Action;
use serde::Deserialize;

use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/declaration-years", web::get().to(list))
        .route("/staff/declaration-years", web::post().to(open))
        .route("/staff/declaration-years/{year}", web::get().to(year))
        .route(
            "/staff/declaration-years/{year}/reminders",
            web::post().to(remind),
        )
        .route(
            "/staff/declaration-years/{year}/declarations",
            web::get().to(export),
        )
        .route(
            "/staff/declaration-years/{year}/close",
            web::get().to(close_form),
        )
        .route(
            "/staff/declaration-years/{year}/close",
            web::post().to(close),
        );
}

const PER_PAGE: usize = 25;

#[derive(Debug)]
struct Year {
    year: i32,
    open: bool,
    state: String,
    opened: String,
    closed: String,
}

#[derive(Template)]
#[template(path = "staff/years.html")]
struct ListPage {
    page: Page,
    years: Vec<Year>,
    typed: String,
    errors: Errors,
}

fn year_of(ctx: &Ctx, row: &labour_store::declarations::YearRow) -> Year {
    let open = row.closed_at.is_none();
    Year {
        year: row.year,
        open,
        state: ctx
            .t(if open {
                "staff.year_open"
            } else {
                "staff.year_closed"
            })
            .into_owned(),
        opened: crate::format::date(ctx.lang, row.opened_at.date_naive()),
        closed: row
            .closed_at
            .map(|c| crate::format::date(ctx.lang, c.date_naive()))
            .unwrap_or_default(),
    }
}

async fn list_page(ctx: &Ctx, typed: String, errors: Errors) -> Result<ListPage, WebError> {
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let rows = labour_store::declarations::years(&mut conn)
        .await
        .map_err(store_fail(ctx))?;
    Ok(ListPage {
        page: ctx.page(ctx.t("staff.years_title")),
        years: rows.iter().map(|r| year_of(ctx, r)).collect(),
        typed,
        errors,
    })
}

async fn list(ctx: Ctx) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    // The year that ended is the one enterprises declare for in the new year (Lạng Sơn time).
    let last = (chrono::Utc::now() + chrono::Duration::hours(7))
        .date_naive()
        .format("%Y")
        .to_string()
        .parse::<i32>()
        .map_or(String::new(), |y| (y - 1).to_string());
    let p = list_page(&ctx, last, Errors::default()).await?;
    Ok(ctx.render(&p))
}

#[derive(Debug, Deserialize)]
struct OpenForm {
    #[serde(default)]
    year: String,
}

async fn open(ctx: Ctx, Form(form): Form<OpenForm>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    let Ok(y) = form.year.trim().parse::<i32>() else {
        let mut errors = Errors::default();
        errors.add("year", ctx.t("staff.year_number"));
        let p = list_page(&ctx, form.year, errors).await?;
        return Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &p));
    };
    match labour_app::declaration_years::create(&ctx.state.app, &ctx.caller, y).await {
        Ok(_) => Ok(ctx.see_other(&format!("/staff/declaration-years/{y}?done=opened"))),
        Err(e) => {
            let status = match e.code {
                ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::Conflict => StatusCode::CONFLICT,
                _ => return Err(WebError::new(e, ctx.lang)),
            };
            let mut errors = Errors::from_error(&e, ctx.lang, |_| "year".to_owned());
            if let (Some(detail), true) = (&e.detail, errors.fields.is_empty()) {
                errors.form = None;
                errors.add("year", detail.get(ctx.lang));
            }
            let p = list_page(&ctx, form.year, errors).await?;
            Ok(ctx.render_status(status, &p))
        }
    }
}

#[derive(Debug)]
struct Missing {
    name: String,
    tax_code: String,
    reminded: String,
}

#[derive(Template)]
#[template(path = "staff/year.html")]
struct YearPage {
    page: Page,
    year: Year,
    missing: Vec<Missing>,
    total: String,
    prev: Option<String>,
    next: Option<String>,
    done: String,
}

#[derive(Debug, Deserialize)]
struct YearQuery {
    page: Option<String>,
    done: Option<String>,
    n: Option<String>,
}

/// The year of a path, or the 404 of a year never opened.
async fn found(ctx: &Ctx, text: &str) -> Result<labour_store::declarations::YearRow, WebError> {
    let not_found = |y: i32| WebError::new(labour_app::declaration_years::not_found(y), ctx.lang);
    let y: i32 = text.parse().map_err(|_| not_found(0))?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    labour_store::declarations::find_year(&mut conn, y)
        .await
        .map_err(store_fail(ctx))?
        .ok_or_else(|| not_found(y))
}

async fn year(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<YearQuery>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    let row = found(&ctx, &path).await?;
    let page = super::page_of(
        &ctx,
        q.page.as_deref(),
        u32::try_from(PER_PAGE).unwrap_or(25),
    )?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(&ctx))?;
    let all = if row.state() == YearState::NotOpened {
        Vec::new()
    } else {
        labour_store::declarations::missing(&mut conn, row.year)
            .await
            .map_err(store_fail(&ctx))?
    };
    drop(conn);
    let total = all.len();
    let from = usize::try_from(page.offset()).unwrap_or(usize::MAX);
    let lang = ctx.lang;
    let missing = all
        .into_iter()
        .skip(from)
        .take(PER_PAGE)
        .map(|m| Missing {
            name: m.name,
            tax_code: m.tax_code.unwrap_or_default(),
            reminded: m
                .last_reminded_at
                .map(|at| super::moment(lang, at))
                .unwrap_or_default(),
        })
        .collect();
    let y = row.year;
    let (prev, next) = super::neighbours(page, i64::try_from(total).unwrap_or(0), |n| {
        format!("/staff/declaration-years/{y}?page={n}")
    });
    let done = match q.done.as_deref() {
        Some("opened") => ctx.t("staff.year_done_opened").into_owned(),
        Some("closed") => ctx.t("staff.year_done_closed").into_owned(),
        Some("reminded") => crate::i18n::t_with(
            lang,
            "staff.year_done_reminded",
            &[("n", q.n.as_deref().unwrap_or("0"))],
        ),
        _ => String::new(),
    };
    Ok(ctx.render(&YearPage {
        page: ctx.page(format!("{} {y}", ctx.t("staff.year_title"))),
        year: year_of(&ctx, &row),
        missing,
        total: crate::format::number(lang, u64::try_from(total).unwrap_or(0)),
        prev,
        next,
        done,
    }))
}

#[derive(Debug, Default, Deserialize)]
struct Empty {}

async fn remind(
    ctx: Ctx,
    path: web::Path<String>,
    Form(_): Form<Empty>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    let row = found(&ctx, &path).await?;
    let n = labour_app::declaration_years::remind(&ctx.state.app, &ctx.caller, row.year)
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!(
        "/staff/declaration-years/{}?done=reminded&n={n}",
        row.year
    )))
}

#[derive(Template)]
#[template(path = "staff/year_close.html")]
struct ClosePage {
    page: Page,
    year: i32,
}

async fn close_form(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    let row = found(&ctx, &path).await?;
    Ok(ctx.render(&ClosePage {
        page: ctx.page(ctx.t("staff.year_close_title")),
        year: row.year,
    }))
}

async fn close(
    ctx: Ctx,
    path: web::Path<String>,
    Form(_): Form<Empty>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    let row = found(&ctx, &path).await?;
    labour_app::declaration_years::close(&ctx.state.app, &ctx.caller, row.year)
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!(
        "/staff/declaration-years/{}?done=closed",
        row.year
    )))
}

#[derive(Debug, Deserialize)]
struct ExportQuery {
    format: Option<String>,
}

/// The year's declarations as a file, written by the same function as the API's export.
async fn export(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<ExportQuery>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ManageDeclarationYears)? {
        return Ok(r);
    }
    let row = found(&ctx, &path).await?;
    let sheet = labour_app::declaration_years::export(&ctx.state.app, &ctx.caller, row.year)
        .await
        .map_err(fail(&ctx))?;
    let (body, media, ext) = if q.format.as_deref() == Some("csv") {
        (
            labour_app::export::csv(&sheet),
            labour_app::export::CSV_TYPE,
            "csv",
        )
    } else {
        (
            labour_app::export::xlsx(&sheet),
            labour_app::export::XLSX_TYPE,
            "xlsx",
        )
    };
    let body = body.map_err(fail(&ctx))?;
    Ok(HttpResponse::Ok()
        .content_type(media)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{}.{ext}\"", sheet.file_name),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "private, no-store"))
        .body(body))
}
