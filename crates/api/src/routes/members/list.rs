//! `GET /api/v1/organisations/{id}/members`.

use actix_web::{get, web};
use uuid::Uuid;

use super::Member;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::state::AppState;

/// The organisation's members, first to join first (its members, and staff).
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path, description = "Organisation id")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<Member>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/members")]
pub async fn list_members(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<Member>>, ApiError> {
    let (_, members) =
        labour_app::organisations::members::list(&state.app, &caller, id.into_inner()).await?;
    Ok(web::Json(List {
        items: members.into_iter().map(Into::into).collect(),
    }))
}
