//! The signed-in account.

pub mod delete;
pub mod export;
pub mod get;
pub mod profile;
pub mod profile_request;
pub mod recommendations;
