//! `GET /api/v1/postings/{id}/offers`.

use actix_web::{get, web};
use labour_domain::policy::Action;
use uuid::Uuid;

use super::Offer;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::routes::postings::load_for;
use crate::state::AppState;

/// The offers schools made for a training need (the enterprise that posted it, and staff).
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path, description = "The training need")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<Offer>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}/offers")]
pub async fn list_offers(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<Offer>>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let _need = load_for(&mut conn, &caller, id, Action::ManageOffers).await?;
    let rows = labour_store::offers::for_need(&mut conn, id).await?;
    Ok(web::Json(List {
        items: rows
            .into_iter()
            .map(|(o, name)| Offer::new(o, Some(name)))
            .collect(),
    }))
}
