//! The signed-in worker's profile: every field the API's profile has, grouped, with the
//! consent texts beside their checkboxes; saved through the same use case as
//! `PUT /api/v1/me/profile`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_domain::application::SHAREABLE;
use labour_domain::worker::{CONSENTS, REASONS, WorkerProfile};
use serde::Deserialize;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;
use crate::pages::labels;
use crate::pages::profile_form::{Fields, ProfileForm};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/profile", web::get().to(show))
        .route("/account/profile", web::post().to(save));
}

/// A text the domain holds in both languages: the page's first, the other beside it.
#[derive(Debug)]
pub struct Both {
    pub here: &'static str,
    pub other: &'static str,
    pub other_lang: &'static str,
}

fn both(lang: Lang, vi: &'static str, en: &'static str) -> Both {
    match lang {
        Lang::Vi => Both {
            here: vi,
            other: en,
            other_lang: "en",
        },
        Lang::En => Both {
            here: en,
            other: vi,
            other_lang: "vi",
        },
    }
}

fn of(list: &'static [(&'static str, &'static str, &'static str)], key: &str, lang: Lang) -> Both {
    list.iter()
        .find(|(k, _, _)| *k == key)
        .map_or_else(|| both(lang, "", ""), |(_, vi, en)| both(lang, vi, en))
}

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    page: Page,
    form: ProfileForm,
    choices: Choices,
    errors: Errors,
    saved: bool,
    /// Where to go on once saved (the apply page that sent the person here), if anywhere.
    back: String,
    why_ethnicity: Both,
    why_citizen_id: Both,
    why_discoverable: Both,
    consent_ethnicity: Both,
    consent_citizen_id: Both,
    consent_discoverable: Both,
    shareable: Vec<(&'static str, String)>,
    shifts: Vec<(&'static str, String)>,
    genders: Vec<(&'static str, String)>,
    it_levels: Vec<(&'static str, String)>,
}

impl ProfilePage {
    fn new(ctx: &Ctx, form: ProfileForm, choices: Choices, errors: Errors) -> ProfilePage {
        let lang = ctx.lang;
        let words = |codes: &[&'static str],
                     f: fn(Lang, &str) -> std::borrow::Cow<'static, str>| {
            codes
                .iter()
                .map(|c| (*c, f(lang, c).into_owned()))
                .collect()
        };
        ProfilePage {
            page: ctx.page(ctx.t("profile.title")),
            form,
            choices,
            errors,
            saved: false,
            back: String::new(),
            why_ethnicity: of(&REASONS, "ethnic_group", lang),
            why_citizen_id: of(&REASONS, "citizen_id", lang),
            why_discoverable: of(&REASONS, "discoverable", lang),
            consent_ethnicity: of(&CONSENTS, "ethnicity", lang),
            consent_citizen_id: of(&CONSENTS, "citizen_id", lang),
            consent_discoverable: of(&CONSENTS, "discoverable", lang),
            shareable: words(&SHAREABLE, labels::field),
            shifts: words(&["day", "night", "rotating", "part_time"], labels::shift),
            genders: words(&["female", "male", "other"], labels::gender),
            it_levels: words(&["none", "basic", "advanced"], labels::it_skills),
        }
    }
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    saved: Option<String>,
    back: Option<String>,
}

/// A path to return to after saving: only the apply pages send people here.
fn back_to(back: Option<&str>) -> String {
    back.filter(|b| b.starts_with("/postings/") && crate::pages::language::is_local(b))
        .unwrap_or_default()
        .to_owned()
}

/// The version of the stored profile, if there is one.
async fn current_version(ctx: &Ctx) -> labour_app::Result<Option<i32>> {
    let account = labour_app::policy::require_own_account(&ctx.caller)?;
    let mut conn = ctx.state.app.conn().await?;
    Ok(labour_store::workers::find(&mut conn, account)
        .await?
        .map(|r| r.version))
}

async fn show(ctx: Ctx, q: web::Query<ShowQuery>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let account = labour_app::policy::require_own_account(&ctx.caller)
        .map_err(|e| WebError::new(e, ctx.lang))?;
    let lang = ctx.lang;
    let row = async {
        let mut conn = ctx.state.app.conn().await?;
        Ok::<_, labour_app::Error>(labour_store::workers::find(&mut conn, account).await?)
    }
    .await
    .map_err(|e| WebError::new(e, lang))?;
    let form = match row {
        Some(row) => {
            let profile: WorkerProfile = serde_json::from_value(row.profile)
                .map_err(|e| WebError::new(labour_app::Error::internal(e), lang))?;
            ProfileForm::from_profile(&profile, row.version)
        }
        None => {
            // A new profile starts from the name the person signed up with.
            let empty = WorkerProfile {
                full_name: ctx.user.clone().unwrap_or_default(),
                ..WorkerProfile::default()
            };
            let mut form = ProfileForm::from_profile(&empty, 0);
            form.version = String::new();
            form
        }
    };
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let mut page = ProfilePage::new(&ctx, form, choices, Errors::default());
    page.saved = q.saved.is_some();
    page.back = back_to(q.back.as_deref());
    Ok(ctx.render(&page))
}

async fn save(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let fields = Fields(pairs);
    let back = back_to(Some(&fields.one("back")));
    let mut form = ProfileForm::from_fields(&fields);
    let mut errors = Errors::default();
    let profile = form.to_profile(lang, &mut errors);
    // The use case's own rules too, so every problem shows at once.
    let found = labour_app::profile::check(&ctx.state.app, &profile)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let mut result = if errors.is_empty() {
        found.finish()
    } else {
        Err(labour_app::Error::new(ErrorCode::ValidationFailed).with_errors(found.into_vec()))
    };
    if result.is_ok() {
        let if_match = form
            .version
            .trim()
            .parse::<i32>()
            .map_err(|_| labour_app::Error::new(ErrorCode::PreconditionRequired));
        result = labour_app::profile::update(&ctx.state.app, &ctx.caller, profile, if_match)
            .await
            .map(drop);
    }
    let e = match result {
        Ok(()) => {
            let to = if back.is_empty() {
                "/account/profile?saved=1".to_owned()
            } else {
                back
            };
            return Ok(ctx.see_other(&to));
        }
        Err(e) => e,
    };
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::PreconditionFailed | ErrorCode::PreconditionRequired => {
            StatusCode::PRECONDITION_FAILED
        }
        _ => return Err(WebError::new(e, lang)),
    };
    for f in Errors::from_error(&e, lang, |f| form.rename(f)).fields {
        errors.add(&f.field, f.message);
    }
    if status == StatusCode::PRECONDITION_FAILED {
        // Changed meanwhile (another tab): keep what was typed and save over the new version
        // when the person saves again.
        errors.form = Some(ctx.t("profile.changed_meanwhile").into_owned());
        form.version = current_version(&ctx)
            .await
            .map_err(|e| WebError::new(e, lang))?
            .map(|v| v.to_string())
            .unwrap_or_default();
    }
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let mut page = ProfilePage::new(&ctx, form, choices, errors);
    page.back = back;
    Ok(ctx.render_status(status, &page))
}
