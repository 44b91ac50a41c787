//! `POST /api/v1/organisations/{id}/verification`: staff verify or refuse an organisation.

use actix_web::{post, web};
use labour_app::organisations::verify::VerificationInput;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Organisation;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
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
    let body = body.into_inner();
    let input = VerificationInput {
        decision: body.decision,
        reason: body.reason,
    };
    let row =
        labour_app::organisations::verify(&state.app, &caller, id.into_inner(), input).await?;
    Ok(web::Json(row.into()))
}
