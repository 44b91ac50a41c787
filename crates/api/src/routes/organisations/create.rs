//! `POST /api/v1/organisations`: a signed-in person registers their enterprise or school.

use actix_web::{HttpResponse, post, web};
use labour_app::organisations::create::NewOrganisationInput;
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

use super::Organisation;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganisationRequest {
    /// `enterprise` or `school`.
    #[schema(example = "enterprise")]
    pub kind: String,
    #[schema(example = "Công ty TNHH Cơ khí Đồng Bành")]
    pub name: String,
    /// Required for an enterprise: 10 digits (or 13 with a branch), check digit verified.
    #[schema(example = "0100109106")]
    pub tax_code: Option<String>,
    /// Required for a school.
    pub licence_number: Option<String>,
    pub zone_id: Option<Uuid>,
    #[schema(example = "06463")]
    pub commune_code: Option<String>,
    pub address: Option<String>,
}

/// Registers an enterprise or a school; the caller becomes its first member. It stays
/// unverified (its postings wait) until employment service centre staff verify it.
#[utoipa::path(
    tag = "organisations",
    request_body = CreateOrganisationRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = Organisation),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 409, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    body: Json<CreateOrganisationRequest>,
) -> Result<HttpResponse, ApiError> {
    let row =
        labour_app::organisations::create(&state.app, &caller, body.into_inner().into()).await?;
    Ok(HttpResponse::Created().json(Organisation::from(row)))
}

impl From<CreateOrganisationRequest> for NewOrganisationInput {
    fn from(r: CreateOrganisationRequest) -> NewOrganisationInput {
        NewOrganisationInput {
            kind: r.kind,
            name: r.name,
            tax_code: r.tax_code,
            licence_number: r.licence_number,
            zone_id: r.zone_id,
            commune_code: r.commune_code,
            address: r.address,
        }
    }
}
