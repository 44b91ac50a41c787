//! `POST /api/v1/postings/{id}/offers`: a school answers a training need.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Offer;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOfferRequest {
    /// The school making the offer (the caller must be its member; 403 otherwise).
    pub school_id: Uuid,
    /// One of the school's courses, if the offer is an existing course.
    pub course_id: Option<Uuid>,
    /// What the school proposes: content, schedule, cost.
    pub proposal: String,
}

/// Offers a course or a proposal for a published training need; one offer per school and need.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path, description = "The training need")),
    request_body = CreateOfferRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = Offer),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/offers")]
pub async fn create_offer(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CreateOfferRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = labour_app::offers::NewOffer {
        school_id: body.school_id,
        course_id: body.course_id,
        proposal: body.proposal,
    };
    let offer = labour_app::offers::create(&state.app, &caller, id.into_inner(), input).await?;
    Ok(HttpResponse::Created().json(Offer::new(offer, None)))
}
