//! Occupations (ISCO-08 unit groups, the base of VSCO 2020) and the plan's occupation groups.

use std::fmt;

use crate::Error;

/// A 4-digit ISCO-08 unit group code.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct OccupationCode(String);

impl OccupationCode {
    pub fn parse(input: &str) -> Result<Self, Error> {
        let s = input.trim();
        if s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(OccupationCode(s.to_owned()))
        } else {
            Err(Error::OccupationCodeFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OccupationCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What an occupation search text means: a code prefix when it is all digits, else words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OccupationQuery {
    CodePrefix(String),
    /// Folded text; matches names where some word starts with it.
    NamePrefix(String),
}

impl OccupationQuery {
    /// `None` for a blank query (list everything).
    pub fn parse(input: &str) -> Option<Self> {
        let s = input.trim();
        if s.is_empty() {
            None
        } else if s.bytes().all(|b| b.is_ascii_digit()) {
            Some(OccupationQuery::CodePrefix(s.to_owned()))
        } else {
            Some(OccupationQuery::NamePrefix(crate::text::fold(s)))
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn queries() {
        assert_eq!(
            OccupationQuery::parse(" 72 "),
            Some(OccupationQuery::CodePrefix("72".into()))
        );
        assert_eq!(
            OccupationQuery::parse("Thợ Hàn"),
            Some(OccupationQuery::NamePrefix("tho han".into()))
        );
        assert_eq!(OccupationQuery::parse("  "), None);
    }

    proptest! {
        #[test]
        fn codes_round_trip(n in 0u32..10_000) {
            let s = format!("{n:04}");
            prop_assert_eq!(OccupationCode::parse(&s).map(|c| c.to_string()), Ok(s));
        }

        #[test]
        fn other_lengths_fail(s in "[0-9]{0,3}|[0-9]{5,8}") {
            prop_assert_eq!(OccupationCode::parse(&s), Err(Error::OccupationCodeFormat));
        }
    }
}
