//! Accounts: how people identify themselves (email or Vietnamese phone number) and the password
//! rules (NIST SP 800-63B: 8 to 128 characters, any characters).

use std::fmt;

use crate::Error;

/// What an account is: `user` (a worker or an organisation member: memberships say which),
/// `staff` or `admin` of the employment service centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountRole {
    User,
    Staff,
    Admin,
}

impl AccountRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AccountRole::User => "user",
            AccountRole::Staff => "staff",
            AccountRole::Admin => "admin",
        }
    }

    /// The staff level the policy knows, for staff and admins.
    pub fn staff_level(self) -> Option<crate::policy::StaffLevel> {
        match self {
            AccountRole::User => None,
            AccountRole::Staff => Some(crate::policy::StaffLevel::Staff),
            AccountRole::Admin => Some(crate::policy::StaffLevel::Admin),
        }
    }
}

/// Stored text becomes the role or an error, never a default.
impl TryFrom<String> for AccountRole {
    type Error = Error;
    fn try_from(text: String) -> Result<AccountRole, Error> {
        match text.as_str() {
            "user" => Ok(AccountRole::User),
            "staff" => Ok(AccountRole::Staff),
            "admin" => Ok(AccountRole::Admin),
            _ => Err(Error::UnknownVariant {
                what: "account role",
                value: text,
                expected: "user, staff, admin".into(),
            }),
        }
    }
}

impl PartialEq<&str> for AccountRole {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An email address, lower-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Email, Error> {
        let s = input.trim().to_lowercase();
        if s.len() <= 254 && email_address::EmailAddress::is_valid(&s) && s.contains('.') {
            Ok(Email(s))
        } else {
            Err(Error::EmailFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A Vietnamese mobile number in the form +84 and nine digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone(String);

impl Phone {
    /// Accepts `0912 345 678`, `0912.345.678`, `+84 912 345 678` and `84912345678`.
    pub fn parse(input: &str) -> Result<Phone, Error> {
        let digits: String = input
            .trim()
            .chars()
            .filter(|c| !matches!(c, ' ' | '.' | '-'))
            .collect();
        let national = if let Some(rest) = digits.strip_prefix("+84") {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix("84").filter(|r| r.len() == 9) {
            rest.to_owned()
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest.to_owned()
        } else {
            return Err(Error::PhoneFormat);
        };
        if national.len() == 9
            && national.bytes().all(|b| b.is_ascii_digit())
            && !national.starts_with('0')
        {
            Ok(Phone(format!("+84{national}")))
        } else {
            Err(Error::PhoneFormat)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a person types to log in: their email or their phone number.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Identifier {
    Email(Email),
    Phone(Phone),
}

impl Identifier {
    pub fn parse(input: &str) -> Result<Identifier, Error> {
        if input.contains('@') {
            Email::parse(input).map(Identifier::Email)
        } else {
            Phone::parse(input)
                .map(Identifier::Phone)
                .map_err(|_| Error::IdentifierFormat)
        }
    }

    /// The normalised form, used as a rate-limiting key (never logged).
    pub fn key(&self) -> &str {
        match self {
            Identifier::Email(e) => e.as_str(),
            Identifier::Phone(p) => p.as_str(),
        }
    }
}

/// A password that meets the length rules. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

pub const PASSWORD_MIN_CHARS: usize = 8;
pub const PASSWORD_MAX_CHARS: usize = 128;

impl Password {
    pub fn parse(input: &str) -> Result<Password, Error> {
        let n = input.chars().count();
        if n < PASSWORD_MIN_CHARS {
            Err(Error::PasswordTooShort {
                min: PASSWORD_MIN_CHARS,
            })
        } else if n > PASSWORD_MAX_CHARS {
            Err(Error::PasswordTooLong {
                max: PASSWORD_MAX_CHARS,
            })
        } else {
            Ok(Password(input.to_owned()))
        }
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password([hidden])")
    }
}

/// A person's display name: trimmed, 1 to 100 characters.
pub fn display_name(input: &str) -> Result<String, Error> {
    let s = input.trim();
    if s.is_empty() || s.chars().count() > 100 {
        Err(Error::DisplayNameLength { max: 100 })
    } else {
        Ok(s.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn phones() {
        for input in [
            "0912345678",
            "0912 345 678",
            "0912.345.678",
            "+84 912 345 678",
            "84912345678",
        ] {
            assert_eq!(
                Phone::parse(input).map(|p| p.0),
                Ok("+84912345678".into()),
                "{input}"
            );
        }
        for input in [
            "091234567",
            "09123456789",
            "+1 912 345 678",
            "0012345678",
            "abc",
        ] {
            assert_eq!(Phone::parse(input), Err(Error::PhoneFormat), "{input}");
        }
    }

    #[test]
    fn emails_and_identifiers() {
        assert_eq!(
            Email::parse(" An.Nguyen@Example.VN ").map(|e| e.0),
            Ok("an.nguyen@example.vn".into())
        );
        assert_eq!(Email::parse("no-at-sign"), Err(Error::EmailFormat));
        assert_eq!(Email::parse("a@localhost"), Err(Error::EmailFormat));
        assert!(matches!(
            Identifier::parse("0912345678"),
            Ok(Identifier::Phone(_))
        ));
        assert!(matches!(
            Identifier::parse("a@b.vn"),
            Ok(Identifier::Email(_))
        ));
        assert_eq!(Identifier::parse("hello"), Err(Error::IdentifierFormat));
    }

    #[test]
    fn passwords_count_characters_not_bytes() {
        assert!(
            Password::parse("mậtkhẩu1").is_ok(),
            "8 characters, more bytes"
        );
        assert_eq!(
            Password::parse("short"),
            Err(Error::PasswordTooShort { min: 8 })
        );
        assert_eq!(
            Password::parse(&"đ".repeat(129)),
            Err(Error::PasswordTooLong { max: 128 })
        );
        assert!(!format!("{:?}", Password::parse("secret-pass").ok()).contains("secret"));
    }

    proptest! {
        #[test]
        fn any_characters_within_length_are_accepted(p in "\\PC{8,128}") {
            prop_assert!(Password::parse(&p).is_ok());
        }

        #[test]
        fn nine_digit_numbers_normalise(n in 100_000_000u32..1_000_000_000) {
            let local = format!("0{n}");
            prop_assert_eq!(Phone::parse(&local).map(|p| p.0), Ok(format!("+84{n}")));
        }

        #[test]
        fn identifiers_never_panic(s in ".{0,40}") {
            let _ = Identifier::parse(&s);
        }
    }
}
