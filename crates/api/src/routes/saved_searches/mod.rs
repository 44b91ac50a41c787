//! A worker's saved searches: new postings that match them become notifications.

pub mod create;
pub mod delete;
pub mod list;

use chrono::{DateTime, Utc};
use labour_domain::posting::Kind;
use labour_store::saved_searches::SavedSearchRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::pagination::QueryChecker;
use crate::routes::search::SearchQuery;
use labour_app::known::Known;

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

/// The kinds a saved search's `kind` stands for.
pub fn kinds(kind: &str) -> Option<Vec<Kind>> {
    Some(match kind {
        "job" => vec![Kind::Job],
        "course" => vec![Kind::Course],
        "training_need" => vec![Kind::TrainingNeed],
        "all" => vec![Kind::Job, Kind::Course, Kind::TrainingNeed],
        _ => return None,
    })
}

/// The search a saved search runs, with its parameters checked as the search endpoints check
/// them; errors are recorded in `check`, each named `query.<parameter>`.
pub fn search_request(
    kind: &str,
    query: &serde_json::Value,
    known: &Known,
    check: &mut QueryChecker,
) -> Option<labour_search::SearchRequest> {
    let q = serde_json::from_value::<SearchQuery>(query.clone()).ok()?;
    let mut own = QueryChecker::default();
    let request = crate::routes::search::parse(kinds(kind)?, &q, known, &mut own).0;
    check.absorb(own, "query.");
    Some(request)
}
