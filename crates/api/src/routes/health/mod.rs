//! Liveness and readiness probes.

pub mod get;
pub mod metrics;
pub mod ready;
