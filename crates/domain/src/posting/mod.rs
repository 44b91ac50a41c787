//! Postings: job openings, training needs and courses. One lifecycle for the three kinds; the
//! content of each kind is a typed document, checked here before anything stores it.

pub mod content;
pub mod flags;
pub mod lifecycle;

pub use content::{Content, CourseContent, JobContent, TrainingNeedContent};
pub use lifecycle::{State, Transition};

use crate::error::ClosedSet;

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Kind {
    /// Tin tuyển dụng.
    Job,
    /// Nhu cầu đào tạo, đào tạo lại.
    TrainingNeed,
    /// Khóa học, tuyển sinh.
    Course,
}

impl ClosedSet for Kind {
    const WHAT: &'static str = "posting kind";
}

/// A kind compares equal to its name (`kind == "course"`), so code written when rows held the
/// kind as text still reads right; new code compares with the variant.
impl PartialEq<&str> for Kind {
    fn eq(&self, name: &&str) -> bool {
        self.as_str() == *name
    }
}

impl Kind {
    /// Enterprises post jobs and training needs; schools post courses.
    pub fn posted_by(self) -> crate::organisation::OrganisationKind {
        use crate::organisation::OrganisationKind;
        match self {
            Kind::Job | Kind::TrainingNeed => OrganisationKind::Enterprise,
            Kind::Course => OrganisationKind::School,
        }
    }
}

/// Why someone reports a posting.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
pub enum ReportReason {
    Scam,
    /// Asks workers for fees or deposits.
    AsksForMoney,
    Discriminatory,
    WrongInformation,
    Other,
}

impl ClosedSet for ReportReason {
    const WHAT: &'static str = "report reason";
}
