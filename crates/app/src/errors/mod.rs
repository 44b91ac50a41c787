//! What a use case refuses or fails with: a stable code from the table, an optional sentence in
//! both languages, the invalid fields, and a cause kept for the log. Each face renders it: the
//! API as problem+json, the pages as a message beside the field.

mod code;
mod field;

pub use self::code::{ErrorCode, Kind};
pub use self::field::{FieldError, FieldErrors, field_error};
use crate::lang::Text;

/// An error on its way to the caller. `cause` is logged, never shown.
#[derive(Debug, Clone)]
pub struct Error {
    pub code: ErrorCode,
    pub detail: Option<Box<Text>>,
    pub errors: Vec<FieldError>,
    /// What tells the caller how to go on (`allow`, `retry-after`, `etag`, `www-authenticate`),
    /// as lower-case HTTP header names.
    pub hints: Vec<(String, String)>,
    pub cause: Option<String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode) -> Error {
        Error {
            code,
            detail: None,
            errors: Vec::new(),
            hints: Vec::new(),
            cause: None,
        }
    }

    pub fn detail(mut self, vi: impl Into<String>, en: impl Into<String>) -> Error {
        self.detail = Some(Box::new(Text::new(vi, en)));
        self
    }

    pub fn with_errors(mut self, errors: Vec<FieldError>) -> Error {
        self.errors = errors;
        self
    }

    /// Keeps the cause for the log (never sent).
    pub fn with_cause(mut self, cause: impl std::fmt::Display) -> Error {
        self.cause = Some(cause.to_string());
        self
    }

    /// A hint the caller needs to go on, e.g. `("retry-after", "30")`.
    pub fn hint(mut self, name: &str, value: impl Into<String>) -> Error {
        self.hints.push((name.to_ascii_lowercase(), value.into()));
        self
    }

    /// An internal failure: the caller sees only a generic message, the log gets `cause`.
    pub fn internal(cause: impl std::fmt::Display) -> Error {
        Error {
            cause: Some(cause.to_string()),
            ..Error::new(ErrorCode::Internal)
        }
    }

    /// A resource asked for by id does not exist (or is not the caller's to see).
    pub fn not_found(what_vi: &str, what_en: &str, id: &str) -> Error {
        Error::new(ErrorCode::ResourceNotFound).detail(
            format!("Không tìm thấy {what_vi} {id}."),
            format!("No {what_en} {id}."),
        )
    }

    /// The HTTP status the code stands for.
    pub fn status(&self) -> u16 {
        self.code.describe().1
    }
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_str())?;
        if let Some(cause) = &self.cause {
            write!(f, ": {cause}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

impl From<labour_store::Error> for Error {
    fn from(e: labour_store::Error) -> Error {
        use labour_store::Error as E;
        match e {
            E::Pool(_) | E::Connect(_) => Error {
                cause: Some(e.to_string()),
                ..Error::new(ErrorCode::DatabaseUnavailable).detail(
                    "Hệ thống đang bận hoặc bảo trì, vui lòng thử lại sau ít phút.",
                    "The service is busy or under maintenance; please try again in a few minutes.",
                )
            },
            other => Error::internal(other),
        }
    }
}

/// So a use case's transaction (`conn.transaction::<_, Error, _>`) can return this error.
impl From<diesel::result::Error> for Error {
    fn from(e: diesel::result::Error) -> Error {
        labour_store::Error::from(e).into()
    }
}
