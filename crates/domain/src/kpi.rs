//! The 2030 targets of Kế hoạch 190/KH-UBND as indicators the portal follows: where each
//! value comes from, and whether the province is on a straight path from its baseline to the
//! target.

use serde::Serialize;

/// The plan's horizon.
pub const TARGET_YEAR: i32 = 2030;

/// Where an indicator's yearly value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// Entered by staff, each value with a cited source (statistics office, a department).
    Entered,
    /// Computed from the portal's own data; staff may still enter a value that replaces it.
    Derived,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Percent,
    People,
    Occupations,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Indicator {
    pub key: &'static str,
    pub vi: &'static str,
    pub en: &'static str,
    pub target: f64,
    pub unit: Unit,
    pub source: Source,
    /// What the portal computes the yearly values from, for a derived indicator.
    #[serde(skip)]
    pub derived_from: Option<Derivation>,
}

/// The portal data a derived indicator is computed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Derivation {
    /// People admitted to courses listed on the portal, by year of admission; `industrial`:
    /// only college and intermediate courses in the plan's industrial groups.
    CourseAdmissions { industrial: bool },
    /// A share of the workers verified enterprises declared.
    DeclaredShare(Share),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Share {
    /// Workers with IT skills, of all declared workers.
    ItSkills,
    /// Ethnic-minority workers with a training level, of all declared ethnic-minority workers.
    EthnicMinorityTrained,
}

/// The targets table of DESIGN.md, one indicator per target.
pub const INDICATORS: [Indicator; 9] = [
    Indicator {
        key: "trained_share",
        vi: "Tỷ lệ lao động qua đào tạo",
        en: "Share of workers with vocational training",
        target: 76.0,
        unit: Unit::Percent,
        source: Source::Entered,
        derived_from: None,
    },
    Indicator {
        key: "certified_share",
        vi: "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
        en: "Share of trained workers with a degree or certificate",
        target: 35.0,
        unit: Unit::Percent,
        source: Source::Entered,
        derived_from: None,
    },
    Indicator {
        key: "national_standard_occupations",
        vi: "Số nghề đạt chuẩn quốc gia",
        en: "Occupations at national-level standard",
        target: 3.0,
        unit: Unit::Occupations,
        source: Source::Entered,
        derived_from: None,
    },
    Indicator {
        key: "asean_occupations",
        vi: "Số nghề đạt chuẩn ASEAN-4",
        en: "Occupations at ASEAN-4 level",
        target: 2.0,
        unit: Unit::Occupations,
        source: Source::Entered,
        derived_from: None,
    },
    Indicator {
        key: "trained_per_year",
        vi: "Số người được đào tạo nghề trong năm",
        en: "People trained in the year at all VET levels",
        target: 20_000.0,
        unit: Unit::People,
        source: Source::Derived,
        derived_from: Some(Derivation::CourseAdmissions { industrial: false }),
    },
    Indicator {
        key: "college_intermediate_industrial",
        vi: "Trong đó cao đẳng, trung cấp các nhóm nghề công nghiệp",
        en: "Of which college and intermediate in the industrial groups",
        target: 2_000.0,
        unit: Unit::People,
        source: Source::Derived,
        derived_from: Some(Derivation::CourseAdmissions { industrial: true }),
    },
    Indicator {
        key: "retrained_share",
        vi: "Tỷ lệ lao động được đào tạo lại, đào tạo thường xuyên",
        en: "Share of the workforce retrained or in continuing training",
        target: 40.0,
        unit: Unit::Percent,
        source: Source::Entered,
        derived_from: None,
    },
    Indicator {
        key: "it_skills_share",
        vi: "Tỷ lệ lao động có kỹ năng công nghệ thông tin",
        en: "Share of workers with IT skills",
        target: 90.0,
        unit: Unit::Percent,
        source: Source::Derived,
        derived_from: Some(Derivation::DeclaredShare(Share::ItSkills)),
    },
    Indicator {
        key: "ethnic_minority_trained_share",
        vi: "Tỷ lệ lao động người dân tộc thiểu số qua đào tạo nghề",
        en: "Share of ethnic-minority workers with vocational training",
        target: 70.0,
        unit: Unit::Percent,
        source: Source::Derived,
        derived_from: Some(Derivation::DeclaredShare(Share::EthnicMinorityTrained)),
    },
];

pub fn find(key: &str) -> Option<&'static Indicator> {
    INDICATORS.iter().find(|i| i.key == key)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    OnTrack,
    OffTrack,
    /// Fewer than two yearly values: no path to compare with.
    NoData,
}

/// The baseline (earliest) and latest of a series of yearly values in year order, taken from
/// complete years only: a value of a year still being collected (a declaration year staff have
/// not closed, the calendar year under way) is shown as provisional but never replaces the
/// latest complete year nor decides the status.
pub fn baseline_and_latest<T>(
    values: &[T],
    provisional: impl Fn(&T) -> bool,
) -> (Option<&T>, Option<&T>) {
    let mut complete = values.iter().filter(|v| !provisional(v));
    let first = complete.next();
    let last = complete.last().or(first);
    (first, last)
}

/// Where the straight path from the baseline to the target stands in `year`.
pub fn expected(baseline: (i32, f64), target: f64, year: i32) -> f64 {
    let (y0, v0) = baseline;
    if TARGET_YEAR <= y0 {
        return target;
    }
    let share = f64::from((year - y0).clamp(0, TARGET_YEAR - y0)) / f64::from(TARGET_YEAR - y0);
    v0 + (target - v0) * share
}

/// On track when the latest value is at or above the straight path in its year.
pub fn status(baseline: Option<(i32, f64)>, latest: Option<(i32, f64)>, target: f64) -> Status {
    match (baseline, latest) {
        (Some(b), Some(l)) if l.0 > b.0 => {
            if l.1 + 1e-9 >= expected(b, target, l.0) {
                Status::OnTrack
            } else {
                Status::OffTrack
            }
        }
        _ => Status::NoData,
    }
}

/// One yearly value of an indicator, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub year: i32,
    pub value: f64,
    /// The cited source staff entered, or how the portal derived it.
    pub source: String,
    /// Computed from the portal's data (false: entered by staff).
    pub derived: bool,
    /// Derived from a year still being collected: shown, but never the baseline, the latest
    /// or the status.
    pub provisional: bool,
    /// What a value derived from declarations covers.
    pub coverage: Option<Coverage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coverage {
    /// Verified enterprises whose declarations the value sums.
    pub enterprises: i64,
    /// Workers those declarations cover.
    pub workers: i64,
}

/// People admitted to the portal's courses in a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Admissions {
    pub year: i32,
    pub people: i64,
}

/// Sums over a year's declarations of verified enterprises.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Declared {
    pub year: i32,
    pub enterprises: i64,
    pub workers: i64,
    pub with_it_skills: i64,
    pub ethnic_minority: i64,
    /// Ethnic-minority workers in rows with a training level.
    pub ethnic_minority_trained: i64,
    /// Staff closed the year: no declaration of it can still change.
    pub closed: bool,
}

/// What the portal's own data says, for the derived indicators.
#[derive(Debug, Clone, Default)]
pub struct PortalData {
    pub admissions: Vec<Admissions>,
    /// Admissions to college and intermediate courses in the plan's industrial groups.
    pub industrial_admissions: Vec<Admissions>,
    pub declared: Vec<Declared>,
    /// The calendar year under way in Lạng Sơn: its admissions are still being counted.
    pub this_year: i32,
}

/// A value staff entered, with its cited source.
#[derive(Debug, Clone, PartialEq)]
pub struct Entered {
    pub year: i32,
    pub value: f64,
    pub source: String,
}

/// One line of the board: an indicator, its yearly values and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub indicator: &'static Indicator,
    /// The earliest value of a complete year: where the straight path to the target starts.
    pub baseline: Option<Value>,
    /// The value of the latest complete year.
    pub latest: Option<Value>,
    /// The newest provisional value, when it is newer than `latest`.
    pub provisional: Option<Value>,
    /// Where the straight path from the baseline to the target stands in the latest year.
    pub expected_in_latest_year: Option<f64>,
    pub status: Status,
    /// Every value up to the target year, in year order.
    pub values: Vec<Value>,
}

/// To one decimal, as the board shows shares and paths.
pub fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

const FROM_DECLARATIONS: &str = "Cổng: kê khai của doanh nghiệp";

impl Indicator {
    /// The values the portal's data gives this indicator (none for an entered one).
    pub fn derived_values(&self, data: &PortalData) -> Vec<Value> {
        match self.derived_from {
            Some(Derivation::CourseAdmissions { industrial: false }) => admissions_values(
                &data.admissions,
                data.this_year,
                "Cổng: người được nhận vào các khóa học đăng trên cổng",
            ),
            Some(Derivation::CourseAdmissions { industrial: true }) => admissions_values(
                &data.industrial_admissions,
                data.this_year,
                "Cổng: người được nhận vào khóa cao đẳng, trung cấp thuộc nhóm nghề công nghiệp",
            ),
            Some(Derivation::DeclaredShare(share)) => data
                .declared
                .iter()
                .filter_map(|d| share_value(d, share))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The indicator's line of the board: a value staff entered for a year replaces the
    /// derived one; values after the target year are left out.
    pub fn progress(&'static self, derived: Vec<Value>, entered: Vec<Entered>) -> Progress {
        let mut by_year = std::collections::BTreeMap::new();
        for v in derived {
            by_year.insert(v.year, v);
        }
        for e in entered {
            by_year.insert(
                e.year,
                Value {
                    year: e.year,
                    value: e.value,
                    source: e.source,
                    derived: false,
                    provisional: false,
                    coverage: None,
                },
            );
        }
        let values: Vec<Value> = by_year
            .into_values()
            .filter(|v| v.year <= TARGET_YEAR)
            .collect();
        let (baseline, latest) = baseline_and_latest(&values, |v| v.provisional);
        let (baseline, latest) = (baseline.cloned(), latest.cloned());
        let provisional = values
            .iter()
            .rev()
            .find(|v| v.provisional)
            .filter(|p| latest.as_ref().is_none_or(|l| p.year > l.year))
            .cloned();
        let point = |v: &Option<Value>| v.as_ref().map(|v| (v.year, v.value));
        Progress {
            indicator: self,
            expected_in_latest_year: match (point(&baseline), point(&latest)) {
                (Some(b), Some(l)) if l.0 > b.0 => Some(round(expected(b, self.target, l.0))),
                _ => None,
            },
            status: status(point(&baseline), point(&latest), self.target),
            baseline,
            latest,
            provisional,
            values,
        }
    }
}

fn admissions_values(rows: &[Admissions], this_year: i32, what: &str) -> Vec<Value> {
    rows.iter()
        .map(|r| {
            let provisional = r.year >= this_year;
            Value {
                year: r.year,
                value: r.people as f64,
                source: if provisional {
                    format!("{what}; tạm tính: năm {} chưa kết thúc", r.year)
                } else {
                    what.to_owned()
                },
                derived: true,
                provisional,
                coverage: None,
            }
        })
        .collect()
}

fn share_value(d: &Declared, share: Share) -> Option<Value> {
    let (part, whole) = match share {
        Share::ItSkills => (d.with_it_skills, d.workers),
        Share::EthnicMinorityTrained => (d.ethnic_minority_trained, d.ethnic_minority),
    };
    (whole > 0).then(|| Value {
        year: d.year,
        value: round(100.0 * part as f64 / whole as f64),
        source: format!(
            "{FROM_DECLARATIONS} ({} doanh nghiệp kê khai, {} lao động){}",
            d.enterprises,
            d.workers,
            if d.closed {
                String::new()
            } else {
                format!("; tạm tính: năm {} chưa đóng kê khai", d.year)
            }
        ),
        derived: true,
        provisional: !d.closed,
        coverage: Some(Coverage {
            enterprises: d.enterprises,
            workers: d.workers,
        }),
    })
}

impl Status {
    /// How the Vietnamese exports say it.
    pub fn vi(self) -> &'static str {
        match self {
            Status::OnTrack => "Đúng lộ trình",
            Status::OffTrack => "Chậm so với lộ trình",
            Status::NoData => "Chưa đủ số liệu",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_runs_straight_from_baseline_to_target() {
        assert_eq!(expected((2024, 70.0), 76.0, 2027), 73.0);
        assert_eq!(
            status(Some((2024, 70.0)), Some((2027, 73.5)), 76.0),
            Status::OnTrack
        );
        assert_eq!(
            status(Some((2024, 70.0)), Some((2027, 72.0)), 76.0),
            Status::OffTrack
        );
        assert_eq!(
            status(Some((2024, 70.0)), Some((2024, 70.0)), 76.0),
            Status::NoData
        );
        assert_eq!(status(None, None, 76.0), Status::NoData);
    }

    #[test]
    fn a_provisional_year_is_never_the_latest_nor_the_baseline() {
        let values = [(2024, true), (2025, false), (2026, false), (2027, true)];
        let (b, l) = baseline_and_latest(&values, |v| v.1);
        assert_eq!((b.map(|v| v.0), l.map(|v| v.0)), (Some(2025), Some(2026)));
        let (b, l) = baseline_and_latest(&[(2026, true)], |v| v.1);
        assert_eq!((b, l), (None, None));
        let (b, l) = baseline_and_latest(&[(2025, false)], |v| v.1);
        assert_eq!((b.map(|v| v.0), l.map(|v| v.0)), (Some(2025), Some(2025)));
    }

    #[test]
    fn every_target_of_the_plan_is_there_once() {
        let mut keys: Vec<&str> = INDICATORS.iter().map(|i| i.key).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), 9);
        assert_eq!(find("trained_share").map(|i| i.target), Some(76.0));
    }

    #[test]
    fn entered_values_replace_derived_ones_and_provisional_years_stay_aside() {
        let Some(share) = find("it_skills_share") else {
            panic!("no it_skills_share");
        };
        let declared = |year, closed| Declared {
            year,
            enterprises: 2,
            workers: 100,
            with_it_skills: 50,
            ethnic_minority: 0,
            ethnic_minority_trained: 0,
            closed,
        };
        let data = PortalData {
            declared: vec![
                declared(2024, true),
                declared(2025, true),
                declared(2026, false),
            ],
            this_year: 2026,
            ..PortalData::default()
        };
        let derived = share.derived_values(&data);
        assert_eq!(derived.len(), 3);
        assert!(derived[2].provisional && derived[2].source.contains("tạm tính"));
        let entered = vec![Entered {
            year: 2025,
            value: 80.0,
            source: "Cục Thống kê".into(),
        }];
        let p = share.progress(derived, entered);
        assert_eq!(p.values.len(), 3);
        assert_eq!(
            p.latest.as_ref().map(|v| (v.value, v.derived)),
            Some((80.0, false))
        );
        assert_eq!(p.baseline.as_ref().map(|v| v.year), Some(2024));
        assert_eq!(p.provisional.as_ref().map(|v| v.year), Some(2026));
        assert_eq!(p.status, Status::OnTrack);
        assert!(find("trained_share").is_some_and(|i| i.derived_values(&data).is_empty()));
    }
}
