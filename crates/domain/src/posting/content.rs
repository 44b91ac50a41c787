//! What each kind of posting says, as typed documents, and the rules they must meet. The API
//! reads them from JSON, the store keeps them as JSON, the search index is built from them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::Kind;
use crate::Error;

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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// Who to contact at the organisation (published as part of the posting).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LearnerSupport {
    FreeForEthnicMinority,
    FreeForRural,
    TuitionSupport,
    Allowance,
    Scholarship,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourseMode {
    AtSchool,
    AtEnterprise,
    Online,
    Blended,
}

/// Longest a deadline or start may lie ahead.
const MAX_DAYS_AHEAD: i64 = 2 * 366;

/// The largest monthly salary a job may state, in VND (a billion: far above any real offer, low
/// enough to catch a slip of the keyboard).
pub const MAX_SALARY_VND: u64 = 1_000_000_000;

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

    fn range(&mut self, field: &str, value: u64, min: u64, max: u64) {
        if value < min || value > max {
            self.0.push((field.into(), Error::OutOfRange { min, max }));
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
        p.text("title", self.title(), 5, 200);
        p.text("description", self.description(), 20, 10_000);
        p.result(
            "occupation_code",
            crate::occupation::OccupationCode::parse(self.occupation_code()),
        );
        if let Some(code) = self.commune_code() {
            p.result("commune_code", crate::commune::CommuneCode::parse(code));
        }
        match self {
            Content::Job(c) => {
                p.optional_text("address", c.address.as_deref(), 300);
                p.range("headcount", u64::from(c.headcount), 1, 10_000);
                p.range("experience_years", u64::from(c.experience_years), 0, 50);
                p.list("skills", &c.skills, 30, 100);
                p.list("languages", &c.languages, 10, 50);
                if let Salary::Range { min_vnd, max_vnd } = c.salary {
                    p.range("salary.min_vnd", min_vnd, 1, MAX_SALARY_VND);
                    p.range("salary.max_vnd", max_vnd, 1, MAX_SALARY_VND);
                    if min_vnd > max_vnd {
                        p.0.push(("salary.max_vnd".into(), Error::MinAboveMax));
                    }
                }
                p.text("contact.name", &c.contact.name, 1, 100);
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
                p.range("trainees", u64::from(c.trainees), 1, 10_000);
                p.date("period_start", c.period_start, today);
                if c.period_end < c.period_start {
                    p.0.push(("period_end".into(), Error::EndBeforeStart));
                }
            }
            Content::Course(c) => {
                p.range("duration_weeks", u64::from(c.duration_weeks), 1, 260);
                p.range("seats", u64::from(c.seats), 1, 10_000);
                p.range("tuition_vnd", c.tuition_vnd, 0, 1_000_000_000);
                p.optional_text("support_note", c.support_note.as_deref(), 500);
                p.optional_text("address", c.address.as_deref(), 300);
                p.text("certificate", &c.certificate, 1, 200);
                if c.start_dates.is_empty() {
                    p.0.push(("start_dates".into(), Error::Required));
                } else if c.start_dates.len() > 20 {
                    p.0.push(("start_dates".into(), Error::TooMany { max: 20 }));
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
}
