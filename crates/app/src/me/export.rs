//! A person downloads everything the portal keeps about them, as one JSON document: the same
//! document whichever face asks (the API's `GET /me/export`, the web's download).

use labour_domain::ClosedSet;

use crate::errors::Error;
use crate::{App, Caller, policy};

/// The caller's data: account, roles, organisations, profile, reports, applications, saved
/// searches and notifications. Never the password hash or session tokens.
pub async fn export(app: &App, caller: &Caller) -> crate::Result<serde_json::Value> {
    let id = policy::require_own_account(caller)?;
    let mut conn = app.conn().await?;
    let account = labour_store::accounts::find(&mut conn, id)
        .await?
        .ok_or_else(|| Error::internal("account vanished"))?;
    let organisations = labour_store::accounts::memberships(&mut conn, id).await?;
    let profile = labour_store::workers::find(&mut conn, id).await?;
    let reports = labour_store::workers::reports_by(&mut conn, id).await?;
    let applications = labour_store::applications::for_worker(&mut conn, id).await?;
    let saved_searches = labour_store::saved_searches::for_account(&mut conn, id).await?;
    let notifications = labour_store::notifications::all_for(&mut conn, id).await?;
    Ok(serde_json::json!({
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
        "applications": applications.iter().map(|a| serde_json::json!({
            "id": a.id, "posting_id": a.posting_id, "worker_id": a.worker_id, "shared": a.shared,
            "message": a.message, "status": a.status.as_str(), "created_at": a.created_at,
            "updated_at": a.updated_at,
        })).collect::<Vec<_>>(),
        "saved_searches": saved_searches.iter().map(|s| serde_json::json!({
            "id": s.id, "name": s.name, "kind": s.kind, "query": s.query, "email": s.email,
            "created_at": s.created_at,
        })).collect::<Vec<_>>(),
        "notifications": notifications.iter().map(|n| serde_json::json!({
            "id": n.id, "posting_id": n.posting_id, "title": n.title,
            "saved_search_id": n.saved_search_id, "created_at": n.created_at, "read_at": n.read_at,
        })).collect::<Vec<_>>(),
    }))
}
