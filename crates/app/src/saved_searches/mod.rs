//! A worker's saved searches: new postings that match them become notifications.

pub mod create;
pub mod delete;

pub use self::create::{NewSearch, create};
pub use self::delete::delete;
