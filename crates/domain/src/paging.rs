//! Page requests for long lists: 1-based pages, bounded page size, bounded depth. Lists from
//! PostgreSQL go at most [`MAX_PAGE`] pages deep; a search at most [`MAX_SEARCH_RESULTS`]
//! results deep, the bound Meilisearch itself keeps (`maxTotalHits`). Deeper reading is what
//! open data and the change feed are for: they stream everything.

use crate::Error;

/// Largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// Page size when a client does not say.
pub const DEFAULT_PER_PAGE: u32 = 20;
/// Deepest page of a list: the offset stays below a million rows.
pub const MAX_PAGE: u32 = 10_000;
/// How deep a search can be paged: `page * per_page` at most this.
pub const MAX_SEARCH_RESULTS: u32 = 1_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    page: u32,
    per_page: u32,
}

impl PageRequest {
    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Result<Self, Error> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if !(1..=MAX_PAGE).contains(&page) {
            return Err(Error::PageOutOfRange { max: MAX_PAGE });
        }
        if !(1..=MAX_PER_PAGE).contains(&per_page) {
            return Err(Error::PerPageOutOfRange { max: MAX_PER_PAGE });
        }
        Ok(PageRequest { page, per_page })
    }

    pub fn page(self) -> u32 {
        self.page
    }

    pub fn per_page(self) -> u32 {
        self.per_page
    }

    pub fn offset(self) -> i64 {
        (i64::from(self.page) - 1) * i64::from(self.per_page)
    }

    pub fn limit(self) -> i64 {
        i64::from(self.per_page)
    }

    /// The same page, if a search can reach it: its last result is within the first
    /// [`MAX_SEARCH_RESULTS`].
    pub fn within_search_depth(self) -> Result<Self, Error> {
        if u64::from(self.page) * u64::from(self.per_page) > u64::from(MAX_SEARCH_RESULTS) {
            Err(Error::SearchTooDeep {
                max: MAX_SEARCH_RESULTS,
            })
        } else {
            Ok(self)
        }
    }
}

impl Default for PageRequest {
    fn default() -> Self {
        PageRequest {
            page: 1,
            per_page: DEFAULT_PER_PAGE,
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn bounds() {
        assert_eq!(PageRequest::new(None, None), Ok(PageRequest::default()));
        assert_eq!(
            PageRequest::new(Some(0), None),
            Err(Error::PageOutOfRange { max: MAX_PAGE })
        );
        assert!(PageRequest::new(Some(MAX_PAGE), Some(MAX_PER_PAGE)).is_ok());
        assert_eq!(
            PageRequest::new(Some(MAX_PAGE + 1), None),
            Err(Error::PageOutOfRange { max: MAX_PAGE })
        );
        assert_eq!(
            PageRequest::new(Some(u32::MAX), Some(100)),
            Err(Error::PageOutOfRange { max: MAX_PAGE })
        );
        assert_eq!(
            PageRequest::new(None, Some(101)),
            Err(Error::PerPageOutOfRange { max: 100 })
        );
        assert_eq!(
            PageRequest::new(Some(3), Some(10)).map(|p| p.offset()),
            Ok(20)
        );
    }

    #[test]
    fn searches_page_only_through_the_first_thousand_results() {
        let page =
            |p, pp| PageRequest::new(Some(p), Some(pp)).and_then(|r| r.within_search_depth());
        assert!(page(10, 100).is_ok(), "results 901 to 1,000");
        assert!(page(50, 20).is_ok());
        let too_deep = Err(Error::SearchTooDeep { max: 1_000 });
        assert_eq!(page(11, 100), too_deep);
        assert_eq!(page(51, 20), too_deep);
        assert_eq!(page(MAX_PAGE, 100), too_deep);
    }

    proptest! {
        #[test]
        fn offsets_stay_small(page in 1u32.., per_page in 1u32..=MAX_PER_PAGE) {
            match PageRequest::new(Some(page), Some(per_page)) {
                Ok(p) => {
                    prop_assert!(page <= MAX_PAGE);
                    prop_assert!((0..1_000_000).contains(&p.offset()));
                }
                Err(e) => {
                    prop_assert!(page > MAX_PAGE);
                    prop_assert_eq!(e, Error::PageOutOfRange { max: MAX_PAGE });
                }
            }
        }

        #[test]
        fn a_search_page_ends_within_the_bound(page in 1u32..=MAX_PAGE, per_page in 1u32..=MAX_PER_PAGE) {
            if let Ok(p) = PageRequest::new(Some(page), Some(per_page)).and_then(|p| p.within_search_depth()) {
                prop_assert!(p.offset() + p.limit() <= i64::from(MAX_SEARCH_RESULTS));
            }
        }
    }
}
