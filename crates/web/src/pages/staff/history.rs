//! `GET /staff/postings/{id}/history`: the audit trail of one posting, oldest first, as
//! `GET /api/v1/postings/{id}/history` gives it: who did what, from which state to which, and
//! why. Staff see who reported it (the policy's `SeeReporter`, as the API decides it).

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::policy::Action;
use uuid::Uuid;

use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/postings/{id}/history", web::get().to(history));
}

#[derive(Debug)]
struct Entry {
    at: String,
    action: String,
    actor: String,
    change: String,
    reason: String,
}

#[derive(Template)]
#[template(path = "staff/history.html")]
struct HistoryPage {
    page: Page,
    id: Uuid,
    title: String,
    entries: Vec<Entry>,
}

/// The actions the audit log records for a posting, each with its words.
const KNOWN: [&str; 9] = [
    "posting_create",
    "posting_edit",
    "posting_submit",
    "posting_approve",
    "posting_reject",
    "posting_remove",
    "posting_close",
    "posting_expire",
    "posting_reported",
];

/// A text field of an entry's details.
fn detail(d: &serde_json::Value, name: &str) -> String {
    d.get(name)
        .and_then(|v| v.as_str())
        .unwrap_or_default()
        .to_owned()
}

async fn history(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ModerationQueue)? {
        return Ok(r);
    }
    let id = crate::pages::postings::id(&ctx, &path)?;
    // The same read as the API's: reporters shown only where the policy's `SeeReporter` allows.
    let rows = labour_app::postings::history(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(fail(&ctx))?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(&ctx))?;
    let row = labour_app::postings::load_for(&mut conn, &ctx.caller, id, Action::ReadPosting)
        .await
        .map_err(fail(&ctx))?;
    let mut names: Vec<(Uuid, String)> = Vec::new();
    let mut entries = Vec::new();
    for r in rows {
        let reported = r.action == labour_app::postings::history::REPORTED;
        let actor = match r.actor_account {
            Some(a) => match names.iter().find(|(k, _)| *k == a) {
                Some((_, n)) => n.clone(),
                None => {
                    let n = labour_store::accounts::find(&mut conn, a)
                        .await
                        .map_err(store_fail(&ctx))?
                        .map(|acc| acc.display_name)
                        .unwrap_or_default();
                    names.push((a, n.clone()));
                    n
                }
            },
            None if r.actor_api_key.is_some() => ctx.t("staff.history_api_key").into_owned(),
            None => ctx.t("staff.history_portal").into_owned(),
        };
        let state = |name: &str| {
            let s = detail(&r.details, name);
            if s.is_empty() {
                s
            } else {
                ctx.t(&format!("staff.state.{s}")).into_owned()
            }
        };
        let (from, to) = (state("from"), state("to"));
        let reason = if reported {
            let code = detail(&r.details, "reason");
            ctx.t(&format!("report.reason.{code}")).into_owned()
        } else {
            crate::pages::labels::moderation_decision(
                ctx.lang,
                r.details.get("reason_code").and_then(|v| v.as_str()),
                r.details.get("reason").and_then(|v| v.as_str()),
            )
        };
        entries.push(Entry {
            at: super::moment(ctx.lang, r.at),
            action: if KNOWN.contains(&r.action.as_str()) {
                ctx.t(&format!("staff.history.{}", r.action)).into_owned()
            } else {
                r.action.clone()
            },
            actor,
            change: if from.is_empty() && to.is_empty() {
                String::new()
            } else {
                format!("{from} → {to}")
            },
            reason,
        });
    }
    drop(conn);
    Ok(ctx.render(&HistoryPage {
        page: ctx.page(format!("{}: {}", ctx.t("staff.history_title"), row.title)),
        id,
        title: row.title,
        entries,
    }))
}
