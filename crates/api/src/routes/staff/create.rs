//! `POST /api/v1/staff`.

use actix_web::{HttpResponse, post, web};
use labour_domain::account::{Password, display_name};
use labour_domain::policy::Action;
use labour_store::accounts::{AccountRole, NewAccount};
use labour_store::audit::Event;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, ErrorCode, FieldErrors, Problem};
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
    require(&caller, Action::CreateStaff, || {
        ApiError::internal("never hidden")
    })?;
    let mut check = FieldErrors::default();
    let identifier = crate::routes::accounts::identifier(
        &mut check,
        body.email.as_deref(),
        body.phone.as_deref(),
    );
    let password = check.check("password", Password::parse(&body.password));
    let name = check.check("display_name", display_name(&body.display_name));
    check.finish()?;
    let (Some(identifier), Some(password), Some(name)) = (identifier, password, name) else {
        return Err(ApiError::internal("checked fields missing"));
    };
    let hash = state.auth.hasher.hash(password.expose().to_owned()).await?;
    let id = Uuid::now_v7();
    let mut conn = state.conn().await?;
    let new = NewAccount {
        id,
        role: AccountRole::Staff,
        identifier: &identifier,
        display_name: &name,
        password_hash: &hash,
    };
    // Only admins get here, so saying that the email or phone is taken reveals nothing new.
    if !labour_store::accounts::insert(&mut conn, &new).await? {
        return Err(ApiError::new(ErrorCode::Conflict).detail(
            "Email hoặc số điện thoại này đã có tài khoản.",
            "This email or phone already has an account.",
        ));
    }
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("account"),
        subject_id: Some(id.to_string()),
        details: serde_json::json!({ "role": "staff" }),
        ..caller.event("role_granted", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Created().json(StaffAccount {
        id,
        display_name: name,
        role: "staff",
    }))
}
