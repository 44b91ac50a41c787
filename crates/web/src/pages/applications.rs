//! Applying to a published job with the profile fields the worker chooses to share, and the
//! worker's list of applications with their status: the same use case and reads as
//! `POST /api/v1/postings/{id}/applications` and `GET /api/v1/me/applications`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_domain::application::SHAREABLE;
use labour_domain::policy::Action;
use labour_domain::posting::{Kind, State};
use labour_domain::worker::WorkerProfile;
use labour_store::postings::PostingRow;
use serde::Deserialize;
use uuid::Uuid;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;
use crate::pages::labels;
use crate::pages::profile_form::Fields;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/postings/{id}/apply", web::get().to(apply_form))
        .route("/postings/{id}/apply", web::post().to(apply))
        .route("/account/applications", web::get().to(list))
        .route(
            "/account/applications/{id}/withdraw",
            web::get().to(withdraw_form),
        )
        .route(
            "/account/applications/{id}/withdraw",
            web::post().to(withdraw),
        );
}

/// Shared unless the worker unticks them: what an employer needs to judge and reach them.
const SHARED_FIRST: [&str; 7] = [
    "full_name",
    "phone",
    "email",
    "training_level",
    "certificates",
    "skills",
    "work_history",
];

/// A profile field the worker may share, with what it says now.
#[derive(Debug)]
struct Shareable {
    name: &'static str,
    label: String,
    value: String,
    checked: bool,
}

#[derive(Template)]
#[template(path = "applications/apply.html")]
struct ApplyPage {
    page: Page,
    posting_id: Uuid,
    title: String,
    /// A course: the worker registers interest in enrolling (the school answers it as an
    /// enterprise answers an application).
    course: bool,
    has_profile: bool,
    fields: Vec<Shareable>,
    message: String,
    errors: Errors,
}

/// The job or course, once the policy lets the caller apply to it (for a course: register
/// interest); anything else, or anything not published, is the not-found page, as a hidden
/// posting is.
async fn job_for(ctx: &Ctx, id: Uuid) -> labour_app::Result<PostingRow> {
    let mut conn = ctx.state.app.conn().await?;
    let row = labour_app::facts::posting_for(&mut conn, &ctx.caller, id, Action::Apply).await?;
    if !matches!(row.kind, Kind::Job | Kind::Course) || row.state != State::Published {
        return Err(labour_app::facts::posting_not_found(id));
    }
    Ok(row)
}

async fn profile_of(ctx: &Ctx) -> labour_app::Result<Option<WorkerProfile>> {
    let account = labour_app::policy::require_own_account(&ctx.caller)?;
    let mut conn = ctx.state.app.conn().await?;
    match labour_store::workers::find(&mut conn, account).await? {
        Some(row) => Ok(Some(
            serde_json::from_value(row.profile).map_err(labour_app::Error::internal)?,
        )),
        None => Ok(None),
    }
}

/// What each shareable field of the profile says, in words; empty fields are left out.
fn shareable(
    lang: Lang,
    p: &WorkerProfile,
    choices: &Choices,
    chosen: Option<&[String]>,
) -> Vec<Shareable> {
    SHAREABLE
        .iter()
        .filter_map(|name| {
            let value = crate::pages::profile_fields::in_words(lang, p, choices, name);
            (!value.is_empty()).then(|| Shareable {
                name,
                label: labels::field(lang, name).into_owned(),
                checked: match chosen {
                    Some(chosen) => chosen.iter().any(|c| c == name),
                    None => SHARED_FIRST.contains(name),
                },
                value,
            })
        })
        .collect()
}

async fn page_for(
    ctx: &Ctx,
    job: &PostingRow,
    chosen: Option<&[String]>,
    message: String,
    errors: Errors,
) -> labour_app::Result<ApplyPage> {
    let profile = profile_of(ctx).await?;
    let choices = Choices::load(&ctx.state.app, ctx.lang).await?;
    let course = job.kind == Kind::Course;
    Ok(ApplyPage {
        page: ctx.page(ctx.t(if course {
            "applications.enrol_title"
        } else {
            "applications.apply_title"
        })),
        posting_id: job.id,
        title: job.title.clone(),
        course,
        has_profile: profile.is_some(),
        fields: profile
            .as_ref()
            .map(|p| shareable(ctx.lang, p, &choices, chosen))
            .unwrap_or_default(),
        message,
        errors,
    })
}

async fn apply_form(ctx: Ctx, id: web::Path<Uuid>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let job = job_for(&ctx, id.into_inner())
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let page = page_for(&ctx, &job, None, String::new(), Errors::default())
        .await
        .map_err(|e| WebError::new(e, lang))?;
    Ok(ctx.render(&page))
}

async fn apply(
    ctx: Ctx,
    id: web::Path<Uuid>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let job = job_for(&ctx, id.into_inner())
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let fields = Fields(pairs);
    let share = fields.all("share");
    let message = fields.one("message");
    let input = labour_app::applications::Apply {
        share: share.clone(),
        message: Some(message.clone()),
    };
    let e = match labour_app::applications::apply(&ctx.state.app, &ctx.caller, job.id, input).await
    {
        Ok(_) => return Ok(ctx.see_other("/account/applications?applied=1")),
        Err(e) => e,
    };
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        _ => return Err(WebError::new(e, lang)),
    };
    let mut errors = Errors::from_error(&e, lang, |f| match f.split_once('[') {
        Some((group, _)) => group.to_owned(),
        None => f.to_owned(),
    });
    // The refusal in the use case's words (already applied, no profile yet) sits at the top.
    if let (Some(detail), None, true) = (&e.detail, &errors.form, errors.fields.is_empty()) {
        errors.form = Some(detail.get(lang).to_owned());
    }
    let page = page_for(&ctx, &job, Some(&share), message, errors)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    Ok(ctx.render_status(status, &page))
}

/// One application as the worker's list shows it.
#[derive(Debug)]
struct Row {
    id: Uuid,
    posting_id: Uuid,
    /// The worker may still withdraw it.
    open: bool,
    title: String,
    /// Whether the posting is still public (its page can be opened).
    public: bool,
    status: String,
    status_class: &'static str,
    applied: String,
    updated: Option<String>,
}

#[derive(Template)]
#[template(path = "applications/list.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    applied: bool,
    withdrawn: bool,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    applied: Option<String>,
    withdrawn: Option<String>,
}

async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let rows = async {
        let worker = labour_app::policy::require_own_account(&ctx.caller)?;
        let mut conn = ctx.state.app.conn().await?;
        Ok::<_, labour_app::Error>(
            labour_store::applications::for_worker_with_postings(&mut conn, worker).await?,
        )
    }
    .await
    .map_err(|e| WebError::new(e, lang))?;
    use labour_domain::application::Status;
    let rows = rows
        .into_iter()
        .map(|(a, p)| Row {
            id: a.id,
            posting_id: a.posting_id,
            open: a.status.can_move(Status::Withdrawn).is_ok(),
            title: p.title,
            public: p.state.is_public(),
            status: labels::status(lang, a.status).into_owned(),
            status_class: match a.status {
                Status::Hired | Status::Shortlisted | Status::Interview => "tag good",
                Status::Rejected | Status::Withdrawn => "tag ended",
                Status::Received => "tag",
            },
            applied: labels::date(lang, a.created_at),
            updated: (a.updated_at.date_naive() != a.created_at.date_naive())
                .then(|| labels::date(lang, a.updated_at)),
        })
        .collect();
    Ok(ctx.render(&ListPage {
        page: ctx.page(ctx.t("applications.title")),
        rows,
        applied: q.applied.is_some(),
        withdrawn: q.withdrawn.is_some(),
    }))
}

#[derive(Template)]
#[template(path = "applications/withdraw.html")]
struct WithdrawPage {
    page: Page,
    id: Uuid,
    title: String,
}

/// The worker's own application with its posting's title; the not-found page for anyone
/// else's, as the use case decides.
async fn own_application(ctx: &Ctx, id: Uuid) -> labour_app::Result<String> {
    let worker = labour_app::policy::require_own_account(&ctx.caller)?;
    let mut conn = ctx.state.app.conn().await?;
    labour_store::applications::for_worker_with_postings(&mut conn, worker)
        .await?
        .into_iter()
        .find(|(a, _)| a.id == id)
        .map(|(_, p)| p.title)
        .ok_or_else(|| {
            labour_app::Error::not_found("đơn ứng tuyển", "application", &id.to_string())
        })
}

/// "Are you sure?": withdrawing cannot be undone.
async fn withdraw_form(ctx: Ctx, id: web::Path<Uuid>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = id.into_inner();
    let title = own_application(&ctx, id)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(ctx.render(&WithdrawPage {
        page: ctx.page(ctx.t("applications.withdraw_title")),
        id,
        title,
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct WithdrawForm {}

async fn withdraw(
    ctx: Ctx,
    id: web::Path<Uuid>,
    Form(_): Form<WithdrawForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    labour_app::applications::status(
        &ctx.state.app,
        &ctx.caller,
        id.into_inner(),
        labour_domain::application::Status::Withdrawn,
    )
    .await
    .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(ctx.see_other("/account/applications?withdrawn=1"))
}
