//! `PUT /api/v1/postings/{id}`: edit a posting.

use actix_web::{HttpRequest, HttpResponse, put, web};
use uuid::Uuid;

use super::{Posting, PostingBody};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

/// Replaces a posting's content. `If-Match` must carry the version you read (412 when someone
/// changed it since). A draft is edited in place; a pending or rejected posting goes (back) to
/// review; a published posting keeps its public version while the edit is reviewed.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path), ("If-Match" = String, Header, description = "The ETag you read")),
    request_body(content = PostingBody, description = "The whole new content, of the same kind"),
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
    body: Json<PostingBody>,
) -> Result<HttpResponse, ApiError> {
    let row = labour_app::postings::update(
        &state.app,
        &caller,
        id.into_inner(),
        super::expected(&req),
        body.into_inner().into(),
    )
    .await?;
    Ok(super::respond(row, &caller))
}
