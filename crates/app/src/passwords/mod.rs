//! Passwords: a signed-in person changes theirs; a person who forgot it sets a new one with a
//! link sent by email, or, for an account that has only a phone, with a one-time code that staff
//! of the employment service centre hand over in person. See docs/passwords.md.

pub mod change;
pub mod confirm;
pub mod issue_code;
pub mod request;
pub mod sms;

pub use self::change::change;
pub use self::confirm::{confirm, link_is_open};
pub use self::issue_code::issue_code;
pub use self::request::request;

use labour_domain::account::Password;

use crate::errors::{Error, ErrorCode, FieldError, FieldErrors};
use crate::lang::Text;

/// How long an emailed link works.
pub const LINK_TTL: chrono::Duration = chrono::Duration::minutes(30);
/// How long a staff-issued code works: the person may only get home to enter it later that day.
pub const CODE_TTL: chrono::Duration = chrono::Duration::hours(24);
/// Wrong codes entered for an account after which its open codes are given up.
pub const MAX_CODE_FAILURES: i32 = 5;
/// Longest link token or code worth looking up; a longer one cannot be ours.
const MAX_SECRET_BYTES: usize = 128;
/// Longest password worth checking; anything longer cannot be right.
const MAX_PASSWORD_BYTES: usize = 1024;

/// The new password, checked with the sign-up rules, or its error recorded against `field`.
fn new_password(check: &mut FieldErrors, field: &str, input: &str) -> Option<Password> {
    check.check(field, Password::parse(input))
}

fn required(field: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: "required",
        message: Text::new("Cần điền trường này.", "This field is required."),
    }
}

fn rate_limited(wait: u64) -> Error {
    Error::new(ErrorCode::RateLimited)
        .detail(
            format!("Có quá nhiều yêu cầu; thử lại sau {wait} giây."),
            format!("Too many requests; try again in {wait} s."),
        )
        .hint("retry-after", wait.to_string())
}
