//! `GET /account/postings/{id}`: the owner's view of a posting: its state in words, the reason
//! staff gave, the flags it raised and what to do about them, its history (as
//! `GET /postings/{id}/history` shows it to the organisation: reporters hidden), and what can
//! be done in its state: edit, preview, send to review, close after a confirmation, and the
//! ways to its applicants, candidates and offers.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::postings::Expected;
use labour_domain::ClosedSet;
use labour_domain::application::Status;
use labour_domain::posting::{Kind, State};
use serde::Deserialize;
use uuid::Uuid;

use super::{Owned, fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::Form;
use crate::lang::Lang;
use crate::pages::account::sign_in_first;

/// A flag the posting raised, in words, with what to do about it.
#[derive(Debug)]
pub struct FlagShown {
    pub code: String,
    pub words: String,
    pub todo: String,
}

/// One step of the history.
#[derive(Debug)]
pub struct Step {
    pub when: String,
    pub what: String,
    pub detail: Option<String>,
}

#[derive(Template)]
#[template(path = "my_postings/owner.html")]
struct OwnerPage {
    page: Page,
    id: Uuid,
    organisation_id: Uuid,
    organisation: String,
    kind: String,
    title: String,
    state: String,
    state_class: &'static str,
    explained: String,
    /// Staff's reason, when it still concerns the owner, with its heading.
    reason: Option<(String, String)>,
    flags: Vec<FlagShown>,
    history: Vec<Step>,
    saved: Option<String>,
    closed: bool,
    can_edit: bool,
    can_submit: bool,
    can_close: bool,
    public: bool,
    applicants: bool,
    candidates: bool,
    offers: bool,
    version: i32,
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
    closed: Option<String>,
}

fn t(lang: Lang, key: &str) -> String {
    crate::i18n::t(lang, key).into_owned()
}

/// Staff's reason, when it still concerns the owner: why it was refused or removed, or why the
/// last change of a live posting was not accepted, or what the last refusal said while it is
/// under review again.
fn reason(lang: Lang, o: &Owned) -> Option<(String, String)> {
    let text = crate::pages::labels::moderation_decision(
        lang,
        o.row.moderation_reason_code.map(|c| c.as_str()),
        o.row.moderation_reason.as_deref(),
    );
    if text.is_empty() {
        return None;
    }
    let heading = match (o.row.state, o.row.revision.is_some()) {
        (State::Rejected, _) => "my_postings.reason_rejected",
        (State::Removed, _) => "my_postings.reason_removed",
        (State::Published, false) => "my_postings.reason_revision_rejected",
        (State::Pending, _) | (State::Published, true) => "my_postings.reason_before",
        _ => return None,
    };
    Some((t(lang, heading), text))
}

const FLAGS: [&str; 3] = ["asks_for_money", "salary_below_minimum", "salary_outlier"];

fn flags(lang: Lang, codes: &[String]) -> Vec<FlagShown> {
    codes
        .iter()
        .filter(|c| FLAGS.contains(&c.as_str()))
        .map(|c| FlagShown {
            code: c.clone(),
            words: t(lang, &format!("my_postings.flag.{c}")),
            todo: t(lang, &format!("my_postings.flag_todo.{c}")),
        })
        .collect()
}

const ACTIONS: [&str; 11] = [
    "posting_create",
    "posting_edit",
    "posting_submit",
    "posting_approve",
    "posting_reject",
    "posting_remove",
    "posting_close",
    "posting_expire",
    "posting_reported",
    "application_status",
    "offer_made",
];

fn state_of(details: &serde_json::Value, key: &str) -> Option<State> {
    details
        .get(key)?
        .as_str()
        .and_then(|s| State::parse(s).ok())
}

fn step(lang: Lang, r: labour_store::audit::AuditRow) -> Step {
    let action = r.action.as_str();
    let what = if ACTIONS.contains(&action) || action == "offer_accepted" {
        t(lang, &format!("my_postings.history.{action}"))
    } else {
        t(lang, "my_postings.history.other")
    };
    let d = &r.details;
    let detail = match action {
        "application_status" => {
            let status = |k: &str| {
                d.get(k)
                    .and_then(|v| v.as_str())
                    .and_then(|s| Status::parse(s).ok())
                    .map(|s| crate::pages::labels::status(lang, s).into_owned())
            };
            match (status("from"), status("to")) {
                (Some(from), Some(to)) => Some(format!("{from} → {to}")),
                _ => None,
            }
        }
        "posting_reported" => d
            .get("reason")
            .and_then(|v| v.as_str())
            .filter(|reason| labour_domain::posting::ReportReason::parse(reason).is_ok())
            .map(|reason| t(lang, &format!("report.reason.{reason}"))),
        _ => {
            let mut parts = Vec::new();
            let revision = d.get("revision").and_then(|v| v.as_str());
            match (state_of(d, "from"), state_of(d, "to")) {
                (Some(from), Some(to)) if from != to => parts.push(format!(
                    "{} → {}",
                    super::state_words(lang, from, false),
                    super::state_words(lang, to, false)
                )),
                _ => {}
            }
            match revision {
                Some("startreview") => parts.push(t(lang, "my_postings.history.revision_started")),
                Some("apply") => parts.push(t(lang, "my_postings.history.revision_applied")),
                Some("drop") if state_of(d, "to") == Some(State::Published) => {
                    parts.push(t(lang, "my_postings.history.revision_dropped"));
                }
                _ => {}
            }
            let reason = crate::pages::labels::moderation_decision(
                lang,
                d.get("reason_code").and_then(|v| v.as_str()),
                d.get("reason").and_then(|v| v.as_str()),
            );
            if !reason.is_empty() {
                parts.push(format!("{}: {reason}", t(lang, "my_postings.reason")));
            }
            (!parts.is_empty()).then(|| parts.join(" · "))
        }
    };
    Step {
        when: crate::pages::labels::date(lang, r.at),
        what,
        detail,
    }
}

pub async fn show(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<ShowQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::posting_id(&ctx, &path)?;
    let owned = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
    let history = labour_app::postings::history(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(fail(&ctx))?;
    let content = super::working_content(&owned.row).map_err(fail(&ctx))?;
    let row = &owned.row;
    let state = row.state;
    let revision = row.revision.is_some();
    let explained_key = if state == State::Published && revision {
        "my_postings.explained.revision".to_owned()
    } else {
        format!("my_postings.explained.{}", state.as_str())
    };
    let saved = q
        .saved
        .as_deref()
        .filter(|s| ["draft", "submitted", "revision"].contains(s))
        .map(|s| t(lang, &format!("my_postings.saved_{s}")));
    let page = OwnerPage {
        page: ctx.page(content.title().to_owned()),
        id,
        organisation_id: owned.organisation.id,
        organisation: owned.organisation.name.clone(),
        kind: ctx
            .t(&crate::pages::postings::kind_key(row.kind))
            .into_owned(),
        title: content.title().to_owned(),
        state: super::state_words(lang, state, revision),
        state_class: super::state_class(state),
        explained: t(lang, &explained_key),
        reason: reason(lang, &owned),
        flags: flags(lang, &row.flags),
        history: history.into_iter().map(|r| step(lang, r)).collect(),
        saved,
        closed: q.closed.is_some(),
        can_edit: owned.writable && super::edit::editable(state),
        can_submit: owned.writable && state == State::Draft,
        can_close: owned.writable && state == State::Published,
        public: state == State::Published,
        applicants: matches!(row.kind, Kind::Job | Kind::Course),
        candidates: true,
        offers: row.kind == Kind::TrainingNeed,
        version: row.version,
    };
    Ok(ctx.render(&page))
}

#[derive(Debug, Deserialize)]
pub struct ActForm {
    version: Option<String>,
}

fn expected(form: &ActForm) -> Expected {
    match form.version.as_deref().map(str::trim) {
        None | Some("") => Expected::Unstated,
        Some(v) => v.parse().map_or(Expected::Unreadable, Expected::Version),
    }
}

/// Sends a draft to review.
pub async fn submit(
    ctx: Ctx,
    path: web::Path<String>,
    Form(form): Form<ActForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = super::posting_id(&ctx, &path)?;
    labour_app::postings::submit(&ctx.state.app, &ctx.caller, id, expected(&form))
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!("/account/postings/{id}?saved=submitted")))
}

#[derive(Template)]
#[template(path = "my_postings/close.html")]
struct ClosePage {
    page: Page,
    id: Uuid,
    title: String,
    version: i32,
}

/// Asks before a published posting is closed (it leaves the portal and cannot reopen).
pub async fn close_form(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = super::posting_id(&ctx, &path)?;
    let owned = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
    Ok(ctx.render(&ClosePage {
        page: ctx.page(ctx.t("my_postings.close_title")),
        id,
        title: owned.row.title.clone(),
        version: owned.row.version,
    }))
}

pub async fn close(
    ctx: Ctx,
    path: web::Path<String>,
    Form(form): Form<ActForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = super::posting_id(&ctx, &path)?;
    labour_app::postings::close(&ctx.state.app, &ctx.caller, id, expected(&form))
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!("/account/postings/{id}?closed=1")))
}
