//! A posting's content as a form: every field of the three kinds as the text a person typed
//! (so a form back with errors shows exactly that), read from the posted pairs, turned into
//! the domain's `Content` with the problems only a form can have (a date or number that is
//! not one) beside their fields; and the use case's field paths (`salary.max_vnd`,
//! `start_dates[1]`) mapped to the form's field ids (`salary_max`, `start_dates-1`).

use chrono::NaiveDate;
use labour_domain::ClosedSet;
use labour_domain::bounds as B;
use labour_domain::posting::content::{
    Benefit, Contact, CourseContent, CourseMode, JobContent, LearnerSupport, Payer, Salary, Shift,
    TrainingNeedContent, TrainingPlace, TrainingPurpose,
};
use labour_domain::posting::{Content, Kind};
use uuid::Uuid;

use crate::form::Errors;
use crate::i18n::{t, t_with};
use crate::lang::Lang;
use crate::pages::profile_form::Fields;

/// Start-date rows a course form offers at least (one more than filled, up to the rule's
/// most).
const START_DATE_ROWS: usize = 3;

pub const SHIFTS: [&str; 4] = ["day", "night", "rotating", "part_time"];
pub const BENEFITS: [&str; 7] = [
    "housing",
    "shuttle_bus",
    "meals",
    "social_insurance",
    "health_insurance",
    "bonus",
    "training",
];
pub const SUPPORTS: [&str; 5] = [
    "free_for_ethnic_minority",
    "free_for_rural",
    "tuition_support",
    "allowance",
    "scholarship",
];
pub const MODES: [&str; 4] = ["at_school", "at_enterprise", "online", "blended"];
pub const PURPOSES: [&str; 2] = ["new_training", "retraining"];
pub const PLACES: [&str; 2] = ["at_school", "at_enterprise"];
pub const PAYERS: [&str; 4] = ["enterprise", "learner", "shared", "state"];

/// Every field of every kind, as typed; the template shows those of `kind`.
#[derive(Debug, Clone, Default)]
pub struct PostingForm {
    pub kind: String,
    /// The version read, sent back so a save never overwrites a change made meanwhile.
    pub version: String,
    pub title: String,
    pub description: String,
    pub occupation_code: String,
    pub zone_id: String,
    pub commune_code: String,
    pub address: String,
    // A job.
    pub headcount: String,
    pub required_level: String,
    pub experience_years: String,
    /// One a line.
    pub skills: String,
    /// `range` or `negotiable`.
    pub salary_type: String,
    pub salary_min: String,
    pub salary_max: String,
    pub shifts: Vec<String>,
    pub benefits: Vec<String>,
    /// One a line.
    pub languages: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub deadline: String,
    pub start_date: String,
    // A training need (and a course's level).
    pub level: String,
    pub trainees: String,
    pub purpose: String,
    pub period_start: String,
    pub period_end: String,
    pub place: String,
    /// `yes` or `no`.
    pub commits_to_hire: String,
    pub paid_by: String,
    // A course.
    pub duration_weeks: String,
    pub start_dates: Vec<String>,
    pub seats: String,
    pub tuition_vnd: String,
    pub learner_support: Vec<String>,
    pub support_note: String,
    pub mode: String,
    pub certificate: String,
    pub enrolment_deadline: String,
    /// Set by other pages (a school's offer); kept as they came.
    pub partner_organisation_id: String,
    pub answers_need_id: String,
    /// Form row of each start date the content keeps (blank rows are left out).
    start_rows: Vec<usize>,
}

fn text_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

/// A day as the form shows it: `15/06/2026`.
pub fn day_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn opt_day(d: Option<NaiveDate>) -> String {
    d.map(day_text).unwrap_or_default()
}

/// A day as people type it: `15/06/2026`, `15-6-2026`, `15.06.2026` or `2026-06-15`.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(d);
    }
    let parts: Vec<&str> = text
        .split(['/', '-', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return None;
    };
    let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse::<i32>().ok()?);
    if !(1900..=2200).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// A whole number as people type it (`8.000.000`, `8,000,000`, `8 000 000`).
fn digits(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '.' | ',' | ' ' | '\u{a0}'))
        .collect()
}

fn lines(text: &str) -> Vec<String> {
    text.lines().filter_map(opt).collect()
}

impl PostingForm {
    /// A blank form of `kind`.
    pub fn blank(kind: Kind) -> PostingForm {
        let mut form = PostingForm {
            kind: kind.as_str().to_owned(),
            salary_type: "range".into(),
            experience_years: "0".into(),
            ..PostingForm::default()
        };
        form.pad_rows();
        form
    }

    /// The stored content, as the form shows it.
    pub fn from_content(content: &Content, version: i32) -> PostingForm {
        let mut f = PostingForm {
            kind: content.kind().as_str().to_owned(),
            version: version.to_string(),
            title: content.title().to_owned(),
            description: content.description().to_owned(),
            occupation_code: content.occupation_code().to_owned(),
            zone_id: content.zone_id().map(|z| z.to_string()).unwrap_or_default(),
            commune_code: content.commune_code().unwrap_or_default().to_owned(),
            salary_type: "range".into(),
            ..PostingForm::default()
        };
        match content {
            Content::Job(j) => {
                f.address = j.address.clone().unwrap_or_default();
                f.headcount = j.headcount.to_string();
                f.required_level = j.required_level.clone().unwrap_or_default();
                f.experience_years = j.experience_years.to_string();
                f.skills = j.skills.join("\n");
                match j.salary {
                    Salary::Range { min_vnd, max_vnd } => {
                        f.salary_min = min_vnd.to_string();
                        f.salary_max = max_vnd.to_string();
                    }
                    Salary::Negotiable => f.salary_type = "negotiable".into(),
                }
                f.shifts = j.shifts.iter().map(text_of).collect();
                f.benefits = j.benefits.iter().map(text_of).collect();
                f.languages = j.languages.join("\n");
                f.contact_name = j.contact.name.clone();
                f.contact_phone = j.contact.phone.clone().unwrap_or_default();
                f.contact_email = j.contact.email.clone().unwrap_or_default();
                f.deadline = day_text(j.deadline);
                f.start_date = opt_day(j.start_date);
            }
            Content::TrainingNeed(n) => {
                f.level = n.level.clone();
                f.trainees = n.trainees.to_string();
                f.purpose = text_of(&n.purpose);
                f.period_start = day_text(n.period_start);
                f.period_end = day_text(n.period_end);
                f.place = text_of(&n.place);
                f.commits_to_hire = if n.commits_to_hire { "yes" } else { "no" }.into();
                f.paid_by = text_of(&n.paid_by);
            }
            Content::Course(c) => {
                f.level = c.level.clone();
                f.duration_weeks = c.duration_weeks.to_string();
                f.start_dates = c.start_dates.iter().map(|d| day_text(*d)).collect();
                f.seats = c.seats.to_string();
                f.tuition_vnd = c.tuition_vnd.to_string();
                f.learner_support = c.learner_support.iter().map(text_of).collect();
                f.support_note = c.support_note.clone().unwrap_or_default();
                f.mode = text_of(&c.mode);
                f.address = c.address.clone().unwrap_or_default();
                f.certificate = c.certificate.clone();
                f.enrolment_deadline = opt_day(c.enrolment_deadline);
                f.partner_organisation_id = c
                    .partner_organisation_id
                    .map(|i| i.to_string())
                    .unwrap_or_default();
                f.answers_need_id = c.answers_need_id.map(|i| i.to_string()).unwrap_or_default();
            }
        }
        f.pad_rows();
        f
    }

    /// What was posted, as typed.
    pub fn from_fields(f: &Fields) -> PostingForm {
        let start_dates = (0..B::START_DATES)
            .take_while(|i| f.has(&format!("start_dates-{i}")))
            .map(|i| f.one(&format!("start_dates-{i}")))
            .collect();
        PostingForm {
            kind: f.one("kind"),
            version: f.one("version"),
            title: f.one("title"),
            description: f.one("description"),
            occupation_code: f.one("occupation_code"),
            zone_id: f.one("zone_id"),
            commune_code: f.one("commune_code"),
            address: f.one("address"),
            headcount: f.one("headcount"),
            required_level: f.one("required_level"),
            experience_years: f.one("experience_years"),
            skills: f.one("skills"),
            salary_type: f.one("salary_type"),
            salary_min: f.one("salary_min"),
            salary_max: f.one("salary_max"),
            shifts: f.all("shifts"),
            benefits: f.all("benefits"),
            languages: f.one("languages"),
            contact_name: f.one("contact_name"),
            contact_phone: f.one("contact_phone"),
            contact_email: f.one("contact_email"),
            deadline: f.one("deadline"),
            start_date: f.one("start_date"),
            level: f.one("level"),
            trainees: f.one("trainees"),
            purpose: f.one("purpose"),
            period_start: f.one("period_start"),
            period_end: f.one("period_end"),
            place: f.one("place"),
            commits_to_hire: f.one("commits_to_hire"),
            paid_by: f.one("paid_by"),
            duration_weeks: f.one("duration_weeks"),
            start_dates,
            seats: f.one("seats"),
            tuition_vnd: f.one("tuition_vnd"),
            learner_support: f.all("learner_support"),
            support_note: f.one("support_note"),
            mode: f.one("mode"),
            certificate: f.one("certificate"),
            enrolment_deadline: f.one("enrolment_deadline"),
            partner_organisation_id: f.one("partner_organisation_id"),
            answers_need_id: f.one("answers_need_id"),
            start_rows: Vec::new(),
        }
    }

    /// At least three start-date rows, and one blank one after the filled ones.
    pub fn pad_rows(&mut self) {
        let filled = self
            .start_dates
            .iter()
            .filter(|d| !d.trim().is_empty())
            .count();
        let rows = (filled + 1).clamp(START_DATE_ROWS, B::START_DATES);
        if self.start_dates.len() < rows {
            self.start_dates.resize(rows, String::new());
        }
    }

    pub fn kind(&self) -> Option<Kind> {
        self.kind.parse().ok()
    }

    pub fn has_shift(&self, code: &&str) -> bool {
        self.shifts.iter().any(|s| s == code)
    }

    pub fn has_benefit(&self, code: &&str) -> bool {
        self.benefits.iter().any(|s| s == code)
    }

    pub fn has_support(&self, code: &&str) -> bool {
        self.learner_support.iter().any(|s| s == code)
    }

    /// The content the form describes (of the kind it says), and the problems only the form
    /// can have, beside their fields. A value the form cannot read stands as a harmless one
    /// in the content, so the domain's rules can still be asked about the other fields.
    pub fn to_content(&mut self, lang: Lang, errors: &mut Errors) -> Content {
        let mut r = Reader { lang, errors };
        let title = self.title.trim().to_owned();
        let description = self.description.trim().to_owned();
        let occupation_code = self.occupation_code.trim().to_owned();
        if occupation_code.is_empty() {
            r.errors
                .add("occupation_code", t(lang, "my_postings.error_occupation"));
        }
        let zone_id = r.uuid("zone_id", &self.zone_id);
        let commune_code = opt(&self.commune_code);
        let today = chrono::Utc::now().date_naive();
        match self.kind().unwrap_or(Kind::Job) {
            Kind::Job => {
                let salary = if self.salary_type == "negotiable" {
                    Salary::Negotiable
                } else {
                    Salary::Range {
                        min_vnd: r.number(
                            "salary_min",
                            &self.salary_min,
                            &B::POSTING_SALARY_VND,
                            true,
                        ),
                        max_vnd: r.number(
                            "salary_max",
                            &self.salary_max,
                            &B::POSTING_SALARY_VND,
                            true,
                        ),
                    }
                };
                let shifts = self
                    .shifts
                    .iter()
                    .filter_map(|s| r.closed::<Shift>("shifts", s))
                    .collect();
                let benefits = self
                    .benefits
                    .iter()
                    .filter_map(|s| r.serde::<Benefit>("benefits", s))
                    .collect();
                Content::Job(JobContent {
                    title,
                    description,
                    occupation_code,
                    zone_id,
                    commune_code,
                    address: opt(&self.address),
                    headcount: r.count("headcount", &self.headcount, &B::HEADCOUNT),
                    required_level: opt(&self.required_level),
                    experience_years: u8::try_from(r.number(
                        "experience_years",
                        &self.experience_years,
                        &B::EXPERIENCE_YEARS,
                        false,
                    ))
                    .unwrap_or(0),
                    skills: lines(&self.skills),
                    salary,
                    shifts,
                    benefits,
                    languages: lines(&self.languages),
                    contact: Contact {
                        name: self.contact_name.trim().to_owned(),
                        phone: opt(&self.contact_phone).map(|p| p.replace([' ', '.'], "")),
                        email: opt(&self.contact_email),
                    },
                    deadline: r.day("deadline", &self.deadline).unwrap_or(today),
                    start_date: r.optional_day("start_date", &self.start_date),
                })
            }
            Kind::TrainingNeed => {
                let level = self.level.trim().to_owned();
                if level.is_empty() {
                    r.errors.add("level", t(lang, "my_postings.error_level"));
                }
                let period_start = r.day("period_start", &self.period_start).unwrap_or(today);
                Content::TrainingNeed(TrainingNeedContent {
                    title,
                    description,
                    occupation_code,
                    level,
                    trainees: r.count("trainees", &self.trainees, &B::TRAINEES),
                    purpose: r
                        .required_serde("purpose", &self.purpose)
                        .unwrap_or(TrainingPurpose::NewTraining),
                    period_start,
                    period_end: r
                        .day("period_end", &self.period_end)
                        .unwrap_or(period_start),
                    place: r
                        .required_serde("place", &self.place)
                        .unwrap_or(TrainingPlace::AtSchool),
                    commits_to_hire: match self.commits_to_hire.as_str() {
                        "yes" => true,
                        "no" => false,
                        _ => {
                            r.errors
                                .add("commits_to_hire", t(lang, "my_postings.error_choose"));
                            false
                        }
                    },
                    paid_by: r
                        .required_serde("paid_by", &self.paid_by)
                        .unwrap_or(Payer::Enterprise),
                    zone_id,
                    commune_code,
                })
            }
            Kind::Course => {
                let level = self.level.trim().to_owned();
                if level.is_empty() {
                    r.errors.add("level", t(lang, "my_postings.error_level"));
                }
                let mut start_dates = Vec::new();
                self.start_rows.clear();
                for (i, d) in self.start_dates.iter().enumerate() {
                    if d.trim().is_empty() {
                        continue;
                    }
                    self.start_rows.push(i);
                    if let Some(day) = r.day(&format!("start_dates-{i}"), d) {
                        start_dates.push(day);
                    } else {
                        start_dates.push(today);
                    }
                }
                if start_dates.is_empty() {
                    r.errors
                        .add("start_dates-0", t(lang, "my_postings.error_start_dates"));
                    // Stands in for the missing date, so the rules do not say it twice.
                    start_dates.push(today);
                    self.start_rows.push(0);
                }
                let learner_support = self
                    .learner_support
                    .iter()
                    .filter_map(|s| r.closed::<LearnerSupport>("learner_support", s))
                    .collect();
                Content::Course(CourseContent {
                    title,
                    description,
                    occupation_code,
                    level,
                    duration_weeks: u16::try_from(r.number(
                        "duration_weeks",
                        &self.duration_weeks,
                        &B::DURATION_WEEKS,
                        true,
                    ))
                    .unwrap_or(1),
                    start_dates,
                    seats: r.count("seats", &self.seats, &B::SEATS),
                    tuition_vnd: r.number("tuition_vnd", &self.tuition_vnd, &B::TUITION_VND, true),
                    learner_support,
                    support_note: opt(&self.support_note),
                    mode: r
                        .closed::<CourseMode>("mode", &self.mode)
                        .unwrap_or(CourseMode::AtSchool),
                    zone_id,
                    commune_code,
                    address: opt(&self.address),
                    certificate: self.certificate.trim().to_owned(),
                    partner_organisation_id: r
                        .uuid("partner_organisation_id", &self.partner_organisation_id),
                    answers_need_id: r.uuid("answers_need_id", &self.answers_need_id),
                    enrolment_deadline: r
                        .optional_day("enrolment_deadline", &self.enrolment_deadline),
                })
            }
        }
    }

    /// The form's field id for a field the use case names: `salary.max_vnd` is `salary_max`,
    /// `start_dates[1]` is the row the second kept date came from, an item of a list is the
    /// list.
    pub fn rename(&self, field: &str) -> String {
        let field = field.strip_prefix("content.").unwrap_or(field);
        if let Some(rest) = field.strip_prefix("start_dates[")
            && let Some((n, _)) = rest.split_once(']')
        {
            let row = n
                .parse::<usize>()
                .ok()
                .and_then(|n| self.start_rows.get(n).copied())
                .unwrap_or(0);
            return format!("start_dates-{row}");
        }
        match field {
            "salary" | "salary.type" => "salary_type".into(),
            "salary.min_vnd" => "salary_min".into(),
            "salary.max_vnd" => "salary_max".into(),
            "contact" | "contact.name" => "contact_name".into(),
            "contact.phone" => "contact_phone".into(),
            "contact.email" => "contact_email".into(),
            "start_dates" => "start_dates-0".into(),
            // Set by another page, not typed here: the message sits at the top of the form.
            "partner_organisation_id" | "answers_need_id" | "kind" => "title".into(),
            other => match other.split_once('[') {
                Some((list, _)) => list.to_owned(),
                None => other.to_owned(),
            },
        }
    }
}

/// Reads typed values, naming what it cannot read beside its field.
struct Reader<'a> {
    lang: Lang,
    errors: &'a mut Errors,
}

impl Reader<'_> {
    fn number(
        &mut self,
        field: &str,
        text: &str,
        range: &std::ops::RangeInclusive<u64>,
        required: bool,
    ) -> u64 {
        let text = digits(text);
        if text.is_empty() && !required {
            return *range.start();
        }
        match B::whole_number(&text, range) {
            Ok(n) => n,
            Err(_) => {
                let (min, max) = (range.start(), range.end());
                self.errors.add(
                    field,
                    t_with(
                        self.lang,
                        "my_postings.error_number",
                        &[
                            ("min", &crate::format::number(self.lang, *min)),
                            ("max", &crate::format::number(self.lang, *max)),
                        ],
                    ),
                );
                *range.start()
            }
        }
    }

    fn count(&mut self, field: &str, text: &str, range: &std::ops::RangeInclusive<u64>) -> u32 {
        u32::try_from(self.number(field, text, range, true)).unwrap_or(1)
    }

    fn day(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        let found = parse_day(text);
        if found.is_none() {
            self.errors
                .add(field, t(self.lang, "my_postings.error_date"));
        }
        found
    }

    fn optional_day(&mut self, field: &str, text: &str) -> Option<NaiveDate> {
        if text.trim().is_empty() {
            None
        } else {
            self.day(field, text)
        }
    }

    fn uuid(&mut self, field: &str, text: &str) -> Option<Uuid> {
        let text = text.trim();
        if text.is_empty() {
            return None;
        }
        match text.parse() {
            Ok(id) => Some(id),
            Err(_) => {
                self.errors
                    .add(field, t(self.lang, "my_postings.error_choose"));
                None
            }
        }
    }

    fn closed<T: labour_domain::ClosedSet>(&mut self, field: &str, text: &str) -> Option<T> {
        match T::parse(text.trim()) {
            Ok(v) => Some(v),
            Err(_) => {
                if !self.errors.has(field) {
                    self.errors
                        .add(field, t(self.lang, "my_postings.error_choose"));
                }
                None
            }
        }
    }

    fn serde<T: serde::de::DeserializeOwned>(&mut self, field: &str, text: &str) -> Option<T> {
        match serde_json::from_value(serde_json::Value::String(text.trim().to_owned())) {
            Ok(v) => Some(v),
            Err(_) => {
                if !self.errors.has(field) {
                    self.errors
                        .add(field, t(self.lang, "my_postings.error_choose"));
                }
                None
            }
        }
    }

    fn required_serde<T: serde::de::DeserializeOwned>(
        &mut self,
        field: &str,
        text: &str,
    ) -> Option<T> {
        self.serde(field, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, &str)]) -> Fields {
        Fields(
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
                .collect(),
        )
    }

    #[test]
    fn days_are_read_as_people_type_them() {
        let d = NaiveDate::from_ymd_opt(2026, 6, 15);
        assert_eq!(parse_day("15/06/2026"), d);
        assert_eq!(parse_day("15-6-2026"), d);
        assert_eq!(parse_day("2026-06-15"), d);
        assert_eq!(parse_day("31/02/2026"), None);
        assert_eq!(parse_day("tháng sau"), None);
    }

    #[test]
    fn a_job_form_reads_into_content_and_names_what_it_cannot_read() {
        let mut form = PostingForm::from_fields(&fields(&[
            ("kind", "job"),
            ("title", "Thợ hàn"),
            ("salary_type", "range"),
            ("salary_min", "8.000.000"),
            ("salary_max", "mười triệu"),
            ("headcount", "5"),
            ("shifts", "day"),
            ("deadline", "15/06/2099"),
        ]));
        let mut errors = Errors::default();
        let content = form.to_content(Lang::Vi, &mut errors);
        let Content::Job(job) = content else {
            panic!("a job");
        };
        assert_eq!(job.headcount, 5);
        assert_eq!(job.shifts, vec![Shift::Day]);
        assert!(errors.has("salary_max"), "{errors:?}");
        assert!(!errors.has("salary_min"), "{errors:?}");
        assert!(errors.has("occupation_code"), "{errors:?}");
        assert_eq!(form.rename("salary.max_vnd"), "salary_max");
        assert_eq!(form.rename("contact.phone"), "contact_phone");
        assert_eq!(form.rename("skills[2]"), "skills");
    }

    #[test]
    fn a_course_keeps_its_start_date_rows() {
        let mut form = PostingForm::from_fields(&fields(&[
            ("kind", "course"),
            ("start_dates-0", ""),
            ("start_dates-1", "01/09/2099"),
            ("start_dates-2", "01/03/2100"),
        ]));
        let mut errors = Errors::default();
        let Content::Course(c) = form.to_content(Lang::Vi, &mut errors) else {
            panic!("a course");
        };
        assert_eq!(c.start_dates.len(), 2);
        assert_eq!(form.rename("start_dates[1]"), "start_dates-2");
    }

    #[test]
    fn stored_content_shows_as_it_was_written() {
        let blank = PostingForm::blank(Kind::Course);
        assert_eq!(blank.start_dates.len(), START_DATE_ROWS);
        let mut form = PostingForm::from_fields(&fields(&[
            ("kind", "job"),
            ("title", "Thợ hàn kết cấu thép"),
            ("salary_type", "negotiable"),
            ("deadline", "15/06/2099"),
        ]));
        let mut errors = Errors::default();
        let content = form.to_content(Lang::Vi, &mut errors);
        let again = PostingForm::from_content(&content, 4);
        assert_eq!(again.salary_type, "negotiable");
        assert_eq!(again.deadline, "15/06/2099");
        assert_eq!(again.version, "4");
    }
}
