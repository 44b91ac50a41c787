//! The body of `PUT /api/v1/me/profile`: the worker profile as a request, described field by
//! field in the contract, turned into the domain's `WorkerProfile` (whose rules the use case
//! checks). Its JSON shape is the domain's, so stored profiles and requests read alike.

use labour_domain::posting::content::Shift;
use labour_domain::worker::{Certificate, Consents, Gender, ItSkills, PastJob, WorkerProfile};
use serde::Deserialize;
use utoipa::ToSchema;
use uuid::Uuid;

/// The whole profile; what is left out is cleared.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    /// The worker's name as enterprises see it when shared, 1 to 100 characters.
    #[schema(example = "Lương Thị Mai")]
    pub full_name: String,
    /// Year of birth: the worker is 14 to 80 years old.
    #[schema(example = 1998)]
    pub birth_year: Option<u16>,
    /// `female`, `male` or `other`.
    #[schema(inline)]
    pub gender: Option<ProfileGender>,
    /// The commune or ward lived in: 5 digits (see `/api/v1/communes`).
    #[schema(example = "06463")]
    pub commune_code: Option<String>,
    /// A Vietnamese mobile number, 10 digits.
    #[schema(example = "0912345678")]
    pub phone: Option<String>,
    /// An email address.
    pub email: Option<String>,
    /// Highest general education, e.g. "12/12".
    pub education: Option<String>,
    /// Training level code (`so_cap`, `trung_cap`, ...; see `/api/v1/training-levels`).
    pub training_level: Option<String>,
    /// Certificates and diplomas held.
    #[serde(default)]
    pub certificates: Vec<CertificateRequest>,
    /// Skills in the worker's words, at most 50.
    #[serde(default)]
    pub skills: Vec<String>,
    /// Past jobs.
    #[serde(default)]
    pub work_history: Vec<PastJobRequest>,
    /// ISCO-08 codes (4 digits) of the occupations the worker wants to work in.
    #[serde(default)]
    #[schema(example = json!(["7212"]))]
    pub desired_occupations: Vec<String>,
    /// The industrial parks and clusters the worker wants to work in (see `/api/v1/zones`).
    #[serde(default)]
    pub desired_zones: Vec<Uuid>,
    /// The monthly salary hoped for, in VND.
    pub expected_salary_vnd: Option<u64>,
    /// Shifts the worker can work: `day`, `night`, `rotating`, `part_time`.
    #[serde(default)]
    #[schema(inline)]
    pub shift_preferences: Vec<ProfileShift>,
    /// `none`, `basic` or `advanced`.
    #[schema(inline)]
    pub it_skills: Option<ProfileItSkills>,
    /// Kept only with `consents.ethnicity`; leaves the database only as suppressed aggregates.
    pub ethnic_group: Option<String>,
    /// Citizen id (CCCD), 12 digits; kept only with `consents.citizen_id`; never shown to
    /// enterprises.
    pub citizen_id: Option<String>,
    /// What the worker agrees to; all off when left out.
    #[serde(default)]
    pub consents: ConsentsRequest,
    /// What enterprises searching for candidates see when `consents.discoverable` is on (the
    /// names an application can share); empty means training level, certificates, skills,
    /// desired occupations and shifts.
    #[serde(default)]
    pub share_when_discoverable: Vec<String>,
}

/// What the worker agrees to.
#[derive(Debug, Default, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsentsRequest {
    /// Keep the ethnic group (for the province's training targets, in aggregates only).
    pub ethnicity: bool,
    /// Keep the citizen id (for the employment service centre's checks).
    pub citizen_id: bool,
    /// Enterprises may find this profile (only the fields the worker shares).
    pub discoverable: bool,
}

/// A certificate or diploma.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CertificateRequest {
    /// Its name, e.g. "Chứng chỉ hàn".
    pub name: String,
    /// The occupation it is for (ISCO-08, 4 digits).
    pub occupation_code: Option<String>,
    /// The training level it certifies.
    pub level: Option<String>,
    /// The year it was awarded.
    pub year: Option<u16>,
}

/// A past job.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PastJobRequest {
    /// The employer's name.
    pub employer: String,
    /// The occupation worked in (ISCO-08, 4 digits).
    pub occupation_code: Option<String>,
    /// The year it began.
    pub from_year: u16,
    /// The year it ended; none while it goes on.
    pub to_year: Option<u16>,
}

/// A gender, as the request names it.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProfileGender {
    Female,
    Male,
    Other,
}

/// IT skills, as the request names them.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProfileItSkills {
    None,
    Basic,
    Advanced,
}

/// A shift, as the request names it.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProfileShift {
    Day,
    Night,
    Rotating,
    PartTime,
}

impl From<ProfileGender> for Gender {
    fn from(g: ProfileGender) -> Gender {
        match g {
            ProfileGender::Female => Gender::Female,
            ProfileGender::Male => Gender::Male,
            ProfileGender::Other => Gender::Other,
        }
    }
}

impl From<ProfileItSkills> for ItSkills {
    fn from(s: ProfileItSkills) -> ItSkills {
        match s {
            ProfileItSkills::None => ItSkills::None,
            ProfileItSkills::Basic => ItSkills::Basic,
            ProfileItSkills::Advanced => ItSkills::Advanced,
        }
    }
}

impl From<ProfileShift> for Shift {
    fn from(s: ProfileShift) -> Shift {
        match s {
            ProfileShift::Day => Shift::Day,
            ProfileShift::Night => Shift::Night,
            ProfileShift::Rotating => Shift::Rotating,
            ProfileShift::PartTime => Shift::PartTime,
        }
    }
}

/// The request as the domain's profile; its rules (and the reference data it names) are the
/// use case's to check, so every problem is answered at once.
impl From<ProfileRequest> for WorkerProfile {
    fn from(r: ProfileRequest) -> WorkerProfile {
        WorkerProfile {
            full_name: r.full_name,
            birth_year: r.birth_year,
            gender: r.gender.map(Into::into),
            commune_code: r.commune_code,
            phone: r.phone,
            email: r.email,
            education: r.education,
            training_level: r.training_level,
            certificates: r
                .certificates
                .into_iter()
                .map(|c| Certificate {
                    name: c.name,
                    occupation_code: c.occupation_code,
                    level: c.level,
                    year: c.year,
                })
                .collect(),
            skills: r.skills,
            work_history: r
                .work_history
                .into_iter()
                .map(|j| PastJob {
                    employer: j.employer,
                    occupation_code: j.occupation_code,
                    from_year: j.from_year,
                    to_year: j.to_year,
                })
                .collect(),
            desired_occupations: r.desired_occupations,
            desired_zones: r.desired_zones,
            expected_salary_vnd: r.expected_salary_vnd,
            shift_preferences: r.shift_preferences.into_iter().map(Into::into).collect(),
            it_skills: r.it_skills.map(Into::into),
            ethnic_group: r.ethnic_group,
            citizen_id: r.citizen_id,
            consents: Consents {
                ethnicity: r.consents.ethnicity,
                citizen_id: r.consents.citizen_id,
                discoverable: r.consents.discoverable,
            },
            share_when_discoverable: r.share_when_discoverable,
        }
    }
}
