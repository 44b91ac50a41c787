//! The body of a declaration as the API takes it: the same JSON as the stored declaration,
//! described field by field in the contract, turned into the domain's `Declaration`.

use labour_domain::declaration::{Declaration, RecruitmentRow, TrainingRow, WorkforceRow};
use labour_domain::posting::content::TrainingPurpose;
use serde::Deserialize;
use utoipa::ToSchema;

/// An enterprise's declaration for one year.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({
    "workforce": [
        { "occupation_group": "co_khi", "level": "trung_cap", "workers": 40, "ethnic_minority": 25, "with_it_skills": 12 }
    ],
    "planned_recruitment": [
        { "occupation_code": "7212", "level": "so_cap", "headcount": 10 }
    ],
    "training_needs": [
        { "occupation_group": "co_khi", "level": "so_cap", "trainees": 8, "purpose": "retraining" }
    ]
}))]
pub struct DeclarationBody {
    /// The workforce at the end of the year, one row per occupation group and level (at most
    /// 200 rows, each pair once).
    pub workforce: Vec<WorkforceLine>,
    /// Planned recruitment for the next year (at most 200 rows).
    #[serde(default)]
    pub planned_recruitment: Vec<RecruitmentLine>,
    /// Training and retraining the enterprise needs next year (at most 200 rows).
    #[serde(default)]
    pub training_needs: Vec<TrainingLine>,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkforceLine {
    /// An occupation group key (`GET /api/v1/occupation-groups`).
    #[schema(example = "co_khi")]
    pub occupation_group: String,
    /// A training level code (`GET /api/v1/training-levels`), or `none` for workers without
    /// vocational training.
    #[schema(example = "trung_cap")]
    pub level: String,
    /// Workers in this group at this level, 0 to 100,000.
    #[schema(minimum = 0, maximum = 100000)]
    pub workers: u32,
    /// Of them, ethnic-minority workers (at most `workers`).
    #[schema(minimum = 0, maximum = 100000)]
    pub ethnic_minority: u32,
    /// Of them, workers with IT skills (at most `workers`).
    #[schema(minimum = 0, maximum = 100000)]
    pub with_it_skills: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct RecruitmentLine {
    /// An ISCO-08 unit group (`GET /api/v1/occupations`).
    #[schema(example = "7212")]
    pub occupation_code: String,
    /// A training level code, or `none`.
    #[schema(example = "so_cap")]
    pub level: String,
    /// People the enterprise plans to recruit, 0 to 100,000.
    #[schema(minimum = 0, maximum = 100000)]
    pub headcount: u32,
}

#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingLine {
    /// An occupation group key.
    #[schema(example = "co_khi")]
    pub occupation_group: String,
    /// A training level code.
    #[schema(example = "so_cap")]
    pub level: String,
    /// People to train, 0 to 100,000.
    #[schema(minimum = 0, maximum = 100000)]
    pub trainees: u32,
    /// Whether the training is new or retraining.
    pub purpose: Purpose,
}

/// `new_training` (đào tạo mới) or `retraining` (đào tạo lại).
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Purpose {
    NewTraining,
    Retraining,
}

impl From<DeclarationBody> for Declaration {
    fn from(b: DeclarationBody) -> Declaration {
        Declaration {
            workforce: b
                .workforce
                .into_iter()
                .map(|r| WorkforceRow {
                    occupation_group: r.occupation_group,
                    level: r.level,
                    workers: r.workers,
                    ethnic_minority: r.ethnic_minority,
                    with_it_skills: r.with_it_skills,
                })
                .collect(),
            planned_recruitment: b
                .planned_recruitment
                .into_iter()
                .map(|r| RecruitmentRow {
                    occupation_code: r.occupation_code,
                    level: r.level,
                    headcount: r.headcount,
                })
                .collect(),
            training_needs: b
                .training_needs
                .into_iter()
                .map(|r| TrainingRow {
                    occupation_group: r.occupation_group,
                    level: r.level,
                    trainees: r.trainees,
                    purpose: match r.purpose {
                        Purpose::NewTraining => TrainingPurpose::NewTraining,
                        Purpose::Retraining => TrainingPurpose::Retraining,
                    },
                })
                .collect(),
        }
    }
}
