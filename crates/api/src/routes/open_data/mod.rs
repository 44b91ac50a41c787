//! Open data: everything published, in bulk.

pub mod postings;
