//! The contract between the portal and a search engine. Filters name attributes from a closed
//! set and carry typed values, so no engine ever reads user text as filter syntax.

use std::future::Future;

use chrono::{DateTime, NaiveDate, Utc};
use labour_domain::posting::Kind;

use crate::Error;
use crate::document::SearchDocument;

/// Attributes a search can filter and count by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, strum::IntoStaticStr, strum::EnumIter)]
#[strum(serialize_all = "snake_case")]
pub enum Attribute {
    Kind,
    OccupationGroup,
    OccupationCode,
    ZoneId,
    CommuneCode,
    Level,
    Shifts,
    Mode,
    LearnerSupport,
    OrganisationId,
}

impl Attribute {
    pub fn name(self) -> &'static str {
        self.into()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    /// The attribute has one of the values.
    AnyOf(Attribute, Vec<String>),
    /// Jobs paying at least this much a month (the top of their range).
    SalaryAtLeast(u64),
    /// The deadline is this day or later (or there is none).
    DeadlineFrom(NaiveDate),
    /// Starts within these days, inclusive.
    StartBetween(Option<NaiveDate>, Option<NaiveDate>),
    /// Published after the first time (exclusive) and up to the second (inclusive); how saved
    /// searches find what is new since they last looked.
    PublishedBetween(Option<DateTime<Utc>>, DateTime<Utc>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    Relevance,
    Newest,
    /// Highest salary first.
    Salary,
    /// Soonest deadline first.
    Deadline,
    /// Soonest start first.
    StartDate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchRequest {
    /// The kinds searched; several for a search across all of them.
    pub kinds: Vec<Kind>,
    /// What the person typed; matched word by word, with typos, without diacritics.
    pub query: String,
    pub filters: Vec<Filter>,
    pub facets: Vec<Attribute>,
    pub sort: Sort,
    /// Results to skip; engines read this through [`SearchRequest::window`].
    pub offset: usize,
    pub limit: usize,
}

/// How deep any engine pages: results past this many are never returned (Meilisearch's
/// `maxTotalHits` does the same). The API refuses deeper pages before asking.
pub const MAX_RESULTS: usize = labour_domain::paging::MAX_SEARCH_RESULTS as usize;

impl SearchRequest {
    /// `(offset, limit)` cut to the first [`MAX_RESULTS`] results: what an engine may collect,
    /// whatever offset it was given. A window past the bound is empty.
    pub fn window(&self) -> (usize, usize) {
        let offset = self.offset.min(MAX_RESULTS);
        (offset, self.limit.min(MAX_RESULTS - offset))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    pub document: SearchDocument,
    /// The title with the matched words in `<em>`.
    pub title_highlight: String,
    /// A few words of the description around the first match, highlighted the same way.
    pub snippet: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FacetCount {
    pub attribute: Attribute,
    /// Values and how many matching postings have them, most first.
    pub counts: Vec<(String, u64)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SearchResults {
    pub hits: Vec<SearchHit>,
    pub total: u64,
    pub facets: Vec<FacetCount>,
}

/// What every engine does.
pub trait SearchEngine: Send + Sync {
    /// Creates the indexes and applies settings; safe to call at every start.
    fn ensure_settings(&self) -> impl Future<Output = Result<(), Error>> + Send;

    /// Adds or replaces documents; returns once they are searchable.
    fn upsert(
        &self,
        documents: Vec<SearchDocument>,
    ) -> impl Future<Output = Result<(), Error>> + Send;

    /// Removes documents by id; ids that are not there are ignored.
    fn delete(&self, ids: Vec<uuid::Uuid>) -> impl Future<Output = Result<(), Error>> + Send;

    fn search(
        &self,
        request: SearchRequest,
    ) -> impl Future<Output = Result<SearchResults, Error>> + Send;

    /// How many documents of a kind the engine holds.
    fn count(&self, kind: Kind) -> impl Future<Output = Result<u64, Error>> + Send;

    /// Removes every document (a full reindex starts from here).
    fn clear(&self) -> impl Future<Output = Result<(), Error>> + Send;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn window(offset: usize, limit: usize) -> (usize, usize) {
        SearchRequest {
            kinds: vec![Kind::Job],
            query: String::new(),
            filters: vec![],
            facets: vec![],
            sort: Sort::Relevance,
            offset,
            limit,
        }
        .window()
    }

    #[test]
    fn a_window_never_reaches_past_the_bound() {
        assert_eq!(window(0, 20), (0, 20));
        assert_eq!(window(900, 100), (900, 100));
        assert_eq!(window(950, 100), (950, 50));
        assert_eq!(window(1_000, 100), (1_000, 0));
        assert_eq!(window(usize::MAX, usize::MAX), (MAX_RESULTS, 0));
        assert_eq!(window(0, usize::MAX), (0, MAX_RESULTS));
    }
}
