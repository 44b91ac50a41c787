//! `GET /api/v1/postings`: published postings.

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::posting::Kind;
use labour_store::postings::Filter;
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;

use super::Posting;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::{Paginated, QueryChecker};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListPostingsQuery {
    /// `job`, `training_need` or `course`.
    kind: Option<String>,
    #[param(value_type = Option<Uuid>)]
    zone: Option<String>,
    #[param(value_type = Option<Uuid>)]
    organisation: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

pub(crate) fn parse_uuid(v: &str) -> Result<Uuid, labour_domain::Error> {
    v.parse().map_err(|_| labour_domain::Error::UnknownVariant {
        what: "id",
        value: v.to_owned(),
        expected: "a UUID".into(),
    })
}

/// Published postings, newest first. (Full-text search with filters and facets comes with the
/// search endpoints.)
#[utoipa::path(
    tag = "postings",
    params(ListPostingsQuery),
    responses(
        (status = 200, body = Paginated<Posting>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings")]
pub async fn list_postings(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ListPostingsQuery>,
) -> Result<web::Json<Paginated<Posting>>, ApiError> {
    let mut check = QueryChecker::default();
    let filter = Filter {
        kind: check.parse("kind", query.kind.as_deref(), Kind::parse),
        zone: check.parse("zone", query.zone.as_deref(), parse_uuid),
        organisation: check.parse("organisation", query.organisation.as_deref(), parse_uuid),
        ..Filter::default()
    };
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows = labour_store::postings::list_published(&mut conn, &filter, page).await?;
    Ok(web::Json(Paginated {
        items: rows
            .items
            .into_iter()
            .map(|r| Posting::listed(r, &caller))
            .collect(),
        page: page.page(),
        per_page: page.per_page(),
        total: rows.total,
    }))
}
