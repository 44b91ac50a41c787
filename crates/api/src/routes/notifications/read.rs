//! `POST /api/v1/me/notifications/read`.

use actix_web::{post, web};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MarkRead {
    /// The notifications to mark read; leave out to mark all of them.
    pub ids: Option<Vec<Uuid>>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Marked {
    /// How many were unread and are now read.
    pub marked: usize,
}

/// Marks the signed-in worker's notifications read (the given ones, or all).
#[utoipa::path(
    tag = "workers",
    request_body = MarkRead,
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Marked),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/me/notifications/read")]
pub async fn mark_notifications_read(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<MarkRead>,
) -> Result<web::Json<Marked>, ApiError> {
    let marked = labour_app::notifications::read(&state.app, &caller, body.ids.as_deref()).await?;
    Ok(web::Json(Marked { marked }))
}
