//! `GET /api/v1/workers/{id}/profile`: staff read a worker's profile; every read is audited.

use actix_web::{HttpRequest, HttpResponse, get, web};
use labour_domain::policy::Action;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::routes::me::profile::{ProfileView, reasons};
use crate::state::AppState;

fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found("hồ sơ người lao động", "worker profile", &id.to_string())
}

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
    let id = id.into_inner();
    require(&caller, Action::ReadWorkerProfile { worker: id }, || {
        not_found(id)
    })?;
    let mut conn = state.conn().await?;
    let row = labour_store::workers::find(&mut conn, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    if caller.account() != Some(id) {
        let addr = caller.addr_string();
        let event = Event {
            subject_type: Some("account"),
            subject_id: Some(id.to_string()),
            ..caller.event("profile_read", &addr)
        };
        labour_store::audit::record(&mut conn, event).await?;
    }
    Ok(HttpResponse::Ok().json(ProfileView {
        profile: row.profile,
        version: row.version,
        reasons: reasons(crate::lang::from_headers(req.headers())),
    }))
}
