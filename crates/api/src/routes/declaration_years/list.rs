//! `GET /api/v1/declaration-years`.

use actix_web::{get, web};

use super::DeclarationYear;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::state::AppState;

/// Collection years, newest first, and whether each still takes declarations (public).
#[utoipa::path(
    tag = "statistics",
    responses(
        (status = 200, body = List<DeclarationYear>),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/declaration-years")]
pub async fn list_declaration_years(
    state: web::Data<AppState>,
) -> Result<web::Json<List<DeclarationYear>>, ApiError> {
    let mut conn = state.conn().await?;
    let rows = labour_store::declarations::years(&mut conn).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
