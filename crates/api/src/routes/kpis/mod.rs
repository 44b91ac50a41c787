//! The plan's indicator board: each 2030 target with its baseline, yearly values, sources and
//! whether the province is on track.

pub mod list;
pub mod update;
