//! The words for values the signed-in worker's pages show (an application's status, a shift,
//! a profile field's name) and their dates, in the page's language; and the reason codes of a
//! moderation decision, which the organisation's and staff's pages show.

use labour_domain::ClosedSet;
use std::borrow::Cow;

use chrono::{DateTime, Utc};
use labour_domain::application::Status;
use labour_domain::posting::ModerationReason;

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

/// Why staff rejected or removed a posting (its public reason code), as the organisation reads
/// it; staff's note goes beside it.
pub fn moderation_reason(lang: Lang, code: ModerationReason) -> Cow<'static, str> {
    match code {
        ModerationReason::Scam => t(lang, "labels.moderation_reason.scam"),
        ModerationReason::AsksForMoney => t(lang, "labels.moderation_reason.asks_for_money"),
        ModerationReason::Discriminatory => t(lang, "labels.moderation_reason.discriminatory"),
        ModerationReason::WrongInformation => t(lang, "labels.moderation_reason.wrong_information"),
        ModerationReason::Incomplete => t(lang, "labels.moderation_reason.incomplete"),
        ModerationReason::Duplicate => t(lang, "labels.moderation_reason.duplicate"),
        ModerationReason::NotInProvince => t(lang, "labels.moderation_reason.not_in_province"),
        ModerationReason::OrganisationRefused => {
            t(lang, "labels.moderation_reason.organisation_refused")
        }
        ModerationReason::Other => t(lang, "labels.moderation_reason.other"),
    }
}

/// A decision of staff as its organisation reads it: the reason code's words, then the note
/// (either may be missing: a decision recorded before the codes has only its note).
pub fn moderation_decision(lang: Lang, code: Option<&str>, note: Option<&str>) -> String {
    let label = code
        .and_then(|c| ModerationReason::parse(c).ok())
        .map(|c| moderation_reason(lang, c));
    let note = note.map(str::trim).filter(|n| !n.is_empty());
    match (label, note) {
        (Some(label), Some(note)) => format!("{label}: {note}"),
        (Some(label), None) => label.into_owned(),
        (None, Some(note)) => note.to_owned(),
        (None, None) => String::new(),
    }
}

/// A day as people write it: 05/12/2026 in Vietnamese, 5 December 2026 in English.
pub fn date(lang: Lang, at: DateTime<Utc>) -> String {
    crate::format::date(lang, at.date_naive())
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn every_moderation_reason_has_words_in_both_languages() {
        for code in ModerationReason::iter() {
            for lang in [Lang::Vi, Lang::En] {
                let words = moderation_reason(lang, code);
                assert!(
                    !words.contains(crate::i18n::MISSING),
                    "{code:?} in {lang:?}"
                );
            }
        }
        assert_eq!(
            moderation_reason(Lang::Vi, ModerationReason::WrongInformation),
            "Thông tin sai"
        );
    }
}
