//! The posting form, one per kind: `/account/organisations/{id}/postings/new?kind=...` makes a
//! draft (and sends it to review when asked), `/account/postings/{id}/edit` changes one (a
//! draft stays a draft, a pending or rejected one goes to review, a published one gets a
//! revision while the approved version stays live). The same use cases as
//! `POST /organisations/{id}/postings`, `PUT /postings/{id}` and `POST /postings/{id}/submit`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::postings::Expected;
use labour_domain::ClosedSet;
use labour_domain::bounds as B;
use labour_domain::posting::{Content, Kind, State};
use serde::Deserialize;
use uuid::Uuid;

use super::fail;
use super::form::{self, PostingForm};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::i18n::t_with;
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;
use crate::pages::profile_form::Fields;

/// The rules of each field, in words, beside it.
#[derive(Debug)]
pub struct Hints {
    pub title: String,
    pub description: String,
    pub headcount: String,
    pub experience_years: String,
    pub salary: String,
    pub skills: String,
    pub languages: String,
    pub address: String,
    pub trainees: String,
    pub seats: String,
    pub duration_weeks: String,
    pub tuition: String,
    pub support_note: String,
    pub certificate: String,
    pub contact_name: String,
    pub date: String,
    pub start_dates: String,
}

fn chars(lang: Lang, range: &std::ops::RangeInclusive<usize>) -> String {
    t_with(
        lang,
        "my_postings.hint_chars",
        &[
            ("min", &range.start().to_string()),
            ("max", &crate::format::number(lang, *range.end() as u64)),
        ],
    )
}

fn at_most(lang: Lang, max: usize) -> String {
    t_with(
        lang,
        "my_postings.hint_at_most_chars",
        &[("max", &max.to_string())],
    )
}

fn numbers(lang: Lang, range: &std::ops::RangeInclusive<u64>) -> String {
    t_with(
        lang,
        "my_postings.hint_number",
        &[
            ("min", &crate::format::number(lang, *range.start())),
            ("max", &crate::format::number(lang, *range.end())),
        ],
    )
}

impl Hints {
    fn new(lang: Lang) -> Hints {
        let list = |key: &str, (n, each): (usize, usize)| {
            t_with(
                lang,
                key,
                &[("n", &n.to_string()), ("each", &each.to_string())],
            )
        };
        Hints {
            title: chars(lang, &B::TITLE_CHARS),
            description: chars(lang, &B::DESCRIPTION_CHARS),
            headcount: numbers(lang, &B::HEADCOUNT),
            experience_years: numbers(lang, &B::EXPERIENCE_YEARS),
            salary: t_with(
                lang,
                "my_postings.hint_salary",
                &[(
                    "min",
                    &crate::format::vnd(
                        lang,
                        labour_domain::posting::flags::MINIMUM_MONTHLY_WAGE_VND,
                    ),
                )],
            ),
            skills: list("my_postings.hint_skills", B::SKILLS),
            languages: list("my_postings.hint_languages", B::LANGUAGES),
            address: at_most(lang, B::ADDRESS_CHARS),
            trainees: numbers(lang, &B::TRAINEES),
            seats: numbers(lang, &B::SEATS),
            duration_weeks: numbers(lang, &B::DURATION_WEEKS),
            tuition: t_with(
                lang,
                "my_postings.hint_tuition",
                &[("max", &crate::format::vnd(lang, *B::TUITION_VND.end()))],
            ),
            support_note: at_most(lang, B::SUPPORT_NOTE_CHARS),
            certificate: chars(lang, &B::CERTIFICATE_CHARS),
            contact_name: chars(lang, &B::CONTACT_NAME_CHARS),
            date: crate::i18n::t(lang, "my_postings.hint_date").into_owned(),
            start_dates: t_with(
                lang,
                "my_postings.hint_start_dates",
                &[("n", &B::START_DATES.to_string())],
            ),
        }
    }
}

/// Words for the codes of one closed set: `(code, words)`.
fn words(lang: Lang, area: &str, codes: &[&'static str]) -> Vec<(&'static str, String)> {
    codes
        .iter()
        .map(|c| {
            (
                *c,
                crate::i18n::t(lang, &format!("posting.{area}.{c}")).into_owned(),
            )
        })
        .collect()
}

#[derive(Template)]
#[template(path = "my_postings/form.html")]
#[derive(Debug)]
pub struct FormPage {
    page: Page,
    form: PostingForm,
    choices: Choices,
    errors: Errors,
    hints: Hints,
    /// Where the form posts.
    action: String,
    /// Where "back" goes.
    back: String,
    organisation: String,
    kind_words: String,
    /// The posting's state when editing; none for a new one.
    state: Option<State>,
    shifts: Vec<(&'static str, String)>,
    benefits: Vec<(&'static str, String)>,
    supports: Vec<(&'static str, String)>,
    modes: Vec<(&'static str, String)>,
    purposes: Vec<(&'static str, String)>,
    places: Vec<(&'static str, String)>,
    payers: Vec<(&'static str, String)>,
}

impl FormPage {
    fn is(&self, kind: &str) -> bool {
        self.form.kind == kind
    }

    /// Two buttons (draft, review) for a new posting or a draft; one otherwise.
    fn drafts(&self) -> bool {
        matches!(self.state, None | Some(State::Draft))
    }

    fn published(&self) -> bool {
        self.state == Some(State::Published)
    }

    fn back_to_review(&self) -> bool {
        matches!(self.state, Some(State::Pending | State::Rejected))
    }
}

async fn form_page(
    ctx: &Ctx,
    form: PostingForm,
    errors: Errors,
    action: String,
    back: String,
    organisation: String,
    state: Option<State>,
) -> labour_app::Result<FormPage> {
    let lang = ctx.lang;
    let choices = Choices::load(&ctx.state.app, lang).await?;
    let kind = form.kind().unwrap_or(Kind::Job);
    let title_key = match state {
        None => format!("my_postings.new_{}", kind.as_str()),
        Some(_) => "my_postings.edit_title".to_owned(),
    };
    Ok(FormPage {
        page: ctx.page(ctx.t(&title_key)),
        kind_words: ctx.t(&crate::pages::postings::kind_key(kind)).into_owned(),
        form,
        choices,
        errors,
        hints: Hints::new(lang),
        action,
        back,
        organisation,
        state,
        shifts: words(lang, "shift", &form::SHIFTS),
        benefits: words(lang, "benefit", &form::BENEFITS),
        supports: words(lang, "support", &form::SUPPORTS),
        modes: words(lang, "mode", &form::MODES),
        purposes: words(lang, "purpose", &form::PURPOSES),
        places: words(lang, "place", &form::PLACES),
        payers: words(lang, "payer", &form::PAYERS),
    })
}

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    kind: Option<String>,
}

/// The kind asked for, if this organisation posts it; else the first it posts.
fn kind_for(
    asked: Option<&str>,
    organisation: labour_domain::organisation::OrganisationKind,
) -> Kind {
    use strum::IntoEnumIterator;
    asked
        .and_then(|k| Kind::parse(k).ok())
        .filter(|k| k.posted_by() == organisation)
        .or_else(|| Kind::iter().find(|k| k.posted_by() == organisation))
        .unwrap_or(Kind::Job)
}

pub async fn new_form(
    ctx: Ctx,
    path: web::Path<String>,
    q: web::Query<NewQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = super::organisation_id(&ctx, &path)?;
    let organisation = super::member_organisation(&ctx, id)
        .await
        .map_err(fail(&ctx))?;
    let kind = kind_for(q.kind.as_deref(), organisation.kind);
    let page = form_page(
        &ctx,
        PostingForm::blank(kind),
        Errors::default(),
        format!("/account/organisations/{id}/postings/new"),
        format!("/account/organisations/{id}/postings"),
        organisation.name,
        None,
    )
    .await
    .map_err(fail(&ctx))?;
    Ok(ctx.render(&page))
}

/// The content of a posted form, or the errors (the form's and the domain's rules together,
/// so every problem shows at once).
fn read(lang: Lang, form: &mut PostingForm) -> Result<Content, Errors> {
    let mut errors = Errors::default();
    let content = form.to_content(lang, &mut errors);
    if errors.is_empty() {
        return Ok(content);
    }
    let today = chrono::Utc::now().date_naive();
    for (field, e) in content.problems(today) {
        let id = form.rename(&field);
        if !errors.has(&id) {
            let message = labour_app::errors::field_error(&field, &e).message;
            errors.add(&id, message.get(lang));
        }
    }
    Err(errors)
}

/// The status and errors of a use case's refusal, or the refusal as a page when it is not
/// about the form.
fn refused(
    lang: Lang,
    form: &PostingForm,
    e: labour_app::Error,
) -> Result<(StatusCode, Errors), WebError> {
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::PreconditionFailed | ErrorCode::PreconditionRequired => {
            StatusCode::PRECONDITION_FAILED
        }
        _ => return Err(WebError::new(e, lang)),
    };
    let mut errors = Errors::from_error(&e, lang, |f| form.rename(f));
    if status == StatusCode::PRECONDITION_FAILED {
        errors.form = Some(crate::i18n::t(lang, "my_postings.changed_meanwhile").into_owned());
    } else if let (Some(detail), None) = (&e.detail, &errors.form) {
        // A refusal of the whole content (a kind the organisation does not post) says why.
        if errors.fields.iter().all(|f| f.field == "title") {
            errors.form = Some(detail.get(lang).to_owned());
        }
    }
    Ok((status, errors))
}

pub async fn create(
    ctx: Ctx,
    path: web::Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::organisation_id(&ctx, &path)?;
    let organisation = super::member_organisation(&ctx, id)
        .await
        .map_err(fail(&ctx))?;
    let fields = Fields(pairs);
    let send = fields.one("send") == "review";
    let mut form = PostingForm::from_fields(&fields);
    form.kind = kind_for(Some(&form.kind), organisation.kind)
        .as_str()
        .to_owned();
    let (status, errors) = match read(lang, &mut form) {
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Ok(content) => {
            let render = |row: labour_store::postings::PostingRow| serde_json::json!({ "id": row.id, "version": row.version });
            match labour_app::postings::create(
                &ctx.state.app,
                &ctx.caller,
                id,
                content,
                None,
                render,
            )
            .await
            {
                Ok(created) => {
                    let posting: Uuid = created.body["id"]
                        .as_str()
                        .and_then(|s| s.parse().ok())
                        .ok_or_else(|| {
                            WebError::new(
                                labour_app::Error::internal("created without an id"),
                                lang,
                            )
                        })?;
                    let mut done = "draft";
                    if send {
                        labour_app::postings::submit(
                            &ctx.state.app,
                            &ctx.caller,
                            posting,
                            Expected::Unstated,
                        )
                        .await
                        .map_err(fail(&ctx))?;
                        done = "submitted";
                    }
                    return Ok(ctx.see_other(&format!("/account/postings/{posting}?saved={done}")));
                }
                Err(e) => refused(lang, &form, e)?,
            }
        }
    };
    form.pad_rows();
    let page = form_page(
        &ctx,
        form,
        errors,
        format!("/account/organisations/{id}/postings/new"),
        format!("/account/organisations/{id}/postings"),
        organisation.name,
        None,
    )
    .await
    .map_err(fail(&ctx))?;
    Ok(ctx.render_status(status, &page))
}

/// States whose content the owner may still change.
pub fn editable(state: State) -> bool {
    matches!(
        state,
        State::Draft | State::Pending | State::Rejected | State::Published
    )
}

fn not_editable(lang: Lang) -> WebError {
    WebError::new(
        labour_app::Error::new(ErrorCode::InvalidTransition).detail(
            crate::i18n::t(Lang::Vi, "my_postings.not_editable"),
            crate::i18n::t(Lang::En, "my_postings.not_editable"),
        ),
        lang,
    )
}

pub async fn edit_form(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = super::posting_id(&ctx, &path)?;
    let owned = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
    if !owned.writable {
        return Err(WebError::new(
            labour_app::Error::new(ErrorCode::Forbidden),
            ctx.lang,
        ));
    }
    if !editable(owned.row.state) {
        return Err(not_editable(ctx.lang));
    }
    let content = super::working_content(&owned.row).map_err(fail(&ctx))?;
    let form = PostingForm::from_content(&content, owned.row.version);
    let page = form_page(
        &ctx,
        form,
        Errors::default(),
        format!("/account/postings/{id}/edit"),
        format!("/account/postings/{id}"),
        owned.organisation.name,
        Some(owned.row.state),
    )
    .await
    .map_err(fail(&ctx))?;
    Ok(ctx.render(&page))
}

pub async fn update(
    ctx: Ctx,
    path: web::Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::posting_id(&ctx, &path)?;
    let owned = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
    let fields = Fields(pairs);
    let send = fields.one("send") == "review";
    let mut form = PostingForm::from_fields(&fields);
    // The kind never changes: it is the posting's.
    form.kind = owned.row.kind.as_str().to_owned();
    let (status, errors) = match read(lang, &mut form) {
        Err(errors) => (StatusCode::UNPROCESSABLE_ENTITY, errors),
        Ok(content) => {
            let expected = match form.version.trim() {
                "" => Expected::Unstated,
                v => v.parse().map_or(Expected::Unreadable, Expected::Version),
            };
            match labour_app::postings::update(&ctx.state.app, &ctx.caller, id, expected, content)
                .await
            {
                Ok(row) => {
                    let done = match (row.state, send) {
                        (State::Draft, true) => {
                            labour_app::postings::submit(
                                &ctx.state.app,
                                &ctx.caller,
                                id,
                                Expected::Version(row.version),
                            )
                            .await
                            .map_err(fail(&ctx))?;
                            "submitted"
                        }
                        (State::Draft, false) => "draft",
                        (State::Published, _) => "revision",
                        _ => "submitted",
                    };
                    return Ok(ctx.see_other(&format!("/account/postings/{id}?saved={done}")));
                }
                Err(e) => refused(lang, &form, e)?,
            }
        }
    };
    if status == StatusCode::PRECONDITION_FAILED {
        // Changed meanwhile (another tab, a colleague): keep what was typed; saving again
        // writes over the version now stored.
        let now = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
        form.version = now.row.version.to_string();
    }
    form.pad_rows();
    let page = form_page(
        &ctx,
        form,
        errors,
        format!("/account/postings/{id}/edit"),
        format!("/account/postings/{id}"),
        owned.organisation.name,
        Some(owned.row.state),
    )
    .await
    .map_err(fail(&ctx))?;
    Ok(ctx.render_status(status, &page))
}
