//! `POST /api/v1/organisations/{id}/api-keys`.

use actix_web::{HttpResponse, post, web};
use labour_app::api_keys::create::NewApiKeyInput;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::ApiKey;
use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::extract::Json;
use crate::state::AppState;

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKeyRequest {
    /// What the key is for, e.g. the app's name.
    #[schema(example = "Ứng dụng tuyển dụng nội bộ")]
    pub name: String,
    /// `public:read` (always included) and `postings:write` (the organisation's own postings).
    #[serde(default)]
    #[schema(example = json!(["postings:write"]))]
    pub scopes: Vec<String>,
}

/// A new key: `key` is shown this once and cannot be read again.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    #[serde(flatten)]
    pub api_key: ApiKey,
    /// Send as `X-API-Key: ...` or `Authorization: Bearer ...`.
    pub key: String,
}

/// Creates an API key for the organisation (its members, or staff).
#[utoipa::path(
    tag = "api-keys",
    params(("id" = Uuid, Path, description = "Organisation id")),
    request_body = CreateApiKeyRequest,
    security(("bearer_token" = [])),
    responses(
        (status = 201, body = CreatedApiKey),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<CreateApiKeyRequest>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let input = NewApiKeyInput {
        name: body.name,
        scopes: body.scopes,
    };
    let created = labour_app::api_keys::create(&state.app, &caller, id.into_inner(), input).await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        api_key: created.row.into(),
        key: created.key,
    }))
}
