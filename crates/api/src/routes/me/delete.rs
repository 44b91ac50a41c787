//! `DELETE /api/v1/me`: a person erases their account.

use actix_web::{HttpResponse, delete, web};
use labour_store::audit::Event;

use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

/// Deletes the signed-in account with its profile, sessions, memberships and reports. Postings
/// belong to organisations and stay.
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[delete("/me")]
pub async fn delete_me(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let id = require_own_account(&caller)?;
    let mut conn = state.conn().await?;
    labour_store::workers::delete_account(&mut conn, id).await?;
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("account"),
        subject_id: Some(id.to_string()),
        ..caller.event("account_deleted", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::NoContent().finish())
}
