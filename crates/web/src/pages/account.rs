//! The signed-in person's account page: the ways to everything that is theirs, by role (a
//! worker's own pages, each organisation's workspace, the staff's workspace).

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::policy::Role;
use uuid::Uuid;

use crate::context::{Ctx, Page};
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account", web::get().to(account));
}

/// One organisation the person is a member of, as a way into its workspace.
struct Organisation {
    id: Uuid,
    name: String,
    kind: String,
    verification: String,
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Page,
    name: String,
    worker: bool,
    staff: bool,
    admin: bool,
    organisations: Vec<Organisation>,
}

/// Sends a person who is not signed in to the sign-in page, to come back to `here`.
pub fn sign_in_first(ctx: &Ctx) -> HttpResponse {
    ctx.see_other(&format!("/sign-in?back={}", crate::form::encode(&ctx.here)))
}

async fn account(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let (Some(name), Some(id)) = (ctx.user.clone(), ctx.caller.account()) else {
        return Ok(sign_in_first(&ctx));
    };
    let fail = |e: labour_app::Error| WebError::new(e, ctx.lang);
    let roles = ctx.caller.actor.roles();
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let organisations = labour_store::accounts::memberships(&mut conn, id)
        .await
        .map_err(|e| fail(e.into()))?
        .into_iter()
        .map(|m| Organisation {
            id: m.organisation_id,
            kind: ctx.t(&format!("organisation.kind.{}", m.kind)).into_owned(),
            verification: ctx
                .t(&format!("organisation.verification.{}", m.verification))
                .into_owned(),
            name: m.name,
        })
        .collect();
    drop(conn);
    Ok(ctx.render(&AccountPage {
        page: ctx.page(ctx.t("account.title")),
        name,
        worker: roles.contains(&Role::Worker),
        staff: roles.contains(&Role::Staff),
        admin: roles.contains(&Role::Admin),
        organisations,
    }))
}
