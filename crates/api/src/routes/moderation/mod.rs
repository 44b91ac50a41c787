//! The staff moderation queue.

pub mod counts;
pub mod queue;
