//! `POST /api/v1/accounts`: a worker signs up.

use actix_web::{HttpResponse, post, web};
use labour_app::accounts::NewAccountInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
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
    labour_app::accounts::create(&state.app, &state.auth, &caller, body.into_inner().into())
        .await?;
    Ok(HttpResponse::Accepted().json(Accepted { status: "accepted" }))
}

impl From<CreateAccountRequest> for NewAccountInput {
    fn from(r: CreateAccountRequest) -> NewAccountInput {
        NewAccountInput {
            email: r.email,
            phone: r.phone,
            password: r.password,
            display_name: r.display_name,
        }
    }
}
