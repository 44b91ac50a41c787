//! Postings: job openings, training needs and courses, through one lifecycle.

pub mod body;
pub mod close;
pub mod create;
pub mod get;
pub mod history;
pub mod jsonld;
pub mod list;
pub mod moderate;
pub mod report;
pub mod submit;
pub mod update;

use actix_web::HttpRequest;
use actix_web::http::header::{IF_MATCH, IF_NONE_MATCH};
use chrono::{DateTime, NaiveDate, Utc};
use labour_app::postings::Expected;
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, Actor, PostingFacts, decide};
use labour_store::postings::PostingRow;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

pub use self::body::PostingBody;
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode};

/// A posting as the API shows it. Moderation details appear only for its organisation and staff.
#[derive(Debug, Serialize, ToSchema)]
pub struct Posting {
    pub id: Uuid,
    /// `job`, `training_need` or `course`.
    pub kind: String,
    pub organisation_id: Uuid,
    /// `draft`, `pending`, `published`, `rejected`, `closed`, `expired` or `removed`.
    pub state: String,
    /// The content (public once published); its fields depend on `kind`. Lists and the feed
    /// leave out `contact`, which only the posting's own page shows.
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
    /// An edit waiting for review while `content` stays public (organisation and staff only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub revision: Option<serde_json::Value>,
    /// Marks for staff attention: `asks_for_money`, `salary_below_minimum`, `salary_outlier`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_count: Option<i32>,
    /// Staff's note on why they rejected or removed it (organisation and staff only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderation_reason: Option<String>,
    /// The public code of why staff rejected or removed it (organisation and staff only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<moderate::ModerationReasonCode>)]
    pub moderation_reason_code: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// The version, also sent as `ETag`; send it back in `If-Match` to update.
    pub version: i32,
}

impl Posting {
    /// The view for this caller: the private fields only for the organisation and staff.
    pub fn for_caller(row: PostingRow, caller: &Caller) -> Posting {
        let private = sees_private(&caller.actor, row.organisation_id);
        Posting {
            id: row.id,
            kind: row.kind.as_str().to_owned(),
            organisation_id: row.organisation_id,
            state: row.state.as_str().to_owned(),
            content: row.content,
            revision: if private { row.revision } else { None },
            flags: private.then_some(row.flags),
            report_count: private.then_some(row.report_count),
            moderation_reason: if private { row.moderation_reason } else { None },
            moderation_reason_code: row
                .moderation_reason_code
                .filter(|_| private)
                .map(|c| c.as_str().to_owned()),
            deadline: row.deadline,
            created_at: row.created_at,
            updated_at: row.updated_at,
            published_at: row.published_at,
            version: row.version,
        }
    }
}

impl Posting {
    /// The view in a public list or the feed: as [`Posting::for_caller`], without the content
    /// shown only on the posting's own page (its contact details).
    pub fn listed(row: PostingRow, caller: &Caller) -> Posting {
        let mut posting = Posting::for_caller(row, caller);
        posting.content = labour_domain::posting::content::for_listing(posting.content);
        posting
    }
}

/// The posting's organisation (its members and keys) and staff see its private fields.
fn sees_private(actor: &Actor, organisation: Uuid) -> bool {
    let draft = PostingFacts {
        organisation,
        public: false,
    };
    decide(actor, Action::ReadPosting(draft)) == labour_domain::policy::Decision::Allow
}

pub fn facts(row: &PostingRow) -> PostingFacts {
    labour_app::postings::facts(row)
}

pub fn not_found(id: Uuid) -> ApiError {
    labour_app::postings::not_found(id).into()
}

/// The posting, once the policy lets the caller do `action` to it (see
/// [`labour_app::postings::load_for`]).
pub async fn load_for(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
    action: impl Fn(PostingFacts) -> Action,
) -> Result<PostingRow, ApiError> {
    Ok(labour_app::postings::load_for(conn, caller, id, action).await?)
}

pub async fn load(conn: &mut labour_store::Conn, id: Uuid) -> Result<PostingRow, ApiError> {
    labour_store::postings::find(conn, id)
        .await?
        .ok_or_else(|| not_found(id))
}

pub fn etag(version: i32) -> String {
    labour_app::postings::etag(version)
}

/// The version named by `If-Match`; 428 when it is missing, 412 when it is not a version.
pub fn if_match(req: &HttpRequest) -> Result<i32, ApiError> {
    let Some(value) = req.headers().get(IF_MATCH) else {
        return Err(ApiError::new(ErrorCode::PreconditionRequired).detail(
            "Gửi kèm If-Match với ETag của phiên bản bạn đã đọc, để không ghi đè thay đổi của người khác.",
            "Send If-Match with the ETag of the version you read, so nobody's change is overwritten.",
        ));
    };
    version(value).ok_or_else(|| {
        ApiError::new(ErrorCode::PreconditionFailed).detail(
            "Tin đã được thay đổi từ khi bạn đọc; hãy đọc lại và thử lại.",
            "The posting changed since you read it; read it again and retry.",
        )
    })
}

fn version(value: &actix_web::http::header::HeaderValue) -> Option<i32> {
    value
        .to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse().ok())
}

/// What `If-Match` says of the version the caller read; the use case decides whether it needs
/// one, after deciding whether the caller may act at all.
pub fn expected(req: &HttpRequest) -> Expected {
    match req.headers().get(IF_MATCH) {
        None => Expected::Unstated,
        Some(value) => version(value).map_or(Expected::Unreadable, Expected::Version),
    }
}

/// `If-None-Match` matching the current version: the client's copy is fresh.
pub fn not_modified(req: &HttpRequest, version: i32) -> bool {
    req.headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.split(',')
                .any(|t| t.trim().trim_start_matches("W/") == etag(version))
        })
}

/// The posting as JSON for this caller, with its version as `ETag`.
pub fn respond(row: PostingRow, caller: &Caller) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(row.version)))
        .json(Posting::for_caller(row, caller))
}
