//! Postings: job openings, training needs and courses, through one lifecycle.

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
use labour_domain::policy::{Action, Actor, PostingFacts, decide};
use labour_domain::posting::{Content, Transition};
use labour_store::postings::{PostingRow, Refusal, Request};
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, FieldError, FieldErrors, field_error};
use crate::lang::Text;
use crate::state::AppState;
use labour_app::known::{Code, Known};

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
    /// Why staff rejected or removed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderation_reason: Option<String>,
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
            kind: row.kind,
            organisation_id: row.organisation_id,
            state: row.state,
            content: row.content,
            revision: if private { row.revision } else { None },
            flags: private.then_some(row.flags),
            report_count: private.then_some(row.report_count),
            moderation_reason: if private { row.moderation_reason } else { None },
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
    PostingFacts {
        organisation: row.organisation_id,
        public: row.is_public(),
    }
}

pub fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found("tin", "posting", &id.to_string())
}

/// The posting, once the policy lets the caller do `action` to it. An id that names nothing is
/// decided as the policy decides a posting the caller may not see (`PostingFacts::unknown`), so
/// "not yours" and "does not exist" answer alike.
pub async fn load_for(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
    action: impl Fn(PostingFacts) -> Action,
) -> Result<PostingRow, ApiError> {
    let row = labour_store::postings::find(conn, id).await?;
    let facts = row.as_ref().map_or_else(PostingFacts::unknown, facts);
    crate::auth::require(caller, action(facts), || not_found(id))?;
    row.ok_or_else(|| not_found(id))
}

pub async fn load(conn: &mut labour_store::Conn, id: Uuid) -> Result<PostingRow, ApiError> {
    labour_store::postings::find(conn, id)
        .await?
        .ok_or_else(|| not_found(id))
}

pub fn etag(version: i32) -> String {
    format!("\"{version}\"")
}

/// The version named by `If-Match`; 428 when it is missing, 412 when it is not a version.
pub fn if_match(req: &HttpRequest) -> Result<i32, ApiError> {
    let Some(value) = req.headers().get(IF_MATCH) else {
        return Err(ApiError::new(ErrorCode::PreconditionRequired).detail(
            "Gửi kèm If-Match với ETag của phiên bản bạn đã đọc, để không ghi đè thay đổi của người khác.",
            "Send If-Match with the ETag of the version you read, so nobody's change is overwritten.",
        ));
    };
    value
        .to_str()
        .ok()
        .map(|v| v.trim().trim_start_matches("W/").trim_matches('"'))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| stale(None))
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

fn stale(current: Option<i32>) -> ApiError {
    let e = ApiError::new(ErrorCode::PreconditionFailed).detail(
        "Tin đã được thay đổi từ khi bạn đọc; hãy đọc lại và thử lại.",
        "The posting changed since you read it; read it again and retry.",
    );
    match current {
        Some(v) => e.header(actix_web::http::header::ETAG, etag(v)),
        None => e,
    }
}

/// Applies a transition and maps a refusal to its HTTP problem.
pub async fn transition(
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    transition: Transition,
    expected_version: Option<i32>,
    edit: Option<(&Content, Vec<String>)>,
    reason: Option<&str>,
) -> Result<PostingRow, ApiError> {
    let addr = caller.addr_string();
    let mut conn = state.conn().await?;
    let request = Request {
        posting: id,
        transition,
        expected_version,
        edit,
        reason,
        actor: caller.event("", &addr),
    };
    match labour_store::postings::apply(&mut conn, request).await? {
        Ok(row) => Ok(row),
        Err(Refusal::NotFound) => Err(not_found(id)),
        Err(Refusal::Stale { current }) => Err(stale(Some(current))),
        Err(Refusal::NotAllowed(e)) => Err(ApiError::new(ErrorCode::InvalidTransition).detail(
            field_error("state", &e).message.vi,
            field_error("state", &e).message.en,
        )),
    }
}

fn unknown(field: &str, vi: &str, en: &str) -> FieldError {
    FieldError {
        field: field.into(),
        code: "unknown_reference",
        message: Text::new(vi, en),
    }
}

/// Checks content against the rules and the reference data; returns its flags for staff.
pub async fn check_content(
    conn: &mut labour_store::Conn,
    known: &Known,
    content: &Content,
) -> Result<Vec<String>, ApiError> {
    let mut errors = FieldErrors::default();
    let today = chrono::Utc::now().date_naive();
    for (field, e) in content.problems(today) {
        errors.check::<()>(&field, Err(e));
    }
    // Codes of the reference data: the one check profiles and searches make too. A code of
    // the wrong form already has its error above.
    let codes = [
        (
            "occupation_code",
            Code::Occupation,
            labour_domain::occupation::OccupationCode::parse(content.occupation_code())
                .ok()
                .map(|_| content.occupation_code().to_owned()),
        ),
        (
            "zone_id",
            Code::Zone,
            content.zone_id().map(|z| z.to_string()),
        ),
        (
            "commune_code",
            Code::Commune,
            content
                .commune_code()
                .filter(|c| labour_domain::commune::CommuneCode::parse(c).is_ok())
                .map(str::to_owned),
        ),
        (
            if matches!(content, Content::Job(_)) {
                "required_level"
            } else {
                "level"
            },
            Code::TrainingLevel,
            content.level().map(str::to_owned),
        ),
    ];
    for (field, code, value) in codes {
        if let Some(e) = value.and_then(|v| known.check(field, code, &v)) {
            errors.push(e);
        }
    }
    if let Content::Course(course) = content {
        // Only what the public may see can be named: a pending or refused organisation, or a
        // training need that is not published, is refused like an id that names nothing.
        if let Some(partner) = course.partner_organisation_id
            && !labour_store::organisations::find(conn, partner)
                .await?
                .is_some_and(|o| o.verified())
        {
            errors.push(unknown(
                "partner_organisation_id",
                "Không có tổ chức đã xác minh nào với mã này.",
                "No verified organisation has this id.",
            ));
        }
        if let Some(need) = course.answers_need_id {
            let ok = labour_store::postings::find(conn, need)
                .await?
                .is_some_and(|p| p.kind == "training_need" && p.is_public());
            if !ok {
                errors.push(unknown(
                    "answers_need_id",
                    "Không có nhu cầu đào tạo đang công khai nào với mã này.",
                    "No published training need has this id.",
                ));
            }
        }
    }
    errors.finish()?;
    let median = match content {
        Content::Job(_) => {
            labour_store::postings::median_salary(conn, content.occupation_code()).await?
        }
        _ => None,
    };
    Ok(labour_domain::posting::flags::flags(content, median)
        .into_iter()
        .map(|f| <&str>::from(f).to_owned())
        .collect())
}

/// `If-Match` when sent (staff actions and submit/close take it but do not need it: the
/// lifecycle itself refuses a second approval or a close of a closed posting).
pub fn optional_if_match(req: &HttpRequest) -> Result<Option<i32>, ApiError> {
    if req.headers().contains_key(IF_MATCH) {
        if_match(req).map(Some)
    } else {
        Ok(None)
    }
}

/// The posting as JSON for this caller, with its version as `ETag`.
pub fn respond(row: PostingRow, caller: &Caller) -> actix_web::HttpResponse {
    actix_web::HttpResponse::Ok()
        .insert_header((actix_web::http::header::ETAG, etag(row.version)))
        .json(Posting::for_caller(row, caller))
}

/// A transition the owning organisation makes (submit, close): it must see and write the posting.
pub async fn owner_transition(
    req: &HttpRequest,
    state: &AppState,
    caller: &Caller,
    id: Uuid,
    t: Transition,
) -> Result<actix_web::HttpResponse, ApiError> {
    let mut conn = state.conn().await?;
    load_owned(&mut conn, caller, id).await?;
    drop(conn);
    let row = transition(state, caller, id, t, optional_if_match(req)?, None, None).await?;
    Ok(respond(row, caller))
}

/// The posting, once the caller may see it and write its organisation's postings (which a
/// refused organisation may not).
pub async fn load_owned(
    conn: &mut labour_store::Conn,
    caller: &Caller,
    id: Uuid,
) -> Result<PostingRow, ApiError> {
    let row = load_for(conn, caller, id, Action::ReadPosting).await?;
    let org = labour_store::organisations::find(conn, row.organisation_id)
        .await?
        .map_or_else(labour_domain::policy::OrganisationFacts::unknown, |o| {
            crate::routes::organisations::facts(&o)
        });
    crate::auth::require(caller, Action::WritePostings(org), || not_found(row.id))?;
    Ok(row)
}

/// A posting's content as a request body: [`Content`], read with the path of every error kept
/// (serde's internally tagged enums lose it), so each bad field is named.
#[derive(Debug)]
pub struct PostingBody(pub Content);

impl<'de> serde::Deserialize<'de> for PostingBody {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<PostingBody, D::Error> {
        use labour_domain::posting::{CourseContent, JobContent, TrainingNeedContent};
        use serde::de::Error;
        let mut value = serde_json::Value::deserialize(d)?;
        let Some(object) = value.as_object_mut() else {
            return Err(D::Error::invalid_type(
                serde::de::Unexpected::Other("not an object"),
                &"struct Content",
            ));
        };
        const KINDS: &[&str] = &["job", "training_need", "course"];
        let kind = match object.remove("kind") {
            None => return Err(D::Error::missing_field("kind")),
            Some(serde_json::Value::String(k)) => k,
            Some(_) => {
                return Err(crate::extract::nested_error(
                    "kind",
                    "invalid type: not text, expected a string",
                ));
            }
        };
        let content = match kind.as_str() {
            "job" => Content::Job(crate::extract::nested::<JobContent, _>(&value, &[])?),
            "training_need" => Content::TrainingNeed(crate::extract::nested::<
                TrainingNeedContent,
                _,
            >(&value, &[])?),
            "course" => Content::Course(crate::extract::nested::<CourseContent, _>(&value, &[])?),
            other => {
                return Err(crate::extract::nested_error(
                    "kind",
                    D::Error::unknown_variant(other, KINDS),
                ));
            }
        };
        Ok(PostingBody(content))
    }
}
