//! `POST /api/v1/applications/{id}/status`.

use actix_web::{post, web};
use labour_domain::ClosedSet;
use labour_domain::application::Status;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Application;
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, Problem, field_error};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The enterprise: `shortlisted`, `interview`, `hired`, `rejected`; the worker: `withdrawn`.
    #[schema(example = "shortlisted")]
    pub status: String,
}

/// Moves an application: the enterprise through its steps, the worker out by withdrawing. The
/// move is written only if the application is still in the status it was read in, so a move
/// decided on a stale read (a shortlist racing a withdrawal) is refused, never applied.
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The application")),
    request_body = StatusRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Application),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/status")]
pub async fn update_application_status(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<StatusRequest>,
) -> Result<web::Json<Application>, ApiError> {
    let id = id.into_inner();
    let to = Status::parse(&body.status).map_err(|e| {
        ApiError::new(ErrorCode::ValidationFailed).with_errors(vec![field_error("status", &e)])
    })?;
    let row = labour_app::applications::status(&state.app, &caller, id, to).await?;
    Ok(web::Json(row.into()))
}
