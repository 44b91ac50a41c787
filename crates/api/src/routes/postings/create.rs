//! `POST /api/v1/organisations/{id}/postings`: a new draft posting.

use actix_web::{HttpRequest, HttpResponse, post, web};
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::Content;
use labour_store::postings::{Created, IdempotencyKey, NewPosting};
use uuid::Uuid;

use super::{Posting, check_content};
use crate::auth::Caller;
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::extract::Json;
use crate::routes::organisations::load_for;
use crate::state::AppState;

/// Creates a posting as a draft of the organisation (its members, or its API key with
/// `postings:write`). Send `Idempotency-Key` to make retries safe: a retry with the same key and
/// body returns the first answer; the same key with another body is refused.
#[utoipa::path(
    tag = "postings",
    params(
        ("id" = Uuid, Path, description = "Organisation id"),
        ("Idempotency-Key" = Option<String>, Header, description = "Makes retries safe (at most 200 characters)"),
    ),
    request_body(content = Object, description = "The content, with `kind`: `job`, `training_need` or `course`"),
    security(("bearer_token" = []), ("api_key" = [])),
    responses(
        (status = 201, body = Posting, headers(("ETag" = String))),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 422, body = Problem, content_type = "application/problem+json"),
    )
)]
#[post("/organisations/{id}/postings")]
pub async fn create_posting(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Json<super::PostingBody>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let reference = state.reference().await?;
    let mut conn = state.conn().await?;
    let org = load_for(&mut conn, &caller, id, Action::WritePostings).await?;
    let content = body.into_inner().0;
    if content.kind().posted_by().as_str() != org.kind {
        return Err(ApiError::new(ErrorCode::ValidationFailed)
            .detail(
                "Doanh nghiệp đăng tin tuyển dụng và nhu cầu đào tạo; cơ sở GDNN đăng khóa học.",
                "Enterprises post jobs and training needs; schools post courses.",
            )
            .with_errors(vec![crate::errors::FieldError {
                field: "kind".into(),
                code: "unknown_value",
                message: crate::lang::Text::new(
                    format!(
                        "Tổ chức loại {} không đăng được tin loại {}.",
                        org.kind,
                        content.kind().as_str()
                    ),
                    format!("A {} cannot post a {}.", org.kind, content.kind().as_str()),
                ),
            }]));
    }
    let flags = check_content(&mut conn, &reference.known, &content).await?;

    let key = req
        .headers()
        .get("idempotency-key")
        .map(|v| v.to_str().map(str::trim).unwrap_or(""));
    if key.is_some_and(|k| k.is_empty() || k.len() > 200) {
        return Err(ApiError::new(ErrorCode::InvalidHeader).detail(
            "Idempotency-Key cần từ 1 đến 200 ký tự.",
            "Idempotency-Key needs 1 to 200 characters.",
        ));
    }
    let actor = caller
        .account()
        .or(caller.api_key())
        .map(|a| a.to_string())
        .unwrap_or_default();
    let request_hash = request_hash(id, &content);
    let key = key.map(|k| IdempotencyKey {
        actor: &actor,
        key: k,
        request_hash,
    });
    let new = NewPosting {
        id: Uuid::now_v7(),
        organisation_id: id,
        content: &content,
        flags,
        created_by: caller.account(),
    };
    let addr = caller.addr_string();
    let viewer = caller.clone();
    let render = move |row: labour_store::postings::PostingRow| {
        (
            201,
            serde_json::to_value(Posting::for_caller(row, &viewer)).unwrap_or_default(),
        )
    };
    let created =
        labour_store::postings::create(&mut conn, &new, key, caller.event("", &addr), render)
            .await?;
    match created {
        Created::New { status, body } | Created::Replay { status, body } => {
            let version = body["version"].as_i64().unwrap_or(1) as i32;
            Ok(HttpResponse::build(
                actix_web::http::StatusCode::from_u16(status as u16)
                    .unwrap_or(actix_web::http::StatusCode::CREATED),
            )
            .insert_header((actix_web::http::header::ETAG, super::etag(version)))
            .json(body))
        }
        Created::KeyReused => Err(ApiError::new(ErrorCode::IdempotencyKeyReused).detail(
            "Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.",
            "This Idempotency-Key was used for a request with another body.",
        )),
    }
}

/// What makes two create requests "the same": the organisation and the content.
fn request_hash(organisation: Uuid, content: &Content) -> Vec<u8> {
    let text = format!(
        "{organisation}\n{}",
        serde_json::to_string(content).unwrap_or_default()
    );
    crate::auth::tokens::hash_secret(&text)
}
