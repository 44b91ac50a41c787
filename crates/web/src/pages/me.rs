//! The signed-in person's own data: download all of it (the same document as
//! `GET /api/v1/me/export`) and delete the account (the same use case as `DELETE /api/v1/me`).

use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::Form;
use crate::pages::account::sign_in_first;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/data", web::get().to(data))
        .route("/account/data/download", web::get().to(download))
        .route("/account/delete", web::get().to(delete_form))
        .route("/account/delete", web::post().to(delete))
        .route("/account/deleted", web::get().to(deleted));
}

#[derive(Template)]
#[template(path = "me/data.html")]
struct DataPage {
    page: Page,
}

async fn data(ctx: Ctx) -> HttpResponse {
    if ctx.user.is_none() {
        return sign_in_first(&ctx);
    }
    ctx.render(&DataPage {
        page: ctx.page(ctx.t("me.data_title")),
    })
}

async fn download(ctx: Ctx) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let body = labour_app::me::export(&ctx.state.app, &ctx.caller)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"labour-market-data.json\"",
        ))
        // Personal data: kept by nobody between the portal and the person.
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(body))
}

#[derive(Template)]
#[template(path = "me/delete.html")]
struct DeletePage {
    page: Page,
}

async fn delete_form(ctx: Ctx) -> HttpResponse {
    if ctx.user.is_none() {
        return sign_in_first(&ctx);
    }
    ctx.render(&DeletePage {
        page: ctx.page(ctx.t("me.delete_title")),
    })
}

#[derive(Debug, Default, Deserialize)]
pub struct DeleteForm {}

async fn delete(ctx: Ctx, Form(_): Form<DeleteForm>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    labour_app::me::delete(&ctx.state.app, &ctx.caller)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    // The sessions went with the account; the cookie goes too.
    let mut res = ctx.see_other("/account/deleted");
    res.add_removal_cookie(&crate::session::removal(&ctx.state))
        .map_err(|e| WebError::new(labour_app::Error::internal(e), ctx.lang))?;
    Ok(res)
}

#[derive(Template)]
#[template(path = "me/deleted.html")]
struct DeletedPage {
    page: Page,
}

/// Says the account is gone; it shows nothing of anyone, so anybody may open it.
async fn deleted(ctx: Ctx) -> HttpResponse {
    ctx.render(&DeletedPage {
        page: ctx.page(ctx.t("me.deleted_title")),
    })
}
