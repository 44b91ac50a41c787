//! `/staff/organisations`: the verification queue (pending first, the oldest first, as
//! `GET /api/v1/organisations`), and `/staff/organisations/{id}`: one organisation with the
//! tax code, licence and address it gave, verified or refused with a reason its members read
//! (`labour_app::organisations::verify`, the API's use case).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::organisations::Lock;
use labour_app::organisations::verify::VerificationInput;
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use labour_store::organisations::OrganisationRow;
use serde::Deserialize;
use uuid::Uuid;

use super::{fail, guard, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::pages::choices::Choices;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/staff/organisations", web::get().to(list))
        .route("/staff/organisations/{id}", web::get().to(show))
        .route("/staff/organisations/{id}", web::post().to(decide));
}

const PER_PAGE: u32 = 25;

/// An organisation as staff check it.
#[derive(Debug)]
struct Org {
    href: String,
    name: String,
    kind: String,
    tax_code: String,
    licence: String,
    zone: String,
    commune: String,
    address: String,
    registered: String,
    days: i64,
    verification: String,
    verified: bool,
    reason: String,
}

fn org(ctx: &Ctx, choices: &Choices, r: OrganisationRow) -> Org {
    Org {
        href: format!("/staff/organisations/{}", r.id),
        kind: ctx
            .t(&format!("organisation.kind.{}", r.kind.as_str()))
            .into_owned(),
        tax_code: r.tax_code.unwrap_or_default(),
        licence: r.licence_number.unwrap_or_default(),
        zone: r
            .zone_id
            .map(|z| choices.zone(&z.to_string()))
            .unwrap_or_default(),
        commune: r
            .commune_code
            .map(|c| choices.commune(&c))
            .unwrap_or_default(),
        address: r.address.unwrap_or_default(),
        registered: crate::format::date(ctx.lang, r.created_at.date_naive()),
        days: super::days_since(r.created_at),
        verified: r.verification == Verification::Verified,
        verification: ctx
            .t(&format!(
                "organisation.verification.{}",
                r.verification.as_str()
            ))
            .into_owned(),
        reason: r.verification_reason.unwrap_or_default(),
        name: r.name,
    }
}

/// One state's tab.
#[derive(Debug)]
struct Tab {
    href: String,
    label: String,
    current: bool,
}

#[derive(Template)]
#[template(path = "staff/organisations.html")]
struct ListPage {
    page: Page,
    tabs: Vec<Tab>,
    rows: Vec<Org>,
    total: String,
    prev: Option<String>,
    next: Option<String>,
    decided: Option<(String, String)>,
}

#[derive(Debug, Deserialize)]
struct ListQuery {
    state: Option<String>,
    page: Option<String>,
    done: Option<String>,
    of: Option<String>,
}

async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ReviewOrganisations)? {
        return Ok(r);
    }
    let state = q
        .state
        .as_deref()
        .and_then(|s| Verification::parse(s).ok())
        .unwrap_or(Verification::Pending);
    let page = super::page_of(&ctx, q.page.as_deref(), PER_PAGE)?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(&ctx))?;
    let rows = labour_store::organisations::list_by_verification(&mut conn, state, page)
        .await
        .map_err(store_fail(&ctx))?;
    let decided = match (
        q.done.as_deref(),
        q.of.as_deref().and_then(|o| o.parse::<Uuid>().ok()),
    ) {
        (Some(done @ ("verified" | "refused")), Some(id)) => {
            labour_store::organisations::find(&mut conn, id)
                .await
                .map_err(store_fail(&ctx))?
                .map(|o| {
                    (
                        ctx.t(&format!("staff.org_done_{done}")).into_owned(),
                        o.name,
                    )
                })
        }
        _ => None,
    };
    drop(conn);
    let choices = Choices::load(&ctx.state.app, ctx.lang)
        .await
        .map_err(fail(&ctx))?;
    let tabs = [
        Verification::Pending,
        Verification::Verified,
        Verification::Refused,
    ]
    .into_iter()
    .map(|v| Tab {
        href: format!("/staff/organisations?state={}", v.as_str()),
        label: ctx
            .t(&format!("organisation.verification.{}", v.as_str()))
            .into_owned(),
        current: v == state,
    })
    .collect();
    let (prev, next) = super::neighbours(page, rows.total, |n| {
        format!("/staff/organisations?state={}&page={n}", state.as_str())
    });
    Ok(ctx.render(&ListPage {
        page: ctx.page(ctx.t("staff.organisations_title")),
        tabs,
        total: crate::format::number(ctx.lang, u64::try_from(rows.total).unwrap_or(0)),
        rows: rows
            .items
            .into_iter()
            .map(|r| org(&ctx, &choices, r))
            .collect(),
        prev,
        next,
        decided,
    }))
}

#[derive(Template)]
#[template(path = "staff/organisation.html")]
struct ShowPage {
    page: Page,
    id: Uuid,
    org: Org,
    pending: bool,
    decision: String,
    reason: String,
    errors: Errors,
}

async fn page(
    ctx: &Ctx,
    id: Uuid,
    decision: String,
    reason: String,
    errors: Errors,
) -> Result<ShowPage, WebError> {
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let row = labour_app::organisations::load_for(
        &mut conn,
        &ctx.caller,
        id,
        Lock::None,
        Action::VerifyOrganisation,
    )
    .await
    .map_err(fail(ctx))?;
    drop(conn);
    let choices = Choices::load(&ctx.state.app, ctx.lang)
        .await
        .map_err(fail(ctx))?;
    let pending = row.verification == Verification::Pending;
    Ok(ShowPage {
        page: ctx.page(row.name.clone()),
        id,
        org: org(ctx, &choices, row),
        pending,
        decision,
        reason,
        errors,
    })
}

fn id_of(ctx: &Ctx, text: &str) -> Result<Uuid, WebError> {
    text.parse()
        .map_err(|_| WebError::new(labour_app::organisations::not_found(Uuid::nil()), ctx.lang))
}

async fn show(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ReviewOrganisations)? {
        return Ok(r);
    }
    let id = id_of(&ctx, &path)?;
    let p = page(&ctx, id, String::new(), String::new(), Errors::default()).await?;
    Ok(ctx.render(&p))
}

#[derive(Debug, Deserialize)]
struct DecisionForm {
    #[serde(default)]
    decision: String,
    #[serde(default)]
    reason: String,
}

async fn decide(
    ctx: Ctx,
    path: web::Path<String>,
    Form(form): Form<DecisionForm>,
) -> Result<HttpResponse, WebError> {
    if let Some(r) = guard(&ctx, Action::ReviewOrganisations)? {
        return Ok(r);
    }
    let id = id_of(&ctx, &path)?;
    let mut errors = Errors::default();
    if !["verified", "refused"].contains(&form.decision.as_str()) {
        errors.add("decision", ctx.t("staff.org_decision_required"));
    }
    if errors.is_empty() {
        let input = VerificationInput {
            decision: form.decision.clone(),
            reason: Some(form.reason.clone()),
        };
        match labour_app::organisations::verify(&ctx.state.app, &ctx.caller, id, input).await {
            Ok(_) => {
                return Ok(ctx.see_other(&format!(
                    "/staff/organisations?done={}&of={id}",
                    form.decision
                )));
            }
            Err(e) if e.code == ErrorCode::ValidationFailed => {
                errors = Errors::from_error(&e, ctx.lang, str::to_owned);
            }
            Err(e) => return Err(WebError::new(e, ctx.lang)),
        }
    }
    let p = page(&ctx, id, form.decision, form.reason, errors).await?;
    Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
}
