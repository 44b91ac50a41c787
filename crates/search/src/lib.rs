//! Search for the portal: the `SearchEngine` trait, the documents it indexes, the synonyms both
//! engines share, and the embedded engine (tantivy) used when no Meilisearch is configured.

pub mod any;
#[cfg(any(test, feature = "test-support"))]
pub mod conformance;
pub mod document;
pub mod embedded;
pub mod engine;
pub mod error;
pub mod highlight;
pub mod meili;
#[cfg(any(test, feature = "test-support"))]
pub mod switchable;
pub mod synonyms;

pub use any::AnyEngine;
pub use document::SearchDocument;
pub use engine::{
    Attribute, FacetCount, Filter, SearchEngine, SearchHit, SearchRequest, SearchResults, Sort,
};
pub use error::Error;
