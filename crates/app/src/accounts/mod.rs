//! Accounts: workers sign up themselves; staff accounts are made by admins (see `staff`).

pub mod create;

pub use self::create::create;

use labour_domain::account::{Email, Identifier, Password, Phone, display_name};

use crate::errors::{Error, FieldError, FieldErrors};
use crate::lang::Text;

/// A new account's details as sent: an email or a phone (one of the two), a password, a name.
#[derive(Clone, Default)]
pub struct NewAccountInput {
    pub email: Option<String>,
    pub phone: Option<String>,
    pub password: String,
    pub display_name: String,
}

impl std::fmt::Debug for NewAccountInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewAccountInput([hidden])")
    }
}

/// A new account's details, checked.
#[derive(Debug)]
pub struct CheckedAccount {
    pub identifier: Identifier,
    pub password: Password,
    pub display_name: String,
}

impl NewAccountInput {
    /// Every field checked; 422 listing all that are wrong.
    pub fn check(&self) -> Result<CheckedAccount, Error> {
        let mut check = FieldErrors::default();
        let identifier = identifier(&mut check, self.email.as_deref(), self.phone.as_deref());
        let password = check.check("password", Password::parse(&self.password));
        let name = check.check("display_name", display_name(&self.display_name));
        check.finish()?;
        let (Some(identifier), Some(password), Some(display_name)) = (identifier, password, name)
        else {
            return Err(Error::internal("checked fields missing"));
        };
        Ok(CheckedAccount {
            identifier,
            password,
            display_name,
        })
    }
}

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
