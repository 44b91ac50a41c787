//! How well a worker fits a posting's requirement, and which courses close the gap when the
//! worker lacks the training level a job asks for. The same `fit` ranks jobs for a worker and
//! workers for an enterprise, so both sides read the same reasons.

use std::collections::{BTreeSet, HashMap};

use chrono::NaiveDate;
use uuid::Uuid;

use crate::posting::content::Shift;
use crate::text::fold;
use crate::worker::WorkerProfile;

/// Training levels by code: their rank (1 = under three months ... 4 = college) and names.
#[derive(Debug, Clone, Default)]
pub struct Levels(HashMap<String, (u8, String, String)>);

impl Levels {
    pub fn new(levels: impl IntoIterator<Item = (String, u8, String, String)>) -> Levels {
        Levels(
            levels
                .into_iter()
                .map(|(code, rank, vi, en)| (code, (rank, vi, en)))
                .collect(),
        )
    }

    pub fn rank(&self, code: Option<&str>) -> u8 {
        code.and_then(|c| self.0.get(c)).map_or(0, |l| l.0)
    }

    /// The codes of the levels ranked above `rank`.
    pub fn above(&self, rank: u8) -> Vec<String> {
        let mut codes: Vec<(u8, &String)> = self
            .0
            .iter()
            .filter(|(_, l)| l.0 > rank)
            .map(|(code, l)| (l.0, code))
            .collect();
        codes.sort();
        codes.into_iter().map(|(_, c)| c.clone()).collect()
    }

    pub fn name(&self, code: &str, en: bool) -> String {
        self.0.get(code).map_or_else(
            || code.to_owned(),
            |(_, vi, e)| if en { e.clone() } else { vi.clone() },
        )
    }
}

/// What a worker brings, worked out once from the profile.
#[derive(Debug, Clone)]
pub struct Seeker {
    /// Occupations the worker wants or has certificates or experience in.
    pub occupations: BTreeSet<String>,
    /// The groups of those occupations.
    pub groups: BTreeSet<String>,
    pub level: Option<String>,
    pub level_rank: u8,
    pub commune_code: Option<String>,
    pub zones: Vec<Uuid>,
    skills: Vec<(String, String)>,
    pub expected_salary_vnd: Option<u64>,
    pub shifts: Vec<Shift>,
}

impl Seeker {
    /// `group_of` gives an occupation's group key.
    pub fn new(
        profile: &WorkerProfile,
        levels: &Levels,
        group_of: impl Fn(&str) -> Option<String>,
    ) -> Seeker {
        let occupations: BTreeSet<String> = profile
            .desired_occupations
            .iter()
            .cloned()
            .chain(
                profile
                    .certificates
                    .iter()
                    .filter_map(|c| c.occupation_code.clone()),
            )
            .chain(
                profile
                    .work_history
                    .iter()
                    .filter_map(|j| j.occupation_code.clone()),
            )
            .collect();
        let groups = occupations.iter().filter_map(|o| group_of(o)).collect();
        // A certificate at a higher level than the declared one counts.
        let level = profile
            .certificates
            .iter()
            .filter_map(|c| c.level.clone())
            .chain(profile.training_level.clone())
            .max_by_key(|l| levels.rank(Some(l)));
        Seeker {
            occupations,
            groups,
            level_rank: levels.rank(level.as_deref()),
            level,
            commune_code: profile.commune_code.clone(),
            zones: profile.desired_zones.clone(),
            skills: profile
                .skills
                .iter()
                .map(|s| (fold(s), s.clone()))
                .collect(),
            expected_salary_vnd: profile.expected_salary_vnd,
            shifts: profile.shift_preferences.clone(),
        }
    }

    /// Whether there is anything to match on.
    pub fn is_empty(&self) -> bool {
        self.occupations.is_empty() && self.zones.is_empty() && self.commune_code.is_none()
    }
}

/// What a job or a training need asks for.
#[derive(Debug, Clone, Copy)]
pub struct Requirement<'a> {
    pub occupation_code: &'a str,
    pub occupation_group: &'a str,
    pub level: Option<&'a str>,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<&'a str>,
    pub skills: &'a [String],
    pub salary_max_vnd: Option<u64>,
    pub shifts: &'a [Shift],
}

/// Why a posting or a worker was suggested, in words both languages can render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    SameOccupation,
    SameGroup,
    LevelMet {
        level: String,
    },
    NoLevelNeeded,
    SameCommune,
    PreferredZone,
    Skills(Vec<String>),
    SalaryMeetsExpectation,
    PreferredShift,
    /// Course reasons.
    CourseSameOccupation,
    CourseSameGroup,
    LeadsToLevel {
        level: String,
    },
    StartsIn {
        days: i64,
    },
    CourseInCommune,
    CourseInZone,
    Online,
    NoTuition,
    LearnerSupport,
}

impl Reason {
    pub fn code(&self) -> &'static str {
        match self {
            Reason::SameOccupation => "same_occupation",
            Reason::SameGroup => "same_group",
            Reason::LevelMet { .. } => "level_met",
            Reason::NoLevelNeeded => "no_level_needed",
            Reason::SameCommune => "same_commune",
            Reason::PreferredZone => "preferred_zone",
            Reason::Skills(_) => "skills",
            Reason::SalaryMeetsExpectation => "salary",
            Reason::PreferredShift => "shift",
            Reason::CourseSameOccupation => "course_same_occupation",
            Reason::CourseSameGroup => "course_same_group",
            Reason::LeadsToLevel { .. } => "leads_to_level",
            Reason::StartsIn { .. } => "starts_soon",
            Reason::CourseInCommune => "course_in_commune",
            Reason::CourseInZone => "course_in_zone",
            Reason::Online => "online",
            Reason::NoTuition => "no_tuition",
            Reason::LearnerSupport => "learner_support",
        }
    }

    pub fn text(&self, levels: &Levels, en: bool) -> String {
        let t = |vi: &str, e: &str| if en { e.to_owned() } else { vi.to_owned() };
        match self {
            Reason::SameOccupation => t("Đúng nghề bạn muốn làm", "The occupation you want"),
            Reason::SameGroup => t(
                "Cùng nhóm nghề bạn muốn làm",
                "In the occupation group you want",
            ),
            Reason::LevelMet { level } => {
                let name = levels.name(level, en);
                t(
                    &format!("Bạn đạt trình độ yêu cầu ({name})"),
                    &format!("You have the level it asks for ({name})"),
                )
            }
            Reason::NoLevelNeeded => t("Không yêu cầu bằng nghề", "No vocational level required"),
            Reason::SameCommune => t("Ở xã/phường của bạn", "In your commune"),
            Reason::PreferredZone => t("Ở khu/cụm công nghiệp bạn chọn", "In a zone you chose"),
            Reason::Skills(s) => t(
                &format!("Kỹ năng phù hợp: {}", s.join(", ")),
                &format!("Matching skills: {}", s.join(", ")),
            ),
            Reason::SalaryMeetsExpectation => {
                t("Lương đạt mức bạn mong muốn", "Pays what you expect")
            }
            Reason::PreferredShift => t("Có ca làm bạn chọn", "Has a shift you prefer"),
            Reason::CourseSameOccupation => t(
                "Đào tạo đúng nghề của công việc",
                "Trains for the job's occupation",
            ),
            Reason::CourseSameGroup => t(
                "Đào tạo nghề cùng nhóm với công việc",
                "Trains for an occupation in the job's group",
            ),
            Reason::LeadsToLevel { level } => {
                let name = levels.name(level, en);
                t(
                    &format!("Cho trình độ công việc yêu cầu ({name})"),
                    &format!("Gives the level the job asks for ({name})"),
                )
            }
            Reason::StartsIn { days } => t(
                &format!("Khai giảng sau {days} ngày"),
                &format!("Starts in {days} days"),
            ),
            Reason::CourseInCommune => t("Học tại xã/phường của bạn", "Taught in your commune"),
            Reason::CourseInZone => t(
                "Học tại khu/cụm công nghiệp bạn chọn",
                "Taught in a zone you chose",
            ),
            Reason::Online => t("Học trực tuyến", "Taught online"),
            Reason::NoTuition => t("Không mất học phí", "No tuition"),
            Reason::LearnerSupport => t("Có hỗ trợ người học", "Learners get support"),
        }
    }
}

/// A score out of 100 and the reasons behind it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fit {
    pub score: u32,
    pub reasons: Vec<Reason>,
    /// The level the requirement asks for when the worker has not reached it yet.
    pub missing_level: Option<String>,
}

/// How well `seeker` fits `req`; `None` when nothing relates them (another trade, another place).
pub fn fit(seeker: &Seeker, req: &Requirement<'_>, levels: &Levels) -> Option<Fit> {
    let mut score = 0;
    let mut reasons = Vec::new();
    if seeker.occupations.contains(req.occupation_code) {
        score += 40;
        reasons.push(Reason::SameOccupation);
    } else if seeker.groups.contains(req.occupation_group) {
        score += 20;
        reasons.push(Reason::SameGroup);
    }
    let place = if seeker
        .commune_code
        .as_deref()
        .is_some_and(|c| Some(c) == req.commune_code)
    {
        reasons.push(Reason::SameCommune);
        15
    } else if req.zone_id.is_some_and(|z| seeker.zones.contains(&z)) {
        reasons.push(Reason::PreferredZone);
        15
    } else {
        0
    };
    // Someone with no trade in common is only suggested where they want to work.
    if score == 0 && (place == 0 || !seeker.occupations.is_empty()) {
        return None;
    }
    score += place;
    let mut missing_level = None;
    match req.level {
        None => {
            score += 10;
            reasons.push(Reason::NoLevelNeeded);
        }
        Some(level) if seeker.level_rank >= levels.rank(Some(level)) => {
            score += 15;
            reasons.push(Reason::LevelMet {
                level: level.to_owned(),
            });
        }
        Some(level) => missing_level = Some(level.to_owned()),
    }
    let matching: Vec<String> = seeker
        .skills
        .iter()
        .filter(|(folded, _)| req.skills.iter().any(|s| fold(s) == *folded))
        .map(|(_, shown)| shown.clone())
        .collect();
    if !matching.is_empty() {
        score += 5 * matching.len().min(3) as u32;
        reasons.push(Reason::Skills(matching));
    }
    if let (Some(expected), Some(pays)) = (seeker.expected_salary_vnd, req.salary_max_vnd)
        && pays >= expected
    {
        score += 10;
        reasons.push(Reason::SalaryMeetsExpectation);
    }
    if seeker.shifts.iter().any(|s| req.shifts.contains(s)) {
        score += 5;
        reasons.push(Reason::PreferredShift);
    }
    Some(Fit {
        score: score.min(100),
        reasons,
        missing_level,
    })
}

/// What a course offers, for ranking it against a gap.
#[derive(Debug, Clone, Copy)]
pub struct CourseOffer<'a> {
    pub occupation_code: &'a str,
    pub occupation_group: &'a str,
    pub level: &'a str,
    pub start_dates: &'a [NaiveDate],
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<&'a str>,
    pub online: bool,
    pub tuition_vnd: u64,
    pub learner_support: bool,
}

/// How well a course closes the gap between `seeker` and a job that asks for `job.level`:
/// it must teach the job's occupation or its group, reach the level the job needs, and start
/// on or after `today`. Sooner and nearer ranks higher.
pub fn course_for_gap(
    seeker: &Seeker,
    job: &Requirement<'_>,
    course: &CourseOffer<'_>,
    levels: &Levels,
    today: NaiveDate,
) -> Option<Fit> {
    let needed = levels.rank(job.level);
    let gives = levels.rank(Some(course.level));
    if gives < needed || gives <= seeker.level_rank {
        return None;
    }
    let next_start = course.start_dates.iter().filter(|d| **d >= today).min()?;
    let mut score = 0;
    let mut reasons = Vec::new();
    if course.occupation_code == job.occupation_code {
        score += 35;
        reasons.push(Reason::CourseSameOccupation);
    } else if course.occupation_group == job.occupation_group {
        score += 15;
        reasons.push(Reason::CourseSameGroup);
    } else {
        return None;
    }
    // The level the job needs exactly is better than a longer course above it.
    score += if gives == needed { 20 } else { 10 };
    reasons.push(Reason::LeadsToLevel {
        level: course.level.to_owned(),
    });
    let days = (*next_start - today).num_days();
    score += match days {
        0..=30 => 20,
        31..=90 => 12,
        91..=180 => 5,
        _ => 0,
    };
    reasons.push(Reason::StartsIn { days });
    if seeker
        .commune_code
        .as_deref()
        .is_some_and(|c| Some(c) == course.commune_code)
    {
        score += 15;
        reasons.push(Reason::CourseInCommune);
    } else if course.zone_id.is_some_and(|z| seeker.zones.contains(&z)) {
        score += 10;
        reasons.push(Reason::CourseInZone);
    } else if course.online {
        score += 10;
        reasons.push(Reason::Online);
    }
    if course.tuition_vnd == 0 {
        score += 5;
        reasons.push(Reason::NoTuition);
    }
    if course.learner_support {
        score += 5;
        reasons.push(Reason::LearnerSupport);
    }
    Some(Fit {
        score: score.min(100),
        reasons,
        missing_level: None,
    })
}

/// How many open jobs a worker is shown, best fit first.
pub const JOBS_SHOWN: usize = 20;
/// How many good jobs the worker cannot take yet are shown, each with its courses.
pub const GAPS_SHOWN: usize = 5;
pub const COURSES_PER_GAP: usize = 3;
/// A job is worth training for when it is in the worker's trade or group and place.
pub const GOOD_JOB: u32 = 40;

/// What a weighed job is to a worker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// The worker can take it now.
    Fits,
    /// A good job that asks for a level the worker has not reached: worth training for.
    Gap,
    /// Asks for a level the worker lacks, and fits too little to train for.
    Neither,
}

impl Fit {
    pub fn standing(&self) -> Standing {
        match &self.missing_level {
            None => Standing::Fits,
            Some(_) if self.score >= GOOD_JOB => Standing::Gap,
            Some(_) => Standing::Neither,
        }
    }
}

/// Best fit first; among equals the order given (newest, soonest), as the sort is stable.
pub fn rank<T>(items: &mut [(Fit, T)]) {
    items.sort_by_key(|(f, _)| std::cmp::Reverse(f.score));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn levels() -> Levels {
        Levels::new(
            [
                ("duoi_3_thang", 1),
                ("so_cap", 2),
                ("trung_cap", 3),
                ("cao_dang", 4),
            ]
            .map(|(c, r)| (c.to_owned(), r, c.to_owned(), c.to_owned())),
        )
    }

    fn welder(level: Option<&str>) -> Seeker {
        let profile = WorkerProfile {
            full_name: "Hoàng Văn Nam".into(),
            training_level: level.map(str::to_owned),
            desired_occupations: vec!["7212".into()],
            commune_code: Some("06778".into()),
            skills: vec!["Hàn MIG".into()],
            expected_salary_vnd: Some(8_000_000),
            ..Default::default()
        };
        Seeker::new(&profile, &levels(), |o| {
            Some(
                if o.starts_with("72") {
                    "co_khi"
                } else {
                    "khac"
                }
                .to_owned(),
            )
        })
    }

    fn job<'a>(code: &'a str, group: &'a str, level: Option<&'a str>) -> Requirement<'a> {
        Requirement {
            occupation_code: code,
            occupation_group: group,
            level,
            zone_id: None,
            commune_code: Some("06778"),
            skills: &[],
            salary_max_vnd: Some(9_000_000),
            shifts: &[],
        }
    }

    #[test]
    fn the_wanted_occupation_ranks_above_its_group_and_unrelated_trades_are_left_out() {
        let l = levels();
        let w = welder(Some("trung_cap"));
        let same = fit(&w, &job("7212", "co_khi", Some("so_cap")), &l);
        let group = fit(&w, &job("7223", "co_khi", Some("so_cap")), &l);
        let other = Requirement {
            commune_code: None,
            ..job("5120", "khac", None)
        };
        let same = same.map(|f| f.score).unwrap_or_default();
        let group = group.map(|f| f.score).unwrap_or_default();
        assert!(same > group && group > 0, "{same} {group}");
        assert_eq!(fit(&w, &other, &l), None);
    }

    #[test]
    fn skills_are_compared_without_diacritics() {
        let l = levels();
        let w = welder(None);
        let skills = ["han mig".to_owned()];
        let req = Requirement {
            skills: &skills,
            ..job("7212", "co_khi", None)
        };
        let f = fit(&w, &req, &l);
        assert!(f.is_some_and(|f| f.reasons.contains(&Reason::Skills(vec!["Hàn MIG".into()]))));
    }

    #[test]
    fn a_missing_level_is_named_and_a_course_reaching_it_closes_the_gap() {
        let l = levels();
        let w = welder(Some("duoi_3_thang"));
        let req = job("7212", "co_khi", Some("trung_cap"));
        let f = fit(&w, &req, &l);
        assert_eq!(f.and_then(|f| f.missing_level), Some("trung_cap".into()));
        let today = NaiveDate::from_ymd_opt(2026, 11, 1).unwrap_or_default();
        let soon = [today + chrono::Days::new(10)];
        let later = [today + chrono::Days::new(150)];
        let past = [today - chrono::Days::new(1)];
        let course = |level, starts| CourseOffer {
            occupation_code: "7212",
            occupation_group: "co_khi",
            level,
            start_dates: starts,
            zone_id: None,
            commune_code: None,
            online: false,
            tuition_vnd: 1_000_000,
            learner_support: false,
        };
        let score = |c: &CourseOffer<'_>| course_for_gap(&w, &req, c, &l, today).map(|f| f.score);
        let exact_soon = score(&course("trung_cap", &soon));
        let exact_later = score(&course("trung_cap", &later));
        assert!(exact_soon > exact_later && exact_later.is_some());
        assert!(score(&course("cao_dang", &soon)) < exact_soon);
        assert_eq!(
            score(&course("so_cap", &soon)),
            None,
            "below what the job asks"
        );
        assert_eq!(score(&course("trung_cap", &past)), None, "already started");
    }

    #[test]
    fn a_job_fits_is_a_gap_or_neither() {
        let fit = |score, missing: Option<&str>| Fit {
            score,
            reasons: vec![],
            missing_level: missing.map(str::to_owned),
        };
        assert_eq!(fit(10, None).standing(), Standing::Fits);
        assert_eq!(fit(GOOD_JOB, Some("trung_cap")).standing(), Standing::Gap);
        assert_eq!(
            fit(GOOD_JOB - 1, Some("trung_cap")).standing(),
            Standing::Neither
        );
        let mut ranked = vec![
            (fit(30, None), 'a'),
            (fit(50, None), 'b'),
            (fit(30, None), 'c'),
        ];
        rank(&mut ranked);
        let order: String = ranked.iter().map(|(_, c)| *c).collect();
        assert_eq!(order, "bac");
    }
}
