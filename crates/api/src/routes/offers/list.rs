//! `GET /api/v1/postings/{id}/offers`.

use actix_web::{get, web};
use uuid::Uuid;

use super::Offer;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::state::AppState;

/// The offers schools made for a training need: every offer for the enterprise that posted it
/// and for staff; a school's member sees only that school's own offers (an empty list when it
/// has not answered), never another school's.
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
    let rows = labour_app::offers::for_need(&state.app, &caller, id.into_inner()).await?;
    Ok(web::Json(List {
        items: rows
            .into_iter()
            .map(|(o, name)| Offer::new(o, Some(name)))
            .collect(),
    }))
}
