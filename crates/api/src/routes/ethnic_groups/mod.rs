//! The list of ethnic groups, for forms. A person's own ethnicity is never public.

pub mod list;

use labour_store::ethnic_groups::EthnicGroupRow;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct EthnicGroup {
    #[schema(example = "nung")]
    pub key: String,
    #[schema(example = "Nùng")]
    pub name_vi: String,
    /// Every group but Kinh counts as an ethnic minority for the plan's targets.
    pub is_minority: bool,
}

impl From<EthnicGroupRow> for EthnicGroup {
    fn from(r: EthnicGroupRow) -> EthnicGroup {
        EthnicGroup {
            key: r.key,
            name_vi: r.name_vi,
            is_minority: r.is_minority,
        }
    }
}
