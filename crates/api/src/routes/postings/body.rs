//! The body of a posting create or update: one request type per kind, with every field
//! described in the contract, read into the domain's [`Content`] once its shape is right. The
//! rules on values (lengths, ranges, dates, reference codes) are the domain's and the use
//! case's; here only the shape is read, with the path of every error kept.

use chrono::NaiveDate;
use labour_domain::posting::content as domain;
use labour_domain::posting::{Content, CourseContent, JobContent, TrainingNeedContent};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// A posting's content; `kind` says which of the three it is. Enterprises post `job` and
/// `training_need`, schools post `course`.
#[derive(Debug, ToSchema)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[schema(example = json!({
    "kind": "job",
    "title": "Công nhân lắp ráp linh kiện điện tử",
    "description": "Lắp ráp bảng mạch theo dây chuyền, làm việc theo ca tại KCN Đồng Bành.",
    "occupation_code": "8212",
    "headcount": 20,
    "salary": { "type": "range", "min_vnd": 7000000, "max_vnd": 9000000 },
    "shifts": ["day"],
    "contact": { "name": "Phòng nhân sự", "phone": "0912345678" },
    "deadline": "2026-06-01"
}))]
pub enum PostingBody {
    Job(JobBody),
    TrainingNeed(TrainingNeedBody),
    Course(CourseBody),
}

/// A job opening (tin tuyển dụng).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct JobBody {
    /// What the job is called, 5 to 200 characters.
    #[schema(min_length = 5, max_length = 200)]
    pub title: String,
    /// The work, the conditions and what is asked, 20 to 10,000 characters.
    #[schema(min_length = 20, max_length = 10000)]
    pub description: String,
    /// The occupation: an ISCO-08 unit group of 4 digits (see /api/v1/occupations).
    #[schema(example = "7212")]
    pub occupation_code: String,
    /// The industrial park or cluster of the workplace (see /api/v1/zones).
    pub zone_id: Option<Uuid>,
    /// The commune or ward of the workplace: 5 digits (see /api/v1/communes).
    #[schema(example = "06184")]
    pub commune_code: Option<String>,
    /// The workplace's address, at most 300 characters.
    pub address: Option<String>,
    /// How many people are hired, 1 to 10,000.
    #[schema(minimum = 1, maximum = 10000)]
    pub headcount: u32,
    /// The training level asked for (see /api/v1/training-levels); none: no training needed.
    pub required_level: Option<String>,
    /// Years of experience asked for, 0 to 50 (0 when left out).
    #[serde(default)]
    #[schema(minimum = 0, maximum = 50)]
    pub experience_years: u8,
    /// Skills asked for: at most 30, each 1 to 100 characters.
    #[serde(default)]
    pub skills: Vec<String>,
    /// The monthly salary.
    pub salary: SalaryBody,
    /// The shifts worked.
    #[serde(default)]
    pub shifts: Vec<Shift>,
    /// What the job gives besides the salary.
    #[serde(default)]
    pub benefits: Vec<Benefit>,
    /// Languages asked for: at most 10, each 1 to 50 characters.
    #[serde(default)]
    pub languages: Vec<String>,
    /// Who to contact: shown on the posting's own page and to its applicants, never in lists.
    #[serde(default)]
    pub contact: ContactBody,
    /// The last day to apply (from today to two years ahead); the posting expires after it.
    pub deadline: NaiveDate,
    /// When the work starts.
    pub start_date: Option<NaiveDate>,
}

/// A monthly salary in VND, or "negotiable".
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum SalaryBody {
    /// From `min_vnd` to `max_vnd` a month, each 1 to 1,000,000,000.
    Range {
        /// The lowest monthly salary, in VND.
        #[schema(minimum = 1, maximum = 1000000000)]
        min_vnd: u64,
        /// The highest monthly salary, in VND (not below `min_vnd`).
        #[schema(minimum = 1, maximum = 1000000000)]
        max_vnd: u64,
    },
    /// Agreed with each person hired.
    Negotiable,
}

/// Who to contact at the organisation.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactBody {
    /// A person or a department, 1 to 100 characters.
    pub name: String,
    /// A Vietnamese mobile number of 10 digits.
    #[schema(example = "0912345678")]
    pub phone: Option<String>,
    /// An email address.
    pub email: Option<String>,
}

/// A training or retraining need of an enterprise (nhu cầu đào tạo, đào tạo lại).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingNeedBody {
    /// What the training is called, 5 to 200 characters.
    #[schema(min_length = 5, max_length = 200)]
    pub title: String,
    /// What the trainees should learn and why, 20 to 10,000 characters.
    #[schema(min_length = 20, max_length = 10000)]
    pub description: String,
    /// The occupation trained for: an ISCO-08 unit group of 4 digits.
    #[schema(example = "7212")]
    pub occupation_code: String,
    /// The training level wanted (see /api/v1/training-levels).
    #[schema(example = "so_cap")]
    pub level: String,
    /// How many people to train, 1 to 10,000.
    #[schema(minimum = 1, maximum = 10000)]
    pub trainees: u32,
    /// New training or retraining of the enterprise's workers.
    pub purpose: TrainingPurpose,
    /// When the training should start (from today to two years ahead).
    pub period_start: NaiveDate,
    /// When the training should end (not before `period_start`).
    pub period_end: NaiveDate,
    /// Where the training takes place.
    pub place: TrainingPlace,
    /// Whether the enterprise commits to hire the trainees who complete the training.
    pub commits_to_hire: bool,
    /// Who pays for the training.
    pub paid_by: Payer,
    /// The industrial park or cluster of the enterprise (see /api/v1/zones).
    pub zone_id: Option<Uuid>,
    /// The commune or ward: 5 digits (see /api/v1/communes).
    #[schema(example = "06184")]
    pub commune_code: Option<String>,
}

/// A course of a vocational school (khóa học, tuyển sinh).
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CourseBody {
    /// What the course is called, 5 to 200 characters.
    #[schema(min_length = 5, max_length = 200)]
    pub title: String,
    /// What is taught and how, 20 to 10,000 characters.
    #[schema(min_length = 20, max_length = 10000)]
    pub description: String,
    /// The occupation taught: an ISCO-08 unit group of 4 digits.
    #[schema(example = "7212")]
    pub occupation_code: String,
    /// The level: `cao_dang`, `trung_cap`, `so_cap` or `duoi_3_thang` (see /api/v1/training-levels).
    #[schema(example = "so_cap")]
    pub level: String,
    /// How long the course lasts, 1 to 260 weeks.
    #[schema(minimum = 1, maximum = 260)]
    pub duration_weeks: u16,
    /// The days intakes start (each from today to two years ahead).
    pub start_dates: Vec<NaiveDate>,
    /// Places per intake, 1 to 10,000.
    #[schema(minimum = 1, maximum = 10000)]
    pub seats: u32,
    /// The tuition in VND, 0 to 1,000,000,000 (0: free).
    #[schema(minimum = 0, maximum = 1000000000)]
    pub tuition_vnd: u64,
    /// Support for learners, such as free training for ethnic-minority or rural workers.
    #[serde(default)]
    pub learner_support: Vec<LearnerSupport>,
    /// More about the support, at most 500 characters.
    pub support_note: Option<String>,
    /// Where and how it is taught.
    pub mode: CourseMode,
    /// The industrial park or cluster where it is taught (see /api/v1/zones).
    pub zone_id: Option<Uuid>,
    /// The commune or ward where it is taught: 5 digits (see /api/v1/communes).
    #[schema(example = "06184")]
    pub commune_code: Option<String>,
    /// The address where it is taught, at most 300 characters.
    pub address: Option<String>,
    /// The certificate or diploma awarded, 1 to 200 characters.
    pub certificate: String,
    /// A verified organisation the course is run with.
    pub partner_organisation_id: Option<Uuid>,
    /// The published training need this course answers.
    pub answers_need_id: Option<Uuid>,
    /// The last day to enrol (from today to two years ahead).
    pub enrolment_deadline: Option<NaiveDate>,
}

/// Names that mirror a domain enum one to one: the request's own type (so the contract lists
/// the names), turned into the domain's.
macro_rules! mirror {
    ($(#[$meta:meta])* $name:ident => $domain:ty { $($variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($variant),*
        }

        impl From<$name> for $domain {
            fn from(v: $name) -> $domain {
                match v {
                    $($name::$variant => <$domain>::$variant),*
                }
            }
        }
    };
}

mirror!(
    /// A shift: `day`, `night`, `rotating` or `part_time`.
    Shift => domain::Shift { Day, Night, Rotating, PartTime }
);
mirror!(
    /// A benefit besides the salary.
    Benefit => domain::Benefit {
        Housing, ShuttleBus, Meals, SocialInsurance, HealthInsurance, Bonus, Training
    }
);
mirror!(
    /// `new_training` (đào tạo mới) or `retraining` of the enterprise's workers (đào tạo lại).
    TrainingPurpose => domain::TrainingPurpose { NewTraining, Retraining }
);
mirror!(
    /// Where a training takes place.
    TrainingPlace => domain::TrainingPlace { AtSchool, AtEnterprise }
);
mirror!(
    /// Who pays for a training.
    Payer => domain::Payer { Enterprise, Learner, Shared, State }
);
mirror!(
    /// Support a course gives its learners.
    LearnerSupport => domain::LearnerSupport {
        FreeForEthnicMinority, FreeForRural, TuitionSupport, Allowance, Scholarship
    }
);
mirror!(
    /// Where and how a course is taught.
    CourseMode => domain::CourseMode { AtSchool, AtEnterprise, Online, Blended }
);

fn all<T: Into<U>, U>(items: Vec<T>) -> Vec<U> {
    items.into_iter().map(Into::into).collect()
}

impl From<SalaryBody> for domain::Salary {
    fn from(s: SalaryBody) -> domain::Salary {
        match s {
            SalaryBody::Range { min_vnd, max_vnd } => domain::Salary::Range { min_vnd, max_vnd },
            SalaryBody::Negotiable => domain::Salary::Negotiable,
        }
    }
}

impl From<ContactBody> for domain::Contact {
    fn from(c: ContactBody) -> domain::Contact {
        domain::Contact {
            name: c.name,
            phone: c.phone,
            email: c.email,
        }
    }
}

/// The shape is all serde checks; what the values must meet is the domain's to say (the use
/// case reports every broken rule at once), so this turn cannot fail.
impl From<PostingBody> for Content {
    fn from(body: PostingBody) -> Content {
        match body {
            PostingBody::Job(j) => Content::Job(JobContent {
                title: j.title,
                description: j.description,
                occupation_code: j.occupation_code,
                zone_id: j.zone_id,
                commune_code: j.commune_code,
                address: j.address,
                headcount: j.headcount,
                required_level: j.required_level,
                experience_years: j.experience_years,
                skills: j.skills,
                salary: j.salary.into(),
                shifts: all(j.shifts),
                benefits: all(j.benefits),
                languages: j.languages,
                contact: j.contact.into(),
                deadline: j.deadline,
                start_date: j.start_date,
            }),
            PostingBody::TrainingNeed(n) => Content::TrainingNeed(TrainingNeedContent {
                title: n.title,
                description: n.description,
                occupation_code: n.occupation_code,
                level: n.level,
                trainees: n.trainees,
                purpose: n.purpose.into(),
                period_start: n.period_start,
                period_end: n.period_end,
                place: n.place.into(),
                commits_to_hire: n.commits_to_hire,
                paid_by: n.paid_by.into(),
                zone_id: n.zone_id,
                commune_code: n.commune_code,
            }),
            PostingBody::Course(c) => Content::Course(CourseContent {
                title: c.title,
                description: c.description,
                occupation_code: c.occupation_code,
                level: c.level,
                duration_weeks: c.duration_weeks,
                start_dates: c.start_dates,
                seats: c.seats,
                tuition_vnd: c.tuition_vnd,
                learner_support: all(c.learner_support),
                support_note: c.support_note,
                mode: c.mode.into(),
                zone_id: c.zone_id,
                commune_code: c.commune_code,
                address: c.address,
                certificate: c.certificate,
                partner_organisation_id: c.partner_organisation_id,
                answers_need_id: c.answers_need_id,
                enrolment_deadline: c.enrolment_deadline,
            }),
        }
    }
}

/// Read with the path of every error kept (serde's internally tagged enums lose it), so each
/// bad field is named.
impl<'de> Deserialize<'de> for PostingBody {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PostingBody, D::Error> {
        use serde::de::Error;
        let mut value = serde_json::Value::deserialize(d)?;
        let Some(object) = value.as_object_mut() else {
            return Err(D::Error::invalid_type(
                serde::de::Unexpected::Other("not an object"),
                &"struct Content",
            ));
        };
        const KINDS: &[&str] = &["job", "training_need", "course"];
        let kind = match object.remove("kind") {
            None => return Err(D::Error::missing_field("kind")),
            Some(serde_json::Value::String(k)) => k,
            Some(_) => {
                return Err(crate::extract::nested_error(
                    "kind",
                    "invalid type: not text, expected a string",
                ));
            }
        };
        Ok(match kind.as_str() {
            "job" => PostingBody::Job(crate::extract::nested(&value, &[])?),
            "training_need" => PostingBody::TrainingNeed(crate::extract::nested(&value, &[])?),
            "course" => PostingBody::Course(crate::extract::nested(&value, &[])?),
            other => {
                return Err(crate::extract::nested_error(
                    "kind",
                    D::Error::unknown_variant(other, KINDS),
                ));
            }
        })
    }
}
