//! A worker's saved searches: new postings that match them become notifications.

pub mod create;
pub mod delete;
pub mod list;

use chrono::{DateTime, Utc};
use labour_store::saved_searches::SavedSearchRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct SavedSearch {
    pub id: Uuid,
    pub name: String,
    /// `job`, `course`, `training_need` or `all`.
    pub kind: String,
    /// The search parameters, as `GET /api/v1/jobs` takes them.
    #[schema(value_type = Object)]
    pub query: serde_json::Value,
    /// Whether its matches go into the daily email digest.
    pub email: bool,
    pub created_at: DateTime<Utc>,
}

impl From<SavedSearchRow> for SavedSearch {
    fn from(r: SavedSearchRow) -> SavedSearch {
        SavedSearch {
            id: r.id,
            name: r.name,
            kind: r.kind,
            query: r.query,
            email: r.email,
            created_at: r.created_at,
        }
    }
}
