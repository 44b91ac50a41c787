//! An enterprise's yearly declarations: workforce, planned recruitment, training needs.

pub mod body;
pub mod get;
pub mod list;
pub mod update;

use chrono::{DateTime, Utc};
use labour_store::declarations::DeclarationRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::errors::ApiError;

#[derive(Debug, Serialize, ToSchema)]
pub struct DeclarationView {
    pub organisation_id: Uuid,
    pub year: i32,
    /// `workforce`, `planned_recruitment`, `training_needs`.
    #[schema(value_type = Object)]
    pub declaration: serde_json::Value,
    pub total_workers: i32,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

impl From<DeclarationRow> for DeclarationView {
    fn from(r: DeclarationRow) -> DeclarationView {
        DeclarationView {
            organisation_id: r.organisation_id,
            year: r.year,
            declaration: r.content,
            total_workers: r.total_workers,
            version: r.version,
            updated_at: r.updated_at,
        }
    }
}

pub fn not_found(organisation: Uuid, year: i32) -> ApiError {
    labour_app::declarations::not_found(organisation, year).into()
}
