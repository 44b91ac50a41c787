//! The open postings of a zone or an organisation, a page at a time, as their pages list them.

use labour_domain::paging::PageRequest;
use labour_store::postings::Filter;
use serde::Deserialize;

use crate::context::Ctx;
use crate::error::WebError;

/// Postings a page of a zone or organisation lists.
const PER_PAGE: u32 = 20;

/// One posting in the list.
#[derive(Debug)]
pub struct Listed {
    pub href: String,
    pub title: String,
    pub kind: String,
    pub organisation: String,
    /// The last day to apply or enrol, as people read it.
    pub deadline: Option<String>,
}

/// A page of the list, with the links to its neighbours.
#[derive(Debug)]
pub struct Listing {
    pub items: Vec<Listed>,
    pub total: i64,
    pub prev: Option<String>,
    pub next: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    page: Option<String>,
}

impl PageQuery {
    /// The page asked for: a page that cannot exist is the 404 of a page that does not.
    pub fn page(&self, ctx: &Ctx) -> Result<PageRequest, WebError> {
        let n = match self.page.as_deref() {
            None => None,
            Some(text) => Some(text.parse::<u32>().map_err(|_| not_found(ctx))?),
        };
        PageRequest::new(n, Some(PER_PAGE)).map_err(|_| not_found(ctx))
    }
}

fn not_found(ctx: &Ctx) -> WebError {
    WebError::new(
        labour_app::Error::new(labour_app::ErrorCode::RouteNotFound),
        ctx.lang,
    )
}

/// The published postings that `filter` picks, newest first; links to other pages go to `base`.
pub async fn list(
    ctx: &Ctx,
    filter: &Filter,
    page: PageRequest,
    base: &str,
) -> Result<Listing, WebError> {
    let lang = ctx.lang;
    let fail = |e: labour_app::Error| WebError::new(e, lang);
    let mut conn = ctx.state.app.conn().await.map_err(fail)?;
    let rows = labour_store::postings::list_published(&mut conn, filter, page)
        .await
        .map_err(|e| fail(e.into()))?;
    let ids: Vec<uuid::Uuid> = rows.items.iter().map(|r| r.id).collect();
    let named = labour_store::postings::for_index(&mut conn, &ids)
        .await
        .map_err(|e| fail(e.into()))?;
    let items = rows
        .items
        .iter()
        .map(|r| Listed {
            href: format!("/postings/{}", r.id),
            title: r.title.clone(),
            kind: ctx.t(&super::postings::kind_key(r.kind)).into_owned(),
            organisation: named
                .iter()
                .find(|n| n.row.id == r.id)
                .map(|n| n.organisation_name.clone())
                .unwrap_or_default(),
            deadline: r.deadline.map(|d| crate::format::date(lang, d)),
        })
        .collect();
    let shown_to = i64::from(page.page()) * i64::from(page.per_page());
    let link = |n: u32| format!("{base}?page={n}");
    Ok(Listing {
        items,
        total: rows.total,
        prev: (page.page() > 1).then(|| link(page.page() - 1)),
        next: (shown_to < rows.total && page.page() < labour_domain::paging::MAX_PAGE)
            .then(|| link(page.page() + 1)),
    })
}
