//! `GET /api/v1/postings/{id}`.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::policy::Action;
use uuid::Uuid;

use super::{Posting, etag, load_for, not_modified};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// One posting. Published postings are public; others only for their organisation and staff.
/// `ETag` carries the version; `If-None-Match` with it answers 304.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path)),
    security((), ("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 200, body = Posting, headers(("ETag" = String))),
        (status = 304, description = "Not modified"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}")]
pub async fn get_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let row = load_for(&mut conn, &caller, id, Action::ReadPosting).await?;
    let tag = etag(row.version);
    if not_modified(&req, row.version) {
        return Ok(HttpResponse::NotModified()
            .insert_header((actix_web::http::header::ETAG, tag))
            .finish());
    }
    Ok(super::respond(row, &caller))
}
