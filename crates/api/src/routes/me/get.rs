//! `GET /api/v1/me`.

use actix_web::{get, web};
use labour_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    pub id: Uuid,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `worker`, `enterprise_member`, `school_member`, `staff`, `admin`.
    #[schema(example = json!(["enterprise_member"]))]
    pub roles: Vec<&'static str>,
    pub organisations: Vec<MyOrganisation>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct MyOrganisation {
    pub id: Uuid,
    pub name: String,
    pub kind: String,
    pub verification: String,
}

/// The signed-in account, its roles and its organisations.
#[utoipa::path(
    tag = "accounts",
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Me),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me")]
pub async fn get_me(state: web::Data<AppState>, caller: Caller) -> Result<web::Json<Me>, ApiError> {
    require(&caller, Action::ReadOwnAccount, || {
        ApiError::internal("me is never hidden")
    })?;
    let id = caller
        .account()
        .ok_or_else(|| ApiError::internal("no account"))?;
    let mut conn = state.conn().await?;
    let account = labour_store::accounts::find(&mut conn, id)
        .await?
        .ok_or_else(|| ApiError::internal("account vanished"))?;
    let organisations = labour_store::accounts::memberships(&mut conn, id).await?;
    Ok(web::Json(Me {
        id,
        display_name: account.display_name,
        email: account.email,
        phone: account.phone,
        roles: caller.actor.roles().into_iter().map(Into::into).collect(),
        organisations: organisations
            .into_iter()
            .map(|m| MyOrganisation {
                id: m.organisation_id,
                name: m.name,
                kind: m.kind,
                verification: m.verification,
            })
            .collect(),
    }))
}
