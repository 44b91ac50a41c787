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

/// Why staff rejected or removed a posting: the public codes the organisation reads, with a
/// note. The report reasons come first under the same names, so a decision on a report can
/// carry the report's code; the others are what a rejection finds without a report.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum ModerationReason {
    Scam,
    /// Asks workers for fees or deposits.
    AsksForMoney,
    Discriminatory,
    WrongInformation,
    /// A field the reader needs is missing or says nothing (no workplace, no salary, ...).
    Incomplete,
    /// The same posting is already on the portal.
    Duplicate,
    /// The work or the course is not in Lạng Sơn province.
    NotInProvince,
    /// Staff refused the organisation's verification, which takes its postings off the portal.
    OrganisationRefused,
    /// Anything else; the note says what.
    Other,
}

impl ClosedSet for ModerationReason {
    const WHAT: &'static str = "moderation reason";
}

impl ModerationReason {
    /// The code a decision carries when its caller names none (the free-text reason of the
    /// first API version).
    pub const DEFAULT: ModerationReason = ModerationReason::Other;

    /// Whether the decision must say more in its note: only `other` says nothing by itself.
    pub fn needs_note(self) -> bool {
        self == ModerationReason::Other
    }

    /// Whether staff pick it for a decision on one posting; `organisation_refused` follows from
    /// the organisation's verification instead.
    pub fn chosen_by_staff(self) -> bool {
        self != ModerationReason::OrganisationRefused
    }
}

impl From<ReportReason> for ModerationReason {
    fn from(r: ReportReason) -> ModerationReason {
        match r {
            ReportReason::Scam => ModerationReason::Scam,
            ReportReason::AsksForMoney => ModerationReason::AsksForMoney,
            ReportReason::Discriminatory => ModerationReason::Discriminatory,
            ReportReason::WrongInformation => ModerationReason::WrongInformation,
            ReportReason::Other => ModerationReason::Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_report_reason_is_a_moderation_reason_of_the_same_name() {
        for r in ReportReason::iter() {
            assert_eq!(ModerationReason::from(r).as_str(), r.as_str());
        }
    }

    #[test]
    fn moderation_reasons_parse_from_their_names_only() {
        for r in ModerationReason::iter() {
            assert_eq!(ModerationReason::parse(r.as_str()).ok(), Some(r));
        }
        assert!(ModerationReason::parse("spam").is_err());
        assert!(ModerationReason::parse("").is_err());
    }
}
