//! The one error type of the domain crate: every way a value from outside can fail to parse.

/// Why a value from outside was refused. Each variant has a stable code that the API reports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    #[error("tax code must be 10 digits, or 10 digits, a hyphen and 3 digits for a branch")]
    TaxCodeFormat,
    #[error("tax code check digit does not match")]
    TaxCodeChecksum,
    #[error("commune code must be 5 digits")]
    CommuneCodeFormat,
    #[error("occupation code must be a 4-digit ISCO-08 unit group")]
    OccupationCodeFormat,
    #[error("unknown {what} {value:?}: expected one of {expected}")]
    UnknownVariant {
        what: &'static str,
        value: String,
        expected: String,
    },
    #[error("not a valid email address")]
    EmailFormat,
    #[error("not a Vietnamese mobile number")]
    PhoneFormat,
    #[error("neither an email address nor a Vietnamese mobile number")]
    IdentifierFormat,
    #[error("password shorter than {min} characters")]
    PasswordTooShort { min: usize },
    #[error("password longer than {max} characters")]
    PasswordTooLong { max: usize },
    #[error("name must be 1 to {max} characters")]
    DisplayNameLength { max: usize },
    #[error("licence number must be 1 to 50 characters")]
    LicenceNumberLength,
    #[error("text must be {min} to {max} characters")]
    TextLength { min: usize, max: usize },
    #[error("must be from {min} to {max}")]
    OutOfRange { min: u64, max: u64 },
    #[error("the minimum is above the maximum")]
    MinAboveMax,
    #[error("the end is before the start")]
    EndBeforeStart,
    #[error("the date has passed")]
    DateInPast,
    #[error("the date is more than two years ahead")]
    DateTooFar,
    #[error("at most {max} items")]
    TooMany { max: usize },
    #[error("required")]
    Required,
    #[error("a posting that is {from} does not allow {transition}")]
    TransitionNotAllowed {
        from: &'static str,
        transition: &'static str,
    },
    #[error("this value is kept only with consent")]
    ConsentRequired,
    #[error("a citizen id (CCCD) is 12 digits")]
    CitizenIdFormat,
    #[error("page must be a whole number from 1 to {max}")]
    PageOutOfRange { max: u32 },
    #[error("per_page must be from 1 to {max}")]
    PerPageOutOfRange { max: u32 },
    #[error("the same row appears twice")]
    Duplicate,
    #[error("a part is larger than its whole")]
    PartAboveWhole,
    #[error("only the first {max} results of a search can be paged")]
    SearchTooDeep { max: u32 },
    #[error("an application that is {from} cannot be moved to {to}")]
    ApplicationMoveNotAllowed {
        from: &'static str,
        to: &'static str,
    },
}

impl Error {
    /// Stable machine-readable code, part of the public API.
    pub fn code(&self) -> &'static str {
        match self {
            Error::TaxCodeFormat => "tax_code_format",
            Error::TaxCodeChecksum => "tax_code_checksum",
            Error::CommuneCodeFormat => "commune_code_format",
            Error::OccupationCodeFormat => "occupation_code_format",
            Error::UnknownVariant { .. } => "unknown_value",
            Error::EmailFormat => "email_format",
            Error::PhoneFormat => "phone_format",
            Error::IdentifierFormat => "identifier_format",
            Error::PasswordTooShort { .. } => "password_too_short",
            Error::PasswordTooLong { .. } => "password_too_long",
            Error::DisplayNameLength { .. } => "name_length",
            Error::LicenceNumberLength => "licence_number_length",
            Error::TextLength { .. } => "text_length",
            Error::OutOfRange { .. } => "out_of_range",
            Error::MinAboveMax => "min_above_max",
            Error::EndBeforeStart => "end_before_start",
            Error::DateInPast => "date_in_past",
            Error::DateTooFar => "date_too_far",
            Error::TooMany { .. } => "too_many",
            Error::Required => "required",
            Error::TransitionNotAllowed { .. } => "transition_not_allowed",
            Error::ConsentRequired => "consent_required",
            Error::CitizenIdFormat => "citizen_id_format",
            Error::PageOutOfRange { .. } => "page_out_of_range",
            Error::PerPageOutOfRange { .. } => "per_page_out_of_range",
            Error::Duplicate => "duplicate",
            Error::PartAboveWhole => "part_above_whole",
            Error::SearchTooDeep { .. } => "search_too_deep",
            Error::ApplicationMoveNotAllowed { .. } => "application_move_not_allowed",
        }
    }
}

/// A closed set of snake_case names (kinds, statuses): parsed from outside with an error that
/// lists the allowed names, and written back as the same names.
pub trait ClosedSet:
    Sized + Copy + std::str::FromStr + strum::VariantNames + Into<&'static str>
{
    /// What the set is called in error messages ("zone kind").
    const WHAT: &'static str;

    fn parse(input: &str) -> Result<Self, Error> {
        input.trim().parse().map_err(|_| Error::UnknownVariant {
            what: Self::WHAT,
            value: input.trim().to_owned(),
            expected: Self::VARIANTS.join(", "),
        })
    }

    fn as_str(self) -> &'static str {
        self.into()
    }
}
