//! `GET /account/postings/{id}/applicants`: the applicants of a job (or the people interested
//! in a course), 20 a page, each with the profile fields they chose to share (as
//! `GET /postings/{id}/applications` gives them), their message and status, and the moves the
//! policy and the application's lifecycle allow from that status, each a small form that goes
//! through the same use case as `POST /applications/{id}/status`.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::ClosedSet;
use labour_domain::application::Status;
use labour_domain::paging::PageRequest;
use labour_domain::policy::{Action, ApplicationFacts, Decision, PostingFacts, decide};
use labour_domain::posting::Kind;
use labour_domain::worker::WorkerProfile;
use serde::Deserialize;
use strum::IntoEnumIterator;
use uuid::Uuid;

use super::fail;
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::Form;
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;
use crate::pages::labels;

const PER_PAGE: u32 = 20;

/// One shared field in words.
#[derive(Debug)]
pub struct SharedFact {
    pub label: String,
    pub value: String,
}

/// The profile fields a worker shared (a part of their profile as JSON), in words; the order
/// of the profile, empty ones left out.
pub fn shared_facts(lang: Lang, choices: &Choices, shared: &serde_json::Value) -> Vec<SharedFact> {
    // Read over an empty profile, so the fields not shared stay empty.
    let mut whole = serde_json::to_value(WorkerProfile::default()).unwrap_or_default();
    if let (Some(into), Some(from)) = (whole.as_object_mut(), shared.as_object()) {
        for (k, v) in from {
            into.insert(k.clone(), v.clone());
        }
    }
    let Ok(p) = serde_json::from_value::<WorkerProfile>(whole) else {
        return Vec::new();
    };
    labour_domain::application::SHAREABLE
        .iter()
        .filter(|name| shared.get(**name).is_some())
        .filter_map(|name| {
            let value = crate::pages::profile_fields::in_words(lang, &p, choices, name);
            (!value.is_empty()).then(|| SharedFact {
                label: labels::field(lang, name).into_owned(),
                value,
            })
        })
        .collect()
}

#[derive(Debug)]
pub struct Applicant {
    pub id: Uuid,
    pub number: usize,
    pub name: String,
    pub shared: Vec<SharedFact>,
    pub message: Option<String>,
    pub status: String,
    pub applied: String,
    /// The moves allowed from the current status: `(status code, words on the button)`.
    pub moves: Vec<(&'static str, String)>,
}

#[derive(Template)]
#[template(path = "my_postings/applicants.html")]
struct ApplicantsPage {
    page: Page,
    id: Uuid,
    title: String,
    course: bool,
    applicants: Vec<Applicant>,
    total: i64,
    current: u32,
    pages: u32,
    moved: bool,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    page: Option<String>,
    moved: Option<String>,
}

pub async fn list(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::posting_id(&ctx, &path)?;
    let current = q
        .page
        .as_deref()
        .and_then(|p| p.parse::<u32>().ok())
        .unwrap_or(1)
        .clamp(1, labour_domain::paging::MAX_PAGE);
    let request = PageRequest::new(Some(current), Some(PER_PAGE))
        .map_err(|e| WebError::new(labour_app::Error::internal(e), lang))?;
    let (row, found) = async {
        let mut conn = ctx.state.app.conn().await?;
        let row =
            labour_app::postings::load_for(&mut conn, &ctx.caller, id, Action::ManageApplications)
                .await?;
        let found = labour_store::applications::page_for_posting(&mut conn, id, request).await?;
        Ok::<_, labour_app::Error>((row, found))
    }
    .await
    .map_err(fail(&ctx))?;
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(fail(&ctx))?;
    let facts = PostingFacts {
        organisation: row.organisation_id,
        public: true,
    };
    let offset = usize::try_from(request.offset()).unwrap_or(0);
    let applicants = found
        .items
        .into_iter()
        .enumerate()
        .map(|(i, a)| {
            let application = ApplicationFacts {
                posting: facts,
                worker: a.worker_id,
            };
            let moves = Status::iter()
                .filter(|to| a.status.can_move(*to).is_ok())
                .filter(|to| {
                    decide(
                        &ctx.caller.actor,
                        Action::MoveApplication {
                            application,
                            to: *to,
                        },
                    ) == Decision::Allow
                })
                .map(|to| {
                    (
                        to.as_str(),
                        ctx.t(&format!("my_postings.move.{}", to.as_str()))
                            .into_owned(),
                    )
                })
                .collect();
            let shared = shared_facts(lang, &choices, &a.shared);
            let name = a
                .shared
                .get("full_name")
                .and_then(|n| n.as_str())
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    crate::i18n::t_with(
                        lang,
                        "my_postings.applicant_number",
                        &[("n", &(offset + i + 1).to_string())],
                    )
                });
            Applicant {
                id: a.id,
                number: offset + i + 1,
                name,
                shared,
                message: a.message.filter(|m| !m.trim().is_empty()),
                status: labels::status(lang, a.status).into_owned(),
                applied: labels::date(lang, a.created_at),
                moves,
            }
        })
        .collect();
    let pages = u32::try_from((found.total + i64::from(PER_PAGE) - 1) / i64::from(PER_PAGE))
        .unwrap_or(1)
        .max(1);
    let course = row.kind == Kind::Course;
    Ok(ctx.render(&ApplicantsPage {
        page: ctx.page(ctx.t(if course {
            "my_postings.interested_title"
        } else {
            "my_postings.applicants_title"
        })),
        id,
        title: row.title,
        course,
        applicants,
        total: found.total,
        current,
        pages,
        moved: q.moved.is_some(),
    }))
}

#[derive(Debug, Deserialize)]
pub struct MoveForm {
    to: String,
}

pub async fn move_to(
    ctx: Ctx,
    path: web::Path<(String, String)>,
    Form(form): Form<MoveForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (posting, application) = path.into_inner();
    let id = super::posting_id(&ctx, &posting)?;
    let application: Uuid = application.parse().map_err(|_| {
        WebError::new(
            labour_app::Error::not_found("đơn ứng tuyển", "application", &application),
            ctx.lang,
        )
    })?;
    let to = Status::parse(form.to.trim()).map_err(|_| {
        WebError::new(
            labour_app::Error::new(labour_app::ErrorCode::ValidationFailed),
            ctx.lang,
        )
    })?;
    labour_app::applications::status(&ctx.state.app, &ctx.caller, application, to)
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!(
        "/account/postings/{id}/applicants?moved=1#application-{application}"
    )))
}
