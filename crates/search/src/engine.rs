//! The contract between the portal and a search engine. Filters are typed values, never text a
//! user typed, so no engine ever parses user input as filter syntax.

use std::future::Future;

use serde::{Deserialize, Serialize};

use crate::Error;

/// The three kinds of posting, each its own index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IndexKind {
    Job,
    TrainingNeed,
    Course,
}

/// A typed filter on an indexed attribute.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// The attribute equals one of the values.
    AnyOf {
        attribute: &'static str,
        values: Vec<String>,
    },
    /// The numeric attribute is at least the value.
    AtLeast { attribute: &'static str, value: i64 },
    /// The numeric attribute is at most the value.
    AtMost { attribute: &'static str, value: i64 },
}

/// An attribute whose value counts a search should return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Facet(pub &'static str);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Ascending(&'static str),
    Descending(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    pub kind: IndexKind,
    /// What the user typed; matched as words, with typos and without diacritics.
    pub query: String,
    pub filters: Vec<Filter>,
    pub facets: Vec<Facet>,
    pub sort: Sort,
    pub offset: usize,
    pub limit: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub id: String,
    pub document: serde_json::Value,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FacetCount {
    pub facet: &'static str,
    pub counts: Vec<(String, u64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    /// Matches in all pages (an estimate where the engine only estimates).
    pub total: u64,
    pub facets: Vec<FacetCount>,
}

/// What every engine does. Documents are JSON objects with an `id`; engines own their settings.
pub trait SearchEngine: Send + Sync {
    /// Creates the indexes and pushes settings (searchable, filterable and sortable attributes,
    /// ranking, synonyms, typo tolerance); safe to call at every start.
    fn ensure_settings(&self) -> impl Future<Output = Result<(), Error>> + Send;

    /// Adds or replaces documents; returns once the engine has them.
    fn upsert(
        &self,
        kind: IndexKind,
        documents: Vec<serde_json::Value>,
    ) -> impl Future<Output = Result<(), Error>> + Send;

    /// Removes documents by id; ids that are not there are ignored.
    fn delete(
        &self,
        kind: IndexKind,
        ids: Vec<String>,
    ) -> impl Future<Output = Result<(), Error>> + Send;

    fn search(
        &self,
        request: SearchRequest,
    ) -> impl Future<Output = Result<SearchResults, Error>> + Send;

    /// How many documents an index holds.
    fn count(&self, kind: IndexKind) -> impl Future<Output = Result<u64, Error>> + Send;

    /// Empties an index (a full reindex starts from here).
    fn clear(&self, kind: IndexKind) -> impl Future<Output = Result<(), Error>> + Send;
}
