//! An enterprise's yearly labour declaration: its workforce by occupation group and training
//! level, next year's planned recruitment, and its training and retraining needs. The province
//! aggregates these every year as the basis for its forecasts.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::Error;

/// Years a declaration may be for: the portal's plan period with some room.
pub const YEARS: std::ops::RangeInclusive<u16> = 2020..=2035;
const MAX_ROWS: usize = 200;
const MAX_PEOPLE: u32 = 100_000;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Declaration {
    /// The workforce at the end of the year, one row per occupation group and level.
    pub workforce: Vec<WorkforceRow>,
    /// Planned recruitment for the next year.
    #[serde(default)]
    pub planned_recruitment: Vec<RecruitmentRow>,
    /// Training and retraining the enterprise needs next year.
    #[serde(default)]
    pub training_needs: Vec<TrainingRow>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkforceRow {
    pub occupation_group: String,
    /// A training level code, or `none` for workers without vocational training.
    pub level: String,
    pub workers: u32,
    /// Of them, ethnic-minority workers.
    pub ethnic_minority: u32,
    /// Of them, workers with IT skills.
    pub with_it_skills: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecruitmentRow {
    /// ISCO-08 unit group.
    pub occupation_code: String,
    /// A training level code, or `none`.
    pub level: String,
    pub headcount: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingRow {
    pub occupation_group: String,
    pub level: String,
    pub trainees: u32,
    /// `new_training` or `retraining`.
    pub purpose: crate::posting::content::TrainingPurpose,
}

/// Level codes a declaration row may name besides the training levels.
pub const NO_TRAINING: &str = "none";

impl Declaration {
    /// Every rule the declaration breaks, with its field (`workforce[2].ethnic_minority`).
    /// `is_group`, `is_occupation` and `is_level` say which reference codes exist.
    pub fn problems(
        &self,
        is_group: impl Fn(&str) -> bool,
        is_occupation: impl Fn(&str) -> bool,
        is_level: impl Fn(&str) -> bool,
    ) -> Vec<(String, Error)> {
        let mut out = Vec::new();
        let level_ok = |l: &str| l == NO_TRAINING || is_level(l);
        let unknown = |what: &'static str, value: &str| Error::UnknownVariant {
            what,
            value: value.to_owned(),
            expected: "the codes of the reference lists".into(),
        };
        let people = |field: String, n: u32, out: &mut Vec<(String, Error)>| {
            if n > MAX_PEOPLE {
                out.push((
                    field,
                    Error::OutOfRange {
                        min: 0,
                        max: MAX_PEOPLE.into(),
                    },
                ));
            }
        };
        for (name, len) in [
            ("workforce", self.workforce.len()),
            ("planned_recruitment", self.planned_recruitment.len()),
            ("training_needs", self.training_needs.len()),
        ] {
            if len > MAX_ROWS {
                out.push((name.into(), Error::TooMany { max: MAX_ROWS }));
            }
        }
        let mut seen = HashSet::new();
        for (i, r) in self.workforce.iter().enumerate() {
            let at = |f: &str| format!("workforce[{i}].{f}");
            if !is_group(&r.occupation_group) {
                out.push((
                    at("occupation_group"),
                    unknown("occupation group", &r.occupation_group),
                ));
            }
            if !level_ok(&r.level) {
                out.push((at("level"), unknown("training level", &r.level)));
            }
            if !seen.insert((&r.occupation_group, &r.level)) {
                out.push((at("level"), Error::Duplicate));
            }
            people(at("workers"), r.workers, &mut out);
            if r.ethnic_minority > r.workers {
                out.push((at("ethnic_minority"), Error::PartAboveWhole));
            }
            if r.with_it_skills > r.workers {
                out.push((at("with_it_skills"), Error::PartAboveWhole));
            }
        }
        for (i, r) in self.planned_recruitment.iter().enumerate() {
            let at = |f: &str| format!("planned_recruitment[{i}].{f}");
            if !is_occupation(&r.occupation_code) {
                out.push((
                    at("occupation_code"),
                    unknown("occupation", &r.occupation_code),
                ));
            }
            if !level_ok(&r.level) {
                out.push((at("level"), unknown("training level", &r.level)));
            }
            people(at("headcount"), r.headcount, &mut out);
        }
        for (i, r) in self.training_needs.iter().enumerate() {
            let at = |f: &str| format!("training_needs[{i}].{f}");
            if !is_group(&r.occupation_group) {
                out.push((
                    at("occupation_group"),
                    unknown("occupation group", &r.occupation_group),
                ));
            }
            if !is_level(&r.level) {
                out.push((at("level"), unknown("training level", &r.level)));
            }
            people(at("trainees"), r.trainees, &mut out);
        }
        out
    }

    /// Workers in all rows.
    pub fn total_workers(&self) -> u64 {
        self.workforce.iter().map(|r| u64::from(r.workers)).sum()
    }
}

/// Whether a collection year takes declarations: only between opening and closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearState {
    NotOpened,
    Open,
    Closed,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(group: &str, level: &str, workers: u32, ethnic: u32, it: u32) -> WorkforceRow {
        WorkforceRow {
            occupation_group: group.into(),
            level: level.into(),
            workers,
            ethnic_minority: ethnic,
            with_it_skills: it,
        }
    }

    #[test]
    fn parts_cannot_exceed_the_whole_and_rows_are_unique() {
        let d = Declaration {
            workforce: vec![
                row("co_khi", "so_cap", 10, 11, 3),
                row("co_khi", "so_cap", 5, 0, 6),
                row("xyz", "tien_si", 1, 0, 0),
            ],
            ..Default::default()
        };
        let fields: Vec<String> = d
            .problems(|g| g == "co_khi", |_| true, |l| l == "so_cap")
            .into_iter()
            .map(|(f, _)| f)
            .collect();
        assert_eq!(
            fields,
            vec![
                "workforce[0].ethnic_minority",
                "workforce[1].level",
                "workforce[1].with_it_skills",
                "workforce[2].occupation_group",
                "workforce[2].level",
            ]
        );
        assert_eq!(d.total_workers(), 16);
    }
}
