//! `POST /api/v1/password-reset-codes`: staff issue a one-time code for a person's account.

use actix_web::{HttpResponse, post, web};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct IssueResetCodeRequest {
    /// The mobile number of the account, as the person gives it at the counter.
    #[schema(example = "0912 345 678")]
    pub phone: String,
}

/// A code, shown once: hand it to the person, who enters it with their phone on
/// `/reset-password/code`.
#[derive(Serialize, ToSchema)]
pub struct ResetCode {
    #[schema(example = "ABCDE-FGHJK")]
    pub code: String,
    pub expires_at: DateTime<Utc>,
    /// Whether it was also sent to the phone by SMS.
    pub sent_by_sms: bool,
}

impl std::fmt::Debug for ResetCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ResetCode([hidden])")
    }
}

/// Issues a one-time password reset code for the account with this phone (staff of the
/// employment service centre only; check the person's identity first). It works once, for 24
/// hours, and replaces the account's earlier codes; it is stored only as a hash, so it cannot be
/// shown again. Only workers' and organisation members' accounts get codes (403 for staff and
/// admins). Audited with the staff member as actor. Not idempotent by key: a retry issues a new
/// code, which replaces the first (a stored answer would keep the code in the clear).
#[utoipa::path(
    tag = "accounts",
    request_body = IssueResetCodeRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = ResetCode),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/password-reset-codes")]
pub async fn issue_password_reset_code(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<IssueResetCodeRequest>,
) -> Result<HttpResponse, ApiError> {
    let issued = labour_app::passwords::issue_code(&state.app, &caller, &body.phone).await?;
    Ok(HttpResponse::Created()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(ResetCode {
            code: issued.code,
            expires_at: issued.expires_at,
            sent_by_sms: issued.sent_by_sms,
        }))
}
