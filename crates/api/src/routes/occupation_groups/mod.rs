//! The occupation groups named in the plan.

pub mod list;

use labour_store::occupations::OccupationGroupRow;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct OccupationGroup {
    #[schema(example = "co_khi")]
    pub key: String,
    #[schema(example = "Cơ khí")]
    pub name_vi: String,
    #[schema(example = "Mechanical engineering")]
    pub name_en: String,
    /// Counted in the plan's target of over 2,000 college and intermediate graduates a year.
    pub industrial_group_of_plan: bool,
}

impl From<OccupationGroupRow> for OccupationGroup {
    fn from(r: OccupationGroupRow) -> OccupationGroup {
        OccupationGroup {
            key: r.key,
            name_vi: r.name_vi,
            name_en: r.name_en,
            industrial_group_of_plan: r.industrial_group_of_plan,
        }
    }
}
