//! A worker saves a search.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;
use labour_store::saved_searches::{MAX_PER_ACCOUNT, NewSavedSearch, SavedSearchRow};

use crate::errors::{Error, ErrorCode, FieldError};
use crate::lang::Text;
use crate::query::QueryChecker;
use crate::{App, Caller, policy};

/// A search to watch, as the person sent it.
#[derive(Debug, Clone)]
pub struct NewSearch {
    pub name: String,
    /// `job`, `course`, `training_need` or `all`.
    pub kind: String,
    pub query: serde_json::Value,
    /// Send matches in the daily email digest.
    pub email: bool,
}

/// Whether the name, kind and parameters make a search to watch: the parameters are checked
/// as the search endpoints check them (errors named `query.<parameter>`).
async fn check(app: &App, input: &NewSearch) -> crate::Result<()> {
    let reference = app.reference().await?;
    let mut check = QueryChecker::default();
    let name = input.name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        check.push(FieldError {
            field: "name".into(),
            code: "text_length",
            message: Text::new("Tên dài 1 đến 100 ký tự.", "A name of 1 to 100 characters."),
        });
    }
    // Paging, sorting and facets belong to a page of results, not to what is watched.
    let watched = input.query.as_object().is_some_and(|o| {
        !o.keys()
            .any(|k| ["page", "per_page", "sort", "facets"].contains(&k.as_str()))
    });
    if crate::search_query::kinds(&input.kind).is_none() {
        check.push(FieldError {
            field: "kind".into(),
            code: "unknown_value",
            message: Text::new(
                "Loại phải là job, course, training_need hoặc all.",
                "Kind must be job, course, training_need or all.",
            ),
        });
    } else if !watched
        || crate::search_query::saved_search_request(
            &input.kind,
            &input.query,
            &reference.known,
            &mut check,
        )
        .is_none()
    {
        check.push(FieldError {
            field: "query".into(),
            code: "invalid_query",
            message: Text::new(
                "Truy vấn là một đối tượng gồm các tham số tìm kiếm dạng chuỗi (q, occupation_group, zone, ...).",
                "The query is an object of search parameters as strings (q, occupation_group, zone, ...).",
            ),
        });
    }
    check.finish_as_body()
}

/// Checks and saves the search; an account keeps at most `MAX_PER_ACCOUNT` of them.
pub async fn create(app: &App, caller: &Caller, input: NewSearch) -> crate::Result<SavedSearchRow> {
    // Signing in comes before the search is judged.
    let account = policy::require_own_account(caller)?;
    check(app, &input).await?;
    let name = input.name.trim();
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = labour_store::saved_searches::insert(
            conn,
            NewSavedSearch {
                account,
                name,
                kind: &input.kind,
                query: &input.query,
                email: input.email,
            },
        )
        .await?
        .ok_or_else(|| {
            Error::new(ErrorCode::Conflict).detail(
                format!("Bạn đã lưu {MAX_PER_ACCOUNT} tìm kiếm; hãy xóa bớt một tìm kiếm."),
                format!("You already keep {MAX_PER_ACCOUNT} saved searches; delete one first."),
            )
        })?;
        let event = Event {
            subject_type: Some("saved_search"),
            subject_id: Some(row.id.to_string()),
            ..caller.event("saved_search_created", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(row)
    })
    .await
}
