//! The signed-in account.

pub mod get;
