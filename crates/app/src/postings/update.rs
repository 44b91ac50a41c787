//! Update a posting: its organisation replaces the content. A draft is edited in place; a
//! pending or rejected posting goes (back) to review; a published one keeps its public version
//! while the edit is reviewed.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::posting::{Content, Transition};
use labour_store::postings::PostingRow;
use uuid::Uuid;

use super::Expected;
use crate::errors::{Error, ErrorCode};
use crate::{App, Caller};

/// Replaces the content of posting `id`; `expected` must name the version the caller read.
pub async fn update(
    app: &App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
    content: Content,
) -> Result<PostingRow, Error> {
    let reference = app.reference().await?;
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        // Only the organisation writes; others learn nothing about a posting they cannot see.
        let row = super::lock_owned(conn, caller, id).await?;
        let expected = expected.required()?;
        let (from, to) = (row.kind.as_str(), content.kind().as_str());
        if from != to {
            return Err(Error::new(ErrorCode::ValidationFailed).detail(
                format!("Không thể đổi loại tin ({from} thành {to})."),
                format!("The kind cannot change ({from} to {to})."),
            ));
        }
        let flags = super::content::check(conn, &reference.known, &content).await?;
        super::apply(
            conn,
            caller,
            row,
            Transition::Edit,
            Some(expected),
            Some((&content, flags)),
            None,
        )
        .await
    })
    .await
}
