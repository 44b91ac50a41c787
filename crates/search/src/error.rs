//! The one error type of the search crate.

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The engine cannot be reached; callers retry later (the outbox keeps the work).
    #[error("search engine unavailable: {0}")]
    Unavailable(String),
    /// The engine refused a task (bad settings, a document it cannot take).
    #[error("search engine refused the request: {0}")]
    Rejected(String),
    /// The embedded index could not be read or written.
    #[error("search index: {0}")]
    Index(String),
}
