//! `PUT /api/v1/postings/{id}`: edit a posting.

use actix_web::{HttpRequest, HttpResponse, put, web};
use labour_domain::ClosedSet;
use labour_domain::posting::Transition;
use uuid::Uuid;

use super::{Posting, check_content, if_match, transition};
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::extract::Json;
use crate::state::AppState;

/// Replaces a posting's content. `If-Match` must carry the version you read (412 when someone
/// changed it since). A draft is edited in place; a pending or rejected posting goes (back) to
/// review; a published posting keeps its public version while the edit is reviewed.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag you read")),
    request_body(content = Object, description = "The whole new content, of the same kind"),
    security(("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 200, body = Posting, headers(("ETag" = String))),
        (status = 403, body = Problem, content_type = "application/problem+json", description = "The caller may see the posting but not do this (staff, or a member of an organisation staff refused)"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 412, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 428, body = Problem, content_type = "application/problem+json"),
    )
)]
#[put("/postings/{id}")]
pub async fn update_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<super::PostingBody>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let reference = state.reference().await?;
    let mut conn = state.conn().await?;
    // Only the organisation writes; others learn nothing about a posting they cannot see.
    let row = super::load_owned(&mut conn, &caller, id).await?;
    let expected = if_match(&req)?;
    let content = body.into_inner().0;
    if content.kind().as_str() != row.kind {
        return Err(ApiError::new(ErrorCode::ValidationFailed).detail(
            format!(
                "Không thể đổi loại tin ({} thành {}).",
                row.kind,
                content.kind().as_str()
            ),
            format!(
                "The kind cannot change ({} to {}).",
                row.kind,
                content.kind().as_str()
            ),
        ));
    }
    let flags = check_content(&mut conn, &reference.known, &content).await?;
    drop(conn);
    let row = transition(
        &state,
        &caller,
        id,
        Transition::Edit,
        Some(expected),
        Some((&content, flags)),
        None,
    )
    .await?;
    Ok(super::respond(row, &caller))
}
