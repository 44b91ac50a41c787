//! A worker applies to a published job, or registers interest in a published course.

use diesel_async::AsyncConnection;
use labour_domain::application::snapshot;
use labour_domain::policy::Action;
use labour_store::applications::ApplicationRow;
use labour_store::audit::Event;
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, FieldErrors, field_error};
use crate::{App, Caller, facts};

/// What the worker sends with an application.
#[derive(Debug, Clone, Default)]
pub struct Apply {
    /// Profile fields to share with the organisation (names from `application::SHAREABLE`).
    pub share: Vec<String>,
    pub message: Option<String>,
}

/// Applies once per worker and posting, sharing a snapshot of the chosen profile fields; the
/// application and its audit row are written together.
pub async fn apply(
    app: &App,
    caller: &Caller,
    posting: Uuid,
    input: Apply,
) -> crate::Result<ApplicationRow> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let job = facts::posting_for(conn, caller, posting, Action::Apply).await?;
        let worker = caller
            .account()
            .ok_or_else(|| Error::internal("no account"))?;
        // Jobs take applications; courses take enrolment interest, the same way.
        if job.kind == "training_need" {
            return Err(Error::new(ErrorCode::ValidationFailed).detail(
                "Nhu cầu đào tạo không nhận đơn; hãy ứng tuyển vào tin tuyển dụng hoặc đăng ký khóa học.",
                "Training needs take no applications; apply to a job or register interest in a course.",
            ));
        }
        let profile = labour_store::workers::find(conn, worker)
            .await?
            .ok_or_else(|| {
                Error::new(ErrorCode::ValidationFailed).detail(
                    "Hãy tạo hồ sơ trước khi ứng tuyển.",
                    "Create your profile before applying.",
                )
            })?;
        let mut errors = FieldErrors::default();
        let message = input
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
        let shared = match snapshot(&profile.profile, &input.share) {
            Ok(s) => Some(s),
            Err((i, e)) => {
                errors.push(field_error(&format!("share[{i}]"), &e));
                None
            }
        };
        errors.finish()?;
        let shared = shared.ok_or_else(|| Error::internal("checked snapshot missing"))?;
        let Some(row) =
            labour_store::applications::insert(conn, posting, worker, &shared, message).await?
        else {
            return Err(Error::new(ErrorCode::Conflict).detail(
                "Bạn đã ứng tuyển vào tin này.",
                "You have already applied to this job.",
            ));
        };
        let addr = caller.addr_string();
        let event = Event {
            subject_type: Some("posting"),
            subject_id: Some(posting.to_string()),
            details: serde_json::json!({ "application": row.id, "shared": input.share }),
            ..caller.event("application_made", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(row)
    })
    .await
}
