//! `POST /api/v1/offers/{id}/accept`.

use actix_web::{post, web};
use labour_domain::policy::Action;
use labour_store::audit::Event;
use uuid::Uuid;

use super::Offer;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::routes::postings::facts;
use crate::state::AppState;

fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found("đề xuất", "offer", &id.to_string())
}

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
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let offer = labour_store::offers::find(&mut conn, id).await?;
    let need = match &offer {
        Some(offer) => labour_store::postings::find(&mut conn, offer.need_id).await?,
        None => None,
    };
    let facts = need
        .as_ref()
        .map_or_else(labour_domain::policy::PostingFacts::unknown, facts);
    require(&caller, Action::AcceptOffer(facts), || not_found(id))?;
    let (Some(offer), Some(need)) = (offer, need) else {
        return Err(not_found(id));
    };
    let accepted = labour_store::offers::accept(&mut conn, &offer).await?;
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("posting"),
        subject_id: Some(need.id.to_string()),
        details: serde_json::json!({ "offer": id, "school": accepted.school_id }),
        ..caller.event("offer_accepted", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(web::Json(Offer::new(accepted, None)))
}
