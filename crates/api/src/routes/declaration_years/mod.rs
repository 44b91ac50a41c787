//! Collection years of the yearly declarations: staff open and close them, see who has not
//! declared and remind them.

pub mod close;
pub mod create;
pub mod export;
pub mod list;
pub mod missing;
pub mod remind;

use chrono::{DateTime, Utc};
use labour_store::declarations::YearRow;
use serde::Serialize;
use utoipa::ToSchema;

use crate::errors::ApiError;

#[derive(Debug, Serialize, ToSchema)]
pub struct DeclarationYear {
    pub year: i32,
    /// `open` or `closed`.
    pub state: &'static str,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl From<YearRow> for DeclarationYear {
    fn from(r: YearRow) -> DeclarationYear {
        DeclarationYear {
            year: r.year,
            state: if r.closed_at.is_some() {
                "closed"
            } else {
                "open"
            },
            opened_at: r.opened_at,
            closed_at: r.closed_at,
        }
    }
}

pub fn not_found(year: i32) -> ApiError {
    labour_app::declaration_years::not_found(year).into()
}
