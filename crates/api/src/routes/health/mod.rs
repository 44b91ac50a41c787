//! Liveness and readiness probes.

pub mod get;
pub mod ready;
