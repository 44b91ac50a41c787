//! `GET /api/v1/ethnic-groups`.

use actix_web::{get, web};

use super::EthnicGroup;
use crate::errors::ApiError;
use crate::pagination::List;
use crate::state::AppState;

/// Lists the 54 ethnic groups (General Statistics Office names).
#[utoipa::path(tag = "reference", responses((status = 200, body = List<EthnicGroup>)))]
#[get("/ethnic-groups")]
pub async fn list_ethnic_groups(
    state: web::Data<AppState>,
) -> Result<web::Json<List<EthnicGroup>>, ApiError> {
    let mut conn = state.conn().await?;
    let rows = labour_store::ethnic_groups::list(&mut conn).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
