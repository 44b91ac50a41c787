//! The change feed for third-party apps.

pub mod get;
