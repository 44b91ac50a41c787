//! `GET /api/v1/my/postings`: the postings of the caller's organisations, in every state.

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, Actor};
use labour_domain::posting::{Kind, State};
use labour_store::postings::Filter;
use serde::Deserialize;
use utoipa::IntoParams;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Paginated, QueryChecker};
use crate::routes::postings::Posting;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListMyPostingsQuery {
    kind: Option<String>,
    /// `draft`, `pending`, `published`, `rejected`, `closed`, `expired` or `removed`.
    state: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

/// The postings of the caller's organisations (or of its API key's organisation), newest first.
#[utoipa::path(
    tag = "postings",
    params(ListMyPostingsQuery),
    security(("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 200, body = Paginated<Posting>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/my/postings")]
pub async fn list_my_postings(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ListMyPostingsQuery>,
) -> Result<web::Json<Paginated<Posting>>, ApiError> {
    require(&caller, Action::ListOwnPostings, || {
        ApiError::internal("never hidden")
    })?;
    let organisations: Vec<_> = match &caller.actor {
        Actor::Account { memberships, .. } => memberships.iter().map(|m| m.organisation).collect(),
        Actor::ApiKey { organisation, .. } => organisation.iter().copied().collect(),
        Actor::Anonymous => Vec::new(),
    };
    let mut check = QueryChecker::default();
    let filter = Filter {
        kind: check.parse("kind", query.kind.as_deref(), Kind::parse),
        state: check.parse("state", query.state.as_deref(), State::parse),
        ..Filter::default()
    };
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows =
        labour_store::postings::list_for_organisations(&mut conn, &organisations, &filter, page)
            .await?;
    Ok(web::Json(Paginated {
        items: rows
            .items
            .into_iter()
            .map(|r| Posting::for_caller(r, &caller))
            .collect(),
        page: page.page(),
        per_page: page.per_page(),
        total: rows.total,
    }))
}
