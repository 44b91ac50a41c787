//! Page requests for long lists: 1-based pages, bounded page size.

use crate::Error;

/// Largest page a client may ask for.
pub const MAX_PER_PAGE: u32 = 100;
/// Page size when a client does not say.
pub const DEFAULT_PER_PAGE: u32 = 20;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PageRequest {
    page: u32,
    per_page: u32,
}

impl PageRequest {
    pub fn new(page: Option<u32>, per_page: Option<u32>) -> Result<Self, Error> {
        let page = page.unwrap_or(1);
        let per_page = per_page.unwrap_or(DEFAULT_PER_PAGE);
        if page == 0 {
            return Err(Error::PageOutOfRange);
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
        assert_eq!(PageRequest::new(Some(0), None), Err(Error::PageOutOfRange));
        assert_eq!(
            PageRequest::new(None, Some(101)),
            Err(Error::PerPageOutOfRange { max: 100 })
        );
        assert_eq!(
            PageRequest::new(Some(3), Some(10)).map(|p| p.offset()),
            Ok(20)
        );
    }

    proptest! {
        #[test]
        fn offsets_never_overflow(page in 1u32.., per_page in 1u32..=MAX_PER_PAGE) {
            let p = PageRequest::new(Some(page), Some(per_page));
            prop_assert!(p.is_ok());
            prop_assert!(p.map(|p| p.offset()).unwrap_or(-1) >= 0);
        }
    }
}
