//! The worker profile as a form: every field as the text a person typed (so a form that comes
//! back with errors shows exactly that), read from the posted pairs, and turned into the
//! domain's `WorkerProfile` with the problems only a form can have (a year that is not a
//! number) named beside their fields. Repeated parts (certificates, past jobs, desired
//! occupations) are numbered rows, one blank row more than filled, so a person adds one
//! without JavaScript by saving.

use labour_domain::posting::content::Shift;
use labour_domain::worker::{Certificate, Consents, Gender, ItSkills, PastJob, WorkerProfile};

use crate::form::Errors;
use crate::i18n::t;
use crate::lang::Lang;

/// Rows of one repeated part a form may post; more than any person lists.
const MAX_ROWS: usize = 30;
/// Desired occupations offered as lists, at least.
const OCCUPATION_SLOTS: usize = 3;

/// The posted pairs, as the browser sent them (a checkbox group sends one pair per tick).
#[derive(Debug, Default)]
pub struct Fields(pub Vec<(String, String)>);

impl Fields {
    pub fn one(&self, name: &str) -> String {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    }

    pub fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .filter(|v| !v.trim().is_empty())
            .collect()
    }

    pub fn has(&self, name: &str) -> bool {
        self.0.iter().any(|(k, _)| k == name)
    }
}

#[derive(Debug, Clone, Default)]
pub struct CertificateRow {
    pub name: String,
    pub occupation_code: String,
    pub level: String,
    pub year: String,
}

#[derive(Debug, Clone, Default)]
pub struct PastJobRow {
    pub employer: String,
    pub occupation_code: String,
    pub from_year: String,
    pub to_year: String,
}

#[derive(Debug, Clone, Default)]
pub struct ProfileForm {
    /// The version read, sent back so a save never overwrites a change made meanwhile.
    pub version: String,
    pub full_name: String,
    pub birth_year: String,
    pub gender: String,
    pub commune_code: String,
    pub phone: String,
    pub email: String,
    pub education: String,
    pub training_level: String,
    pub it_skills: String,
    pub certificates: Vec<CertificateRow>,
    /// One skill a line.
    pub skills: String,
    pub work_history: Vec<PastJobRow>,
    pub desired_occupations: Vec<String>,
    pub desired_zones: Vec<String>,
    pub expected_salary_vnd: String,
    pub shift_preferences: Vec<String>,
    pub ethnic_group: String,
    pub citizen_id: String,
    pub consent_ethnicity: bool,
    pub consent_citizen_id: bool,
    pub consent_discoverable: bool,
    pub share_when_discoverable: Vec<String>,
    /// Form row of each certificate, past job and desired occupation the profile keeps (blank
    /// rows are left out), so an error of the n-th kept one lands beside its own row.
    cert_rows: Vec<usize>,
    job_rows: Vec<usize>,
    occupation_rows: Vec<usize>,
}

fn opt(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn text_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn year_text(y: Option<u16>) -> String {
    y.map(|y| y.to_string()).unwrap_or_default()
}

impl ProfileForm {
    /// The stored profile, as the form shows it.
    pub fn from_profile(p: &WorkerProfile, version: i32) -> ProfileForm {
        let mut form = ProfileForm {
            version: version.to_string(),
            full_name: p.full_name.clone(),
            birth_year: year_text(p.birth_year),
            gender: p.gender.as_ref().map(text_of).unwrap_or_default(),
            commune_code: p.commune_code.clone().unwrap_or_default(),
            phone: p.phone.clone().unwrap_or_default(),
            email: p.email.clone().unwrap_or_default(),
            education: p.education.clone().unwrap_or_default(),
            training_level: p.training_level.clone().unwrap_or_default(),
            it_skills: p.it_skills.as_ref().map(text_of).unwrap_or_default(),
            certificates: p
                .certificates
                .iter()
                .map(|c| CertificateRow {
                    name: c.name.clone(),
                    occupation_code: c.occupation_code.clone().unwrap_or_default(),
                    level: c.level.clone().unwrap_or_default(),
                    year: year_text(c.year),
                })
                .collect(),
            skills: p.skills.join("\n"),
            work_history: p
                .work_history
                .iter()
                .map(|j| PastJobRow {
                    employer: j.employer.clone(),
                    occupation_code: j.occupation_code.clone().unwrap_or_default(),
                    from_year: j.from_year.to_string(),
                    to_year: year_text(j.to_year),
                })
                .collect(),
            desired_occupations: p.desired_occupations.clone(),
            desired_zones: p.desired_zones.iter().map(ToString::to_string).collect(),
            expected_salary_vnd: p
                .expected_salary_vnd
                .map(|v| v.to_string())
                .unwrap_or_default(),
            shift_preferences: p.shift_preferences.iter().map(text_of).collect(),
            ethnic_group: p.ethnic_group.clone().unwrap_or_default(),
            citizen_id: p.citizen_id.clone().unwrap_or_default(),
            consent_ethnicity: p.consents.ethnicity,
            consent_citizen_id: p.consents.citizen_id,
            consent_discoverable: p.consents.discoverable,
            share_when_discoverable: p.share_when_discoverable.clone(),
            ..ProfileForm::default()
        };
        form.pad();
        form
    }

    /// What was posted, as typed.
    pub fn from_fields(f: &Fields) -> ProfileForm {
        let rows = |prefix: &str| {
            (0..MAX_ROWS)
                .take_while(|i| f.has(&format!("{prefix}-{i}-{}", first_part(prefix))))
                .collect::<Vec<usize>>()
        };
        let certificates = rows("certificates")
            .into_iter()
            .map(|i| CertificateRow {
                name: f.one(&format!("certificates-{i}-name")),
                occupation_code: f.one(&format!("certificates-{i}-occupation_code")),
                level: f.one(&format!("certificates-{i}-level")),
                year: f.one(&format!("certificates-{i}-year")),
            })
            .collect();
        let work_history = rows("work_history")
            .into_iter()
            .map(|i| PastJobRow {
                employer: f.one(&format!("work_history-{i}-employer")),
                occupation_code: f.one(&format!("work_history-{i}-occupation_code")),
                from_year: f.one(&format!("work_history-{i}-from_year")),
                to_year: f.one(&format!("work_history-{i}-to_year")),
            })
            .collect();
        let desired_occupations = (0..MAX_ROWS)
            .take_while(|i| f.has(&format!("desired_occupations-{i}")))
            .map(|i| f.one(&format!("desired_occupations-{i}")))
            .collect();
        ProfileForm {
            version: f.one("version"),
            full_name: f.one("full_name"),
            birth_year: f.one("birth_year"),
            gender: f.one("gender"),
            commune_code: f.one("commune_code"),
            phone: f.one("phone"),
            email: f.one("email"),
            education: f.one("education"),
            training_level: f.one("training_level"),
            it_skills: f.one("it_skills"),
            certificates,
            skills: f.one("skills"),
            work_history,
            desired_occupations,
            desired_zones: f.all("desired_zones"),
            expected_salary_vnd: f.one("expected_salary_vnd"),
            shift_preferences: f.all("shift_preferences"),
            ethnic_group: f.one("ethnic_group"),
            citizen_id: f.one("citizen_id"),
            consent_ethnicity: f.has("consent_ethnicity"),
            consent_citizen_id: f.has("consent_citizen_id"),
            consent_discoverable: f.has("consent_discoverable"),
            share_when_discoverable: f.all("share_when_discoverable"),
            ..ProfileForm::default()
        }
    }

    /// One blank row after the stored ones, and at least three desired-occupation lists. A
    /// form back with errors keeps its rows as posted instead, so messages stay beside them.
    fn pad(&mut self) {
        self.certificates.push(CertificateRow::default());
        self.work_history.push(PastJobRow::default());
        let slots = (self.desired_occupations.len() + 1).max(OCCUPATION_SLOTS);
        self.desired_occupations.resize(slots, String::new());
    }

    /// The profile the form describes, and the problems only the form can have, beside their
    /// fields. Blank rows are left out.
    pub fn to_profile(&mut self, lang: Lang, errors: &mut Errors) -> WorkerProfile {
        let year = |errors: &mut Errors, field: &str, v: &str| -> Option<u16> {
            let v = v.trim();
            if v.is_empty() {
                return None;
            }
            match v.parse::<u16>() {
                Ok(y) if (1900..=2200).contains(&y) => Some(y),
                _ => {
                    errors.add(field, t(lang, "profile.error_year"));
                    None
                }
            }
        };
        let mut certificates = Vec::new();
        self.cert_rows.clear();
        for (i, c) in self.certificates.iter().enumerate() {
            let blank = c.name.trim().is_empty()
                && c.occupation_code.trim().is_empty()
                && c.level.trim().is_empty()
                && c.year.trim().is_empty();
            if blank {
                continue;
            }
            if c.name.trim().is_empty() {
                errors.add(
                    &format!("certificates-{i}-name"),
                    t(lang, "profile.error_certificate_name"),
                );
            }
            let y = year(errors, &format!("certificates-{i}-year"), &c.year);
            self.cert_rows.push(i);
            certificates.push(Certificate {
                name: c.name.trim().to_owned(),
                occupation_code: opt(&c.occupation_code),
                level: opt(&c.level),
                year: y,
            });
        }
        let mut work_history = Vec::new();
        self.job_rows.clear();
        for (i, j) in self.work_history.iter().enumerate() {
            let blank = j.employer.trim().is_empty()
                && j.occupation_code.trim().is_empty()
                && j.from_year.trim().is_empty()
                && j.to_year.trim().is_empty();
            if blank {
                continue;
            }
            if j.employer.trim().is_empty() {
                errors.add(
                    &format!("work_history-{i}-employer"),
                    t(lang, "profile.error_employer"),
                );
            }
            let from_field = format!("work_history-{i}-from_year");
            let from = year(errors, &from_field, &j.from_year);
            if j.from_year.trim().is_empty() {
                errors.add(&from_field, t(lang, "profile.error_from_year"));
            }
            let to = year(errors, &format!("work_history-{i}-to_year"), &j.to_year);
            self.job_rows.push(i);
            work_history.push(PastJob {
                employer: j.employer.trim().to_owned(),
                occupation_code: opt(&j.occupation_code),
                from_year: from.unwrap_or_default(),
                to_year: to,
            });
        }
        let mut desired_occupations = Vec::new();
        self.occupation_rows.clear();
        for (i, o) in self.desired_occupations.iter().enumerate() {
            if let Some(o) = opt(o) {
                self.occupation_rows.push(i);
                desired_occupations.push(o);
            }
        }
        let mut desired_zones = Vec::new();
        for z in &self.desired_zones {
            match z.trim().parse() {
                Ok(id) => desired_zones.push(id),
                Err(_) => errors.add("desired_zones", t(lang, "profile.error_choice")),
            }
        }
        let gender = match self.gender.trim() {
            "" => None,
            "female" => Some(Gender::Female),
            "male" => Some(Gender::Male),
            "other" => Some(Gender::Other),
            _ => {
                errors.add("gender", t(lang, "profile.error_choice"));
                None
            }
        };
        let it_skills = match self.it_skills.trim() {
            "" => None,
            "none" => Some(ItSkills::None),
            "basic" => Some(ItSkills::Basic),
            "advanced" => Some(ItSkills::Advanced),
            _ => {
                errors.add("it_skills", t(lang, "profile.error_choice"));
                None
            }
        };
        let mut shift_preferences = Vec::new();
        for s in &self.shift_preferences {
            match <Shift as labour_domain::ClosedSet>::parse(s) {
                Ok(shift) => shift_preferences.push(shift),
                Err(_) => errors.add("shift_preferences", t(lang, "profile.error_choice")),
            }
        }
        // People write amounts with dots or commas between thousands: 8.000.000.
        let salary: String = self
            .expected_salary_vnd
            .chars()
            .filter(|c| !matches!(c, '.' | ',' | ' '))
            .collect();
        let expected_salary_vnd = if salary.is_empty() {
            None
        } else {
            match labour_domain::bounds::whole_number(&salary, &labour_domain::bounds::SALARY_VND) {
                Ok(v) => Some(v),
                Err(_) => {
                    errors.add("expected_salary_vnd", t(lang, "profile.error_salary"));
                    None
                }
            }
        };
        let birth_year = year(errors, "birth_year", &self.birth_year);
        WorkerProfile {
            full_name: self.full_name.trim().to_owned(),
            birth_year,
            gender,
            commune_code: opt(&self.commune_code),
            phone: opt(&self.phone),
            email: opt(&self.email),
            education: opt(&self.education),
            training_level: opt(&self.training_level),
            certificates,
            skills: self.skills.lines().filter_map(opt).collect(),
            work_history,
            desired_occupations,
            desired_zones,
            expected_salary_vnd,
            shift_preferences,
            it_skills,
            ethnic_group: opt(&self.ethnic_group),
            citizen_id: opt(&self.citizen_id).map(|c| c.replace(' ', "")),
            consents: Consents {
                ethnicity: self.consent_ethnicity,
                citizen_id: self.consent_citizen_id,
                discoverable: self.consent_discoverable,
            },
            share_when_discoverable: self.share_when_discoverable.clone(),
        }
    }

    /// The form's name for a field the use case names (`certificates[1].year` is the year of
    /// the second certificate kept, which may sit in another row of the form).
    pub fn rename(&self, field: &str) -> String {
        let indexed = |prefix: &str, rows: &[usize]| -> Option<String> {
            let rest = field.strip_prefix(prefix)?.strip_prefix('[')?;
            let (n, rest) = rest.split_once(']')?;
            let row = rows.get(n.parse::<usize>().ok()?)?;
            Some(match rest.strip_prefix('.') {
                Some(part) => format!("{prefix}-{row}-{part}"),
                None => format!("{prefix}-{row}"),
            })
        };
        indexed("certificates", &self.cert_rows)
            .or_else(|| indexed("work_history", &self.job_rows))
            .or_else(|| indexed("desired_occupations", &self.occupation_rows))
            .unwrap_or_else(|| match field.split_once('[') {
                // Checkbox groups: the message sits beside the group.
                Some((group, _)) => group.to_owned(),
                None => field.to_owned(),
            })
    }

    pub fn shares(&self, name: &&str) -> bool {
        self.share_when_discoverable.iter().any(|s| s == name)
    }

    pub fn wants_zone(&self, id: &str) -> bool {
        self.desired_zones.iter().any(|z| z == id)
    }

    pub fn wants_shift(&self, code: &&str) -> bool {
        self.shift_preferences.iter().any(|s| s == code)
    }
}

/// The field whose presence says a row was posted.
fn first_part(prefix: &str) -> &'static str {
    if prefix == "certificates" {
        "name"
    } else {
        "employer"
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
    fn blank_rows_are_left_out_and_errors_land_on_their_own_row() {
        let mut form = ProfileForm::from_fields(&fields(&[
            ("full_name", "Lương Thị Mai"),
            ("certificates-0-name", ""),
            ("certificates-0-year", ""),
            ("certificates-1-name", "Chứng chỉ hàn"),
            ("certificates-1-year", "năm ngoái"),
            ("desired_occupations-0", ""),
            ("desired_occupations-1", "7212"),
            ("shift_preferences", "day"),
            ("shift_preferences", "night"),
            ("expected_salary_vnd", "8.000.000"),
        ]));
        let mut errors = Errors::default();
        let p = form.to_profile(Lang::Vi, &mut errors);
        assert_eq!(p.certificates.len(), 1);
        assert_eq!(p.desired_occupations, vec!["7212"]);
        assert_eq!(p.shift_preferences, vec![Shift::Day, Shift::Night]);
        assert_eq!(p.expected_salary_vnd, Some(8_000_000));
        assert!(errors.has("certificates-1-year"), "{errors:?}");
        assert_eq!(form.rename("certificates[0].level"), "certificates-1-level");
        assert_eq!(
            form.rename("desired_occupations[0]"),
            "desired_occupations-1"
        );
        assert_eq!(form.rename("desired_zones[2]"), "desired_zones");
        assert_eq!(form.rename("full_name"), "full_name");
    }

    #[test]
    fn a_stored_profile_shows_with_a_blank_row_to_add() {
        let p = WorkerProfile {
            full_name: "A".into(),
            desired_occupations: vec!["7212".into()],
            ..WorkerProfile::default()
        };
        let form = ProfileForm::from_profile(&p, 3);
        assert_eq!(form.certificates.len(), 1);
        assert_eq!(form.work_history.len(), 1);
        assert_eq!(form.desired_occupations.len(), 3);
        assert_eq!(form.version, "3");
    }
}
