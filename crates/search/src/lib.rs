//! The search side of the portal: the `SearchEngine` trait that every engine implements. The
//! engines themselves (Meilisearch, and an embedded one for running without a server) and the
//! documents they index arrive with the search feature; this crate fixes the contract now so
//! that the rest of the workspace is shaped around it.

pub mod engine;
pub mod error;

pub use engine::{
    Facet, FacetCount, Filter, IndexKind, SearchEngine, SearchHit, SearchRequest, SearchResults,
    Sort,
};
pub use error::Error;
