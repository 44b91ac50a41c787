//! `POST /api/v1/postings/{id}/reports`: anyone signed in reports a posting to staff.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// `scam`, `asks_for_money`, `discriminatory`, `wrong_information` or `other`.
    #[schema(example = "asks_for_money")]
    pub reason: String,
    /// What is wrong; required for `other`.
    pub note: Option<String>,
}

/// Reports a posting; each account reports a posting once. Reports raise it in the staff queue.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path)),
    request_body = ReportRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 202, description = "Reported"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/reports")]
pub async fn report_posting(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ReportRequest>,
) -> Result<HttpResponse, ApiError> {
    labour_app::postings::report(
        &state.app,
        &caller,
        id.into_inner(),
        &body.reason,
        body.note.as_deref(),
    )
    .await?;
    Ok(HttpResponse::Accepted().finish())
}
