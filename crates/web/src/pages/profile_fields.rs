//! A field of a worker's profile in words, as an employer or school reads it beside an
//! application and as the worker sees it when choosing what to share.

use labour_domain::worker::WorkerProfile;

use crate::lang::Lang;
use crate::pages::choices::Choices;
use crate::pages::labels;

/// The profile field `name` (one of `labour_domain::application::SHAREABLE`) in words; empty
/// when the profile leaves it empty.
pub fn in_words(lang: Lang, p: &WorkerProfile, choices: &Choices, name: &str) -> String {
    let join = |v: Vec<String>| v.join(", ");
    match name {
        "full_name" => p.full_name.clone(),
        "birth_year" => p.birth_year.map(|y| y.to_string()).unwrap_or_default(),
        "gender" => p
            .gender
            .map(|g| labels::gender(lang, &name_of(&g)).into_owned())
            .unwrap_or_default(),
        "commune_code" => p
            .commune_code
            .as_deref()
            .map(|c| choices.commune(c))
            .unwrap_or_default(),
        "phone" => p.phone.clone().unwrap_or_default(),
        "email" => p.email.clone().unwrap_or_default(),
        "education" => p.education.clone().unwrap_or_default(),
        "training_level" => p
            .training_level
            .as_deref()
            .map(|l| choices.level(l))
            .unwrap_or_default(),
        "certificates" => join(
            p.certificates
                .iter()
                .map(|c| match c.year {
                    Some(y) => format!("{} ({y})", c.name),
                    None => c.name.clone(),
                })
                .collect(),
        ),
        "skills" => join(p.skills.clone()),
        "work_history" => join(
            p.work_history
                .iter()
                .map(|j| {
                    let to = j.to_year.map(|y| y.to_string()).unwrap_or_default();
                    format!("{} ({}–{to})", j.employer, j.from_year)
                })
                .collect(),
        ),
        "desired_occupations" => join(
            p.desired_occupations
                .iter()
                .map(|o| choices.occupation(o))
                .collect(),
        ),
        "expected_salary_vnd" => p
            .expected_salary_vnd
            .map(|v| crate::format::vnd(lang, v))
            .unwrap_or_default(),
        "shift_preferences" => join(
            p.shift_preferences
                .iter()
                .map(|s| labels::shift(lang, s.into()).into_owned())
                .collect(),
        ),
        "it_skills" => p
            .it_skills
            .map(|s| labels::it_skills(lang, &name_of(&s)).into_owned())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The name a serialised value has (`female`, `basic`).
fn name_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
