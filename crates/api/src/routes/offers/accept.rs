//! `POST /api/v1/offers/{id}/accept`.

use actix_web::{post, web};
use uuid::Uuid;

use super::Offer;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Accepts one offer for a training need; the other offers are declined.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path, description = "The offer")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Offer),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/offers/{id}/accept")]
pub async fn accept_offer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Offer>, ApiError> {
    let accepted = labour_app::offers::accept(&state.app, &caller, id.into_inner()).await?;
    Ok(web::Json(Offer::new(accepted, None)))
}
