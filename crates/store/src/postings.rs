//! Postings: storing content, moving through the lifecycle (with optimistic concurrency, the
//! audit log and the change feed in the same transaction), the moderation queue, reports, expiry.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::organisation::{OrganisationKind, Verification};
use labour_domain::posting::lifecycle::Revision;
use labour_domain::posting::{Content, Kind, ModerationReason, State, Transition};
use uuid::Uuid;

use crate::closed_set::{Stored, StoredOption};
use crate::schema::{organisations, posting_reports, postings};
use crate::{Error, Page, audit, feed};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = postings, check_for_backend(diesel::pg::Pg))]
pub struct PostingRow {
    pub id: Uuid,
    #[diesel(deserialize_as = Stored<Kind>)]
    pub kind: Kind,
    pub organisation_id: Uuid,
    #[diesel(deserialize_as = Stored<State>)]
    pub state: State,
    pub content: serde_json::Value,
    pub revision: Option<serde_json::Value>,
    pub title: String,
    pub occupation_code: String,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub flags: Vec<String>,
    pub report_count: i32,
    /// Staff's note to the owner on a rejection or removal (with the code below).
    pub moderation_reason: Option<String>,
    /// The public code of why staff rejected or removed it.
    #[diesel(deserialize_as = StoredOption<ModerationReason>)]
    pub moderation_reason_code: Option<ModerationReason>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub submitted_at: Option<DateTime<Utc>>,
    pub published_at: Option<DateTime<Utc>>,
    pub version: i32,
}

impl PostingRow {
    pub fn state(&self) -> State {
        self.state
    }

    pub fn is_public(&self) -> bool {
        self.state.is_public()
    }
}

/// What posting decisions need of the organisation that posts: its kind (who posts what) and its
/// verification (staff approve only a verified one's postings; a refused one may not write).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = organisations, check_for_backend(diesel::pg::Pg))]
pub struct Poster {
    pub id: Uuid,
    #[diesel(deserialize_as = Stored<OrganisationKind>)]
    pub kind: OrganisationKind,
    #[diesel(deserialize_as = Stored<Verification>)]
    pub verification: Verification,
}

/// The organisation, share-locked until the caller's transaction ends, so its verification
/// cannot change under a decision that depends on it.
pub async fn lock_poster(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
) -> Result<Option<Poster>, Error> {
    Ok(organisations::table
        .find(organisation)
        .select(Poster::as_select())
        .for_share()
        .first(conn)
        .await
        .optional()?)
}

/// The organisation, read without a lock (a reference a posting names).
pub async fn find_poster(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
) -> Result<Option<Poster>, Error> {
    Ok(organisations::table
        .find(organisation)
        .select(Poster::as_select())
        .first(conn)
        .await
        .optional()?)
}

fn to_json(content: &Content) -> serde_json::Value {
    serde_json::to_value(content).unwrap_or(serde_json::Value::Null)
}

#[derive(Debug, Clone)]
pub struct NewPosting<'a> {
    pub id: Uuid,
    pub organisation_id: Uuid,
    pub content: &'a Content,
    pub flags: Vec<String>,
    pub created_by: Option<Uuid>,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    new: &NewPosting<'_>,
) -> Result<PostingRow, Error> {
    let c = new.content;
    Ok(diesel::insert_into(postings::table)
        .values((
            postings::id.eq(new.id),
            postings::kind.eq(c.kind().as_str()),
            postings::organisation_id.eq(new.organisation_id),
            postings::state.eq(State::Draft.as_str()),
            postings::content.eq(to_json(c)),
            postings::title.eq(c.title().trim()),
            postings::occupation_code.eq(c.occupation_code()),
            postings::zone_id.eq(c.zone_id()),
            postings::commune_code.eq(c.commune_code()),
            postings::deadline.eq(c.deadline()),
            postings::flags.eq(&new.flags),
            postings::created_by.eq(new.created_by),
        ))
        .returning(PostingRow::as_returning())
        .get_result(conn)
        .await?)
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Option<PostingRow>, Error> {
    Ok(postings::table
        .find(id)
        .select(PostingRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// A transition someone asks for.
#[derive(Debug, Clone)]
pub struct Request<'a> {
    pub posting: Uuid,
    pub transition: Transition,
    /// The version the caller saw (`If-Match`); `None` skips the check.
    pub expected_version: Option<i32>,
    /// The new content, for an edit, with its flags.
    pub edit: Option<(&'a Content, Vec<String>)>,
    /// Why, for a rejection or removal (the owner sees both): the public code and the note.
    pub reason: Option<Reason<'a>>,
    /// Who asks, for the audit log (the action is filled in here).
    pub actor: audit::Event<'a>,
}

/// Why staff reject or remove a posting: one of the public codes, and a note (optional
/// unless the code is `other`; the use case checks that).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason<'a> {
    pub code: ModerationReason,
    pub note: Option<&'a str>,
}

/// Why a transition did not happen.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    NotFound,
    /// Someone changed the posting since the caller read it.
    Stale {
        current: i32,
    },
    NotAllowed(labour_domain::Error),
}

/// The posting, locked (`FOR UPDATE`) until the caller's transaction ends: for a decision that
/// depends on it.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Option<PostingRow>, Error> {
    Ok(postings::table
        .find(id)
        .select(PostingRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?)
}

/// Applies a transition in one transaction: row lock, version check, lifecycle rule, update,
/// change feed, audit log.
pub async fn apply(
    conn: &mut AsyncPgConnection,
    req: Request<'_>,
) -> Result<Result<PostingRow, Refusal>, Error> {
    conn.transaction::<_, Error, _>(async move |conn| {
        let Some(row) = lock(conn, req.posting).await? else {
            return Ok(Err(Refusal::NotFound));
        };
        apply_locked(conn, row, req).await
    })
    .await
}

/// Applies a transition to a row the caller locked ([`lock`]) in the transaction it holds:
/// version check, lifecycle rule, update, change feed (and so the search outbox), audit log.
pub async fn apply_locked(
    conn: &mut AsyncPgConnection,
    row: PostingRow,
    req: Request<'_>,
) -> Result<Result<PostingRow, Refusal>, Error> {
    if let Some(expected) = req.expected_version
        && expected != row.version
    {
        return Ok(Err(Refusal::Stale {
            current: row.version,
        }));
    }
    let from = row.state();
    let outcome = match from.apply(req.transition, row.revision.is_some()) {
        Ok(o) => o,
        Err(e) => return Ok(Err(Refusal::NotAllowed(e))),
    };
    let edit = req.edit.as_ref();
    // What the public content and the revision become.
    let (content, revision): (serde_json::Value, Option<serde_json::Value>) = match outcome.revision
    {
        Revision::Keep => (row.content.clone(), row.revision.clone()),
        Revision::Replace => (edit.map_or(row.content.clone(), |(c, _)| to_json(c)), None),
        Revision::StartReview => (row.content.clone(), edit.map(|(c, _)| to_json(c))),
        Revision::Apply => (row.revision.clone().unwrap_or(row.content.clone()), None),
        Revision::Drop => (row.content.clone(), None),
    };
    let parsed: Content = serde_json::from_value(content.clone())
        .map_err(|e| Error::Migration(format!("stored content of {} unreadable: {e}", row.id)))?;
    let flags = match (edit, outcome.revision) {
        (Some((_, flags)), Revision::Replace | Revision::StartReview) => flags.clone(),
        _ => row.flags.clone(),
    };
    // A decision writes its reason, an approval clears it, anything else keeps the last one
    // (an edit of a rejected posting still shows why it was rejected).
    let (reason, reason_code) = match req.transition {
        Transition::Reject | Transition::Remove => {
            (req.reason.and_then(|r| r.note), req.reason.map(|r| r.code))
        }
        Transition::Approve => (None, None),
        _ => (row.moderation_reason.as_deref(), row.moderation_reason_code),
    };
    let now = Utc::now();
    let published_at = if outcome.state == State::Published && from != State::Published {
        Some(now)
    } else {
        row.published_at
    };
    let submitted_at = if outcome.state == State::Pending && from != State::Pending
        || outcome.revision == Revision::StartReview
    {
        Some(now)
    } else {
        row.submitted_at
    };
    let updated = diesel::update(postings::table.find(row.id))
        .set((
            postings::state.eq(outcome.state.as_str()),
            postings::content.eq(&content),
            postings::revision.eq(&revision),
            postings::title.eq(parsed.title().trim()),
            postings::occupation_code.eq(parsed.occupation_code()),
            postings::zone_id.eq(parsed.zone_id()),
            postings::commune_code.eq(parsed.commune_code()),
            postings::deadline.eq(parsed.deadline()),
            postings::flags.eq(&flags),
            postings::moderation_reason.eq(reason),
            postings::moderation_reason_code.eq(reason_code.map(ModerationReason::as_str)),
            postings::submitted_at.eq(submitted_at),
            postings::published_at.eq(published_at),
            postings::updated_at.eq(now),
            postings::version.eq(row.version + 1),
        ))
        .returning(PostingRow::as_returning())
        .get_result(conn)
        .await?;

    let was_public = from.is_public();
    let is_public = outcome.state.is_public();
    if is_public && (!was_public || outcome.revision == Revision::Apply) {
        feed::record(conn, row.id, row.kind.as_str(), feed::Change::Upsert).await?;
    } else if was_public && !is_public {
        feed::record(conn, row.id, row.kind.as_str(), feed::Change::Delete).await?;
    }
    let action = format!("posting_{}", <&str>::from(req.transition));
    let decision = matches!(req.transition, Transition::Reject | Transition::Remove);
    let event = audit::Event {
        action: &action,
        subject_type: Some("posting"),
        subject_id: Some(row.id.to_string()),
        details: serde_json::json!({
            "from": from.as_str(),
            "to": outcome.state.as_str(),
            "revision": format!("{:?}", outcome.revision).to_lowercase(),
            "reason": reason.filter(|_| decision),
            "reason_code": reason_code.filter(|_| decision).map(ModerationReason::as_str),
            "version": updated.version,
        }),
        ..req.actor
    };
    audit::record(conn, event).await?;
    Ok(Ok(updated))
}

/// Expires published postings whose deadline has passed; returns their ids.
pub async fn expire_due(
    conn: &mut AsyncPgConnection,
    today: NaiveDate,
) -> Result<Vec<Uuid>, Error> {
    let due: Vec<Uuid> = postings::table
        .filter(postings::state.eq(State::Published.as_str()))
        .filter(postings::deadline.lt(today))
        .select(postings::id)
        .load(conn)
        .await?;
    let mut expired = Vec::new();
    for id in due {
        let request = Request {
            posting: id,
            transition: Transition::Expire,
            expected_version: None,
            edit: None,
            reason: None,
            actor: audit::Event {
                details: serde_json::json!({ "by": "deadline" }),
                ..Default::default()
            },
        };
        // Another instance may have expired it first: that is not a failure.
        if apply(conn, request).await?.is_ok() {
            expired.push(id);
        }
    }
    Ok(expired)
}

/// Filters of the lists below; `None` means any.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: Option<Kind>,
    pub state: Option<State>,
    pub zone: Option<Uuid>,
    pub organisation: Option<Uuid>,
    /// Submitted at least this many days ago.
    pub older_than_days: Option<u32>,
    pub reported_only: bool,
}

/// The staff queue: pending postings, revisions under review and reported published postings,
/// the most reported and flagged first, then the oldest; with each posting's organisation
/// verification state.
pub async fn moderation_queue(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    page: labour_domain::paging::PageRequest,
) -> Result<Page<(PostingRow, String)>, Error> {
    let query = || {
        let mut q = postings::table
            .inner_join(organisations::table)
            .filter(
                postings::state
                    .eq(State::Pending.as_str())
                    .or(postings::revision.is_not_null())
                    .or(postings::state
                        .eq(State::Published.as_str())
                        .and(postings::report_count.gt(0))),
            )
            .into_boxed();
        if let Some(kind) = filter.kind {
            q = q.filter(postings::kind.eq(kind.as_str()));
        }
        if let Some(zone) = filter.zone {
            q = q.filter(postings::zone_id.eq(zone));
        }
        if let Some(org) = filter.organisation {
            q = q.filter(postings::organisation_id.eq(org));
        }
        if let Some(days) = filter.older_than_days {
            // The API bounds the days; checked arithmetic all the same, so no caller can
            // overflow a time: past the earliest time there is, nothing has waited that long.
            let before = chrono::Duration::try_days(i64::from(days))
                .and_then(|d| Utc::now().checked_sub_signed(d))
                .unwrap_or(chrono::DateTime::<Utc>::MIN_UTC);
            q = q.filter(postings::submitted_at.le(before));
        }
        if filter.reported_only {
            q = q.filter(postings::report_count.gt(0));
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let items = query()
        .select((PostingRow::as_select(), organisations::verification))
        .order((
            postings::report_count.desc(),
            diesel::dsl::sql::<diesel::sql_types::Bool>("cardinality(postings.flags) > 0").desc(),
            postings::submitted_at.asc(),
            postings::id,
        ))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(Page { items, total })
}

/// How many postings are in each state, plus revisions under review and reported ones.
pub async fn counts(conn: &mut AsyncPgConnection) -> Result<(Vec<(State, i64)>, i64, i64), Error> {
    let by_state: Vec<(String, i64)> = postings::table
        .group_by(postings::state)
        .select((postings::state, diesel::dsl::count_star()))
        .load(conn)
        .await?;
    let by_state = by_state
        .into_iter()
        .map(|(state, n)| Ok((crate::closed_set::parse(&state)?, n)))
        .collect::<Result<_, Error>>()?;
    let revisions = postings::table
        .filter(postings::revision.is_not_null())
        .count()
        .get_result(conn)
        .await?;
    let reported = postings::table
        .filter(postings::report_count.gt(0))
        .filter(postings::state.eq(State::Published.as_str()))
        .count()
        .get_result(conn)
        .await?;
    Ok((by_state, revisions, reported))
}

/// Postings of the given organisations in any state (the owners' view), newest first.
pub async fn list_for_organisations(
    conn: &mut AsyncPgConnection,
    organisations_: &[Uuid],
    filter: &Filter,
    page: labour_domain::paging::PageRequest,
) -> Result<Page<PostingRow>, Error> {
    let query = || {
        let mut q = postings::table
            .filter(postings::organisation_id.eq_any(organisations_.to_vec()))
            .into_boxed();
        if let Some(kind) = filter.kind {
            q = q.filter(postings::kind.eq(kind.as_str()));
        }
        if let Some(state) = filter.state {
            q = q.filter(postings::state.eq(state.as_str()));
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let items = query()
        .select(PostingRow::as_select())
        .order((postings::updated_at.desc(), postings::id))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(Page { items, total })
}

/// Published postings, newest first (search arrives with the search feature).
pub async fn list_published(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    page: labour_domain::paging::PageRequest,
) -> Result<Page<PostingRow>, Error> {
    let query = || {
        let mut q = postings::table
            .filter(postings::state.eq(State::Published.as_str()))
            .into_boxed();
        if let Some(kind) = filter.kind {
            q = q.filter(postings::kind.eq(kind.as_str()));
        }
        if let Some(zone) = filter.zone {
            q = q.filter(postings::zone_id.eq(zone));
        }
        if let Some(org) = filter.organisation {
            q = q.filter(postings::organisation_id.eq(org));
        }
        q
    };
    let total = query().count().get_result(conn).await?;
    let items = query()
        .select(PostingRow::as_select())
        .order((postings::published_at.desc(), postings::id))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(Page { items, total })
}

/// Records a report, once per account and posting, with its audit row, in the caller's
/// transaction; returns false when this account already reported it.
pub async fn report(
    conn: &mut AsyncPgConnection,
    posting: Uuid,
    account: Uuid,
    reason: &str,
    note: Option<&str>,
    actor: audit::Event<'_>,
) -> Result<bool, Error> {
    let n = diesel::insert_into(posting_reports::table)
        .values((
            posting_reports::posting_id.eq(posting),
            posting_reports::account_id.eq(account),
            posting_reports::reason.eq(reason),
            posting_reports::note.eq(note),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if n == 0 {
        return Ok(false);
    }
    diesel::update(postings::table.find(posting))
        .set(postings::report_count.eq(postings::report_count + 1))
        .execute(conn)
        .await?;
    let event = audit::Event {
        action: "posting_reported",
        subject_type: Some("posting"),
        subject_id: Some(posting.to_string()),
        details: serde_json::json!({ "reason": reason }),
        ..actor
    };
    audit::record(conn, event).await?;
    Ok(true)
}

/// The median monthly salary (midpoint of the range) of published jobs in an occupation, when at
/// least five give a range.
pub async fn median_salary(
    conn: &mut AsyncPgConnection,
    occupation: &str,
) -> Result<Option<u64>, Error> {
    #[derive(QueryableByName)]
    struct Median {
        #[diesel(sql_type = diesel::sql_types::Nullable<diesel::sql_types::Float8>)]
        median: Option<f64>,
    }
    let row: Median = diesel::sql_query(
        "SELECT CASE WHEN count(*) >= 5 THEN percentile_cont(0.5) WITHIN GROUP (ORDER BY \
           ((content->'salary'->>'min_vnd')::float8 + (content->'salary'->>'max_vnd')::float8) / 2) END AS median \
         FROM postings WHERE kind = 'job' AND state = 'published' AND occupation_code = $1 \
           AND content->'salary'->>'type' = 'range'",
    )
    .bind::<diesel::sql_types::Text, _>(occupation)
    .get_result(conn)
    .await?;
    Ok(row.median.map(|m| m as u64))
}

/// What creating a posting came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Created {
    /// Created now; the response to send (also stored under the idempotency key).
    New {
        status: i32,
        body: serde_json::Value,
    },
    /// A retry of an earlier request with the same key and body: its response.
    Replay {
        status: i32,
        body: serde_json::Value,
    },
    /// The key was used with another body.
    KeyReused,
}

/// An `Idempotency-Key` with who sent it and a hash of the request.
#[derive(Debug, Clone)]
pub struct IdempotencyKey<'a> {
    pub actor: &'a str,
    pub key: &'a str,
    pub request_hash: Vec<u8>,
}

/// Creates a draft posting with its audit record and, with a key, the stored response, in the
/// caller's transaction; `render` turns the new row into the response.
pub async fn create<'a>(
    conn: &mut AsyncPgConnection,
    new: &NewPosting<'a>,
    key: Option<IdempotencyKey<'a>>,
    actor: audit::Event<'a>,
    render: impl FnOnce(PostingRow) -> (i32, serde_json::Value),
) -> Result<Created, Error> {
    if let Some(k) = &key {
        match crate::idempotency::claim(conn, k.actor, k.key, &k.request_hash).await? {
            crate::idempotency::Claim::Fresh => {}
            crate::idempotency::Claim::Replay { status, body } => {
                return Ok(Created::Replay { status, body });
            }
            crate::idempotency::Claim::Mismatch => return Ok(Created::KeyReused),
        }
    }
    let row = insert(conn, new).await?;
    let event = audit::Event {
        action: "posting_create",
        subject_type: Some("posting"),
        subject_id: Some(row.id.to_string()),
        details: serde_json::json!({ "kind": row.kind, "to": "draft", "version": row.version }),
        ..actor
    };
    audit::record(conn, event).await?;
    let (status, body) = render(row);
    if let Some(k) = &key {
        crate::idempotency::store(conn, k.actor, k.key, status, &body).await?;
    }
    Ok(Created::New { status, body })
}

/// The audit trail of one posting, oldest first.
pub async fn history(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Vec<audit::AuditRow>, Error> {
    use crate::schema::audit_log;
    Ok(audit_log::table
        .filter(audit_log::subject_type.eq("posting"))
        .filter(audit_log::subject_id.eq(id.to_string()))
        .select(audit::AuditRow::as_select())
        .order(audit_log::id)
        .load(conn)
        .await?)
}

/// A posting with the names the search index needs.
#[derive(Debug, Clone, PartialEq)]
pub struct ForIndex {
    pub row: PostingRow,
    pub organisation_name: String,
    pub occupation_name: String,
    pub occupation_group: String,
    pub zone_name: Option<String>,
    pub commune_name: Option<String>,
}

/// A posting with its organisation, occupation, group, zone and commune names.
type IndexRow = (
    PostingRow,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
);

/// The postings with these ids (missing ones are left out), with names joined in.
pub async fn for_index(conn: &mut AsyncPgConnection, ids: &[Uuid]) -> Result<Vec<ForIndex>, Error> {
    use crate::schema::{communes, occupations, zones};
    let rows: Vec<IndexRow> = postings::table
        .inner_join(organisations::table)
        .inner_join(occupations::table.on(occupations::code.eq(postings::occupation_code)))
        .left_join(zones::table.on(zones::id.nullable().eq(postings::zone_id)))
        .left_join(communes::table.on(communes::code.nullable().eq(postings::commune_code)))
        .filter(postings::id.eq_any(ids))
        .select((
            PostingRow::as_select(),
            organisations::name,
            occupations::name_vi,
            occupations::group_key,
            zones::name.nullable(),
            communes::name.nullable(),
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                row,
                organisation_name,
                occupation_name,
                occupation_group,
                zone_name,
                commune_name,
            )| ForIndex {
                row,
                organisation_name,
                occupation_name,
                occupation_group,
                zone_name,
                commune_name,
            },
        )
        .collect())
}

/// Ids of published postings after `after`, in id order (for a reindex in pages).
pub async fn published_ids(
    conn: &mut AsyncPgConnection,
    after: Option<Uuid>,
    limit: i64,
) -> Result<Vec<Uuid>, Error> {
    let mut q = postings::table
        .filter(postings::state.eq(State::Published.as_str()))
        .select(postings::id)
        .order(postings::id)
        .limit(limit)
        .into_boxed();
    if let Some(after) = after {
        q = q.filter(postings::id.gt(after));
    }
    Ok(q.load(conn).await?)
}

pub async fn count_published(conn: &mut AsyncPgConnection) -> Result<i64, Error> {
    Ok(postings::table
        .filter(postings::state.eq(State::Published.as_str()))
        .count()
        .get_result(conn)
        .await?)
}

/// Inserts postings as published (demo and synthetic sets), with their outbox rows and feed
/// events, one statement each; ids already there are skipped. Returns how many were new.
pub async fn insert_published(
    conn: &mut AsyncPgConnection,
    rows: &[(Uuid, Uuid, Content)],
) -> Result<usize, Error> {
    let values: Vec<_> = rows
        .iter()
        .map(|(id, org, c)| {
            (
                postings::id.eq(*id),
                postings::kind.eq(c.kind().as_str()),
                postings::organisation_id.eq(*org),
                postings::state.eq(State::Published.as_str()),
                postings::content.eq(serde_json::to_value(c).unwrap_or_default()),
                postings::title.eq(c.title().to_owned()),
                postings::occupation_code.eq(c.occupation_code().to_owned()),
                postings::zone_id.eq(c.zone_id()),
                postings::commune_code.eq(c.commune_code().map(str::to_owned)),
                postings::deadline.eq(c.deadline()),
                postings::published_at.eq(diesel::dsl::now),
                postings::submitted_at.eq(diesel::dsl::now),
            )
        })
        .collect();
    conn.transaction::<_, Error, _>(async move |conn| {
        let ids: Vec<Uuid> = diesel::insert_into(postings::table)
            .values(&values)
            .on_conflict_do_nothing()
            .returning(postings::id)
            .get_results(conn)
            .await?;
        diesel::sql_query("INSERT INTO search_outbox (posting_id) SELECT unnest($1::uuid[])")
        .bind::<diesel::sql_types::Array<diesel::sql_types::Uuid>, _>(&ids)
        .execute(conn)
        .await?;
        diesel::sql_query("INSERT INTO feed_events (posting_id, kind, change) SELECT id, kind, 'upsert' FROM postings WHERE id = ANY($1)")
            .bind::<diesel::sql_types::Array<diesel::sql_types::Uuid>, _>(&ids)
            .execute(conn)
            .await?;
        Ok(ids.len())
    })
    .await
}
