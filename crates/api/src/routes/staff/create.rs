//! `POST /api/v1/staff`.

use actix_web::{HttpResponse, post, web};
use labour_app::accounts::NewAccountInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateStaffRequest {
    pub email: Option<String>,
    pub phone: Option<String>,
    /// A first password, 8 to 128 characters; the person should change it.
    pub password: String,
    pub display_name: String,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct StaffAccount {
    pub id: Uuid,
    pub display_name: String,
    #[schema(example = "staff")]
    pub role: &'static str,
}

/// Creates a staff account (admins only).
#[utoipa::path(
    tag = "accounts",
    request_body = CreateStaffRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = StaffAccount),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/staff")]
pub async fn create_staff(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateStaffRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = NewAccountInput {
        email: body.email,
        phone: body.phone,
        password: body.password,
        display_name: body.display_name,
    };
    let staff = labour_app::staff::create(&state.app, &state.auth, &caller, input).await?;
    Ok(HttpResponse::Created().json(StaffAccount {
        id: staff.id,
        display_name: staff.display_name,
        role: "staff",
    }))
}
