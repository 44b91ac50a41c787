//! `GET /api/v1/training-levels`.

use actix_web::{get, web};

use super::TrainingLevel;
use crate::errors::ApiError;
use crate::pagination::List;
use crate::state::AppState;

/// Lists the training levels, from the shortest training to college.
#[utoipa::path(tag = "reference", responses((status = 200, body = List<TrainingLevel>)))]
#[get("/training-levels")]
pub async fn list_training_levels(
    state: web::Data<AppState>,
) -> Result<web::Json<List<TrainingLevel>>, ApiError> {
    let mut conn = state.conn().await?;
    let rows = labour_store::training_levels::list(&mut conn).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
