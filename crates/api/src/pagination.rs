//! Query-string parsing that reports every bad parameter at once, and paginated responses.

use labour_domain::paging::PageRequest;
use serde::Serialize;
use utoipa::ToSchema;

pub use labour_app::query::QueryChecker;

use crate::errors::{ApiError, ErrorCode, FieldErrors};

/// One page of a long list.
#[derive(Debug, Serialize, ToSchema)]
pub struct Paginated<T> {
    pub items: Vec<T>,
    /// The page returned, from 1.
    pub page: u32,
    pub per_page: u32,
    /// How many items match in all pages.
    pub total: i64,
}

impl<T> Paginated<T> {
    pub fn new<R>(page: labour_store::Page<R>, request: PageRequest) -> Paginated<T>
    where
        T: From<R>,
    {
        Paginated {
            items: page.items.into_iter().map(T::from).collect(),
            page: request.page(),
            per_page: request.per_page(),
            total: page.total,
        }
    }
}

/// A short list returned whole.
#[derive(Debug, Serialize, ToSchema)]
pub struct List<T> {
    pub items: Vec<T>,
}

/// A year in a path, within its documented range: 400 `invalid_path_parameter` naming `year`
/// otherwise, before anything else is looked at.
pub fn path_year(year: i64, range: &std::ops::RangeInclusive<i64>) -> Result<i32, ApiError> {
    let mut errors = FieldErrors::default();
    let year = errors.check("year", labour_domain::bounds::year(year, range));
    errors.finish_as(
        ErrorCode::InvalidPathParameter,
        "Năm trên đường dẫn nằm ngoài khoảng cho phép, xem danh sách lỗi.",
        "The year in the path is outside its range; see the list of errors.",
    )?;
    year.ok_or_else(|| ApiError::internal("checked year missing"))
}
