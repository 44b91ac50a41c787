//! `/staff/queue/{posting_id}`: one item of the moderation queue. The posting as its public
//! page shows it, beside the organisation's verification, the flags in words and the reports
//! (with who made them: staff only); for a revision, what it changes. The decisions go through
//! `labour_app::postings::{approve, reject, remove}` (the API's use cases), and the next item
//! of the same filtered queue opens after each.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::postings::Expected;
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use labour_domain::posting::{Content, ModerationReason, State};
use serde::Deserialize;
use strum::IntoEnumIterator;
use uuid::Uuid;

use super::queue::{Decided, DecidedQuery, Filters, flag, review};
use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::lang::Lang;
use crate::pages::choices::{Choice, Choices};
use crate::pages::postings::show::{Fact, facts, paragraphs};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/queue/{id}", web::get().to(item))
        .route("/staff/queue/{id}/approve", web::post().to(approve))
        .route("/staff/queue/{id}/reject", web::post().to(reject))
        .route("/staff/queue/{id}/remove", web::post().to(remove));
}

/// Queue items looked through to find the one after this (the skip link).
const LOOKAHEAD: u32 = 100;

/// The organisation beside the posting.
#[derive(Debug)]
struct Organisation {
    href: String,
    name: String,
    kind: String,
    tax_code: String,
    licence: String,
    verification: String,
    verified: bool,
    reason: String,
}

/// One report, with who made it.
#[derive(Debug)]
struct Report {
    reason: String,
    day: String,
    note: String,
    reporter: String,
    contact: String,
}

/// One change a revision makes.
#[derive(Debug)]
struct Change {
    label: String,
    live: String,
    revised: String,
}

/// What the decision forms keep on an error.
#[derive(Debug, Clone, Default)]
struct Typed {
    /// `reject` or `remove`: which form came back.
    form: &'static str,
    code: String,
    note: String,
}

#[derive(Template)]
#[template(path = "staff/item.html")]
struct ItemPage {
    page: Page,
    id: Uuid,
    kind: String,
    title: String,
    state: String,
    review: String,
    waiting: bool,
    can_approve: bool,
    approve_blocked: bool,
    description: Vec<String>,
    facts: Vec<Fact>,
    flags: Vec<String>,
    organisation: Organisation,
    reports: Vec<Report>,
    report_total: i32,
    changes: Vec<Change>,
    version: i32,
    filters: Filters,
    filter_fields: Vec<(&'static str, String)>,
    reasons: Vec<Choice>,
    typed: Typed,
    errors: Errors,
    next: String,
    queue: String,
    history: String,
    decided: Option<Decided>,
    /// The keys of the shortcuts, shown in `<kbd>`.
    keys: Keys,
}

#[derive(Debug)]
struct Keys {
    approve: &'static str,
    reject: &'static str,
    next: &'static str,
    next_alt: &'static str,
}

const KEYS: Keys = Keys {
    approve: "a",
    reject: "r",
    next: "n",
    next_alt: "j",
};

/// The public reason codes staff choose from (the report reasons first, under their names).
fn reasons(lang: Lang) -> Vec<Choice> {
    ModerationReason::iter()
        .filter(|r| r.chosen_by_staff())
        .map(|r| Choice {
            value: r.as_str().to_owned(),
            label: crate::pages::labels::moderation_reason(lang, r).into_owned(),
        })
        .collect()
}

/// The item after `id` in the filtered queue, or the first other one; `None` when nothing
/// else waits.
async fn next_after(ctx: &Ctx, filters: &Filters, id: Uuid) -> Result<Option<Uuid>, WebError> {
    let page = labour_domain::paging::PageRequest::new(Some(1), Some(LOOKAHEAD))
        .map_err(|e| WebError::new(labour_app::Error::internal(e.to_string()), ctx.lang))?;
    let (items, _) = super::queue::load(ctx, filters, page).await?;
    let ids: Vec<Uuid> = items.iter().map(|(r, _, _)| r.id).collect();
    let after = ids
        .iter()
        .position(|i| *i == id)
        .and_then(|p| ids.get(p + 1))
        .or_else(|| ids.iter().find(|i| **i != id));
    Ok(after.copied())
}

async fn build(
    ctx: &Ctx,
    id: Uuid,
    filters: Filters,
    typed: Typed,
    errors: Errors,
    decided: Option<Decided>,
) -> Result<ItemPage, WebError> {
    let lang = ctx.lang;
    let shown = labour_app::postings::read::read(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(fail(ctx))?;
    let row = &shown.posting.row;
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let org = labour_store::organisations::find(&mut conn, row.organisation_id)
        .await
        .map_err(store_fail(ctx))?
        .ok_or_else(|| {
            WebError::new(
                labour_app::Error::internal("posting without organisation"),
                lang,
            )
        })?;
    let reports = labour_store::moderation::reports(&mut conn, id)
        .await
        .map_err(store_fail(ctx))?;
    drop(conn);
    let level = shown.level.as_ref().map(|l| l.get(lang).to_owned());
    let live_facts = facts(lang, &shown.posting, &shown.content, level);
    let changes = match &row.revision {
        Some(revision) => changes(ctx, &shown, &live_facts, revision).await?,
        None => Vec::new(),
    };
    let waiting = row.state == State::Pending
        || row.revision.is_some()
        || (row.state == State::Published && row.report_count > 0);
    let decidable = row.state == State::Pending || row.revision.is_some();
    let verified = org.verification == Verification::Verified;
    let next = match next_after(ctx, &filters, id).await? {
        Some(n) => filters.link(&format!("/staff/queue/{n}"), &[]),
        None => filters.link("/staff/queue", &[]),
    };
    let f = filters.filter();
    let mut filter_fields = Vec::new();
    if let Some(k) = f.kind {
        filter_fields.push(("kind", k.as_str().to_owned()));
    }
    if let Some(z) = f.zone {
        filter_fields.push(("zone", z.to_string()));
    }
    if f.reported_only {
        filter_fields.push(("reported", "true".to_owned()));
    }
    Ok(ItemPage {
        page: ctx.page(shown.content.title().to_owned()),
        id,
        kind: ctx
            .t(&crate::pages::postings::kind_key(row.kind))
            .into_owned(),
        title: shown.content.title().to_owned(),
        state: ctx
            .t(&format!("staff.state.{}", row.state.as_str()))
            .into_owned(),
        review: ctx.t(&format!("staff.review.{}", review(row))).into_owned(),
        waiting,
        can_approve: decidable && verified,
        approve_blocked: decidable && !verified,
        description: paragraphs(shown.content.description()),
        facts: live_facts,
        flags: row.flags.iter().map(|f| flag(lang, f)).collect(),
        organisation: Organisation {
            href: format!("/staff/organisations/{}", org.id),
            kind: ctx
                .t(&format!("organisation.kind.{}", org.kind.as_str()))
                .into_owned(),
            tax_code: org.tax_code.clone().unwrap_or_default(),
            licence: org.licence_number.clone().unwrap_or_default(),
            verification: ctx
                .t(&format!(
                    "organisation.verification.{}",
                    org.verification.as_str()
                ))
                .into_owned(),
            verified,
            reason: org.verification_reason.clone().unwrap_or_default(),
            name: org.name,
        },
        reports: reports
            .into_iter()
            .map(|r| Report {
                reason: ctx.t(&format!("report.reason.{}", r.reason)).into_owned(),
                day: crate::format::date(lang, r.created_at.date_naive()),
                note: r.note.unwrap_or_default(),
                contact: r.reporter_email.or(r.reporter_phone).unwrap_or_default(),
                reporter: r.reporter,
            })
            .collect(),
        report_total: row.report_count,
        changes,
        version: row.version,
        filter_fields,
        filters,
        reasons: reasons(lang),
        typed,
        errors,
        next,
        queue: String::new(),
        history: format!("/staff/postings/{id}/history"),
        decided,
        keys: KEYS,
    })
    .map(|mut p| {
        p.queue = p.filters.link("/staff/queue", &[]);
        p
    })
}

/// What the revision under review changes, line by line, against the live version.
async fn changes(
    ctx: &Ctx,
    shown: &labour_app::postings::read::Shown,
    live: &[Fact],
    revision: &serde_json::Value,
) -> Result<Vec<Change>, WebError> {
    let lang = ctx.lang;
    let Ok(revised) = serde_json::from_value::<Content>(revision.clone()) else {
        return Ok(Vec::new());
    };
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(fail(ctx))?;
    // The names the revised version refers to, from the reference data.
    let mut named = shown.posting.clone();
    named.zone_name = revised.zone_id().map(|z| choices.zone(&z.to_string()));
    named.commune_name = revised.commune_code().map(|c| choices.commune(c));
    named.occupation_name = choices.occupation(revised.occupation_code());
    let level = revised.level().map(|l| choices.level(l));
    let new_facts = facts(lang, &named, &revised, level);
    let mut out = Vec::new();
    let t = |k: &str| ctx.t(k).into_owned();
    if revised.title() != shown.content.title() {
        out.push(Change {
            label: t("staff.change_title"),
            live: shown.content.title().to_owned(),
            revised: revised.title().to_owned(),
        });
    }
    if revised.description() != shown.content.description() {
        out.push(Change {
            label: t("staff.change_description"),
            live: shown.content.description().to_owned(),
            revised: revised.description().to_owned(),
        });
    }
    let value = |list: &[Fact], key: &str| {
        list.iter()
            .find(|f| f.key == key)
            .map(|f| f.value.clone())
            .unwrap_or_default()
    };
    let mut keys: Vec<(&'static str, String)> =
        live.iter().map(|f| (f.key, f.label.clone())).collect();
    for f in &new_facts {
        if !keys.iter().any(|(k, _)| *k == f.key) {
            keys.push((f.key, f.label.clone()));
        }
    }
    for (key, label) in keys {
        let (a, b) = (value(live, key), value(&new_facts, key));
        if a != b {
            out.push(Change {
                label,
                live: a,
                revised: b,
            });
        }
    }
    Ok(out)
}

#[derive(Debug, Deserialize)]
struct ItemQuery {
    #[serde(flatten)]
    filters: Filters,
    #[serde(flatten)]
    decided: DecidedQuery,
}

fn posting_id(ctx: &Ctx, text: &str) -> Result<Uuid, WebError> {
    crate::pages::postings::id(ctx, text)
}

async fn item(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<ItemQuery>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ModerationQueue)? {
        return Ok(r);
    }
    let id = posting_id(&ctx, &path)?;
    let q = q.into_inner();
    let decided = q.decided.banner(&ctx).await?;
    let page = build(
        &ctx,
        id,
        q.filters,
        Typed::default(),
        Errors::default(),
        decided,
    )
    .await?;
    Ok(ctx.render(&page))
}

/// A decision form: the version read, the queue's filters, and for a rejection or removal the
/// reason chosen and the note.
#[derive(Debug, Deserialize)]
struct DecisionForm {
    #[serde(default)]
    version: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    note: String,
    #[serde(flatten)]
    filters: Filters,
}

impl DecisionForm {
    fn expected(&self) -> Expected {
        match self.version.trim() {
            "" => Expected::Unstated,
            v => v.parse().map_or(Expected::Unreadable, Expected::Version),
        }
    }
}

/// After a decision: the next item of the same queue, with the banner of what was decided.
async fn after(
    ctx: &Ctx,
    id: Uuid,
    filters: &Filters,
    done: &str,
) -> Result<HttpResponse, WebError> {
    let extra = [format!("done={done}"), format!("of={id}")];
    let to = match next_after(ctx, filters, id).await? {
        Some(n) => filters.link(&format!("/staff/queue/{n}"), &extra),
        None => filters.link("/staff/queue", &extra),
    };
    Ok(ctx.see_other(&to))
}

/// A refused decision: the item again with the message, a 422 for a field, a 409 when the
/// posting moved on meanwhile (another person decided, or its owner changed it).
async fn refused(
    ctx: &Ctx,
    id: Uuid,
    form: DecisionForm,
    which: &'static str,
    e: labour_app::Error,
) -> Result<HttpResponse, WebError> {
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::InvalidTransition
        | ErrorCode::PreconditionFailed
        | ErrorCode::OrganisationUnverified => StatusCode::CONFLICT,
        _ => return Err(WebError::new(e, ctx.lang)),
    };
    let errors = Errors::from_error(&e, ctx.lang, |f| match f {
        "reason" => format!("{which}-note"),
        "reason_code" => format!("{which}-code"),
        _ => f.to_owned(),
    });
    let typed = Typed {
        form: which,
        code: form.code,
        note: form.note,
    };
    let page = build(ctx, id, form.filters, typed, errors, None).await?;
    Ok(ctx.render_status(status, &page))
}

async fn approve(
    ctx: Ctx,
    path: web::Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ModerationQueue)? {
        return Ok(r);
    }
    let id = posting_id(&ctx, &path)?;
    match labour_app::postings::approve(&ctx.state.app, &ctx.caller, id, form.expected()).await {
        Ok(_) => after(&ctx, id, &form.filters, "approved").await,
        Err(e) => refused(&ctx, id, form, "approve", e).await,
    }
}

/// The reason code chosen (the form asks for one, though the API would take none as `other`)
/// and the note, which `other` needs; the use case checks the note's length.
fn decision<'a>(
    form: &'a DecisionForm,
    which: &str,
    lang: Lang,
) -> Result<labour_app::postings::Decision<'a>, Errors> {
    let mut errors = Errors::default();
    let code = ModerationReason::parse(&form.code).ok();
    let note = form.note.trim();
    match code {
        None => errors.add(
            &format!("{which}-code"),
            crate::i18n::t(lang, "staff.reason_required"),
        ),
        Some(c) if c.needs_note() && note.is_empty() => errors.add(
            &format!("{which}-note"),
            crate::i18n::t(lang, "staff.note_required"),
        ),
        Some(_) => {}
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(labour_app::postings::Decision {
        code: Some(form.code.trim()),
        note: Some(note).filter(|n| !n.is_empty()),
    })
}

async fn with_reason(
    ctx: Ctx,
    path: web::Path<String>,
    form: DecisionForm,
    which: &'static str,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ModerationQueue)? {
        return Ok(r);
    }
    let id = posting_id(&ctx, &path)?;
    let reason = match decision(&form, which, ctx.lang) {
        Ok(r) => r,
        Err(errors) => {
            let typed = Typed {
                form: which,
                code: form.code,
                note: form.note,
            };
            let page = build(&ctx, id, form.filters, typed, errors, None).await?;
            return Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
        }
    };
    let app = &ctx.state.app;
    let result = if which == "reject" {
        labour_app::postings::reject(app, &ctx.caller, id, form.expected(), reason).await
    } else {
        labour_app::postings::remove(app, &ctx.caller, id, form.expected(), reason).await
    };
    match result {
        Ok(_) => {
            let done = if which == "reject" {
                "rejected"
            } else {
                "removed"
            };
            after(&ctx, id, &form.filters, done).await
        }
        Err(e) => refused(&ctx, id, form, which, e).await,
    }
}

async fn reject(
    ctx: Ctx,
    path: web::Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<HttpResponse, WebError> {
    with_reason(ctx, path, form, "reject").await
}

async fn remove(
    ctx: Ctx,
    path: web::Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<HttpResponse, WebError> {
    with_reason(ctx, path, form, "remove").await
}
