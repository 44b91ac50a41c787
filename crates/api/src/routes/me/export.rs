//! `GET /api/v1/me/export`: everything the portal keeps about the signed-in person.

use actix_web::{HttpResponse, get, web};

use crate::auth::{Caller, require_own_account};
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
    let id = require_own_account(&caller)?;
    let mut conn = state.conn().await?;
    let account = labour_store::accounts::find(&mut conn, id)
        .await?
        .ok_or_else(|| ApiError::internal("account vanished"))?;
    let organisations = labour_store::accounts::memberships(&mut conn, id).await?;
    let profile = labour_store::workers::find(&mut conn, id).await?;
    let reports = labour_store::workers::reports_by(&mut conn, id).await?;
    let applications: Vec<crate::routes::applications::Application> =
        labour_store::applications::for_worker(&mut conn, id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect();
    let saved_searches: Vec<crate::routes::saved_searches::SavedSearch> =
        labour_store::saved_searches::for_account(&mut conn, id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect();
    let notifications: Vec<crate::routes::notifications::list::Notification> =
        labour_store::notifications::all_for(&mut conn, id)
            .await?
            .into_iter()
            .map(Into::into)
            .collect();
    let body = serde_json::json!({
        "exported_at": chrono::Utc::now(),
        "account": {
            "id": account.id, "display_name": account.display_name, "email": account.email,
            "phone": account.phone, "created_at": account.created_at,
        },
        "roles": caller.actor.roles().into_iter().map(<&str>::from).collect::<Vec<_>>(),
        "organisations": organisations.iter().map(|m| serde_json::json!({
            "id": m.organisation_id, "name": m.name, "kind": m.kind, "verification": m.verification,
        })).collect::<Vec<_>>(),
        "profile": profile.map(|p| p.profile),
        "reports": reports.iter().map(|(posting, reason, at)| serde_json::json!({
            "posting_id": posting, "reason": <&str>::from(*reason), "at": at,
        })).collect::<Vec<_>>(),
        "applications": applications,
        "saved_searches": saved_searches,
        "notifications": notifications,
    });
    Ok(HttpResponse::Ok()
        .insert_header((
            "Content-Disposition",
            "attachment; filename=\"labour-market-data.json\"",
        ))
        .json(body))
}
