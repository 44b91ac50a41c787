//! `GET /account/organisations/{id}/postings`: every posting of the organisation in every
//! state, newest change first, 20 a page, filtered by state; the ways to post a new one.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::ClosedSet;
use labour_domain::organisation::OrganisationKind;
use labour_domain::paging::PageRequest;
use labour_domain::posting::{Kind, State};
use labour_store::postings::Filter;
use serde::Deserialize;
use strum::IntoEnumIterator;
use uuid::Uuid;

use super::fail;
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::pages::account::sign_in_first;

const PER_PAGE: u32 = 20;

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    state: Option<String>,
    page: Option<String>,
}

#[derive(Debug)]
pub struct Row {
    pub id: Uuid,
    pub title: String,
    pub kind: String,
    pub state: String,
    pub state_class: &'static str,
    pub updated: String,
    pub deadline: Option<String>,
}

#[derive(Template)]
#[template(path = "my_postings/list.html")]
struct ListPage {
    page: Page,
    organisation_id: Uuid,
    organisation: String,
    /// The kinds this organisation posts, with their words.
    kinds: Vec<(&'static str, String)>,
    states: Vec<(&'static str, String)>,
    state: String,
    rows: Vec<Row>,
    total: i64,
    current: u32,
    pages: u32,
}

impl ListPage {
    fn page_href(&self, n: &u32) -> String {
        let mut href = format!(
            "/account/organisations/{}/postings?page={n}",
            self.organisation_id
        );
        if !self.state.is_empty() {
            href.push_str(&format!("&state={}", self.state));
        }
        href
    }
}

pub async fn list(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::organisation_id(&ctx, &path)?;
    let organisation = super::member_organisation(&ctx, id)
        .await
        .map_err(fail(&ctx))?;
    // A state the list does not know is no filter; a page past the end is the last one.
    let state = q.state.as_deref().and_then(|s| State::parse(s).ok());
    let current = q
        .page
        .as_deref()
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, labour_domain::paging::MAX_PAGE);
    let request = PageRequest::new(Some(current), Some(PER_PAGE))
        .map_err(|e| WebError::new(labour_app::Error::internal(e), lang))?;
    let filter = Filter {
        state,
        ..Filter::default()
    };
    let found = async {
        let mut conn = ctx.state.app.conn().await?;
        Ok::<_, labour_app::Error>(
            labour_store::postings::list_for_organisations(&mut conn, &[id], &filter, request)
                .await?,
        )
    }
    .await
    .map_err(fail(&ctx))?;
    let rows = found
        .items
        .into_iter()
        .map(|r| Row {
            id: r.id,
            title: r.title.clone(),
            kind: ctx
                .t(&crate::pages::postings::kind_key(r.kind))
                .into_owned(),
            state: super::state_words(lang, r.state, r.revision.is_some()),
            state_class: super::state_class(r.state),
            updated: crate::pages::labels::date(lang, r.updated_at),
            deadline: r.deadline.map(|d| crate::format::date(lang, d)),
        })
        .collect();
    let kinds = Kind::iter()
        .filter(|k| k.posted_by() == organisation.kind)
        .map(|k| {
            (
                k.as_str(),
                ctx.t(&format!("my_postings.new_{}", k.as_str()))
                    .into_owned(),
            )
        })
        .collect();
    let pages = u32::try_from((found.total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE))
        .unwrap_or(1)
        .max(1);
    let title = match organisation.kind {
        OrganisationKind::School => ctx.t("my_postings.list_title_school"),
        _ => ctx.t("my_postings.list_title"),
    };
    Ok(ctx.render(&ListPage {
        page: ctx.page(title),
        organisation_id: id,
        organisation: organisation.name,
        kinds,
        states: State::iter()
            .map(|s| (s.as_str(), super::state_words(lang, s, false)))
            .collect(),
        state: state.map(|s| s.as_str().to_owned()).unwrap_or_default(),
        rows,
        total: found.total,
        current,
        pages,
    }))
}
