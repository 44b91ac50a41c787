//! `GET /api/v1/occupation-groups`.

use actix_web::{get, web};

use super::OccupationGroup;
use crate::errors::ApiError;
use crate::pagination::List;
use crate::state::AppState;

/// Lists the occupation groups of Kế hoạch 190/KH-UBND, in the plan's order.
#[utoipa::path(tag = "reference", responses((status = 200, body = List<OccupationGroup>)))]
#[get("/occupation-groups")]
pub async fn list_occupation_groups(
    state: web::Data<AppState>,
) -> Result<web::Json<List<OccupationGroup>>, ApiError> {
    let mut conn = state.conn().await?;
    let rows = labour_store::occupations::groups(&mut conn).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
