//! A worker saves a search.

use diesel_async::AsyncConnection;
use labour_store::audit::Event;
use labour_store::saved_searches::{MAX_PER_ACCOUNT, NewSavedSearch, SavedSearchRow};

use crate::errors::{Error, ErrorCode};
use crate::{App, Caller, policy};

/// A search to watch, its parameters already checked as the search endpoints check them.
#[derive(Debug, Clone)]
pub struct NewSearch {
    pub name: String,
    /// `job`, `course`, `training_need` or `all`.
    pub kind: String,
    pub query: serde_json::Value,
    /// Send matches in the daily email digest.
    pub email: bool,
}

/// Saves the search; an account keeps at most `MAX_PER_ACCOUNT` of them.
pub async fn create(app: &App, caller: &Caller, input: NewSearch) -> crate::Result<SavedSearchRow> {
    let account = policy::require_own_account(caller)?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = labour_store::saved_searches::insert(
            conn,
            NewSavedSearch {
                account,
                name: &input.name,
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
