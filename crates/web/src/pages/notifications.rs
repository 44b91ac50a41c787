//! The worker's notifications (new postings matching their saved searches), newest first, a
//! page at a time, and marking them read: the same reads and use case as
//! `/api/v1/me/notifications`.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::paging::PageRequest;
use serde::Deserialize;
use uuid::Uuid;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::Form;
use crate::pages::account::sign_in_first;
use crate::pages::labels;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/notifications", web::get().to(list))
        .route("/account/notifications/read", web::post().to(read));
}

const PER_PAGE: u32 = 20;

#[derive(Debug)]
struct Row {
    posting_id: Uuid,
    title: String,
    received: String,
    unread: bool,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    unread: String,
    has_unread: bool,
    marked: bool,
    previous: Option<u32>,
    next: Option<u32>,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    page: Option<String>,
    marked: Option<String>,
}

async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    // A page number that is not one shows the first page (a link is never worth an error).
    let number = q
        .page
        .as_deref()
        .and_then(|p| p.parse::<u32>().ok())
        .filter(|p| (1..=labour_domain::paging::MAX_PAGE).contains(p))
        .unwrap_or(1);
    let paging = PageRequest::new(Some(number), Some(PER_PAGE)).unwrap_or_default();
    let (found, unread) = async {
        let account = labour_app::policy::require_own_account(&ctx.caller)?;
        let mut conn = ctx.state.app.conn().await?;
        Ok::<_, labour_app::Error>(
            labour_store::notifications::for_account(&mut conn, account, false, paging).await?,
        )
    }
    .await
    .map_err(|e| WebError::new(e, lang))?;
    let shown = u64::from(number) * u64::from(PER_PAGE);
    Ok(ctx.render(&ListPage {
        page: ctx.page(ctx.t("notifications.title")),
        rows: found
            .items
            .into_iter()
            .map(|n| Row {
                posting_id: n.posting_id,
                title: n.title,
                received: labels::date(lang, n.created_at),
                unread: n.read_at.is_none(),
            })
            .collect(),
        unread: crate::i18n::t_with(
            lang,
            "notifications.unread_count",
            &[("count", &unread.to_string())],
        ),
        has_unread: unread > 0,
        marked: q.marked.is_some(),
        previous: (number > 1).then(|| number - 1),
        next: (u64::try_from(found.total).unwrap_or_default() > shown).then(|| number + 1),
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct ReadForm {}

async fn read(ctx: Ctx, Form(_): Form<ReadForm>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    labour_app::notifications::read(&ctx.state.app, &ctx.caller, None)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(ctx.see_other("/account/notifications?marked=1"))
}
