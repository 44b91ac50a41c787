//! Applications of workers to published jobs.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::application::Status;
use labour_domain::posting::State;
use uuid::Uuid;

use crate::Error;
use crate::closed_set::Stored;
use crate::schema::{applications, postings};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = applications)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct ApplicationRow {
    pub id: Uuid,
    pub posting_id: Uuid,
    pub worker_id: Uuid,
    pub shared: serde_json::Value,
    pub message: Option<String>,
    #[diesel(deserialize_as = Stored<Status>)]
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Inserts an application; `None` when the worker already applied to this job.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    posting: Uuid,
    worker: Uuid,
    shared: &serde_json::Value,
    message: Option<&str>,
) -> Result<Option<ApplicationRow>, Error> {
    Ok(diesel::insert_into(applications::table)
        .values((
            applications::id.eq(Uuid::now_v7()),
            applications::posting_id.eq(posting),
            applications::worker_id.eq(worker),
            applications::shared.eq(shared),
            applications::message.eq(message),
        ))
        .on_conflict_do_nothing()
        .returning(ApplicationRow::as_returning())
        .get_result(conn)
        .await
        .optional()?)
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<(ApplicationRow, Uuid)>, Error> {
    Ok(applications::table
        .inner_join(postings::table)
        .filter(applications::id.eq(id))
        .select((ApplicationRow::as_select(), postings::organisation_id))
        .first(conn)
        .await
        .optional()?)
}

pub async fn for_posting(
    conn: &mut AsyncPgConnection,
    posting: Uuid,
) -> Result<Vec<ApplicationRow>, Error> {
    Ok(applications::table
        .filter(applications::posting_id.eq(posting))
        .select(ApplicationRow::as_select())
        .order(applications::created_at)
        .load(conn)
        .await?)
}

/// One page of a posting's applications, oldest first (the organisation's list).
pub async fn page_for_posting(
    conn: &mut AsyncPgConnection,
    posting: Uuid,
    page: labour_domain::paging::PageRequest,
) -> Result<crate::Page<ApplicationRow>, Error> {
    let total = applications::table
        .filter(applications::posting_id.eq(posting))
        .count()
        .get_result(conn)
        .await?;
    let items = applications::table
        .filter(applications::posting_id.eq(posting))
        .select(ApplicationRow::as_select())
        .order((applications::created_at, applications::id))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(crate::Page { items, total })
}

pub async fn for_worker(
    conn: &mut AsyncPgConnection,
    worker: Uuid,
) -> Result<Vec<ApplicationRow>, Error> {
    Ok(applications::table
        .filter(applications::worker_id.eq(worker))
        .select(ApplicationRow::as_select())
        .order(applications::created_at.desc())
        .load(conn)
        .await?)
}

/// What a worker's list of applications shows of each posting.
#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = postings)]
#[diesel(check_for_backend(diesel::pg::Pg))]
pub struct AppliedPosting {
    pub title: String,
    #[diesel(deserialize_as = Stored<State>)]
    pub state: State,
}

/// The worker's applications, newest first, each with its posting's title and state.
pub async fn for_worker_with_postings(
    conn: &mut AsyncPgConnection,
    worker: Uuid,
) -> Result<Vec<(ApplicationRow, AppliedPosting)>, Error> {
    Ok(applications::table
        .inner_join(postings::table)
        .filter(applications::worker_id.eq(worker))
        .select((ApplicationRow::as_select(), AppliedPosting::as_select()))
        .order(applications::created_at.desc())
        .load(conn)
        .await?)
}

/// The application with its posting's organisation, locked until the transaction ends, so
/// what a move is decided on cannot change before it is written.
pub async fn find_for_update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<(ApplicationRow, Uuid)>, Error> {
    let Some(row) = applications::table
        .find(id)
        .select(ApplicationRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?
    else {
        return Ok(None);
    };
    let organisation = postings::table
        .find(row.posting_id)
        .select(postings::organisation_id)
        .first(conn)
        .await?;
    Ok(Some((row, organisation)))
}

/// Moves an application from `from` to `to` and writes `event` to the audit log, in one
/// transaction (a savepoint inside the caller's). The update holds only while the application
/// is still in `from`: `None` when someone moved it since the caller read it, so a move decided
/// on a stale read never lands (a withdrawal stays a withdrawal).
pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    from: &str,
    to: &str,
    event: crate::audit::Event<'_>,
) -> Result<Option<ApplicationRow>, Error> {
    use diesel_async::AsyncConnection;
    let (from, to) = (from.to_owned(), to.to_owned());
    conn.transaction::<_, Error, _>(async move |conn| {
        let Some(row) = diesel::update(
            applications::table
                .find(id)
                .filter(applications::status.eq(&from)),
        )
        .set((
            applications::status.eq(&to),
            applications::updated_at.eq(diesel::dsl::now),
        ))
        .returning(ApplicationRow::as_returning())
        .get_result(conn)
        .await
        .optional()?
        else {
            return Ok(None);
        };
        crate::audit::record(conn, event).await?;
        Ok(Some(row))
    })
    .await
}

/// When `worker` applied to `posting`, if they did.
pub async fn applied_at(
    conn: &mut AsyncPgConnection,
    worker: Uuid,
    posting: Uuid,
) -> Result<Option<chrono::DateTime<chrono::Utc>>, Error> {
    Ok(applications::table
        .filter(applications::worker_id.eq(worker))
        .filter(applications::posting_id.eq(posting))
        .select(applications::created_at)
        .first(conn)
        .await
        .optional()?)
}
