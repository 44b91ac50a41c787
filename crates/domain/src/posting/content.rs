//! What each kind of posting says, as typed documents, and the rules they must meet. The API
//! reads them from JSON, the store keeps them as JSON, the search index is built from them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Kind;
use crate::Error;
use crate::bounds as B;

/// The content of a posting; the `kind` field says which.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Content {
    Job(JobContent),
    TrainingNeed(TrainingNeedContent),
    Course(CourseContent),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JobContent {
    pub title: String,
    pub description: String,
    /// ISCO-08 unit group.
    pub occupation_code: String,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
    pub headcount: u32,
    /// Training level code; none means no training required.
    pub required_level: Option<String>,
    #[serde(default)]
    pub experience_years: u8,
    #[serde(default)]
    pub skills: Vec<String>,
    pub salary: Salary,
    #[serde(default)]
    pub shifts: Vec<Shift>,
    #[serde(default)]
    pub benefits: Vec<Benefit>,
    #[serde(default)]
    pub languages: Vec<String>,
    /// Absent from listings (see [`for_listing`]); a posting is always written with one (the
    /// rules refuse an empty contact).
    #[serde(default)]
    pub contact: Contact,
    /// Last day to apply.
    pub deadline: NaiveDate,
    pub start_date: Option<NaiveDate>,
}

/// Monthly salary in VND, or "negotiable".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Salary {
    Range { min_vnd: u64, max_vnd: u64 },
    Negotiable,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Shift {
    Day,
    Night,
    Rotating,
    PartTime,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Benefit {
    Housing,
    ShuttleBus,
    Meals,
    SocialInsurance,
    HealthInsurance,
    Bonus,
    Training,
}

/// Who to contact at the organisation: shown on the posting's own page and to its applicants,
/// never in bulk (see [`for_listing`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// Content fields that only a posting's own page shows: a list, a search hit, the feed or open
/// data never carries them, so nobody harvests an enterprise's contacts in bulk.
pub const DETAIL_ONLY: [&str; 1] = ["contact"];

/// A posting's content (as JSON) the way lists, search hits and the feed show it: without the
/// [`DETAIL_ONLY`] fields. It still reads back as [`Content`].
pub fn for_listing(mut content: serde_json::Value) -> serde_json::Value {
    if let Some(fields) = content.as_object_mut() {
        for field in DETAIL_ONLY {
            fields.remove(field);
        }
    }
    content
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingNeedContent {
    pub title: String,
    pub description: String,
    pub occupation_code: String,
    pub level: String,
    pub trainees: u32,
    pub purpose: TrainingPurpose,
    pub period_start: NaiveDate,
    pub period_end: NaiveDate,
    pub place: TrainingPlace,
    /// The enterprise commits to hire the trainees who complete the training.
    pub commits_to_hire: bool,
    pub paid_by: Payer,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingPurpose {
    /// Đào tạo mới.
    NewTraining,
    /// Đào tạo lại người lao động hiện có.
    Retraining,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingPlace {
    AtSchool,
    AtEnterprise,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Payer {
    Enterprise,
    Learner,
    Shared,
    State,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CourseContent {
    pub title: String,
    pub description: String,
    pub occupation_code: String,
    /// `cao_dang`, `trung_cap`, `so_cap` or `duoi_3_thang`.
    pub level: String,
    pub duration_weeks: u16,
    pub start_dates: Vec<NaiveDate>,
    pub seats: u32,
    pub tuition_vnd: u64,
    /// Support for learners, such as free training for ethnic-minority or rural workers.
    #[serde(default)]
    pub learner_support: Vec<LearnerSupport>,
    pub support_note: Option<String>,
    pub mode: CourseMode,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
    /// The certificate or diploma awarded.
    pub certificate: String,
    pub partner_organisation_id: Option<Uuid>,
    /// The training need this course answers.
    pub answers_need_id: Option<Uuid>,
    pub enrolment_deadline: Option<NaiveDate>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum LearnerSupport {
    FreeForEthnicMinority,
    FreeForRural,
    TuitionSupport,
    Allowance,
    Scholarship,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    Deserialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum CourseMode {
    AtSchool,
    AtEnterprise,
    Online,
    Blended,
}

impl crate::ClosedSet for Shift {
    const WHAT: &'static str = "shift";
}

impl crate::ClosedSet for LearnerSupport {
    const WHAT: &'static str = "learner support";
}

impl crate::ClosedSet for CourseMode {
    const WHAT: &'static str = "course mode";
}

/// Longest a deadline or start may lie ahead.
const MAX_DAYS_AHEAD: i64 = 2 * 366;

/// The largest amount of VND a posting may name: a salary, a tuition fee.
pub const MAX_VND: u64 = 1_000_000_000;

/// Collects rule violations with the JSON path of the field.
#[derive(Debug, Default)]
struct Problems(Vec<(String, Error)>);

impl Problems {
    fn text(&mut self, field: &str, value: &str, min: usize, max: usize) {
        let n = value.trim().chars().count();
        if n < min || n > max {
            self.0.push((field.into(), Error::TextLength { min, max }));
        }
    }

    fn bounded(&mut self, field: &str, value: u64, range: &std::ops::RangeInclusive<u64>) {
        if !range.contains(&value) {
            self.0.push((
                field.into(),
                Error::OutOfRange {
                    min: *range.start(),
                    max: *range.end(),
                },
            ));
        }
    }

    fn date(&mut self, field: &str, value: NaiveDate, today: NaiveDate) {
        if value < today {
            self.0.push((field.into(), Error::DateInPast));
        } else if (value - today).num_days() > MAX_DAYS_AHEAD {
            self.0.push((field.into(), Error::DateTooFar));
        }
    }

    fn list(&mut self, field: &str, items: &[String], max_items: usize, max_chars: usize) {
        if items.len() > max_items {
            self.0
                .push((field.into(), Error::TooMany { max: max_items }));
        }
        for (i, item) in items.iter().enumerate() {
            self.text(&format!("{field}[{i}]"), item, 1, max_chars);
        }
    }

    fn result<T>(&mut self, field: &str, r: Result<T, Error>) {
        if let Err(e) = r {
            self.0.push((field.into(), e));
        }
    }

    fn optional_text(&mut self, field: &str, value: Option<&str>, max: usize) {
        if let Some(v) = value {
            self.text(field, v, 1, max);
        }
    }
}

impl Content {
    pub fn kind(&self) -> Kind {
        match self {
            Content::Job(_) => Kind::Job,
            Content::TrainingNeed(_) => Kind::TrainingNeed,
            Content::Course(_) => Kind::Course,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            Content::Job(c) => &c.title,
            Content::TrainingNeed(c) => &c.title,
            Content::Course(c) => &c.title,
        }
    }

    pub fn description(&self) -> &str {
        match self {
            Content::Job(c) => &c.description,
            Content::TrainingNeed(c) => &c.description,
            Content::Course(c) => &c.description,
        }
    }

    pub fn occupation_code(&self) -> &str {
        match self {
            Content::Job(c) => &c.occupation_code,
            Content::TrainingNeed(c) => &c.occupation_code,
            Content::Course(c) => &c.occupation_code,
        }
    }

    pub fn zone_id(&self) -> Option<Uuid> {
        match self {
            Content::Job(c) => c.zone_id,
            Content::TrainingNeed(c) => c.zone_id,
            Content::Course(c) => c.zone_id,
        }
    }

    pub fn commune_code(&self) -> Option<&str> {
        match self {
            Content::Job(c) => c.commune_code.as_deref(),
            Content::TrainingNeed(c) => c.commune_code.as_deref(),
            Content::Course(c) => c.commune_code.as_deref(),
        }
    }

    /// The training level the posting names (required, wanted or taught).
    pub fn level(&self) -> Option<&str> {
        match self {
            Content::Job(c) => c.required_level.as_deref(),
            Content::TrainingNeed(c) => Some(&c.level),
            Content::Course(c) => Some(&c.level),
        }
    }

    /// The last day the posting is useful: after it, a published posting expires.
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self {
            Content::Job(c) => Some(c.deadline),
            Content::TrainingNeed(c) => Some(c.period_start),
            Content::Course(c) => c
                .enrolment_deadline
                .or_else(|| c.start_dates.iter().max().copied()),
        }
    }

    /// Every rule the content breaks, with the field it concerns. Codes that must exist in the
    /// reference data (occupation, zone, commune, level) are checked by the caller.
    pub fn problems(&self, today: NaiveDate) -> Vec<(String, Error)> {
        let mut p = Problems::default();
        p.text(
            "title",
            self.title(),
            *B::TITLE_CHARS.start(),
            *B::TITLE_CHARS.end(),
        );
        p.text(
            "description",
            self.description(),
            *B::DESCRIPTION_CHARS.start(),
            *B::DESCRIPTION_CHARS.end(),
        );
        p.result(
            "occupation_code",
            crate::occupation::OccupationCode::parse(self.occupation_code()),
        );
        if let Some(code) = self.commune_code() {
            p.result("commune_code", crate::commune::CommuneCode::parse(code));
        }
        match self {
            Content::Job(c) => {
                p.optional_text("address", c.address.as_deref(), B::ADDRESS_CHARS);
                p.bounded("headcount", u64::from(c.headcount), &B::HEADCOUNT);
                p.bounded(
                    "experience_years",
                    u64::from(c.experience_years),
                    &B::EXPERIENCE_YEARS,
                );
                p.list("skills", &c.skills, B::SKILLS.0, B::SKILLS.1);
                p.list("languages", &c.languages, B::LANGUAGES.0, B::LANGUAGES.1);
                if let Salary::Range { min_vnd, max_vnd } = c.salary {
                    p.bounded("salary.min_vnd", min_vnd, &B::POSTING_SALARY_VND);
                    p.bounded("salary.max_vnd", max_vnd, &B::POSTING_SALARY_VND);
                    if min_vnd > max_vnd {
                        p.0.push(("salary.max_vnd".into(), Error::MinAboveMax));
                    }
                }
                p.text(
                    "contact.name",
                    &c.contact.name,
                    *B::CONTACT_NAME_CHARS.start(),
                    *B::CONTACT_NAME_CHARS.end(),
                );
                if let Some(phone) = &c.contact.phone {
                    p.result("contact.phone", crate::account::Phone::parse(phone));
                }
                if let Some(email) = &c.contact.email {
                    p.result("contact.email", crate::account::Email::parse(email));
                }
                if c.contact.phone.is_none() && c.contact.email.is_none() {
                    p.0.push(("contact.phone".into(), Error::Required));
                }
                p.date("deadline", c.deadline, today);
                if let Some(start) = c.start_date {
                    p.date("start_date", start, today);
                }
            }
            Content::TrainingNeed(c) => {
                p.bounded("trainees", u64::from(c.trainees), &B::TRAINEES);
                p.date("period_start", c.period_start, today);
                if c.period_end < c.period_start {
                    p.0.push(("period_end".into(), Error::EndBeforeStart));
                }
            }
            Content::Course(c) => {
                p.bounded(
                    "duration_weeks",
                    u64::from(c.duration_weeks),
                    &B::DURATION_WEEKS,
                );
                p.bounded("seats", u64::from(c.seats), &B::SEATS);
                p.bounded("tuition_vnd", c.tuition_vnd, &B::TUITION_VND);
                p.optional_text(
                    "support_note",
                    c.support_note.as_deref(),
                    B::SUPPORT_NOTE_CHARS,
                );
                p.optional_text("address", c.address.as_deref(), B::ADDRESS_CHARS);
                p.text(
                    "certificate",
                    &c.certificate,
                    *B::CERTIFICATE_CHARS.start(),
                    *B::CERTIFICATE_CHARS.end(),
                );
                if c.start_dates.is_empty() {
                    p.0.push(("start_dates".into(), Error::Required));
                } else if c.start_dates.len() > B::START_DATES {
                    p.0.push((
                        "start_dates".into(),
                        Error::TooMany {
                            max: B::START_DATES,
                        },
                    ));
                }
                for (i, d) in c.start_dates.iter().enumerate() {
                    p.date(&format!("start_dates[{i}]"), *d, today);
                }
                if let Some(d) = c.enrolment_deadline {
                    p.date("enrolment_deadline", d, today);
                }
            }
        }
        p.0
    }

    /// All the text a reader sees, for checks that look at words.
    pub fn text(&self) -> String {
        let mut text = format!("{}\n{}", self.title(), self.description());
        match self {
            Content::Job(c) => {
                for s in c.skills.iter().chain(c.address.iter()) {
                    text.push('\n');
                    text.push_str(s);
                }
            }
            Content::Course(c) => {
                for s in c.support_note.iter().chain(c.address.iter()) {
                    text.push('\n');
                    text.push_str(s);
                }
            }
            Content::TrainingNeed(_) => {}
        }
        text
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 29).unwrap_or_default()
    }

    pub fn job() -> JobContent {
        JobContent {
            title: "Thợ hàn điện làm việc tại KCN Đồng Bành".into(),
            description: "Hàn kết cấu thép cho nhà xưởng; làm ca ngày, có xe đưa đón.".into(),
            occupation_code: "7212".into(),
            zone_id: None,
            commune_code: Some("06463".into()),
            address: None,
            headcount: 10,
            required_level: Some("so_cap".into()),
            experience_years: 1,
            skills: vec!["hàn hồ quang".into()],
            salary: Salary::Range {
                min_vnd: 8_000_000,
                max_vnd: 12_000_000,
            },
            shifts: vec![Shift::Day],
            benefits: vec![Benefit::ShuttleBus, Benefit::Meals],
            languages: vec![],
            contact: Contact {
                name: "Phòng nhân sự".into(),
                phone: Some("0912345678".into()),
                email: None,
            },
            deadline: today() + chrono::Duration::days(30),
            start_date: None,
        }
    }

    #[test]
    fn a_good_job_has_no_problems() {
        assert_eq!(Content::Job(job()).problems(today()), vec![]);
    }

    #[test]
    fn every_rule_names_its_field() {
        let mut j = job();
        j.title = "Hàn".into();
        j.headcount = 0;
        j.salary = Salary::Range {
            min_vnd: 12_000_000,
            max_vnd: 8_000_000,
        };
        j.deadline = today() - chrono::Duration::days(1);
        j.contact = Contact {
            name: "X".into(),
            phone: None,
            email: None,
        };
        j.commune_code = Some("6463".into());
        let fields: Vec<String> = Content::Job(j)
            .problems(today())
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            vec![
                "title",
                "commune_code",
                "headcount",
                "salary.max_vnd",
                "contact.phone",
                "deadline"
            ]
        );
    }

    #[test]
    fn json_round_trip_with_the_kind_tag() -> Result<(), serde_json::Error> {
        let content = Content::Job(job());
        let json = serde_json::to_value(&content)?;
        assert_eq!(json["kind"], "job");
        assert_eq!(json["salary"]["type"], "range");
        assert_eq!(serde_json::from_value::<Content>(json)?, content);
        Ok(())
    }

    #[test]
    fn a_listing_has_no_contact_and_still_reads_as_content() -> Result<(), serde_json::Error> {
        let listed = for_listing(serde_json::to_value(Content::Job(job()))?);
        assert!(listed.get("contact").is_none());
        assert!(!listed.to_string().contains("0912345678"));
        let read: Content = serde_json::from_value(listed)?;
        assert_eq!(read.title(), job().title);
        // Written without a contact, a posting is refused by the rules.
        assert!(
            read.problems(today())
                .iter()
                .any(|(field, _)| field == "contact.name")
        );
        Ok(())
    }
}
