//! `POST /api/v1/postings/{id}/submit`: send a draft to review.

use actix_web::{HttpRequest, HttpResponse, post, web};
use labour_domain::policy::{Action, OrganisationFacts};
use labour_domain::posting::Transition;
use uuid::Uuid;

use super::{Posting, etag, load, not_found, optional_if_match, transition};
use crate::auth::{Caller, require};
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
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let row = load(&mut conn, id).await?;
    require(&caller, Action::ReadPosting(super::facts(&row)), || {
        not_found(id)
    })?;
    require(
        &caller,
        Action::WritePostings(OrganisationFacts {
            id: row.organisation_id,
            verified: true,
        }),
        || not_found(id),
    )?;
    drop(conn);
    let row = transition(
        &state,
        &caller,
        id,
        Transition::Submit,
        optional_if_match(&req)?,
        None,
        None,
    )
    .await?;
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(row.version)))
        .json(Posting::for_caller(row, &caller)))
}
