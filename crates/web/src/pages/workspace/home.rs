//! `GET /account/organisations/{id}`: the organisation's workspace home for its members (and
//! staff, as the API decides through `Action::ReadMembers`): where it stands with verification,
//! in words, with the reason staff gave for a refusal, and the ways to everything it does.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::organisation::{OrganisationKind, Verification};
use serde::Deserialize;
use uuid::Uuid;

use super::{Org, fail, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::pages::account::sign_in_first;

#[derive(Debug, Deserialize)]
pub struct HomeQuery {
    registered: Option<String>,
}

/// One line of the organisation's details.
struct Detail {
    key: &'static str,
    label: String,
    value: String,
}

#[derive(Template)]
#[template(path = "workspace/home.html")]
struct HomePage {
    page: Page,
    org: Org,
    /// `pending`, `verified` or `refused`.
    state: &'static str,
    state_word: String,
    reason: Option<String>,
    details: Vec<Detail>,
    members: usize,
    enterprise: bool,
    /// Declaration years open now (enterprises declare each year).
    open_years: Vec<i32>,
    registered: bool,
}

pub async fn home(
    ctx: Ctx,
    id: web::Path<Uuid>,
    q: web::Query<HomeQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (row, members) =
        labour_app::organisations::members::list(&ctx.state.app, &ctx.caller, id.into_inner())
            .await
            .map_err(fail(&ctx))?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(&ctx))?;
    let mut details = Vec::new();
    let mut add = |key: &'static str, label: &str, value: String| {
        details.push(Detail {
            key,
            label: ctx.t(label).into_owned(),
            value,
        });
    };
    if let Some(t) = &row.tax_code {
        add("tax_code", "workspace.tax_code", t.clone());
    }
    if let Some(l) = &row.licence_number {
        add("licence_number", "workspace.licence_number", l.clone());
    }
    if let Some(z) = row.zone_id
        && let Some(zone) = labour_store::zones::find(&mut conn, z)
            .await
            .map_err(store_fail(&ctx))?
    {
        add("zone", "workspace.zone", zone.zone.name);
    }
    if let Some(code) = &row.commune_code {
        let name = labour_store::communes::all(&mut conn)
            .await
            .map_err(store_fail(&ctx))?
            .into_iter()
            .find(|c| &c.code == code)
            .map_or_else(|| code.clone(), |c| c.name);
        add("commune", "workspace.commune", name);
    }
    if let Some(a) = &row.address {
        add("address", "workspace.address", a.clone());
    }
    let enterprise = row.kind == OrganisationKind::Enterprise;
    let open_years = if enterprise {
        labour_store::declarations::years(&mut conn)
            .await
            .map_err(store_fail(&ctx))?
            .into_iter()
            .filter(|y| y.closed_at.is_none())
            .map(|y| y.year)
            .collect()
    } else {
        Vec::new()
    };
    drop(conn);
    let state = match row.verification {
        Verification::Pending => "pending",
        Verification::Verified => "verified",
        Verification::Refused => "refused",
    };
    Ok(ctx.render(&HomePage {
        page: ctx.page(row.name.clone()),
        org: Org::of(&ctx, &row),
        state,
        state_word: ctx
            .t(&format!("organisation.verification.{state}"))
            .into_owned(),
        reason: row.verification_reason.clone().filter(|_| row.refused()),
        details,
        members: members.len(),
        enterprise,
        open_years,
        registered: q.registered.is_some(),
    }))
}
