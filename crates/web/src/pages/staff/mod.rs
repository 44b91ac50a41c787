//! The employment service centre's workspace: the hub with what waits, the moderation queue
//! and its items, the organisation verification queue, the declaration years, the plan's
//! indicators, a posting's audit trail, staff accounts and reset codes. Every page asks the
//! policy the same question the API's handler asks, and writes through the same use case.

pub mod accounts;
pub mod declaration_years;
pub mod history;
pub mod hub;
pub mod indicators;
pub mod item;
pub mod organisations;
pub mod queue;

use actix_web::{HttpResponse, web};
use labour_domain::policy::Action;

use crate::context::Ctx;
use crate::error::WebError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    hub::configure(cfg);
    queue::configure(cfg);
    item::configure(cfg);
    organisations::configure(cfg);
    declaration_years::configure(cfg);
    indicators::configure(cfg);
    history::configure(cfg);
    accounts::configure(cfg);
}

/// The door of every staff page: someone not signed in goes to sign in and comes back
/// (`Some(redirect)`); a signed-in person the policy refuses gets the 403 page the API's 403
/// would be; staff go on (`None`).
pub fn guard(ctx: &Ctx, action: Action) -> Result<Option<HttpResponse>, WebError> {
    if ctx.user.is_none() {
        return Ok(Some(crate::pages::account::sign_in_first(ctx)));
    }
    labour_app::policy::require(&ctx.caller, action, || {
        labour_app::Error::internal("never hidden")
    })
    .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(None)
}

/// A use case's or the store's failure, as a page.
pub fn fail(ctx: &Ctx) -> impl Fn(labour_app::Error) -> WebError + '_ {
    move |e| WebError::new(e, ctx.lang)
}

/// A store failure, as a page.
pub fn store_fail(ctx: &Ctx) -> impl Fn(labour_store::Error) -> WebError + '_ {
    move |e| WebError::new(e.into(), ctx.lang)
}

/// A page number from a query: one that cannot exist is the 404 of a page that does not.
pub fn page_of(
    ctx: &Ctx,
    page: Option<&str>,
    per_page: u32,
) -> Result<labour_domain::paging::PageRequest, WebError> {
    let not_found = || {
        WebError::new(
            labour_app::Error::new(labour_app::ErrorCode::RouteNotFound),
            ctx.lang,
        )
    };
    let n = match page.filter(|p| !p.is_empty()) {
        None => None,
        Some(text) => Some(text.parse::<u32>().map_err(|_| not_found())?),
    };
    labour_domain::paging::PageRequest::new(n, Some(per_page)).map_err(|_| not_found())
}

/// Links to the previous and next pages of a list of `total` rows; `link` makes a page's link.
pub fn neighbours(
    page: labour_domain::paging::PageRequest,
    total: i64,
    link: impl Fn(u32) -> String,
) -> (Option<String>, Option<String>) {
    let shown_to = i64::from(page.page()) * i64::from(page.per_page());
    (
        (page.page() > 1).then(|| link(page.page() - 1)),
        (shown_to < total && page.page() < labour_domain::paging::MAX_PAGE)
            .then(|| link(page.page() + 1)),
    )
}

/// A moment as staff read it: the day and the time in Lạng Sơn (UTC+7 all year).
pub fn moment(lang: crate::lang::Lang, at: chrono::DateTime<chrono::Utc>) -> String {
    let local = at + chrono::Duration::hours(7);
    format!(
        "{} {}",
        crate::format::date(lang, local.date_naive()),
        local.format("%H:%M")
    )
}

/// How many whole days since `at`.
pub fn days_since(at: chrono::DateTime<chrono::Utc>) -> i64 {
    (chrono::Utc::now() - at).num_days().max(0)
}
