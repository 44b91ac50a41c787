//! `POST /api/v1/postings/{id}/offers`: a school answers a training need.

use actix_web::{HttpResponse, post, web};
use labour_domain::policy::{Action, OrganisationFacts, PostingFacts};
use labour_store::audit::Event;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Offer;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, FieldError, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::Text;
use crate::routes::postings::{facts, not_found};
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

fn field(name: &str, vi: &str, en: &str) -> FieldError {
    FieldError {
        field: name.into(),
        code: "unknown_reference",
        message: Text::new(vi, en),
    }
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
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let need = labour_store::postings::find(&mut conn, id).await?;
    let school = labour_store::organisations::find(&mut conn, body.school_id).await?;
    require(
        &caller,
        Action::OfferTraining {
            need: need.as_ref().map_or_else(PostingFacts::unknown, facts),
            school: school.as_ref().map_or_else(
                OrganisationFacts::unknown,
                crate::routes::organisations::facts,
            ),
        },
        || not_found(id),
    )?;
    let need = need.ok_or_else(|| not_found(id))?;
    let mut errors = FieldErrors::default();
    if need.kind != "training_need" || !need.is_public() {
        errors.push(field(
            "id",
            "Chỉ trả lời được nhu cầu đào tạo đang công khai.",
            "Only a published training need can be answered.",
        ));
    }
    if let Some(course) = body.course_id {
        let ok = labour_store::postings::find(&mut conn, course)
            .await?
            .is_some_and(|c| c.kind == "course" && c.organisation_id == body.school_id);
        if !ok {
            errors.push(field(
                "course_id",
                "Không có khóa học này của trường.",
                "No such course of this school.",
            ));
        }
    }
    let proposal = body.proposal.trim();
    if !(10..=5000).contains(&proposal.chars().count()) {
        errors.push(FieldError {
            field: "proposal".into(),
            code: "text_length",
            message: Text::new(
                "Đề xuất cần từ 10 đến 5000 ký tự.",
                "The proposal needs 10 to 5000 characters.",
            ),
        });
    }
    errors.finish()?;
    let Some(offer) = labour_store::offers::insert(
        &mut conn,
        id,
        body.school_id,
        body.course_id,
        proposal,
        caller.account(),
    )
    .await?
    else {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            "Trường đã gửi đề xuất cho nhu cầu này.",
            "This school has already answered this need.",
        ));
    };
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("posting"),
        subject_id: Some(id.to_string()),
        details: serde_json::json!({ "offer": offer.id, "school": offer.school_id }),
        ..caller.event("offer_made", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Created().json(Offer::new(offer, None)))
}
