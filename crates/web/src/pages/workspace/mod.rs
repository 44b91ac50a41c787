//! An organisation's workspace for its members: registering an enterprise or school, its home
//! (verification state, the ways to its postings, declarations, keys, members, offers), its
//! members, its API keys, a school's offers for enterprises' training needs and the enterprise's
//! side of them. Every write goes through the same `labour_app` use case as the JSON API.

pub mod api_keys;
pub mod home;
pub mod members;
pub mod offers;
pub mod register;

use actix_web::web;
use labour_domain::ClosedSet;
use labour_store::organisations::OrganisationRow;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    // `new` before `{id}`: the first route that matches answers.
    cfg.route("/account/organisations/new", web::get().to(register::form))
        .route(
            "/account/organisations/new",
            web::post().to(register::create),
        )
        .route("/account/organisations/{id}", web::get().to(home::home))
        .route(
            "/account/organisations/{id}/members",
            web::get().to(members::list),
        )
        .route(
            "/account/organisations/{id}/members",
            web::post().to(members::add),
        )
        .route(
            "/account/organisations/{id}/api-keys",
            web::get().to(api_keys::list),
        )
        .route(
            "/account/organisations/{id}/api-keys",
            web::post().to(api_keys::create),
        )
        .route(
            "/account/organisations/{id}/api-keys/{key}/revoke",
            web::get().to(api_keys::revoke_form),
        )
        .route(
            "/account/organisations/{id}/api-keys/{key}/revoke",
            web::post().to(api_keys::revoke),
        )
        .route(
            "/account/organisations/{id}/offers",
            web::get().to(offers::school),
        )
        .route("/postings/{id}/offer", web::get().to(offers::form))
        .route("/postings/{id}/offer", web::post().to(offers::create))
        .route(
            "/account/postings/{id}/offers",
            web::get().to(offers::for_need),
        )
        .route(
            "/account/postings/{id}/offers/{offer}/accept",
            web::get().to(offers::accept_form),
        )
        .route(
            "/account/postings/{id}/offers/{offer}/accept",
            web::post().to(offers::accept),
        );
}

/// The organisation a workspace page is about, as its heading shows it.
#[derive(Debug, Clone)]
pub struct Org {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub school: bool,
}

impl Org {
    pub fn of(ctx: &Ctx, row: &OrganisationRow) -> Org {
        Org {
            id: row.id,
            name: row.name.clone(),
            kind: ctx
                .t(&format!("organisation.kind.{}", row.kind.as_str()))
                .into_owned(),
            school: row.kind == labour_domain::organisation::OrganisationKind::School,
        }
    }
}

/// A use case's error as the page that shows it.
pub fn fail(ctx: &Ctx) -> impl Fn(labour_app::Error) -> WebError + '_ {
    move |e| WebError::new(e, ctx.lang)
}

/// A store error as the page that shows it.
pub fn store_fail(ctx: &Ctx) -> impl Fn(labour_store::Error) -> WebError + '_ {
    move |e| WebError::new(e.into(), ctx.lang)
}
