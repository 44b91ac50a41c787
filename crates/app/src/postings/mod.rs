//! Postings (job openings, training needs, courses): each thing a person does to one, decided
//! through the policy and written with its audit row, feed event and outbox row in one
//! transaction; and the loading every one of them starts with.

mod content;

pub mod approve;
pub mod close;
pub mod create;
pub mod history;
pub mod jsonld;
pub mod read;
pub mod reject;
pub mod remove;
pub mod report;
pub mod submit;
pub mod update;

pub use approve::approve;
pub use close::close;
pub use create::{Created, create};
pub use history::history;
pub use reject::reject;
pub use remove::remove;
pub use report::report;
pub use submit::submit;
pub use update::update;

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, OrganisationFacts, PostingFacts};
use labour_domain::posting::{Content, ModerationReason, Transition};
use labour_store::postings::{PostingRow, Refusal, Request};
use uuid::Uuid;

use crate::caller::Caller;
use crate::errors::{Error, ErrorCode, field_error};
use crate::policy;

/// What the policy knows of a posting.
pub fn facts(row: &PostingRow) -> PostingFacts {
    PostingFacts {
        organisation: row.organisation_id,
        public: row.is_public(),
    }
}

pub fn not_found(id: Uuid) -> Error {
    Error::not_found("tin", "posting", &id.to_string())
}

/// The posting, once the policy lets the caller do `action` to it. An id that names nothing is
/// decided as the policy decides a posting the caller may not see (`PostingFacts::unknown`), so
/// "not yours" and "does not exist" answer alike.
pub async fn load_for(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
    action: impl Fn(PostingFacts) -> Action,
) -> Result<PostingRow, Error> {
    let row = labour_store::postings::find(conn, id).await?;
    decide(caller, id, row, action)
}

/// As [`load_for`], with the row locked until the transaction ends: for a decision (and a
/// write) that depends on it.
pub async fn lock_for(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
    action: impl Fn(PostingFacts) -> Action,
) -> Result<PostingRow, Error> {
    let row = labour_store::postings::lock(conn, id).await?;
    decide(caller, id, row, action)
}

fn decide(
    caller: &Caller,
    id: Uuid,
    row: Option<PostingRow>,
    action: impl Fn(PostingFacts) -> Action,
) -> Result<PostingRow, Error> {
    let facts = row.as_ref().map_or_else(PostingFacts::unknown, facts);
    policy::require(caller, action(facts), || not_found(id))?;
    row.ok_or_else(|| not_found(id))
}

/// What the policy knows of an organisation that posts.
fn organisation_facts(poster: Option<&labour_store::postings::Poster>) -> OrganisationFacts {
    use labour_domain::organisation::Verification;
    poster.map_or_else(OrganisationFacts::unknown, |o| OrganisationFacts {
        id: o.id,
        verified: o.verification == Verification::Verified,
        refused: o.verification == Verification::Refused,
    })
}

/// The posting, locked, once the caller may see it and write its organisation's postings (which
/// a refused organisation may not; its row is share-locked so a refusal waits for this write).
async fn lock_owned(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
) -> Result<PostingRow, Error> {
    let row = lock_for(conn, caller, id, Action::ReadPosting).await?;
    let poster = labour_store::postings::lock_poster(conn, row.organisation_id).await?;
    policy::require(
        caller,
        Action::WritePostings(organisation_facts(poster.as_ref())),
        || not_found(row.id),
    )?;
    Ok(row)
}

/// The version the caller read, as its face sent it (`If-Match` in the API).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// None sent.
    Unstated,
    Version(i32),
    /// Something was sent that names no version.
    Unreadable,
}

impl Expected {
    /// A version is required: 428 without one, 412 when it names none.
    fn required(self) -> Result<i32, Error> {
        match self {
            Expected::Unstated => Err(Error::new(ErrorCode::PreconditionRequired).detail(
                "Gửi kèm If-Match với ETag của phiên bản bạn đã đọc, để không ghi đè thay đổi của người khác.",
                "Send If-Match with the ETag of the version you read, so nobody's change is overwritten.",
            )),
            Expected::Version(v) => Ok(v),
            Expected::Unreadable => Err(stale(None)),
        }
    }

    /// A version is taken but not needed (staff actions, submit and close: the lifecycle itself
    /// refuses a second approval or a close of a closed posting).
    fn optional(self) -> Result<Option<i32>, Error> {
        match self {
            Expected::Unstated => Ok(None),
            Expected::Version(v) => Ok(Some(v)),
            Expected::Unreadable => Err(stale(None)),
        }
    }
}

/// The ETag of a version.
pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// 412: the posting changed since the caller read it (with its current version when known).
fn stale(current: Option<i32>) -> Error {
    let e = Error::new(ErrorCode::PreconditionFailed).detail(
        "Tin đã được thay đổi từ khi bạn đọc; hãy đọc lại và thử lại.",
        "The posting changed since you read it; read it again and retry.",
    );
    match current {
        Some(v) => e.hint("etag", etag(v)),
        None => e,
    }
}

/// A transition of a row locked in the caller's transaction, its refusal mapped to the error.
async fn apply(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    row: PostingRow,
    transition: Transition,
    expected_version: Option<i32>,
    edit: Option<(&Content, Vec<String>)>,
    reason: Option<labour_store::postings::Reason<'_>>,
) -> Result<PostingRow, Error> {
    let id = row.id;
    let addr = caller.addr_string();
    let request = Request {
        posting: id,
        transition,
        expected_version,
        edit,
        reason,
        actor: caller.event("", &addr),
    };
    match labour_store::postings::apply_locked(conn, row, request).await? {
        Ok(row) => Ok(row),
        Err(Refusal::NotFound) => Err(not_found(id)),
        Err(Refusal::Stale { current }) => Err(stale(Some(current))),
        Err(Refusal::NotAllowed(e)) => {
            let message = field_error("state", &e).message;
            Err(Error::new(ErrorCode::InvalidTransition).detail(message.vi, message.en))
        }
    }
}

/// A transition the owning organisation makes (submit, close): it must see and write the
/// posting.
async fn owner_transition(
    app: &crate::App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
    transition: Transition,
) -> Result<PostingRow, Error> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = lock_owned(conn, caller, id).await?;
        let expected = expected.optional()?;
        apply(conn, caller, row, transition, expected, None, None).await
    })
    .await
}

/// Why staff reject or remove a posting, as the caller gave it: `code` one of the public
/// reason codes ([`ModerationReason`]; none means `other`, the free-text reason of the first
/// API version), `note` the words the organisation reads beside it (3 to 1000 characters;
/// required for `other`, optional otherwise).
#[derive(Debug, Clone, Copy, Default)]
pub struct Decision<'a> {
    pub code: Option<&'a str>,
    pub note: Option<&'a str>,
}

impl<'a> Decision<'a> {
    /// The code and note checked: field errors on `reason_code` and `reason`.
    fn check(self) -> Result<labour_store::postings::Reason<'a>, Error> {
        use crate::errors::{FieldError, FieldErrors};
        let mut errors = FieldErrors::default();
        let code = match self.code {
            None => Some(ModerationReason::DEFAULT),
            Some(c) => errors.check("reason_code", ModerationReason::parse(c)),
        };
        let note = self.note.map(str::trim).filter(|n| !n.is_empty());
        let needed = code.is_some_and(ModerationReason::needs_note);
        if note.map_or(needed, |n| !(3..=1000).contains(&n.chars().count())) {
            errors.push(FieldError {
                field: "reason".into(),
                code: "text_length",
                message: crate::lang::Text::new(
                    "Lý do cần từ 3 đến 1000 ký tự.",
                    "The reason needs 3 to 1000 characters.",
                ),
            });
        }
        errors.finish()?;
        let code = code.ok_or_else(|| Error::internal("checked reason code missing"))?;
        Ok(labour_store::postings::Reason { code, note })
    }
}

/// A staff decision that gives the organisation a reason (reject, remove).
async fn moderate_with_reason(
    app: &crate::App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
    transition: Transition,
    decision: Decision<'_>,
) -> Result<PostingRow, Error> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = lock_for(conn, caller, id, Action::ModeratePosting).await?;
        let reason = decision.check()?;
        let expected = expected.optional()?;
        apply(conn, caller, row, transition, expected, None, Some(reason)).await
    })
    .await
}
