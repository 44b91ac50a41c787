//! Workers as staff see them.

pub mod profile;
