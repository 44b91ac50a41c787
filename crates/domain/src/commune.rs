//! Communes and wards (xã, phường) of Lạng Sơn, by their official 5-digit code.

use std::fmt;

use crate::Error;
use crate::error::ClosedSet;

/// An official commune-level code: five digits, kept with its leading zero.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct CommuneCode(String);

impl CommuneCode {
    pub fn parse(input: &str) -> Result<Self, Error> {
        let s = input.trim();
        if s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit()) {
            Ok(CommuneCode(s.to_owned()))
        } else {
            Err(Error::CommuneCodeFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CommuneCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Ward (phường) or commune (xã).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumIter,
    strum::VariantNames,
)]
#[strum(serialize_all = "snake_case")]
pub enum CommuneKind {
    Ward,
    Commune,
}

impl ClosedSet for CommuneKind {
    const WHAT: &'static str = "commune kind";
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn parses_codes() {
        assert_eq!(
            CommuneCode::parse(" 06184 ").map(|c| c.to_string()),
            Ok("06184".into())
        );
        assert!(CommuneCode::parse("6184").is_err());
        assert!(CommuneCode::parse("0618a").is_err());
        assert_eq!(CommuneKind::parse("ward"), Ok(CommuneKind::Ward));
        assert!(CommuneKind::parse("district").is_err());
    }

    proptest! {
        #[test]
        fn five_digits_round_trip(n in 0u32..100_000) {
            let s = format!("{n:05}");
            prop_assert_eq!(CommuneCode::parse(&s).map(|c| c.to_string()), Ok(s));
        }
    }
}
