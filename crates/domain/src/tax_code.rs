//! Vietnamese enterprise tax code (mã số doanh nghiệp / mã số thuế, MST).
//!
//! Ten digits whose last digit is a check digit over the first nine (weights 31, 29, 23, 19, 17,
//! 13, 7, 5, 3; check = 10 - sum mod 11), optionally followed by `-` and a 3-digit branch number.

use std::fmt;

use crate::Error;

const WEIGHTS: [u32; 9] = [31, 29, 23, 19, 17, 13, 7, 5, 3];

/// A tax code that passed the format and check-digit rules.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct TaxCode(String);

impl TaxCode {
    /// Parses a tax code as people write it: surrounding spaces and spaces inside are ignored.
    pub fn parse(input: &str) -> Result<Self, Error> {
        let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
        let (main, branch) = match compact.split_once('-') {
            Some((main, branch)) => (main, Some(branch)),
            None => (compact.as_str(), None),
        };
        let all_digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(main, 10) || branch.is_some_and(|b| !all_digits(b, 3)) {
            return Err(Error::TaxCodeFormat);
        }
        let digits: Vec<u32> = main.bytes().map(|b| u32::from(b - b'0')).collect();
        if check_digit(&digits[..9]) != Some(digits[9]) {
            return Err(Error::TaxCodeChecksum);
        }
        Ok(TaxCode(compact))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The check digit for nine leading digits; `None` when no digit can satisfy the rule
/// (such prefixes are never issued).
pub fn check_digit(first_nine: &[u32]) -> Option<u32> {
    let sum: u32 = first_nine.iter().zip(WEIGHTS).map(|(d, w)| d * w).sum();
    let check = 10 - (sum % 11);
    (check <= 9).then_some(check)
}

impl fmt::Display for TaxCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<&str> for TaxCode {
    type Error = Error;
    fn try_from(value: &str) -> Result<Self, Error> {
        TaxCode::parse(value)
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn with_check(first_nine: &[u32]) -> Option<String> {
        let check = check_digit(first_nine)?;
        Some(
            first_nine
                .iter()
                .chain([&check])
                .map(|d| char::from(b'0' + *d as u8))
                .collect(),
        )
    }

    #[test]
    fn accepts_published_codes() {
        // Viettel's published code, a branch of it, and a code valid by the rule.
        for code in ["0100109106", "0100109106-001", "0301471281", " 0100109106 "] {
            assert!(TaxCode::parse(code).is_ok(), "{code}");
        }
    }

    #[test]
    fn rejects_wrong_shapes() {
        for code in [
            "",
            "12345",
            "01001091060",
            "010010910a",
            "0100109106-01",
            "0100109106-",
        ] {
            assert_eq!(TaxCode::parse(code), Err(Error::TaxCodeFormat), "{code}");
        }
        assert_eq!(TaxCode::parse("0100109107"), Err(Error::TaxCodeChecksum));
    }

    proptest! {
        #[test]
        fn every_code_with_its_check_digit_parses(first in proptest::collection::vec(0u32..10, 9),
                                                 branch in proptest::option::of(0u32..1000)) {
            if let Some(main) = with_check(&first) {
                let input = match branch {
                    Some(b) => format!("{main}-{b:03}"),
                    None => main.clone(),
                };
                let parsed = TaxCode::parse(&input);
                prop_assert_eq!(parsed.map(|t| t.to_string()), Ok(input));
            }
        }

        #[test]
        fn changing_one_digit_is_caught(first in proptest::collection::vec(0u32..10, 9),
                                        pos in 0usize..10, delta in 1u32..10) {
            if let Some(main) = with_check(&first) {
                let mut digits: Vec<u32> = main.bytes().map(|b| u32::from(b - b'0')).collect();
                digits[pos] = (digits[pos] + delta) % 10;
                let changed: String = digits.iter().map(|d| char::from(b'0' + *d as u8)).collect();
                // Weights are distinct and coprime to 11, so a single changed digit always shows.
                prop_assert!(TaxCode::parse(&changed).is_err());
            }
        }

        #[test]
        fn never_panics(input in ".{0,20}") {
            let _ = TaxCode::parse(&input);
        }
    }
}
