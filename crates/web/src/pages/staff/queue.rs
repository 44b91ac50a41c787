//! `GET /staff/queue`: the moderation queue as staff work through it, in the order of
//! `GET /api/v1/moderation/queue` (the most reported and flagged first, then the longest
//! waiting), with its filters (kind, zone, reported) and pages.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::{Kind, State};
use labour_store::postings::{Filter, PostingRow};
use serde::Deserialize;
use uuid::Uuid;

use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::lang::Lang;
use crate::pages::choices::Choice;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/queue", web::get().to(queue));
}

/// Items on a page of the queue.
const PER_PAGE: u32 = 25;

/// The queue's filters, as a query and as the hidden fields of a decision (so the next item
/// comes from the same filtered queue).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filters {
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub zone: String,
    #[serde(default)]
    pub reported: String,
}

impl Filters {
    /// The store's filter; values that name nothing are left out.
    pub fn filter(&self) -> Filter {
        Filter {
            kind: Kind::parse(&self.kind).ok(),
            zone: self.zone.parse().ok(),
            reported_only: self.reported == "true",
            ..Filter::default()
        }
    }

    /// The filters as a query string without its `?` (empty when none is set).
    pub fn query(&self) -> String {
        let f = self.filter();
        let mut parts = Vec::new();
        if let Some(k) = f.kind {
            parts.push(format!("kind={}", k.as_str()));
        }
        if let Some(z) = f.zone {
            parts.push(format!("zone={z}"));
        }
        if f.reported_only {
            parts.push("reported=true".to_owned());
        }
        parts.join("&")
    }

    /// `?<query>`, or nothing.
    pub fn suffix(&self) -> String {
        match self.query() {
            q if q.is_empty() => String::new(),
            q => format!("?{q}"),
        }
    }

    /// `path` with the filters and `extra` (already encoded pairs) as its query.
    pub fn link(&self, path: &str, extra: &[String]) -> String {
        let mut parts: Vec<String> = extra.to_vec();
        let q = self.query();
        if !q.is_empty() {
            parts.push(q);
        }
        if parts.is_empty() {
            path.to_owned()
        } else {
            format!("{path}?{}", parts.join("&"))
        }
    }
}

/// What staff are asked to decide, as the API names it: `new`, `revision` or `reports`.
pub fn review(row: &PostingRow) -> &'static str {
    if row.state == State::Pending {
        "new"
    } else if row.revision.is_some() {
        "revision"
    } else {
        "reports"
    }
}

/// A flag's words.
pub fn flag(lang: Lang, code: &str) -> String {
    crate::i18n::t(lang, &format!("staff.flag.{code}")).into_owned()
}

/// The queue in order, page `page` of `per_page`, with each posting's organisation name and
/// verification.
pub async fn load(
    ctx: &Ctx,
    filters: &Filters,
    page: labour_domain::paging::PageRequest,
) -> Result<(Vec<(PostingRow, String, String)>, i64), WebError> {
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let rows = labour_store::postings::moderation_queue(&mut conn, &filters.filter(), page)
        .await
        .map_err(store_fail(ctx))?;
    let ids: Vec<Uuid> = rows.items.iter().map(|(r, _)| r.id).collect();
    let named = labour_store::postings::for_index(&mut conn, &ids)
        .await
        .map_err(store_fail(ctx))?;
    let items = rows
        .items
        .into_iter()
        .map(|(row, verification)| {
            let name = named
                .iter()
                .find(|n| n.row.id == row.id)
                .map(|n| n.organisation_name.clone())
                .unwrap_or_default();
            (row, name, verification)
        })
        .collect();
    Ok((items, rows.total))
}

/// One line of the queue.
#[derive(Debug)]
struct Row {
    href: String,
    title: String,
    kind: String,
    organisation: String,
    verification: String,
    verified: bool,
    review: String,
    flags: Vec<String>,
    reports: i32,
    waiting_since: String,
    days: i64,
}

/// What was just decided, for the banner.
#[derive(Debug)]
pub struct Decided {
    pub heading: String,
    pub title: String,
    pub history: String,
}

#[derive(Debug, Deserialize)]
pub struct DecidedQuery {
    pub done: Option<String>,
    pub of: Option<String>,
}

impl DecidedQuery {
    /// The banner of a decision just made (`done=approved&of=<id>`), when the query names one.
    pub async fn banner(&self, ctx: &Ctx) -> Result<Option<Decided>, WebError> {
        let (Some(done), Some(of)) = (self.done.as_deref(), self.of.as_deref()) else {
            return Ok(None);
        };
        let key = match done {
            "approved" => "staff.done_approved",
            "rejected" => "staff.done_rejected",
            "removed" => "staff.done_removed",
            _ => return Ok(None),
        };
        let Ok(id) = of.parse::<Uuid>() else {
            return Ok(None);
        };
        let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
        let Some(row) = labour_store::postings::find(&mut conn, id)
            .await
            .map_err(store_fail(ctx))?
        else {
            return Ok(None);
        };
        Ok(Some(Decided {
            heading: ctx.t(key).into_owned(),
            title: row.title,
            history: format!("/staff/postings/{id}/history"),
        }))
    }
}

#[derive(Template)]
#[template(path = "staff/queue.html")]
struct QueuePage {
    page: Page,
    rows: Vec<Row>,
    total: String,
    filters: Filters,
    kinds: Vec<Choice>,
    zones: Vec<Choice>,
    prev: Option<String>,
    next: Option<String>,
    decided: Option<Decided>,
    first: Option<String>,
}

#[derive(Debug, Deserialize)]
struct QueueQuery {
    #[serde(flatten)]
    filters: Filters,
    page: Option<String>,
    #[serde(flatten)]
    decided: DecidedQuery,
}

async fn queue(ctx: Ctx, q: web::Query<QueueQuery>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ModerationQueue)? {
        return Ok(r);
    }
    let lang = ctx.lang;
    let q = q.into_inner();
    let page = super::page_of(&ctx, q.page.as_deref(), PER_PAGE)?;
    let (items, total) = load(&ctx, &q.filters, page).await?;
    let item_suffix = q.filters.suffix();
    let rows: Vec<Row> = items
        .into_iter()
        .map(|(row, organisation, verification)| {
            let waiting = row.submitted_at.unwrap_or(row.updated_at);
            Row {
                href: format!("/staff/queue/{}{item_suffix}", row.id),
                kind: ctx
                    .t(&crate::pages::postings::kind_key(row.kind))
                    .into_owned(),
                verified: verification == "verified",
                verification: ctx
                    .t(&format!("organisation.verification.{verification}"))
                    .into_owned(),
                review: ctx
                    .t(&format!("staff.review.{}", review(&row)))
                    .into_owned(),
                flags: row.flags.iter().map(|f| flag(lang, f)).collect(),
                reports: row.report_count,
                waiting_since: crate::format::date(lang, waiting.date_naive()),
                days: super::days_since(waiting),
                title: row.title,
                organisation,
            }
        })
        .collect();
    let choices = crate::pages::choices::Choices::load(&ctx.state.app, lang)
        .await
        .map_err(fail(&ctx))?;
    let kinds = [Kind::Job, Kind::TrainingNeed, Kind::Course]
        .into_iter()
        .map(|k| Choice {
            value: k.as_str().to_owned(),
            label: ctx.t(&crate::pages::postings::kind_key(k)).into_owned(),
        })
        .collect();
    let filters = q.filters.clone();
    let (prev, next) = super::neighbours(page, total, |n| {
        filters.link("/staff/queue", &[format!("page={n}")])
    });
    let decided = q.decided.banner(&ctx).await?;
    Ok(ctx.render(&QueuePage {
        page: ctx.page(ctx.t("staff.queue_title")),
        first: rows.first().map(|r| r.href.clone()),
        rows,
        total: crate::format::number(lang, u64::try_from(total).unwrap_or(0)),
        filters: q.filters,
        kinds,
        zones: choices.zones,
        prev,
        next,
        decided,
    }))
}
