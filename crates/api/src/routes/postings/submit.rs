//! `POST /api/v1/postings/{id}/submit`: send a draft to review.

use actix_web::{HttpRequest, HttpResponse, post, web};
use uuid::Uuid;

use super::Posting;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Sends a draft to staff review. Postings of an unverified organisation wait in the queue
/// until it is verified.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path), ("If-Match" = Option<String>, Header)),
    security(("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 200, body = Posting),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "The caller may see the posting but not do this (staff, or a member of an organisation staff refused)"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/submit")]
pub async fn submit_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let expected = super::expected(&req);
    let row = labour_app::postings::submit(&state.app, &caller, id.into_inner(), expected).await?;
    Ok(super::respond(row, &caller))
}
