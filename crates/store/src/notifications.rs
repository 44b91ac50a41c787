//! Notifications of new postings that match a worker's saved searches, and the email digest.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::{email_digests, notifications};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable, QueryableByName)]
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

/// Key of the advisory lock taken while digests are claimed ("digest" in ASCII).
const DIGEST_LOCK: i64 = 0x6469_6765_7374;

/// Takes the digest lock for this session unless another process holds it: while it is held,
/// no instance claims digests. Release it with `unlock_digests`. (The sender itself takes the
/// lock only for the instant of a claim, never across a send.)
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

/// Claims, for `lease`, up to `limit` accounts whose digest is due: notifications not yet
/// emailed from saved searches that send email, and a last digest older than `not_since`.
/// Accounts another instance holds are skipped (claimed and not expired, or being claimed right
/// now); a lease that ran out is taken again. One short transaction, committed before anything
/// is sent. Returns the accounts claimed with `token`.
pub async fn claim_digests(
    conn: &mut AsyncPgConnection,
    token: Uuid,
    not_since: DateTime<Utc>,
    limit: i64,
    lease: std::time::Duration,
) -> Result<Vec<Uuid>, Error> {
    #[derive(QueryableByName)]
    struct Claimed {
        #[diesel(sql_type = diesel::sql_types::Uuid)]
        account_id: Uuid,
    }
    conn.transaction::<_, Error, _>(async move |conn| {
        // Claims take turns; one that finds another under way skips this round instead of
        // waiting on its rows.
        let free: bool = diesel::select(
            diesel::dsl::sql::<diesel::sql_types::Bool>("pg_try_advisory_xact_lock(")
                .bind::<diesel::sql_types::BigInt, _>(DIGEST_LOCK)
                .sql(")"),
        )
        .get_result(conn)
        .await?;
        if !free {
            return Ok(Vec::new());
        }
        // An account gets its row (the thing claimed) with its first digest due.
        diesel::sql_query(
            "INSERT INTO email_digests (account_id) \
             SELECT DISTINCT n.account_id FROM notifications n \
             JOIN saved_searches s ON s.id = n.saved_search_id \
             WHERE n.emailed_at IS NULL AND s.email \
             ON CONFLICT (account_id) DO NOTHING",
        )
        .execute(conn)
        .await?;
        let claimed: Vec<Claimed> = diesel::sql_query(
            "UPDATE email_digests SET claimed_until = now() + make_interval(secs => $4), claim_token = $1 \
             WHERE account_id IN ( \
                 SELECT d.account_id FROM email_digests d \
                 WHERE (d.last_sent_at IS NULL OR d.last_sent_at < $2) \
                   AND (d.claimed_until IS NULL OR d.claimed_until < now()) \
                   AND EXISTS ( \
                       SELECT 1 FROM notifications n \
                       JOIN saved_searches s ON s.id = n.saved_search_id \
                       WHERE n.account_id = d.account_id AND n.emailed_at IS NULL AND s.email) \
                 ORDER BY d.account_id LIMIT $3 \
                 FOR UPDATE SKIP LOCKED) \
             RETURNING account_id",
        )
        .bind::<diesel::sql_types::Uuid, _>(token)
        .bind::<diesel::sql_types::Timestamptz, _>(not_since)
        .bind::<diesel::sql_types::BigInt, _>(limit)
        .bind::<diesel::sql_types::Double, _>(lease.as_secs_f64())
        .load(conn)
        .await?;
        Ok(claimed.into_iter().map(|c| c.account_id).collect())
    })
    .await
}

/// The digests of the accounts claimed with `token`, in one query: where to send each (the
/// account's email, else the profile's) and its first 50 postings. Accounts with nowhere to
/// send to have theirs marked emailed (they would never go out, so they stop counting as due).
pub async fn due_digests(conn: &mut AsyncPgConnection, token: Uuid) -> Result<Vec<Digest>, Error> {
    #[derive(QueryableByName)]
    struct Line {
        #[diesel(sql_type = diesel::sql_types::Text)]
        display_name: String,
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Text>)]
        email: Option<String>,
        #[diesel(embed)]
        item: NotificationRow,
    }
    let lines: Vec<Line> = diesel::sql_query(
        "SELECT a.display_name, \
                COALESCE(a.email, CASE WHEN jsonb_typeof(p.profile -> 'email') = 'string' \
                                       THEN p.profile ->> 'email' END) AS email, \
                n.id, n.account_id, n.saved_search_id, n.posting_id, n.title, n.created_at, \
                n.read_at, n.emailed_at \
         FROM email_digests d \
         JOIN accounts a ON a.id = d.account_id \
         LEFT JOIN worker_profiles p ON p.account_id = a.id \
         JOIN LATERAL ( \
             SELECT n.* FROM notifications n \
             JOIN saved_searches s ON s.id = n.saved_search_id \
             WHERE n.account_id = a.id AND n.emailed_at IS NULL AND s.email \
             ORDER BY n.created_at LIMIT 50) n ON true \
         WHERE d.claim_token = $1 \
         ORDER BY a.id, n.created_at",
    )
    .bind::<diesel::sql_types::Uuid, _>(token)
    .load(conn)
    .await?;
    let mut out: Vec<Digest> = Vec::new();
    let mut unreachable: Vec<Uuid> = Vec::new();
    for line in lines {
        let Some(email) = line.email else {
            unreachable.push(line.item.id);
            continue;
        };
        match out.last_mut() {
            Some(d) if d.account == line.item.account_id => d.items.push(line.item),
            _ => out.push(Digest {
                account: line.item.account_id,
                display_name: line.display_name,
                email,
                items: vec![line.item],
            }),
        }
    }
    if !unreachable.is_empty() {
        diesel::update(notifications::table.filter(notifications::id.eq_any(&unreachable)))
            .set(notifications::emailed_at.eq(diesel::dsl::now))
            .execute(conn)
            .await?;
    }
    Ok(out)
}

/// Records that a digest with these notifications was sent to the account, and ends its claim.
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
            .set((
                email_digests::last_sent_at.eq(diesel::dsl::now),
                email_digests::claimed_until.eq(None::<DateTime<Utc>>),
                email_digests::claim_token.eq(None::<Uuid>),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// Gives back the digests still claimed with `token` (their sends failed), so the next round
/// tries them again.
pub async fn release_digests(conn: &mut AsyncPgConnection, token: Uuid) -> Result<(), Error> {
    diesel::update(email_digests::table.filter(email_digests::claim_token.eq(token)))
        .set((
            email_digests::claimed_until.eq(None::<DateTime<Utc>>),
            email_digests::claim_token.eq(None::<Uuid>),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Tells each account something happened to a posting they act on (an offer arrived for their
/// training need, their school's offer was accepted). The table keeps one notification per
/// account and posting, so a newer one replaces the older: its title, unread again. These are
/// not saved-search matches, so they never go into the email digest.
pub async fn notify(
    conn: &mut AsyncPgConnection,
    accounts: &[Uuid],
    posting: Uuid,
    title: &str,
) -> Result<usize, Error> {
    use diesel::upsert::excluded;
    if accounts.is_empty() {
        return Ok(0);
    }
    let rows: Vec<_> = accounts
        .iter()
        .map(|account| {
            (
                notifications::id.eq(Uuid::now_v7()),
                notifications::account_id.eq(*account),
                notifications::saved_search_id.eq(None::<Uuid>),
                notifications::posting_id.eq(posting),
                notifications::title.eq(title),
                notifications::emailed_at.eq(Some(Utc::now())),
            )
        })
        .collect();
    Ok(diesel::insert_into(notifications::table)
        .values(rows)
        .on_conflict((notifications::account_id, notifications::posting_id))
        .do_update()
        .set((
            notifications::title.eq(excluded(notifications::title)),
            notifications::saved_search_id.eq(None::<Uuid>),
            notifications::created_at.eq(diesel::dsl::now),
            notifications::read_at.eq(None::<DateTime<Utc>>),
            notifications::emailed_at.eq(excluded(notifications::emailed_at)),
        ))
        .execute(conn)
        .await?)
}
