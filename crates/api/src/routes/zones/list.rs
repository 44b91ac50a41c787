//! `GET /api/v1/zones`.

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneCode;
use labour_domain::zone::ZoneKind;
use labour_store::zones::ZoneFilter;
use serde::Deserialize;
use utoipa::IntoParams;

use super::Zone;
use crate::errors::{ApiError, Problem};
use crate::pagination::{Paginated, QueryChecker};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListZonesQuery {
    /// `industrial_park`, `industrial_cluster` or `economic_zone`.
    kind: Option<String>,
    /// Official 5-digit code of the commune or ward.
    commune: Option<String>,
    /// Words of the name, diacritics optional ("dong banh" finds "Đồng Bành").
    q: Option<String>,
    /// Page number, from 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    /// Items per page, 1 to 100 (default 20).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

/// Lists zones: industrial parks (KCN), industrial clusters (CCN) and the border-gate economic zone.
#[utoipa::path(
    tag = "reference",
    params(ListZonesQuery),
    responses(
        (status = 200, body = Paginated<Zone>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/zones")]
pub async fn list_zones(
    state: web::Data<AppState>,
    query: web::Query<ListZonesQuery>,
) -> Result<web::Json<Paginated<Zone>>, ApiError> {
    let mut check = QueryChecker::default();
    let filter = ZoneFilter {
        kind: check.parse("kind", query.kind.as_deref(), ZoneKind::parse),
        commune: check.parse("commune", query.commune.as_deref(), CommuneCode::parse),
        name_prefix: check
            .text("q", query.q.as_deref(), 100)
            .map(|q| labour_domain::text::fold(&q)),
    };
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows = labour_store::zones::list(&mut conn, &filter, page).await?;
    Ok(web::Json(Paginated::new(rows, page)))
}
