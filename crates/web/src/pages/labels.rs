//! The words for values the signed-in worker's pages show (an application's status, a shift,
//! a profile field's name) and their dates, in the page's language.

use std::borrow::Cow;

use chrono::{DateTime, Utc};
use labour_domain::application::Status;

use crate::i18n::t;
use crate::lang::Lang;

/// An application's status as the worker reads it.
pub fn status(lang: Lang, s: Status) -> Cow<'static, str> {
    match s {
        Status::Received => t(lang, "applications.status_received"),
        Status::Shortlisted => t(lang, "applications.status_shortlisted"),
        Status::Interview => t(lang, "applications.status_interview"),
        Status::Hired => t(lang, "applications.status_hired"),
        Status::Rejected => t(lang, "applications.status_rejected"),
        Status::Withdrawn => t(lang, "applications.status_withdrawn"),
    }
}

/// The name of a profile field that can be shared (`application::SHAREABLE`).
pub fn field(lang: Lang, name: &str) -> Cow<'static, str> {
    match name {
        "full_name" => t(lang, "profile.full_name"),
        "birth_year" => t(lang, "profile.birth_year"),
        "gender" => t(lang, "profile.gender"),
        "commune_code" => t(lang, "profile.commune"),
        "phone" => t(lang, "profile.phone"),
        "email" => t(lang, "profile.email"),
        "education" => t(lang, "profile.education"),
        "training_level" => t(lang, "profile.training_level"),
        "certificates" => t(lang, "profile.certificates"),
        "skills" => t(lang, "profile.skills"),
        "work_history" => t(lang, "profile.work_history"),
        "desired_occupations" => t(lang, "profile.desired_occupations"),
        "expected_salary_vnd" => t(lang, "profile.expected_salary"),
        "shift_preferences" => t(lang, "profile.shifts"),
        "it_skills" => t(lang, "profile.it_skills"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// A shift's name.
pub fn shift(lang: Lang, code: &str) -> Cow<'static, str> {
    match code {
        "day" => t(lang, "profile.shift_day"),
        "night" => t(lang, "profile.shift_night"),
        "rotating" => t(lang, "profile.shift_rotating"),
        "part_time" => t(lang, "profile.shift_part_time"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// A gender's name.
pub fn gender(lang: Lang, code: &str) -> Cow<'static, str> {
    match code {
        "female" => t(lang, "profile.gender_female"),
        "male" => t(lang, "profile.gender_male"),
        "other" => t(lang, "profile.gender_other"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// IT skills' name.
pub fn it_skills(lang: Lang, code: &str) -> Cow<'static, str> {
    match code {
        "none" => t(lang, "profile.it_none"),
        "basic" => t(lang, "profile.it_basic"),
        "advanced" => t(lang, "profile.it_advanced"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// What a saved search watches.
pub fn search_kind(lang: Lang, kind: &str) -> Cow<'static, str> {
    match kind {
        "job" => t(lang, "saved_searches.kind_job"),
        "course" => t(lang, "saved_searches.kind_course"),
        "training_need" => t(lang, "saved_searches.kind_training_need"),
        "all" => t(lang, "saved_searches.kind_all"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// A day as people write it: 05/12/2026 in Vietnamese, 5 December 2026 in English.
pub fn date(lang: Lang, at: DateTime<Utc>) -> String {
    crate::format::date(lang, at.date_naive())
}
