//! `GET /api/v1/organisations/{id}`.

use actix_web::{get, web};
use labour_domain::policy::Action;
use uuid::Uuid;

use super::{Organisation, load_for};
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// One organisation. Unverified ones are visible only to their members and to staff.
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path)),
    security((), ("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 200, body = Organisation),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Organisation>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let row = load_for(&mut conn, &caller, id, Action::ReadOrganisation).await?;
    Ok(web::Json(row.into()))
}
