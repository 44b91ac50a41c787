//! `POST /api/v1/postings/{id}/applications`.

use actix_web::{HttpResponse, post, web};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Application;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyRequest {
    /// Profile fields to share with the enterprise, e.g. `["full_name", "phone", "skills"]`.
    pub share: Vec<String>,
    pub message: Option<String>,
}

/// Applies to a published job, or registers interest in a published course, sharing the chosen
/// profile fields; once per worker and posting.
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The job")),
    request_body = ApplyRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = Application),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/applications")]
pub async fn create_application(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ApplyRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = labour_app::applications::Apply {
        share: body.share,
        message: body.message,
    };
    let row = labour_app::applications::apply(&state.app, &caller, id.into_inner(), input).await?;
    Ok(HttpResponse::Created().json(Application::from(row)))
}
