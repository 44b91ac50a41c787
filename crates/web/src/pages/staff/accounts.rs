//! `/staff/accounts` (admins): the staff accounts and making a new one through
//! `labour_app::staff::create` (the API's `POST /api/v1/staff`); and `/staff/reset-codes`
//! (staff): a one-time code for a phone-only account, through `labour_app::passwords::issue_code`
//! (the API's `POST /api/v1/password-reset-codes`), shown once on the page that issued it.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::accounts::NewAccountInput;
use labour_domain::policy::Action;
use serde::Deserialize;

use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/accounts", web::get().to(list))
        .route("/staff/accounts", web::post().to(create))
        .route("/staff/reset-codes", web::get().to(code_form))
        .route("/staff/reset-codes", web::post().to(issue));
}

const PER_PAGE: u32 = 50;

#[derive(Debug)]
struct Row {
    name: String,
    role: String,
    contact: String,
    since: String,
}

#[derive(Debug, Default, Deserialize)]
struct Typed {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    phone: String,
    #[serde(default)]
    password: String,
}

#[derive(Template)]
#[template(path = "staff/accounts.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    total: String,
    prev: Option<String>,
    next: Option<String>,
    typed: Typed,
    errors: Errors,
    created: bool,
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    page: Option<String>,
    created: Option<String>,
}

async fn list_page(
    ctx: &Ctx,
    page: Option<&str>,
    typed: Typed,
    errors: Errors,
    created: bool,
) -> Result<ListPage, WebError> {
    let page = super::page_of(ctx, page, PER_PAGE)?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let rows = labour_store::accounts::staff(&mut conn, page)
        .await
        .map_err(store_fail(ctx))?;
    drop(conn);
    let (prev, next) = super::neighbours(page, rows.total, |n| format!("/staff/accounts?page={n}"));
    Ok(ListPage {
        page: ctx.page(ctx.t("staff.accounts_title")),
        total: crate::format::number(ctx.lang, u64::try_from(rows.total).unwrap_or(0)),
        rows: rows
            .items
            .into_iter()
            .map(|r| Row {
                role: ctx.t(&format!("staff.role.{}", r.role)).into_owned(),
                contact: r.email.or(r.phone).unwrap_or_default(),
                since: crate::format::date(ctx.lang, r.created_at.date_naive()),
                name: r.display_name,
            })
            .collect(),
        prev,
        next,
        // A password never comes back filled in.
        typed: Typed {
            password: String::new(),
            ..typed
        },
        errors,
        created,
    })
}

async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::CreateStaff)? {
        return Ok(r);
    }
    let p = list_page(
        &ctx,
        q.page.as_deref(),
        Typed::default(),
        Errors::default(),
        q.created.is_some(),
    )
    .await?;
    Ok(ctx.render(&p))
}

async fn create(ctx: Ctx, Form(typed): Form<Typed>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::CreateStaff)? {
        return Ok(r);
    }
    let some = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let input = NewAccountInput {
        email: some(&typed.email),
        phone: some(&typed.phone),
        password: typed.password.clone(),
        display_name: typed.display_name.clone(),
    };
    match labour_app::staff::create(&ctx.state.app, &ctx.state.auth, &ctx.caller, input).await {
        Ok(_) => Ok(ctx.see_other("/staff/accounts?created=1")),
        Err(e) => {
            let status = match e.code {
                ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::Conflict => StatusCode::CONFLICT,
                _ => return Err(WebError::new(e, ctx.lang)),
            };
            let errors = Errors::from_error(&e, ctx.lang, str::to_owned);
            let p = list_page(&ctx, None, typed, errors, false).await?;
            Ok(ctx.render_status(status, &p))
        }
    }
}

#[derive(Template)]
#[template(path = "staff/reset_code.html")]
struct CodePage {
    page: Page,
    phone: String,
    errors: Errors,
    /// The code just issued, its expiry, and whether an SMS carried it too.
    issued: Option<(String, String, bool)>,
}

async fn code_form(ctx: Ctx) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::IssuePasswordResetCode)? {
        return Ok(r);
    }
    Ok(ctx.render(&CodePage {
        page: ctx.page(ctx.t("staff.reset_codes_title")),
        phone: String::new(),
        errors: Errors::default(),
        issued: None,
    }))
}

#[derive(Debug, Deserialize)]
struct CodeForm {
    #[serde(default)]
    phone: String,
}

/// The code is shown on the page that answers the form, never put in an address (it would
/// stay in the history and in logs).
async fn issue(ctx: Ctx, Form(form): Form<CodeForm>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::IssuePasswordResetCode)? {
        return Ok(r);
    }
    let page = ctx.page(ctx.t("staff.reset_codes_title"));
    match labour_app::passwords::issue_code(&ctx.state.app, &ctx.caller, &form.phone).await {
        Ok(issued) => Ok(ctx.render(&CodePage {
            page,
            phone: form.phone,
            errors: Errors::default(),
            issued: Some((
                issued.code,
                super::moment(ctx.lang, issued.expires_at),
                issued.sent_by_sms,
            )),
        })),
        Err(e) => {
            let status = match e.code {
                ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::ResourceNotFound => StatusCode::NOT_FOUND,
                ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
                _ => return Err(WebError::new(e, ctx.lang)),
            };
            let mut errors = Errors::from_error(&e, ctx.lang, |_| "phone".to_owned());
            if let (Some(detail), true) = (&e.detail, errors.fields.is_empty()) {
                errors.form = None;
                errors.add("phone", detail.get(ctx.lang));
            }
            Ok(ctx.render_status(
                status,
                &CodePage {
                    page,
                    phone: form.phone,
                    errors,
                    issued: None,
                },
            ))
        }
    }
}
