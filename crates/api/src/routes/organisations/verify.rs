//! `POST /api/v1/organisations/{id}/verification`: staff verify or refuse an organisation.

use actix_web::{post, web};
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{Organisation, load_for, not_found};
use crate::auth::Caller;
use crate::errors::{ApiError, FieldError, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::Text;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct VerificationRequest {
    /// `verified` or `refused`.
    #[schema(example = "verified")]
    pub decision: String,
    /// Required when refusing: the organisation's members see it.
    pub reason: Option<String>,
}

/// Verifies or refuses an organisation (staff). Refusing an organisation, even one verified
/// before, withdraws its published postings (they become `removed`, with the reason) and stops
/// its writes until staff verify it again; the postings stay removed after a new verification.
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path)),
    request_body = VerificationRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Organisation),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/verification")]
pub async fn verify_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<VerificationRequest>,
) -> Result<web::Json<Organisation>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let row = load_for(&mut conn, &caller, id, Action::VerifyOrganisation).await?;

    let mut check = FieldErrors::default();
    let decision = check.check("decision", Verification::parse(&body.decision));
    let reason = body
        .reason
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    match (decision, reason) {
        (Some(Verification::Pending), _) => check.push(FieldError {
            field: "decision".into(),
            code: "unknown_value",
            message: Text::new("Chọn verified hoặc refused.", "Choose verified or refused."),
        }),
        (Some(Verification::Refused), None) => check.push(FieldError {
            field: "reason".into(),
            code: "required",
            message: Text::new("Hãy ghi lý do từ chối.", "Give the reason for refusing."),
        }),
        _ => {}
    }
    if reason.is_some_and(|r| r.chars().count() > 1000) {
        check.push(FieldError {
            field: "reason".into(),
            code: "too_long",
            message: Text::new("Tối đa 1000 ký tự.", "At most 1000 characters."),
        });
    }
    check.finish()?;
    let decision = decision.ok_or_else(|| ApiError::internal("checked decision missing"))?;
    let reason = if decision == Verification::Refused {
        reason
    } else {
        None
    };
    let addr = caller.addr_string();
    let action = if decision == Verification::Verified {
        "organisation_verified"
    } else {
        "organisation_refused"
    };
    let event = Event {
        subject_type: Some("organisation"),
        subject_id: Some(id.to_string()),
        details: serde_json::json!({ "from": row.verification, "to": decision.as_str(), "reason": reason }),
        ..caller.event(action, &addr)
    };
    let removal = format!(
        "Tổ chức đã bị từ chối xác minh (organisation refused): {}",
        reason.unwrap_or_default()
    );
    let decided = labour_store::organisations::decide_verification(
        &mut conn, id, decision, reason, event, &removal,
    )
    .await?
    .ok_or_else(|| not_found(id))?;
    let updated = decided.organisation;
    Ok(web::Json(updated.into()))
}
