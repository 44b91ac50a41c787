//! `GET /api/v1/organisations/{id}/api-keys`.

use actix_web::{get, web};
use labour_domain::policy::Action;
use uuid::Uuid;

use super::ApiKey;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::routes::organisations::load_for;
use crate::state::AppState;

/// The organisation's API keys, newest first, without the keys themselves.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "Organisation id")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<ApiKey>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<ApiKey>>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let _org = load_for(&mut conn, &caller, id, Action::ManageApiKeys).await?;
    let rows = labour_store::api_keys::list_for_organisation(&mut conn, id).await?;
    Ok(web::Json(List {
        items: rows.into_iter().map(Into::into).collect(),
    }))
}
