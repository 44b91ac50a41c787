//! `DELETE /api/v1/organisations/{id}/api-keys/{key_id}`.

use actix_web::{HttpResponse, delete, web};
use labour_domain::policy::Action;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::routes::organisations::load_for;
use crate::state::AppState;

/// Revokes a key at once: requests with it get 401 from then on.
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "Organisation id"), ("key_id" = Uuid, Path)),
    security(("bearer_token" = [])),
    responses(
        (status = 204, description = "Revoked"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/organisations/{id}/api-keys/{key_id}")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (id, key_id) = path.into_inner();
    let mut conn = state.conn().await?;
    let _org = load_for(&mut conn, &caller, id, Action::ManageApiKeys).await?;
    if !labour_store::api_keys::revoke(&mut conn, id, key_id).await? {
        return Err(ApiError::not_found(
            "khóa API",
            "API key",
            &key_id.to_string(),
        ));
    }
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("api_key"),
        subject_id: Some(key_id.to_string()),
        details: serde_json::json!({ "organisation": id }),
        ..caller.event("api_key_revoked", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::NoContent().finish())
}
