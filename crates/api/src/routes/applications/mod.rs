//! Applications: a worker applies to a published job with the profile fields they choose to share;
//! the enterprise sees that snapshot and moves the application; the worker follows or withdraws.

pub mod create;
pub mod list;
pub mod status;

use chrono::{DateTime, Utc};
use labour_store::applications::ApplicationRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

#[derive(Debug, Serialize, ToSchema)]
pub struct Application {
    pub id: Uuid,
    pub posting_id: Uuid,
    pub worker_id: Uuid,
    /// The profile fields the worker shared, as they were when applying.
    #[schema(value_type = Object)]
    pub shared: serde_json::Value,
    pub message: Option<String>,
    /// `received`, `shortlisted`, `interview`, `hired`, `rejected` or `withdrawn`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl From<ApplicationRow> for Application {
    fn from(r: ApplicationRow) -> Application {
        Application {
            id: r.id,
            posting_id: r.posting_id,
            worker_id: r.worker_id,
            shared: r.shared,
            message: r.message,
            status: labour_domain::ClosedSet::as_str(r.status).to_owned(),
            created_at: r.created_at,
            updated_at: r.updated_at,
        }
    }
}
