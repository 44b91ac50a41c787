//! Staff decisions: `POST /api/v1/postings/{id}/approve`, `/reject`, `/remove`.

use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Posting;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

/// Why staff reject or remove a posting: a public reason code and a note, both shown to the
/// organisation.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// One of the public reason codes; `other` when left out (a body with `reason` alone, as
    /// before the codes, still works and means `other`). The report reasons keep their names,
    /// so a decision on a report can carry the report's code.
    #[schema(value_type = Option<ModerationReasonCode>, example = "wrong_information")]
    #[serde(default)]
    pub reason_code: Option<String>,
    /// The note, in words the organisation understands (they see it): 3 to 1000 characters;
    /// required for `other`, optional for the other codes.
    #[schema(example = "Mức lương ghi sai đơn vị; hãy sửa lại.")]
    #[serde(default)]
    pub reason: Option<String>,
}

impl ReasonRequest {
    fn decision(&self) -> labour_app::postings::Decision<'_> {
        labour_app::postings::Decision {
            code: self.reason_code.as_deref(),
            note: self.reason.as_deref(),
        }
    }
}

/// The public reason codes of a rejection or removal (`ModerationReason` in the domain; the
/// list comes from there).
#[derive(Debug)]
pub struct ModerationReasonCode;

impl utoipa::PartialSchema for ModerationReasonCode {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use labour_domain::posting::ModerationReason;
        use strum::VariantNames;
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .description(Some(
                "Why staff rejected or removed a posting. `scam`, `asks_for_money`, \
                 `discriminatory`, `wrong_information` and `other` are also the report reasons; \
                 `incomplete` (a field the reader needs is missing), `duplicate` (already on \
                 the portal), `not_in_province` (not in Lạng Sơn), `organisation_refused` (the \
                 organisation's verification was refused, which removes its postings).",
            ))
            .enum_values(Some(ModerationReason::VARIANTS.iter().copied()))
            .into()
    }
}

impl utoipa::ToSchema for ModerationReasonCode {}

/// Approves a pending posting (it becomes public) or the revision of a published one (it
/// replaces the public version). The organisation must be verified.
#[utoipa::path(
    tag = "moderation",
    params(("id" = Uuid, Path), ("If-Match" = Option<String>, Header)),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Posting),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/approve")]
pub async fn approve_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = super::expected(&req);
    let row = labour_app::postings::approve(&state.app, &caller, id.into_inner(), expected).await?;
    Ok(super::respond(row, &caller))
}

/// Rejects a pending posting, or drops the revision of a published one; the reason code and
/// the note go to the organisation (`moderation_reason_code`, `moderation_reason`).
#[utoipa::path(
    tag = "moderation",
    params(("id" = Uuid, Path), ("If-Match" = Option<String>, Header)),
    request_body = ReasonRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Posting),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/reject")]
pub async fn reject_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = super::expected(&req);
    let row = labour_app::postings::reject(
        &state.app,
        &caller,
        id.into_inner(),
        expected,
        body.decision(),
    )
    .await?;
    Ok(super::respond(row, &caller))
}

/// Removes a posting from the portal (scam, fees, discrimination); the reason code and the
/// note go to the organisation (`moderation_reason_code`, `moderation_reason`).
#[utoipa::path(
    tag = "moderation",
    params(("id" = Uuid, Path), ("If-Match" = Option<String>, Header)),
    request_body = ReasonRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Posting),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/remove")]
pub async fn remove_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ReasonRequest>,
) -> Result<HttpResponse, ApiError> {
    let expected = super::expected(&req);
    let row = labour_app::postings::remove(
        &state.app,
        &caller,
        id.into_inner(),
        expected,
        body.decision(),
    )
    .await?;
    Ok(super::respond(row, &caller))
}
