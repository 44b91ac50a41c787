//! `POST /api/v1/organisations/{id}/postings`: a new draft posting.

use actix_web::{HttpRequest, HttpResponse, post, web};
use uuid::Uuid;

use super::{Posting, PostingBody};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

/// Creates a posting as a draft of the organisation (its members, or its API key with
/// `postings:write`). Send `Idempotency-Key` to make retries safe: a retry with the same key and
/// body returns the first answer; the same key with another body is refused.
#[utoipa::path(
    tag = "postings",
    params(
        ("id" = Uuid, Path, description = "Organisation id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe (at most 200 characters)"),
    ),
    request_body(content = PostingBody, description = "The content, with `kind`: `job`, `training_need` or `course`"),
    security(("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 201, body = Posting, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/postings")]
pub async fn create_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<PostingBody>,
) -> Result<HttpResponse, ApiError> {
    let key = req
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::trim).unwrap_or(""));
    let viewer = caller.clone();
    let render =
        move |row| serde_json::to_value(Posting::for_caller(row, &viewer)).unwrap_or_default();
    let created = labour_app::postings::create(
        &state.app,
        &caller,
        id.into_inner(),
        body.into_inner().into(),
        key,
        render,
    )
    .await?;
    let version = created.body["version"].as_i64().unwrap_or(1) as i32;
    Ok(HttpResponse::build(
        actix_web::http::StatusCode::from_u16(created.status as u16)
            .unwrap_or(actix_web::http::StatusCode::CREATED),
    )
    .insert_header((actix_web::http::header::ETAG, super::etag(version)))
    .json(created.body))
}
