//! `POST /api/v1/accounts`: a worker signs up.

use actix_web::http::header::RETRY_AFTER;
use actix_web::{HttpResponse, post, web};
use labour_domain::account::{Password, display_name};
use labour_store::accounts::{AccountRole, NewAccount};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, FieldErrors, Problem};
use crate::extract::Json;
use crate::state::AppState;

/// Sign-up with an email; with a phone instead, send `phone` and no `email`.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "email": "an.nguyen@example.vn",
    "password": "mật khẩu đủ dài",
    "display_name": "Nguyễn Văn An"
}))]
pub struct CreateAccountRequest {
    /// Email address; give this or `phone`.
    #[schema(example = "an.nguyen@example.vn")]
    pub email: Option<String>,
    /// Vietnamese mobile number; give this or `email`.
    #[schema(example = "0912 345 678")]
    pub phone: Option<String>,
    /// 8 to 128 characters, any characters.
    pub password: String,
    #[schema(example = "Nguyễn Văn An")]
    pub display_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Accepted {
    #[schema(example = "accepted")]
    pub status: &'static str,
}

/// Signs up a worker. The answer is the same whether or not the email or phone already has an
/// account, so that nobody can learn who is registered; sign in to continue. Sign-ups are
/// limited per client address (`LABOUR_SIGNUPS_PER_ADDRESS` an hour).
#[utoipa::path(
    tag = "accounts",
    request_body = CreateAccountRequest,
    responses(
        (status = 202, body = Accepted, description = "Signed up, unless the email or phone already had an account"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
        (status = 429, body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait"))),
    )
)]
#[post("/accounts")]
pub async fn create_account(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateAccountRequest>,
) -> Result<HttpResponse, ApiError> {
    let mut check = FieldErrors::default();
    let identifier = super::identifier(&mut check, body.email.as_deref(), body.phone.as_deref());
    let password = check.check("password", Password::parse(&body.password));
    let name = check.check("display_name", display_name(&body.display_name));
    check.finish()?;
    let (Some(identifier), Some(password), Some(name)) = (identifier, password, name) else {
        return Err(ApiError::internal("checked fields missing"));
    };
    if let Err(wait) = state.auth.limits.sign_up(caller.client_addr) {
        return Err(ApiError::new(ErrorCode::RateLimited)
            .detail(
                format!("Có quá nhiều lượt đăng ký từ địa chỉ này; thử lại sau {wait} giây."),
                format!("Too many sign-ups from this address; try again in {wait} s."),
            )
            .header(RETRY_AFTER, wait.to_string()));
    }
    // Hash first, whatever happens next, so both outcomes take the same time.
    let hash = state.auth.hasher.hash(password.expose().to_owned()).await?;
    let mut conn = state.conn().await?;
    let new = NewAccount {
        id: Uuid::now_v7(),
        role: AccountRole::User,
        identifier: &identifier,
        display_name: &name,
        password_hash: &hash,
    };
    labour_store::accounts::insert(&mut conn, &new).await?;
    Ok(HttpResponse::Accepted().json(Accepted { status: "accepted" }))
}
