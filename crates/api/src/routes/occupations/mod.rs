//! Occupations: ISCO-08 unit groups (the base of VSCO 2020) with Vietnamese names.

pub mod get;
pub mod list;
pub mod lookup;

use labour_store::occupations::{OccupationRow, VetProgrammeRow};
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct Occupation {
    /// 4-digit ISCO-08 unit group.
    #[schema(example = "7212")]
    pub code: String,
    /// Key of the plan's occupation group.
    #[schema(example = "co_khi")]
    pub group: String,
    #[schema(example = "Thợ hàn")]
    pub name_vi: String,
    #[schema(example = "Welders and Flame Cutters")]
    pub title_en: String,
}

impl From<OccupationRow> for Occupation {
    fn from(r: OccupationRow) -> Occupation {
        Occupation {
            code: r.code,
            group: r.group_key,
            name_vi: r.name_vi,
            title_en: r.title_en,
        }
    }
}

/// An occupation with the national vocational training programmes known for it.
#[derive(Debug, Serialize, ToSchema)]
pub struct OccupationDetail {
    #[serde(flatten)]
    pub occupation: Occupation,
    pub vet_programmes: Vec<VetProgramme>,
}

/// A programme code of Thông tư 26/2020/TT-BLĐTBXH.
#[derive(Debug, Serialize, ToSchema)]
pub struct VetProgramme {
    #[schema(example = "6520227")]
    pub code: String,
    #[schema(example = "Điện công nghiệp")]
    pub name_vi: String,
    /// Training level code, e.g. `cao_dang`.
    pub level: String,
}

impl From<VetProgrammeRow> for VetProgramme {
    fn from(r: VetProgrammeRow) -> VetProgramme {
        VetProgramme {
            code: r.code,
            name_vi: r.name_vi,
            level: r.level,
        }
    }
}
