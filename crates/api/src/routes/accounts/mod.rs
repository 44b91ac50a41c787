//! Accounts: workers register themselves; organisation members register their organisation
//! after signing up; staff accounts are made by admins.

pub mod create;

use labour_domain::account::{Email, Identifier, Phone};

use crate::errors::{FieldError, FieldErrors};
use crate::lang::Text;

/// Exactly one of `email` and `phone`, parsed.
pub fn identifier(
    check: &mut FieldErrors,
    email: Option<&str>,
    phone: Option<&str>,
) -> Option<Identifier> {
    match (
        email.filter(|e| !e.trim().is_empty()),
        phone.filter(|p| !p.trim().is_empty()),
    ) {
        (Some(e), None) => check.check("email", Email::parse(e)).map(Identifier::Email),
        (None, Some(p)) => check.check("phone", Phone::parse(p)).map(Identifier::Phone),
        _ => {
            check.push(FieldError {
                field: "email".into(),
                code: "email_or_phone",
                message: Text::new(
                    "Nhập email hoặc số điện thoại (một trong hai).",
                    "Give an email address or a phone number (one of the two).",
                ),
            });
            None
        }
    }
}
