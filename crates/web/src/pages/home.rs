//! The home page: one search box for jobs and courses, and the ways in.

use actix_web::{HttpResponse, web};
use askama::Template;

use crate::context::{Ctx, Page};
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home));
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
}

async fn home(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let page = ctx.page(String::new());
    Ok(ctx.render(&Home { page }))
}
