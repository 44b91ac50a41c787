//! `POST /api/v1/offers/{id}/accept`.

use actix_web::{post, web};
use labour_domain::policy::Action;
use labour_store::audit::Event;
use uuid::Uuid;

use super::Offer;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::routes::postings::{facts, load};
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
    let offer = labour_store::offers::find(&mut conn, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    let need = load(&mut conn, offer.need_id).await?;
    require(&caller, Action::ManageOffers(facts(&need)), || {
        not_found(id)
    })?;
    // Staff may read offers but only the enterprise accepts one.
    if caller.account().is_none()
        || !matches!(&caller.actor, labour_domain::policy::Actor::Account { memberships, .. } if memberships.iter().any(|m| m.organisation == need.organisation_id))
    {
        return Err(ApiError::new(crate::errors::ErrorCode::Forbidden).detail(
            "Chỉ doanh nghiệp đăng nhu cầu mới chấp nhận được đề xuất.",
            "Only the enterprise that posted the need can accept an offer.",
        ));
    }
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
