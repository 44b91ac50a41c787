//! `GET /api/v1/me/export`: everything the portal keeps about the signed-in person.

use actix_web::{HttpResponse, get, web};

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// All the caller's data as one JSON document (account, roles, organisations, profile, reports,
/// applications, saved searches, notifications).
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 200, content_type = "application/json", body = Object),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/export")]
pub async fn export_me(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let body = labour_app::me::export(&state.app, &caller).await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"labour-market-data.json\"",
        ))
        .json(body))
}
