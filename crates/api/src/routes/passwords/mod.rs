//! Passwords: change one's own, reset a forgotten one by an emailed link or a staff-issued code.

pub mod change;
pub mod confirm;
pub mod issue_code;
pub mod request;
