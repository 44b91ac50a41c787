//! `POST /api/v1/postings/{id}/applications`.

use actix_web::{HttpResponse, post, web};
use labour_domain::application::snapshot;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Application;
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, FieldErrors, Problem, field_error};
use crate::extract::Json;
use crate::routes::postings::load_for;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplyRequest {
    /// Profile fields to share with the enterprise, e.g. `["full_name", "phone", "skills"]`.
    pub share: Vec<String>,
    pub message: Option<String>,
}

/// Applies to a published job, or registers interest in a published course, sharing the chosen
/// profile fields; once per worker and posting.
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "The job")),
    request_body = ApplyRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = Application),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/applications")]
pub async fn create_application(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ApplyRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let job = load_for(&mut conn, &caller, id, Action::Apply).await?;
    let worker = caller
        .account()
        .ok_or_else(|| ApiError::internal("no account"))?;
    // Jobs take applications; courses take enrolment interest, the same way.
    if job.kind == "training_need" {
        return Err(ApiError::new(ErrorCode::ValidationFailed).detail(
            "Nhu cầu đào tạo không nhận đơn; hãy ứng tuyển vào tin tuyển dụng hoặc đăng ký khóa học.",
            "Training needs take no applications; apply to a job or register interest in a course.",
        ));
    }
    let profile = labour_store::workers::find(&mut conn, worker)
        .await?
        .ok_or_else(|| {
            ApiError::new(ErrorCode::ValidationFailed).detail(
                "Hãy tạo hồ sơ trước khi ứng tuyển (PUT /api/v1/me/profile).",
                "Create your profile before applying (PUT /api/v1/me/profile).",
            )
        })?;
    let mut errors = FieldErrors::default();
    let message = body
        .message
        .as_deref()
        .map(str::trim)
        .filter(|m| !m.is_empty());
    if message.is_some_and(|m| m.chars().count() > 2000) {
        errors.check::<()>(
            "message",
            Err(labour_domain::Error::TextLength { min: 0, max: 2000 }),
        );
    }
    let shared = match snapshot(&profile.profile, &body.share) {
        Ok(s) => Some(s),
        Err((i, e)) => {
            errors.push(field_error(&format!("share[{i}]"), &e));
            None
        }
    };
    errors.finish()?;
    let shared = shared.ok_or_else(|| ApiError::internal("checked snapshot missing"))?;
    let Some(row) =
        labour_store::applications::insert(&mut conn, id, worker, &shared, message).await?
    else {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            "Bạn đã ứng tuyển vào tin này.",
            "You have already applied to this job.",
        ));
    };
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("posting"),
        subject_id: Some(id.to_string()),
        details: serde_json::json!({ "application": row.id, "shared": body.share }),
        ..caller.event("application_made", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Created().json(Application::from(row)))
}
