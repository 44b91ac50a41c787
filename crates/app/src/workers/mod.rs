//! Workers as staff see them.

pub mod profile;

pub use self::profile::profile;
