//! Notifications of new postings that match a worker's saved searches, and the email digest.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::{accounts, email_digests, notifications, saved_searches, worker_profiles};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = notifications)]
pub struct NotificationRow {
    pub id: Uuid,
    pub account_id: Uuid,
    pub saved_search_id: Option<Uuid>,
    pub posting_id: Uuid,
    pub title: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
    pub emailed_at: Option<DateTime<Utc>>,
}

/// Notifies the account of postings its saved search matched; a posting it was already told
/// about is skipped. Returns how many notifications are new.
pub async fn insert_matches(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    saved_search: Uuid,
    matches: &[(Uuid, String)],
) -> Result<usize, Error> {
    if matches.is_empty() {
        return Ok(0);
    }
    let rows: Vec<_> = matches
        .iter()
        .map(|(posting, title)| {
            (
                notifications::id.eq(Uuid::now_v7()),
                notifications::account_id.eq(account),
                notifications::saved_search_id.eq(Some(saved_search)),
                notifications::posting_id.eq(*posting),
                notifications::title.eq(title),
            )
        })
        .collect();
    Ok(diesel::insert_into(notifications::table)
        .values(rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?)
}

/// The account's notifications, newest first, and how many are unread.
pub async fn for_account(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    unread_only: bool,
    page: labour_domain::paging::PageRequest,
) -> Result<(crate::Page<NotificationRow>, i64), Error> {
    let query = || {
        let mut q = notifications::table
            .filter(notifications::account_id.eq(account))
            .into_boxed();
        if unread_only {
            q = q.filter(notifications::read_at.is_null());
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let items = query()
        .order((notifications::created_at.desc(), notifications::id.desc()))
        .offset(page.offset())
        .limit(page.limit())
        .select(NotificationRow::as_select())
        .load(conn)
        .await?;
    let unread = notifications::table
        .filter(notifications::account_id.eq(account))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)
        .await?;
    Ok((crate::Page { items, total }, unread))
}

/// Every notification of the account, oldest first (part of what a worker can download).
pub async fn all_for(
    conn: &mut AsyncPgConnection,
    account: Uuid,
) -> Result<Vec<NotificationRow>, Error> {
    Ok(notifications::table
        .filter(notifications::account_id.eq(account))
        .order(notifications::created_at)
        .select(NotificationRow::as_select())
        .load(conn)
        .await?)
}

/// Marks notifications read: the given ones, or all of the account's when `ids` is `None`.
/// Returns how many changed.
pub async fn mark_read(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    ids: Option<&[Uuid]>,
) -> Result<usize, Error> {
    let mut q = diesel::update(notifications::table)
        .filter(notifications::account_id.eq(account))
        .filter(notifications::read_at.is_null())
        .into_boxed();
    if let Some(ids) = ids {
        q = q.filter(notifications::id.eq_any(ids));
    }
    Ok(q.set(notifications::read_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?)
}

/// Key of the advisory lock held while digests are sent ("digest" in ASCII).
const DIGEST_LOCK: i64 = 0x6469_6765_7374;

/// Takes the digest lock for this session unless another process holds it, so two API
/// instances never send the same digest twice. Release it with `unlock_digests`.
pub async fn try_lock_digests(conn: &mut AsyncPgConnection) -> Result<bool, Error> {
    Ok(diesel::select(
        diesel::dsl::sql::<diesel::sql_types::Bool>("pg_try_advisory_lock(")
            .bind::<diesel::sql_types::BigInt, _>(DIGEST_LOCK)
            .sql(")"),
    )
    .get_result(conn)
    .await?)
}

pub async fn unlock_digests(conn: &mut AsyncPgConnection) -> Result<(), Error> {
    diesel::select(
        diesel::dsl::sql::<diesel::sql_types::Bool>("pg_advisory_unlock(")
            .bind::<diesel::sql_types::BigInt, _>(DIGEST_LOCK)
            .sql(")"),
    )
    .get_result::<bool>(conn)
    .await?;
    Ok(())
}

/// An account whose digest is due: where to send it and what goes in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Digest {
    pub account: Uuid,
    pub display_name: String,
    pub email: String,
    pub items: Vec<NotificationRow>,
}

/// Accounts with notifications not yet emailed from saved searches that send email, whose last
/// digest is older than `not_since`, with the address to send to (the account's email, else
/// the profile's). At most `limit` accounts, 50 postings each.
pub async fn due_digests(
    conn: &mut AsyncPgConnection,
    not_since: DateTime<Utc>,
    limit: i64,
) -> Result<Vec<Digest>, Error> {
    let accounts_due: Vec<(Uuid, String, Option<String>, Option<serde_json::Value>)> =
        accounts::table
            .left_join(worker_profiles::table)
            .left_join(email_digests::table)
            .filter(
                email_digests::last_sent_at
                    .is_null()
                    .or(email_digests::last_sent_at.lt(not_since)),
            )
            .filter(diesel::dsl::exists(
                notifications::table
                    .inner_join(saved_searches::table)
                    .filter(notifications::account_id.eq(accounts::id))
                    .filter(notifications::emailed_at.is_null())
                    .filter(saved_searches::email.eq(true)),
            ))
            .select((
                accounts::id,
                accounts::display_name,
                accounts::email,
                worker_profiles::profile.nullable(),
            ))
            .limit(limit)
            .load(conn)
            .await?;
    let mut out = Vec::new();
    for (account, display_name, email, profile) in accounts_due {
        let email = email.or_else(|| {
            profile.and_then(|p| p.get("email").and_then(|e| e.as_str()).map(str::to_owned))
        });
        let items = notifications::table
            .inner_join(saved_searches::table)
            .filter(notifications::account_id.eq(account))
            .filter(notifications::emailed_at.is_null())
            .filter(saved_searches::email.eq(true))
            .order(notifications::created_at)
            .limit(50)
            .select(NotificationRow::as_select())
            .load(conn)
            .await?;
        match email {
            Some(email) => out.push(Digest {
                account,
                display_name,
                email,
                items,
            }),
            // Nowhere to send: these will never go out, so they stop counting as due.
            None => {
                let ids: Vec<Uuid> = items.iter().map(|n| n.id).collect();
                mark_emailed(conn, account, &ids).await?;
            }
        }
    }
    Ok(out)
}

/// Records that a digest with these notifications was sent to the account.
pub async fn mark_emailed(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    ids: &[Uuid],
) -> Result<(), Error> {
    conn.transaction::<_, Error, _>(async move |conn| {
        diesel::update(notifications::table.filter(notifications::id.eq_any(ids)))
            .set(notifications::emailed_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
        diesel::insert_into(email_digests::table)
            .values((
                email_digests::account_id.eq(account),
                email_digests::last_sent_at.eq(diesel::dsl::now),
            ))
            .on_conflict(email_digests::account_id)
            .do_update()
            .set(email_digests::last_sent_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}
