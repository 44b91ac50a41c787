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

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReasonRequest {
    /// Why, in words the organisation understands (they see it).
    pub reason: String,
}

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

/// Rejects a pending posting, or drops the revision of a published one; the reason goes to the
/// organisation.
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
    let row =
        labour_app::postings::reject(&state.app, &caller, id.into_inner(), expected, &body.reason)
            .await?;
    Ok(super::respond(row, &caller))
}

/// Removes a posting from the portal (scam, fees, discrimination); the reason goes to the
/// organisation.
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
    let row =
        labour_app::postings::remove(&state.app, &caller, id.into_inner(), expected, &body.reason)
            .await?;
    Ok(super::respond(row, &caller))
}
