//! `GET /api/v1/workers/{id}/profile`: staff read a worker's profile; every read is audited.

use actix_web::{HttpRequest, HttpResponse, get, web};
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::routes::me::profile::{ProfileView, consents, reasons};
use crate::state::AppState;

/// A worker's profile (the worker and staff). Staff reads go to the audit log.
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The worker's account id")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = ProfileView),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/workers/{id}/profile")]
pub async fn get_worker_profile(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let row = labour_app::workers::profile(&state.app, &caller, id.into_inner()).await?;
    let lang = crate::lang::from_headers(req.headers());
    Ok(HttpResponse::Ok().json(ProfileView {
        profile: row.profile,
        version: row.version,
        reasons: reasons(lang),
        consents: consents(lang),
    }))
}
