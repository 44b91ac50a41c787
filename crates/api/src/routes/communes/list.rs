//! `GET /api/v1/communes`.

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneKind;
use labour_store::communes::CommuneFilter;
use serde::Deserialize;
use utoipa::IntoParams;

use super::Commune;
use crate::errors::{ApiError, Problem};
use crate::pagination::{Paginated, QueryChecker};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListCommunesQuery {
    /// `ward` or `commune`.
    kind: Option<String>,
    /// Words of the name, diacritics optional.
    q: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

/// Lists the communes and wards of Lạng Sơn.
#[utoipa::path(
    tag = "reference",
    params(ListCommunesQuery),
    responses(
        (status = 200, body = Paginated<Commune>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/communes")]
pub async fn list_communes(
    state: web::Data<AppState>,
    query: web::Query<ListCommunesQuery>,
) -> Result<web::Json<Paginated<Commune>>, ApiError> {
    let mut check = QueryChecker::default();
    let filter = CommuneFilter {
        kind: check.parse("kind", query.kind.as_deref(), CommuneKind::parse),
        name_prefix: check
            .text("q", query.q.as_deref(), 100)
            .map(|q| labour_domain::text::fold(&q)),
    };
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows = labour_store::communes::list(&mut conn, &filter, page).await?;
    Ok(web::Json(Paginated::new(rows, page)))
}
