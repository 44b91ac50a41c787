//! Workers who opted in to be found, ranked for an organisation's posting: the mirror of
//! recommendations.

pub mod list;

pub use self::list::{Candidate, list};
