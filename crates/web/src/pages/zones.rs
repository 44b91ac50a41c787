//! `GET /zones/{id}`: an industrial park, cluster or the border-gate economic zone, with its
//! open postings.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_store::postings::Filter;
use uuid::Uuid;

use super::open_postings::{Listing, PageQuery};
use crate::context::{Ctx, Page};
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/zones/{id}", web::get().to(zone));
}

#[derive(Template)]
#[template(path = "zone.html")]
struct Zone {
    page: Page,
    kind: String,
    commune: Option<String>,
    listing: Listing,
}

async fn zone(
    ctx: Ctx,
    path: web::Path<String>,
    query: web::Query<PageQuery>,
) -> Result<HttpResponse, WebError> {
    let not_found =
        |id: &str| WebError::new(labour_app::Error::not_found("khu", "zone", id), ctx.lang);
    let id: Uuid = path.parse().map_err(|_| not_found(&path))?;
    let page = query.page(&ctx)?;
    let mut conn = ctx
        .state
        .app
        .conn()
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    let found = labour_store::zones::find(&mut conn, id)
        .await
        .map_err(|e| WebError::new(e.into(), ctx.lang))?
        .ok_or_else(|| not_found(&path))?;
    drop(conn);
    let filter = Filter {
        zone: Some(id),
        ..Filter::default()
    };
    let listing = super::open_postings::list(&ctx, &filter, page, &format!("/zones/{id}")).await?;
    let kind = ctx
        .t(&format!("zone.kind.{}", found.zone.kind))
        .into_owned();
    Ok(ctx.render(&Zone {
        page: ctx.page(found.zone.name),
        kind,
        commune: found.commune_name,
        listing,
    }))
}
