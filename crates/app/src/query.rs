//! Query-string parsing that reports every bad parameter at once: the search endpoints, the
//! lists, and saved searches (checked as the search they run) share it.

use labour_domain::paging::PageRequest;

use crate::errors::{Error, ErrorCode, FieldError, FieldErrors, field_error};

/// Collects the errors of every query parameter, so a client learns all of them in one answer.
#[derive(Debug, Default)]
pub struct QueryChecker {
    errors: FieldErrors,
}

impl QueryChecker {
    /// Parses an optional parameter; a blank value counts as absent.
    pub fn parse<T>(
        &mut self,
        field: &str,
        value: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, labour_domain::Error>,
    ) -> Option<T> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        self.errors.check(field, parse(value))
    }

    /// A whole number within its documented range (`labour_domain::bounds`); blank is absent.
    pub fn number(
        &mut self,
        field: &str,
        value: Option<&str>,
        range: &std::ops::RangeInclusive<u64>,
    ) -> Option<u64> {
        self.parse(field, value, |v| {
            labour_domain::bounds::whole_number(v, range)
        })
    }

    /// `page` and `per_page`, defaulting and bounded by the domain's rules.
    pub fn page(&mut self, page: Option<&str>, per_page: Option<&str>) -> PageRequest {
        let number =
            |e: labour_domain::Error| move |v: &str| v.parse::<u32>().map_err(|_| e.clone());
        let max = labour_domain::paging::MAX_PER_PAGE;
        let page_n = self.parse(
            "page",
            page,
            number(labour_domain::Error::PageOutOfRange {
                max: labour_domain::paging::MAX_PAGE,
            }),
        );
        let per_page_n = self.parse(
            "per_page",
            per_page,
            number(labour_domain::Error::PerPageOutOfRange { max }),
        );
        // Check each on its own so that both are reported when both are wrong.
        let page_ok = PageRequest::new(page_n, None).map_err(|e| field_error("page", &e));
        let per_page_ok =
            PageRequest::new(None, per_page_n).map_err(|e| field_error("per_page", &e));
        match (page_ok, per_page_ok) {
            (Ok(p), Ok(pp)) => {
                PageRequest::new(Some(p.page()), Some(pp.per_page())).unwrap_or_default()
            }
            (a, b) => {
                for e in a.err().into_iter().chain(b.err()) {
                    self.errors.push(e);
                }
                PageRequest::default()
            }
        }
    }

    /// `page` and `per_page` of a search: bounded as [`QueryChecker::page`] is, and no deeper
    /// than a search engine pages ([`labour_domain::paging::MAX_SEARCH_RESULTS`]).
    pub fn search_page(&mut self, page: Option<&str>, per_page: Option<&str>) -> PageRequest {
        let request = self.page(page, per_page);
        self.errors
            .check("page", request.within_search_depth())
            .unwrap_or_default()
    }

    /// Free text: trimmed, at most `max` characters; blank is absent.
    pub fn text(&mut self, field: &str, value: Option<&str>, max: usize) -> Option<String> {
        let value = value.map(str::trim).filter(|v| !v.is_empty())?;
        if value.chars().count() > max {
            self.errors.push(FieldError {
                field: field.to_owned(),
                code: "too_long",
                message: crate::lang::Text::new(
                    format!("Tối đa {max} ký tự."),
                    format!("At most {max} characters."),
                ),
            });
            return None;
        }
        Some(value.to_owned())
    }

    pub fn push(&mut self, error: FieldError) {
        self.errors.push(error);
    }

    /// Whether every parameter so far was right.
    pub fn is_clean(&self) -> bool {
        self.errors.is_empty()
    }

    /// Takes over another checker's errors, their fields prefixed (`query.` for parameters sent
    /// inside a body).
    pub fn absorb(&mut self, other: QueryChecker, prefix: &str) {
        for mut e in other.errors.into_vec() {
            e.field = format!("{prefix}{}", e.field);
            self.errors.push(e);
        }
    }

    /// 422 `validation_failed`: for the same parameters sent in a body.
    pub fn finish_as_body(self) -> Result<(), Error> {
        self.errors.finish()
    }

    pub fn finish(self) -> Result<(), Error> {
        self.errors.finish_as(
            ErrorCode::InvalidQuery,
            "Một số tham số truy vấn không hợp lệ, xem danh sách lỗi.",
            "Some query parameters are not valid; see the list of errors.",
        )
    }
}
