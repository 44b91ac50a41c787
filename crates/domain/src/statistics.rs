//! How labour-market statistics are published: which dimensions each one is broken down by,
//! and how counts derived from personal data are protected.
//!
//! A count of people is never published below 5, and every other such count is rounded to the
//! nearest multiple of 5. So every published number is 0 or a multiple of 5, and any sum or
//! difference of published numbers is too: no combination of filters or tables can give back
//! a count of 1 to 4 people.

pub mod tables;

use serde::Serialize;

/// A worker counts in public statistics about people only once their account is this many days
/// old and a verified organisation has acted on one of their applications: the portal has no
/// email or SMS confirmation, so a fresh account proves nothing, and a throwaway account can
/// neither age nor make a verified organisation act on it cheaply.
pub const COUNTED_ACCOUNT_AGE_DAYS: u32 = 30;

/// Smallest count of people published.
pub const MIN_CELL: u64 = 5;

/// A count of people as it may be published: `None` when suppressed.
pub fn protect(n: u64) -> Option<u64> {
    match n {
        0 => Some(0),
        n if n < MIN_CELL => None,
        n => Some((n + MIN_CELL / 2) / MIN_CELL * MIN_CELL),
    }
}

/// What a statistic is broken down by.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Serialize,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::VariantNames,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Dimension {
    OccupationGroup,
    Occupation,
    Level,
    Zone,
    Commune,
    Month,
}

impl crate::ClosedSet for Dimension {
    const WHAT: &'static str = "dimension";
}

impl Dimension {
    /// Column heading in Vietnamese and English.
    pub fn heading(self) -> (&'static str, &'static str) {
        match self {
            Dimension::OccupationGroup => ("Nhóm nghề", "Occupation group"),
            Dimension::Occupation => ("Nghề", "Occupation"),
            Dimension::Level => ("Trình độ", "Training level"),
            Dimension::Zone => ("Khu/cụm công nghiệp", "Zone"),
            Dimension::Commune => ("Xã/phường", "Commune"),
            Dimension::Month => ("Tháng", "Month"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn published_counts_are_multiples_of_five_close_to_the_truth(n in 0u64..1_000_000) {
            match protect(n) {
                None => prop_assert!((1..MIN_CELL).contains(&n)),
                Some(p) => {
                    prop_assert_eq!(p % MIN_CELL, 0);
                    prop_assert!(p.abs_diff(n) <= 2);
                }
            }
        }
    }

    #[test]
    fn small_counts_are_suppressed() {
        assert_eq!(protect(0), Some(0));
        assert_eq!(protect(3), None);
        assert_eq!(protect(5), Some(5));
        assert_eq!(protect(7), Some(5));
        assert_eq!(protect(8), Some(10));
    }
}
