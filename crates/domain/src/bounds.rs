//! The range of every number a request carries in a query string or a path: each parameter's
//! bound lives here once, the API checks it where the request is parsed and documents it in the
//! contract (`minimum`/`maximum`), so no number from outside reaches arithmetic unbounded.

use std::ops::RangeInclusive;

use crate::Error;

/// `older_than_days` of the moderation queue: ten years.
pub const OLDER_THAN_DAYS: RangeInclusive<u64> = 0..=3650;
/// `days` of the search-demand statistic: a year.
pub const SEARCH_DEMAND_DAYS: RangeInclusive<u64> = 1..=366;
/// `limit` of the change feed.
pub const FEED_LIMIT: RangeInclusive<u64> = 1..=500;
/// An amount of VND a month: a posting's salary, a search's `salary_min`.
pub const SALARY_VND: RangeInclusive<u64> = 0..=crate::posting::content::MAX_VND;
/// The numbers of a posting's content (people hired or trained, seats, weeks, years of
/// experience, VND): the content's rules and the posting form's hints read them here.
pub const HEADCOUNT: RangeInclusive<u64> = 1..=10_000;
pub const EXPERIENCE_YEARS: RangeInclusive<u64> = 0..=50;
pub const TRAINEES: RangeInclusive<u64> = 1..=10_000;
pub const SEATS: RangeInclusive<u64> = 1..=10_000;
pub const DURATION_WEEKS: RangeInclusive<u64> = 1..=260;
/// A salary named in a range: at least one đồng.
pub const POSTING_SALARY_VND: RangeInclusive<u64> = 1..=crate::posting::content::MAX_VND;
pub const TUITION_VND: RangeInclusive<u64> = 0..=crate::posting::content::MAX_VND;
/// The lengths, in characters, of a posting's texts.
pub const TITLE_CHARS: RangeInclusive<usize> = 5..=200;
pub const DESCRIPTION_CHARS: RangeInclusive<usize> = 20..=10_000;
pub const ADDRESS_CHARS: usize = 300;
pub const CONTACT_NAME_CHARS: RangeInclusive<usize> = 1..=100;
pub const CERTIFICATE_CHARS: RangeInclusive<usize> = 1..=200;
pub const SUPPORT_NOTE_CHARS: usize = 500;
/// Skills a job asks for: how many, and each one's length.
pub const SKILLS: (usize, usize) = (30, 100);
pub const LANGUAGES: (usize, usize) = (10, 50);
pub const START_DATES: usize = 20;
/// Years an indicator of the plan can have a value for.
pub const KPI_YEARS: RangeInclusive<i64> = 2015..=crate::kpi::TARGET_YEAR as i64;

/// A whole number within `range`; anything else (a sign, a fraction, too many digits) is
/// `OutOfRange` naming the range.
pub fn whole_number(value: &str, range: &RangeInclusive<u64>) -> Result<u64, Error> {
    value
        .parse::<u64>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(Error::OutOfRange {
            min: *range.start(),
            max: *range.end(),
        })
}

/// A year within `range`, as a path or body carries it.
pub fn year(value: i64, range: &RangeInclusive<i64>) -> Result<i32, Error> {
    range
        .contains(&value)
        .then(|| i32::try_from(value).ok())
        .flatten()
        .ok_or(Error::OutOfRange {
            min: u64::try_from(*range.start()).unwrap_or(0),
            max: u64::try_from(*range.end()).unwrap_or(0),
        })
}

/// The years of declarations, as [`year`] takes them.
pub fn declaration_years() -> RangeInclusive<i64> {
    i64::from(*crate::declaration::YEARS.start())..=i64::from(*crate::declaration::YEARS.end())
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn bounds_hold_at_their_edges() {
        assert_eq!(whole_number("0", &OLDER_THAN_DAYS), Ok(0));
        assert_eq!(whole_number("3650", &OLDER_THAN_DAYS), Ok(3650));
        for bad in [
            "3651",
            "-1",
            "1.5",
            "18550718",
            "99999999999999999999999",
            "3 days",
        ] {
            assert_eq!(
                whole_number(bad, &OLDER_THAN_DAYS),
                Err(Error::OutOfRange { min: 0, max: 3650 }),
                "{bad}"
            );
        }
        assert_eq!(year(2020, &declaration_years()), Ok(2020));
        assert!(year(2036, &declaration_years()).is_err());
        assert!(year(i64::from(i32::MIN), &declaration_years()).is_err());
    }

    proptest! {
        #[test]
        fn a_number_is_accepted_exactly_when_in_range(n in any::<u64>()) {
            let parsed = whole_number(&n.to_string(), &SALARY_VND);
            prop_assert_eq!(parsed.is_ok(), SALARY_VND.contains(&n));
            prop_assert!(parsed.is_err() || parsed == Ok(n));
        }

        #[test]
        fn text_never_panics(s in "\\PC{0,24}") {
            let _ = whole_number(&s, &OLDER_THAN_DAYS);
        }
    }
}
