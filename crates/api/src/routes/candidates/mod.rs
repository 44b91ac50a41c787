//! Workers who opted in to be found, ranked for an organisation's posting.

pub mod list;
