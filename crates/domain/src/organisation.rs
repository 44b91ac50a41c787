//! Organisations: enterprises, vocational schools and agencies (the employment service centre).

use crate::Error;
use crate::error::ClosedSet;
use crate::tax_code::TaxCode;

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
    serde::Serialize,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    /// Doanh nghiệp.
    Enterprise,
    /// Cơ sở giáo dục nghề nghiệp.
    School,
    /// A state agency, such as Trung tâm Dịch vụ việc làm.
    Agency,
}

impl ClosedSet for OrganisationKind {
    const WHAT: &'static str = "organisation kind";
}

/// The identity an organisation must have for its kind: an enterprise always has a tax code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrganisationIdentity {
    Enterprise { tax_code: TaxCode },
    School,
    Agency,
}

impl OrganisationIdentity {
    pub fn kind(&self) -> OrganisationKind {
        match self {
            OrganisationIdentity::Enterprise { .. } => OrganisationKind::Enterprise,
            OrganisationIdentity::School => OrganisationKind::School,
            OrganisationIdentity::Agency => OrganisationKind::Agency,
        }
    }

    pub fn tax_code(&self) -> Option<&TaxCode> {
        match self {
            OrganisationIdentity::Enterprise { tax_code } => Some(tax_code),
            _ => None,
        }
    }
}

/// Where an organisation stands with the employment service centre.
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
    serde::Serialize,
)]
#[strum(serialize_all = "snake_case")]
#[serde(rename_all = "snake_case")]
pub enum Verification {
    Pending,
    Verified,
    Refused,
}

impl ClosedSet for Verification {
    const WHAT: &'static str = "verification";
}

/// Stored text becomes the enum or an error, never a default (the store reads rows so).
macro_rules! stored_text {
    ($($set:ty),*) => {$(
        impl TryFrom<String> for $set {
            type Error = Error;
            fn try_from(text: String) -> Result<$set, Error> {
                <$set as ClosedSet>::parse(&text)
            }
        }

        impl std::fmt::Display for $set {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        /// Compares with text on the wire or in a query string.
        impl PartialEq<$set> for &str {
            fn eq(&self, other: &$set) -> bool {
                *self == other.as_str()
            }
        }
    )*};
}

stored_text!(OrganisationKind, Verification);

/// A school's operating licence number (giấy chứng nhận đăng ký hoạt động GDNN): free text, 1 to 50
/// characters, since its format differs between issuing authorities.
pub fn licence_number(input: &str) -> Result<String, Error> {
    let s = input.trim();
    if s.is_empty() || s.chars().count() > 50 {
        Err(Error::LicenceNumberLength)
    } else {
        Ok(s.to_owned())
    }
}
