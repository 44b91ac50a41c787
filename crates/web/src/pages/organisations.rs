//! `GET /organisations/{id}`: an enterprise or school as the public sees it (name, kind,
//! verification; nothing private) and its open postings. The same policy as the API decides
//! who sees it: verified organisations are public, others only for their members and staff.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::organisations::Lock;
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use labour_store::postings::Filter;
use uuid::Uuid;

use super::open_postings::{Listing, PageQuery};
use crate::context::{Ctx, Page};
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/organisations/{id}", web::get().to(organisation));
}

#[derive(Template)]
#[template(path = "organisation.html")]
struct Organisation {
    page: Page,
    kind: String,
    verified: bool,
    verification: String,
    zone: Option<(String, String)>,
    listing: Listing,
}

async fn organisation(
    ctx: Ctx,
    path: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let fail = |e: labour_app::Error| WebError::new(e, ctx.lang);
    let id: Uuid = path
        .parse()
        .map_err(|_| fail(labour_app::organisations::not_found(Uuid::nil())))?;
    let page = query.page(&ctx)?;
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let row = labour_app::organisations::load_for(
        &mut conn,
        &ctx.caller,
        id,
        Lock::None,
        Action::ReadOrganisation,
    )
    .await
    .map_err(fail)?;
    let zone = match row.zone_id {
        Some(z) => labour_store::zones::find(&mut conn, z)
            .await
            .map_err(|e| fail(e.into()))?
            .map(|found| (format!("/zones/{z}"), found.zone.name)),
        None => None,
    };
    drop(conn);
    let filter = Filter {
        organisation: Some(id),
        ..Filter::default()
    };
    let listing =
        super::open_postings::list(&ctx, &filter, page, &format!("/organisations/{id}")).await?;
    Ok(ctx.render(&Organisation {
        page: ctx.page(row.name),
        kind: ctx
            .t(&format!("organisation.kind.{}", row.kind.as_str()))
            .into_owned(),
        verified: row.verification == Verification::Verified,
        verification: ctx
            .t(&format!(
                "organisation.verification.{}",
                row.verification.as_str()
            ))
            .into_owned(),
        zone,
        listing,
    }))
}
