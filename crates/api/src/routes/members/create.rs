//! `POST /api/v1/organisations/{id}/members`: a member adds another person who has an account.

use actix_web::{HttpResponse, post, web};
use labour_app::organisations::members::NewMember;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Member;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateMemberRequest {
    /// The email or mobile number the person signed up with.
    #[schema(example = "lan@example.vn")]
    pub identifier: String,
}

/// Makes an existing account a member of the organisation at once (not an invitation). Only
/// members of a verified organisation may add (`organisation_unverified` while it waits);
/// a 422 on `identifier` (`no_account`) when no account has that email or phone: the person
/// signs up first.
#[utoipa::path(
    tag = "organisations",
    params(("id" = Uuid, Path, description = "Organisation id")),
    request_body = CreateMemberRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = Member),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/members")]
pub async fn create_member(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CreateMemberRequest>,
) -> Result<HttpResponse, ApiError> {
    let input = NewMember {
        identifier: body.into_inner().identifier,
    };
    let member =
        labour_app::organisations::members::add(&state.app, &caller, id.into_inner(), input)
            .await?;
    Ok(HttpResponse::Created().json(Member::from(member)))
}
