//! `POST /api/v1/postings/{id}/reports`: anyone signed in reports a posting to staff.

use actix_web::{HttpResponse, post, web};
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::ReportReason;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::load_for;
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, FieldError, FieldErrors, Problem};
use crate::extract::Json;
use crate::lang::Text;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// `scam`, `asks_for_money`, `discriminatory`, `wrong_information` or `other`.
    #[schema(example = "asks_for_money")]
    pub reason: String,
    /// What is wrong; required for `other`.
    pub note: Option<String>,
}

/// Reports a posting; each account reports a posting once. Reports raise it in the staff queue.
#[utoipa::path(
    tag = "postings",
    params(("id" = Uuid, Path)),
    request_body = ReportRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 202, description = "Reported"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/postings/{id}/reports")]
pub async fn report_posting(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<ReportRequest>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let _row = load_for(&mut conn, &caller, id, Action::ReportPosting).await?;
    let mut errors = FieldErrors::default();
    let reason = errors.check("reason", ReportReason::parse(&body.reason));
    let note = body
        .note
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > 1000)
        || (reason == Some(ReportReason::Other) && note.is_none())
    {
        errors.push(FieldError {
            field: "note".into(),
            code: "text_length",
            message: Text::new(
                "Hãy mô tả vấn đề (tối đa 1000 ký tự).",
                "Describe the problem (at most 1000 characters).",
            ),
        });
    }
    errors.finish()?;
    let (Some(reason), Some(account)) = (reason, caller.account()) else {
        return Err(ApiError::internal("checked report missing"));
    };
    let addr = caller.addr_string();
    let added = labour_store::postings::report(
        &mut conn,
        id,
        account,
        reason.as_str(),
        note,
        caller.event("", &addr),
    )
    .await?;
    if !added {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            "Bạn đã báo cáo tin này rồi.",
            "You have already reported this posting.",
        ));
    }
    Ok(HttpResponse::Accepted().finish())
}
