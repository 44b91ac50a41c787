//! Notifications of new postings matching a worker's saved searches.

pub mod read;

pub use self::read::read;
