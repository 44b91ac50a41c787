//! What belongs to the caller's organisations.

pub mod postings;
