//! `GET /api/v1/occupations`.

use actix_web::{get, web};
use labour_domain::occupation::OccupationQuery;
use labour_store::occupations::OccupationFilter;
use serde::Deserialize;
use utoipa::IntoParams;

use super::Occupation;
use crate::errors::{ApiError, FieldError, Problem};
use crate::lang::Text;
use crate::pagination::{Paginated, QueryChecker};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListOccupationsQuery {
    /// A code prefix ("72") or the start of words of the name, diacritics optional
    /// ("tho han" finds "Thợ hàn").
    q: Option<String>,
    /// Key of an occupation group, e.g. `co_khi`.
    group: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

/// Lists and searches occupations.
#[utoipa::path(
    tag = "reference",
    params(ListOccupationsQuery),
    responses(
        (status = 200, body = Paginated<Occupation>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/occupations")]
pub async fn list_occupations(
    state: web::Data<AppState>,
    query: web::Query<ListOccupationsQuery>,
) -> Result<web::Json<Paginated<Occupation>>, ApiError> {
    let mut check = QueryChecker::default();
    let text = check.text("q", query.q.as_deref(), 100);
    let group = check.text("group", query.group.as_deref(), 50);
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    let mut conn = state.conn().await?;
    if let Some(g) = &group
        && !labour_store::occupations::group_exists(&mut conn, g).await?
    {
        check.push(FieldError {
            field: "group".into(),
            code: "unknown_value",
            message: Text::new(
                format!("Không có nhóm nghề \"{g}\"; xem /api/v1/occupation-groups."),
                format!("No occupation group \"{g}\"; see /api/v1/occupation-groups."),
            ),
        });
    }
    check.finish()?;
    let filter = OccupationFilter {
        group,
        query: text.as_deref().and_then(OccupationQuery::parse),
    };
    let rows = labour_store::occupations::list(&mut conn, &filter, page).await?;
    Ok(web::Json(Paginated::new(rows, page)))
}
