//! Create a posting: a new draft of an organisation, by its members or its API key.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::Content;
use labour_store::postings::{IdempotencyKey, NewPosting, PostingRow};
use sha2::{Digest, Sha256};
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, FieldError};
use crate::lang::Text;
use crate::{App, Caller, policy};

/// The answer to a create: the face's rendering of the new posting, or of the first request when
/// this one retries it under the same idempotency key.
#[derive(Debug, Clone, PartialEq)]
pub struct Created {
    pub status: i32,
    pub body: serde_json::Value,
}

/// Creates a draft posting of `organisation`. With an idempotency key (1 to 200 characters), a
/// retry with the same key and content returns the first answer; the same key with other
/// content is refused. `render` makes the answer from the new row (it is stored with the key).
pub async fn create(
    app: &App,
    caller: &Caller,
    organisation: Uuid,
    content: Content,
    idempotency_key: Option<&str>,
    render: impl FnOnce(PostingRow) -> serde_json::Value + Send,
) -> Result<Created, Error> {
    let reference = app.reference().await?;
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        // Share-locked: a refusal of the organisation waits until this posting is written.
        let poster = labour_store::postings::lock_poster(conn, organisation).await?;
        policy::require(
            caller,
            Action::WritePostings(super::organisation_facts(poster.as_ref())),
            || organisation_not_found(organisation),
        )?;
        let poster = poster.ok_or_else(|| organisation_not_found(organisation))?;
        let kind = content.kind();
        if kind.posted_by() != poster.kind {
            let org_kind = poster.kind.as_str();
            return Err(Error::new(ErrorCode::ValidationFailed)
                .detail(
                    "Doanh nghiệp đăng tin tuyển dụng và nhu cầu đào tạo; cơ sở GDNN đăng khóa học.",
                    "Enterprises post jobs and training needs; schools post courses.",
                )
                .with_errors(vec![FieldError {
                    field: "kind".into(),
                    code: "unknown_value",
                    message: Text::new(
                        format!(
                            "Tổ chức loại {org_kind} không đăng được tin loại {}.",
                            kind.as_str()
                        ),
                        format!("A {org_kind} cannot post a {}.", kind.as_str()),
                    ),
                }]));
        }
        let flags = super::content::check(conn, &reference.known, &content).await?;

        if idempotency_key.is_some_and(|k| k.is_empty() || k.len() > 200) {
            return Err(Error::new(ErrorCode::InvalidHeader).detail(
                "Idempotency-Key cần từ 1 đến 200 ký tự.",
                "Idempotency-Key needs 1 to 200 characters.",
            ));
        }
        let actor = caller
            .account()
            .or(caller.api_key())
            .map(|a| a.to_string())
            .unwrap_or_default();
        let key = idempotency_key.map(|k| IdempotencyKey {
            actor: &actor,
            key: k,
            request_hash: request_hash(organisation, &content),
        });
        let new = NewPosting {
            id: Uuid::now_v7(),
            organisation_id: organisation,
            content: &content,
            flags,
            created_by: caller.account(),
        };
        let addr = caller.addr_string();
        let created = labour_store::postings::create(
            conn,
            &new,
            key,
            caller.event("", &addr),
            |row| (201, render(row)),
        )
        .await?;
        use labour_store::postings::Created as Stored;
        match created {
            Stored::New { status, body } | Stored::Replay { status, body } => {
                Ok(Created { status, body })
            }
            Stored::KeyReused => Err(Error::new(ErrorCode::IdempotencyKeyReused).detail(
                "Idempotency-Key này đã được dùng cho một yêu cầu có nội dung khác.",
                "This Idempotency-Key was used for a request with another body.",
            )),
        }
    })
    .await
}

fn organisation_not_found(id: Uuid) -> Error {
    Error::not_found("tổ chức", "organisation", &id.to_string())
}

/// What makes two create requests "the same": the organisation and the content.
fn request_hash(organisation: Uuid, content: &Content) -> Vec<u8> {
    let text = format!(
        "{organisation}\n{}",
        serde_json::to_string(content).unwrap_or_default()
    );
    Sha256::digest(text.as_bytes()).to_vec()
}
