//! API keys of an organisation, for third-party apps.

pub mod create;
pub mod list;
pub mod revoke;

use chrono::{DateTime, Utc};
use labour_store::api_keys::ApiKeyRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A key as listed: never the key itself.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKey {
    pub id: Uuid,
    pub name: String,
    /// The key's first characters, to tell keys apart.
    #[schema(example = "lm_Ab3dE9xY")]
    pub prefix: String,
    #[schema(example = json!(["public:read", "postings:write"]))]
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl From<ApiKeyRow> for ApiKey {
    fn from(r: ApiKeyRow) -> ApiKey {
        ApiKey {
            id: r.id,
            name: r.name,
            prefix: r.prefix,
            scopes: r.scopes,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            revoked_at: r.revoked_at,
        }
    }
}
