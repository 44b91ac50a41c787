//! `GET /api/v1/postings/{id}/applications` and `GET /api/v1/me/applications`.

use actix_web::{get, web};
use labour_domain::policy::Action;
use uuid::Uuid;

use super::Application;
use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::routes::postings::load_for;
use crate::state::AppState;

/// A job's applicants, as they shared themselves (the enterprise and staff).
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The job")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<Application>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}/applications")]
pub async fn list_applications(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<Application>>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let _job = load_for(&mut conn, &caller, id, Action::ManageApplications).await?;
    let rows = labour_store::applications::for_posting(&mut conn, id).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}

/// The signed-in worker's applications, newest first.
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<Application>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/applications")]
pub async fn list_my_applications(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<List<Application>>, ApiError> {
    let worker = require_own_account(&caller)?;
    let mut conn = state.conn().await?;
    let rows = labour_store::applications::for_worker(&mut conn, worker).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
