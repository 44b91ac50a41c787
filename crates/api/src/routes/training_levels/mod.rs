//! Training levels (trình độ đào tạo).

pub mod list;

use labour_store::training_levels::TrainingLevelRow;
use serde::Serialize;
use utoipa::ToSchema;

#[derive(Debug, Serialize, ToSchema)]
pub struct TrainingLevel {
    #[schema(example = "trung_cap")]
    pub code: String,
    /// Higher is more advanced; a requirement is met by this rank or above.
    pub rank: i32,
    pub name_vi: String,
    pub name_en: String,
    /// Usual length of the training.
    pub duration: String,
}

impl From<TrainingLevelRow> for TrainingLevel {
    fn from(r: TrainingLevelRow) -> TrainingLevel {
        TrainingLevel {
            code: r.code,
            rank: r.rank,
            name_vi: r.name_vi,
            name_en: r.name_en,
            duration: r.duration,
        }
    }
}
