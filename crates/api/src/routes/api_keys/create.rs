//! `POST /api/v1/organisations/{id}/api-keys`.

use actix_web::{HttpResponse, post, web};
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, Scope};
use labour_store::api_keys::NewApiKey;
use labour_store::audit::Event;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use uuid::Uuid;

use super::ApiKey;
use crate::auth::Caller;
use crate::auth::tokens::new_api_key;
use crate::errors::{ApiError, FieldErrors, Problem};
use crate::extract::Json;
use crate::routes::organisations::load_for;
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
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let _org = load_for(&mut conn, &caller, id, Action::CreateApiKey).await?;

    let mut check = FieldErrors::default();
    let name = check.check("name", labour_domain::account::display_name(&body.name));
    let mut scopes = vec![Scope::PublicRead];
    for (i, s) in body.scopes.iter().enumerate() {
        if let Some(scope) = check.check(&format!("scopes[{i}]"), Scope::parse(s))
            && !scopes.contains(&scope)
        {
            scopes.push(scope);
        }
    }
    check.finish()?;
    let name = name.ok_or_else(|| ApiError::internal("checked name missing"))?;
    let (key, prefix, hash) = new_api_key();
    let row = labour_store::api_keys::insert(
        &mut conn,
        &NewApiKey {
            id: Uuid::now_v7(),
            organisation_id: Some(id),
            name: &name,
            prefix: &prefix,
            key_hash: &hash,
            scopes: scopes.iter().map(|s| s.as_str().to_owned()).collect(),
            created_by: caller.account(),
        },
    )
    .await?;
    let addr = caller.addr_string();
    let event = Event {
        subject_type: Some("api_key"),
        subject_id: Some(row.id.to_string()),
        details: serde_json::json!({ "organisation": id, "scopes": row.scopes, "prefix": row.prefix }),
        ..caller.event("api_key_created", &addr)
    };
    labour_store::audit::record(&mut conn, event).await?;
    Ok(HttpResponse::Created().json(CreatedApiKey {
        api_key: row.into(),
        key,
    }))
}
