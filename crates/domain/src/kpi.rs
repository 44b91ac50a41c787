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
    },
    Indicator {
        key: "certified_share",
        vi: "Tỷ lệ lao động qua đào tạo có bằng cấp, chứng chỉ",
        en: "Share of trained workers with a degree or certificate",
        target: 35.0,
        unit: Unit::Percent,
        source: Source::Entered,
    },
    Indicator {
        key: "national_standard_occupations",
        vi: "Số nghề đạt chuẩn quốc gia",
        en: "Occupations at national-level standard",
        target: 3.0,
        unit: Unit::Occupations,
        source: Source::Entered,
    },
    Indicator {
        key: "asean_occupations",
        vi: "Số nghề đạt chuẩn ASEAN-4",
        en: "Occupations at ASEAN-4 level",
        target: 2.0,
        unit: Unit::Occupations,
        source: Source::Entered,
    },
    Indicator {
        key: "trained_per_year",
        vi: "Số người được đào tạo nghề trong năm",
        en: "People trained in the year at all VET levels",
        target: 20_000.0,
        unit: Unit::People,
        source: Source::Derived,
    },
    Indicator {
        key: "college_intermediate_industrial",
        vi: "Trong đó cao đẳng, trung cấp các nhóm nghề công nghiệp",
        en: "Of which college and intermediate in the industrial groups",
        target: 2_000.0,
        unit: Unit::People,
        source: Source::Derived,
    },
    Indicator {
        key: "retrained_share",
        vi: "Tỷ lệ lao động được đào tạo lại, đào tạo thường xuyên",
        en: "Share of the workforce retrained or in continuing training",
        target: 40.0,
        unit: Unit::Percent,
        source: Source::Entered,
    },
    Indicator {
        key: "it_skills_share",
        vi: "Tỷ lệ lao động có kỹ năng công nghệ thông tin",
        en: "Share of workers with IT skills",
        target: 90.0,
        unit: Unit::Percent,
        source: Source::Derived,
    },
    Indicator {
        key: "ethnic_minority_trained_share",
        vi: "Tỷ lệ lao động người dân tộc thiểu số qua đào tạo nghề",
        en: "Share of ethnic-minority workers with vocational training",
        target: 70.0,
        unit: Unit::Percent,
        source: Source::Derived,
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
}
