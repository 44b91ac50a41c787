//! Searching published postings: the one search the JSON endpoints and the pages both run,
//! its parameters checked the same way and counted in search demand the same way.

mod labels;

use labour_domain::paging::PageRequest;
use labour_domain::posting::Kind;
use labour_search::{SearchEngine, SearchResults};

pub use self::labels::{Labels, ZoneLabel};
use crate::context::App;
use crate::errors::{Error, ErrorCode};
use crate::query::QueryChecker;
use crate::search_query::SearchParams;

/// What a search found, and the page it was asked for.
#[derive(Debug)]
pub struct Found {
    pub results: SearchResults,
    pub page: PageRequest,
}

/// Searches the given kinds. Bad parameters are `invalid_query` with every one listed; an
/// engine that cannot answer is `search_unavailable`. A search never touches PostgreSQL (the
/// reference data its filters are checked against is read once).
pub async fn run(app: &App, kinds: Vec<Kind>, params: &SearchParams) -> Result<Found, Error> {
    let reference = app.reference().await?;
    let mut check = QueryChecker::default();
    let (request, page) = crate::search_query::parse(kinds, params, &reference.known, &mut check);
    check.finish()?;
    let (text, searched) = (request.query.clone(), request.kinds.clone());
    let results = app.search.search(request).await.map_err(unavailable)?;
    // A page beyond the first is the same search continued.
    if page.page() == 1 {
        app.search_log.record(&text, &searched, results.total);
    }
    Ok(Found { results, page })
}

/// `search_unavailable` for a search the engine could not answer.
pub fn unavailable(e: labour_search::Error) -> Error {
    Error::new(ErrorCode::SearchUnavailable)
        .detail(
            "Tìm kiếm tạm thời không dùng được; vui lòng thử lại sau ít phút.",
            "Search is unavailable for now; please try again in a few minutes.",
        )
        .with_cause(e)
}
