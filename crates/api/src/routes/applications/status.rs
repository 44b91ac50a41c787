//! `POST /api/v1/applications/{id}/status`.

use actix_web::{post, web};
use labour_domain::ClosedSet;
use labour_domain::application::{Mover, Status};
use labour_domain::policy::{Action, PostingFacts};
use labour_store::audit::Event;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Application;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, Problem, field_error};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct StatusRequest {
    /// The enterprise: `shortlisted`, `interview`, `hired`, `rejected`; the worker: `withdrawn`.
    pub status: String,
}

fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found("đơn ứng tuyển", "application", &id.to_string())
}

/// Moves an application: the enterprise through its steps, the worker out by withdrawing.
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The application")),
    request_body = StatusRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Application),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/applications/{id}/status")]
pub async fn update_application_status(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<StatusRequest>,
) -> Result<web::Json<Application>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let (row, organisation) = labour_store::applications::find(&mut conn, id)
        .await?
        .ok_or_else(|| not_found(id))?;
    let mover = if caller.account() == Some(row.worker_id) {
        Mover::Worker
    } else {
        require(
            &caller,
            Action::ManageApplications(PostingFacts {
                organisation,
                public: true,
            }),
            || not_found(id),
        )?;
        // Staff may look at applications; only the organisation that posted moves them.
        let member = matches!(&caller.actor, labour_domain::policy::Actor::Account { memberships, .. }
            if memberships.iter().any(|m| m.organisation == organisation));
        if !member {
            return Err(ApiError::new(ErrorCode::Forbidden).detail(
                "Chỉ tổ chức đăng tin chuyển trạng thái đơn.",
                "Only the organisation that posted moves an application.",
            ));
        }
        Mover::Organisation
    };
    let to = Status::parse(&body.status).map_err(|e| {
        ApiError::new(ErrorCode::ValidationFailed).with_errors(vec![field_error("status", &e)])
    })?;
    let from = Status::parse(&row.status).map_err(ApiError::internal)?;
    from.can_move(to, mover).map_err(|e| {
        let f = field_error("status", &e);
        ApiError::new(ErrorCode::InvalidTransition).detail(f.message.vi, f.message.en)
    })?;
    let updated = labour_store::applications::set_status(&mut conn, id, to.as_str()).await?;
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("posting"),
        subject_id: Some(row.posting_id.to_string()),
        details: serde_json::json!({ "application": id, "from": from.as_str(), "to": to.as_str() }),
        ..caller.event("application_status", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(web::Json(updated.into()))
}
