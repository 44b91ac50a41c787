//! `GET /staff`: what waits for staff (the queue by review type, organisations waiting for
//! verification, the declaration year under way) and the way to each part of the workspace.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::organisation::Verification;
use labour_domain::policy::{Action, Decision, Role, decide};
use labour_domain::posting::State;

use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff", web::get().to(hub));
}

#[derive(Template)]
#[template(path = "staff/hub.html")]
struct HubPage {
    page: Page,
    new: String,
    revisions: String,
    reported: String,
    organisations: String,
    year: Option<(i32, String)>,
    admin: bool,
}

async fn hub(ctx: Ctx) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ModerationQueue)? {
        return Ok(r);
    }
    let lang = ctx.lang;
    let mut conn = ctx.state.app.conn().await.map_err(fail(&ctx))?;
    let (by_state, revisions, reported) = labour_store::postings::counts(&mut conn)
        .await
        .map_err(store_fail(&ctx))?;
    let pending = by_state
        .iter()
        .find(|(s, _)| *s == State::Pending)
        .map_or(0, |(_, n)| *n);
    let one = labour_domain::paging::PageRequest::new(Some(1), Some(1))
        .map_err(|e| WebError::new(labour_app::Error::internal(e.to_string()), lang))?;
    let waiting =
        labour_store::organisations::list_by_verification(&mut conn, Verification::Pending, one)
            .await
            .map_err(store_fail(&ctx))?
            .total;
    let years = labour_store::declarations::years(&mut conn)
        .await
        .map_err(store_fail(&ctx))?;
    drop(conn);
    let n = |v: i64| crate::format::number(lang, u64::try_from(v).unwrap_or(0));
    let year = years.first().map(|y| {
        let key = if y.closed_at.is_some() {
            "staff.year_closed"
        } else {
            "staff.year_open"
        };
        (y.year, ctx.t(key).into_owned())
    });
    Ok(ctx.render(&HubPage {
        page: ctx.page(ctx.t("staff.hub_title")),
        new: n(pending),
        revisions: n(revisions),
        reported: n(reported),
        organisations: n(waiting),
        year,
        admin: ctx.caller.actor.roles().contains(&Role::Admin)
            && decide(&ctx.caller.actor, Action::CreateStaff) == Decision::Allow,
    }))
}
