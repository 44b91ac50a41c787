//! `POST /api/v1/applications/{id}/status`.

use actix_web::{post, web};
use labour_domain::ClosedSet;
use labour_domain::application::Status;
use labour_domain::policy::{Action, ApplicationFacts, PostingFacts};
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
    #[schema(example = "shortlisted")]
    pub status: String,
}

fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found("đơn ứng tuyển", "application", &id.to_string())
}

fn not_allowed(e: &labour_domain::Error) -> ApiError {
    let f = field_error("status", e);
    ApiError::new(ErrorCode::InvalidTransition).detail(f.message.vi, f.message.en)
}

/// Moves an application: the enterprise through its steps, the worker out by withdrawing. The
/// move is written only if the application is still in the status it was read in, so a move
/// decided on a stale read (a shortlist racing a withdrawal) is refused, never applied.
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
    let to = Status::parse(&body.status).map_err(|e| {
        ApiError::new(ErrorCode::ValidationFailed).with_errors(vec![field_error("status", &e)])
    })?;
    let mut conn = state.conn().await?;
    let found = labour_store::applications::find(&mut conn, id).await?;
    let facts = found
        .as_ref()
        .map_or_else(ApplicationFacts::unknown, |(row, organisation)| {
            ApplicationFacts {
                posting: PostingFacts {
                    organisation: *organisation,
                    public: true,
                },
                worker: row.worker_id,
            }
        });
    require(
        &caller,
        Action::MoveApplication {
            application: facts,
            to,
        },
        || not_found(id),
    )
    .map_err(|e| {
        if e.code == ErrorCode::Forbidden {
            e.detail(
                "Chỉ người lao động rút được đơn của mình; chỉ tổ chức đăng tin chuyển đơn sang các bước khác, cán bộ chỉ xem.",
                "Only the worker withdraws an application; only the organisation that posted moves it through the other steps, and staff only look.",
            )
        } else {
            e
        }
    })?;
    let (row, _) = found.ok_or_else(|| not_found(id))?;
    let from = Status::parse(&row.status).map_err(ApiError::internal)?;
    from.can_move(to).map_err(|e| not_allowed(&e))?;
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("posting"),
        subject_id: Some(row.posting_id.to_string()),
        details: serde_json::json!({ "application": id, "from": from.as_str(), "to": to.as_str() }),
        ..caller.event("application_status", &addr)
    };
    let updated =
        labour_store::applications::set_status(&mut conn, id, from.as_str(), to.as_str(), event)
            .await?;
    match updated {
        Some(updated) => Ok(web::Json(updated.into())),
        // Moved by someone else since it was read: answer as the lifecycle does from its new
        // status (a withdrawal stays a withdrawal).
        None => {
            let now = labour_store::applications::find(&mut conn, id)
                .await?
                .and_then(|(r, _)| Status::parse(&r.status).ok())
                .unwrap_or(from);
            Err(match now.can_move(to) {
                Err(e) => not_allowed(&e),
                Ok(()) => ApiError::new(ErrorCode::InvalidTransition).detail(
                    "Đơn ứng tuyển vừa được người khác chuyển trạng thái; hãy đọc lại rồi thử lại.",
                    "Someone moved this application meanwhile; read it again and retry.",
                ),
            })
        }
    }
}
