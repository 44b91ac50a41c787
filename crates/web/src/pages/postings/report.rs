//! `/postings/{id}/report`: a signed-in person tells staff what is wrong with a posting (a
//! scam, fees asked of workers, discrimination, wrong information). Signed out, the page
//! offers the way to sign in and come back.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::ClosedSet;
use labour_domain::posting::ReportReason;
use serde::Deserialize;
use strum::IntoEnumIterator;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};

/// One choice of reason.
#[derive(Debug)]
pub struct Reason {
    pub value: &'static str,
    pub label: String,
}

#[derive(Template)]
#[template(path = "postings/report.html")]
struct Report {
    page: Page,
    id: String,
    signed_in: bool,
    sign_in_href: String,
    reasons: Vec<Reason>,
    errors: Errors,
    reason: String,
    note: String,
}

#[derive(Debug, Default, Deserialize)]
pub struct ReportForm {
    #[serde(default)]
    reason: String,
    #[serde(default)]
    note: String,
}

pub async fn form(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    let page = page(&ctx, &path, ReportForm::default(), Errors::default()).await?;
    Ok(ctx.render(&page))
}

pub async fn send(
    ctx: Ctx,
    path: web::Path<String>,
    Form(sent): Form<ReportForm>,
) -> Result<HttpResponse, WebError> {
    let id = super::id(&ctx, &path)?;
    let note = Some(sent.note.as_str()).filter(|n| !n.trim().is_empty());
    match labour_app::postings::report(&ctx.state.app, &ctx.caller, id, &sent.reason, note).await {
        Ok(()) => Ok(ctx.see_other(&format!("/postings/{id}?reported=1"))),
        // Refusals of the form itself come back beside the fields; a posting gone or a
        // sign-in needed are the error pages.
        Err(e) if e.status() == 422 || e.status() == 409 => {
            let errors = Errors::from_error(&e, ctx.lang, str::to_owned);
            let page = page(&ctx, &path, sent, errors).await?;
            Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(WebError::new(e, ctx.lang)),
    }
}

async fn page(ctx: &Ctx, path: &str, sent: ReportForm, errors: Errors) -> Result<Report, WebError> {
    let id = super::id(ctx, path)?;
    let shown = labour_app::postings::read::read(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    let title = shown.content.title().to_owned();
    let heading = crate::i18n::t_with(ctx.lang, "report.title", &[("title", &title)]);
    let back = format!("/postings/{id}/report");
    Ok(Report {
        page: ctx.page(heading),
        id: id.to_string(),
        signed_in: ctx.caller.account().is_some(),
        sign_in_href: format!("/sign-in?back={}", crate::form::encode(&back)),
        reasons: ReportReason::iter()
            .map(|r| Reason {
                value: r.as_str(),
                label: ctx.t(&format!("report.reason.{}", r.as_str())).into_owned(),
            })
            .collect(),
        errors,
        reason: sent.reason,
        note: sent.note,
    })
}
