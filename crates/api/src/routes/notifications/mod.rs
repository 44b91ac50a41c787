//! Notifications of new postings matching a worker's saved searches.

pub mod list;
pub mod read;
