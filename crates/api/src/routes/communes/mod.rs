//! Communes and wards of Lạng Sơn (from 1 July 2025).

pub mod list;

use labour_store::communes::CommuneRow;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Commune {
    /// Official 5-digit code.
    #[schema(example = "06184")]
    pub code: String,
    pub name: String,
    /// `ward` (phường) or `commune` (xã).
    pub kind: String,
}

impl From<CommuneRow> for Commune {
    fn from(r: CommuneRow) -> Commune {
        Commune {
            code: r.code,
            name: r.name,
            kind: r.kind,
        }
    }
}
