//! The signed-in person's account page: the ways to everything that is theirs.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::context::{Ctx, Page};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account", web::get().to(account));
}

#[derive(Template)]
#[template(path = "account.html")]
struct AccountPage {
    page: Page,
    name: String,
}

/// Sends a person who is not signed in to the sign-in page, to come back to `here`.
pub fn sign_in_first(ctx: &Ctx) -> HttpResponse {
    ctx.see_other(&format!("/sign-in?back={}", crate::form::encode(&ctx.here)))
}

async fn account(ctx: Ctx) -> HttpResponse {
    let Some(name) = ctx.user.clone() else {
        return sign_in_first(&ctx);
    };
    ctx.render(&AccountPage {
        page: ctx.page(ctx.t("account.title")),
        name,
    })
}
