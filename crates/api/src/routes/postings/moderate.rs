//! Staff decisions: `POST /api/v1/postings/{id}/approve`, `/reject`, `/remove`.

use actix_web::{HttpRequest, HttpResponse, post, web};
use labour_domain::policy::Action;
use labour_domain::posting::Transition;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::{Posting, optional_if_match, transition};
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, FieldError, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::Text;
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
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let row = super::load_for(&mut conn, &caller, id, Action::ModeratePosting).await?;
    let verified = labour_store::organisations::find(&mut conn, row.organisation_id)
        .await?
        .is_some_and(|o| o.verified());
    if !verified {
        return Err(ApiError::new(ErrorCode::OrganisationUnverified).detail(
            "Tổ chức đăng tin chưa được xác minh; hãy xác minh tổ chức trước.",
            "The organisation is not verified yet; verify it first.",
        ));
    }
    drop(conn);
    decide(&req, &state, &caller, id, Transition::Approve, None).await
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
    moderate_with_reason(
        req,
        state,
        caller,
        id.into_inner(),
        Transition::Reject,
        &body.reason,
    )
    .await
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
    moderate_with_reason(
        req,
        state,
        caller,
        id.into_inner(),
        Transition::Remove,
        &body.reason,
    )
    .await
}

async fn moderate_with_reason(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: Uuid,
    transition: Transition,
    reason: &str,
) -> Result<HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    super::load_for(&mut conn, &caller, id, Action::ModeratePosting).await?;
    drop(conn);
    let reason = reason.trim();
    let n = reason.chars().count();
    if !(3..=1000).contains(&n) {
        let mut errors = FieldErrors::default();
        errors.push(FieldError {
            field: "reason".into(),
            code: "text_length",
            message: Text::new(
                "Lý do cần từ 3 đến 1000 ký tự.",
                "The reason needs 3 to 1000 characters.",
            ),
        });
        errors.finish()?;
    }
    decide(&req, &state, &caller, id, transition, Some(reason)).await
}

async fn decide(
    req: &HttpRequest,
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    t: Transition,
    reason: Option<&str>,
) -> Result<HttpResponse, ApiError> {
    let row = transition(state, caller, id, t, optional_if_match(req)?, None, reason).await?;
    Ok(super::respond(row, caller))
}
