//! The signed-in worker's own profile.

pub mod update;

pub use self::update::{check, update};
