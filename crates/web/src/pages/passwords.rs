//! Passwords: change one's own (`/account/password`), ask for a reset link by email
//! (`/forgot-password`), set a new password with the link (`/reset-password?token=...`) or with
//! a phone and the code staff handed over (`/reset-password/code`). Password fields never come
//! back filled in; every other field does.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::passwords::change::ChangePassword;
use labour_app::passwords::confirm::{Confirm, Proof};
use serde::Deserialize;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/password", web::get().to(change_form))
        .route("/account/password", web::post().to(change))
        .route("/forgot-password", web::get().to(forgot_form))
        .route("/forgot-password", web::post().to(forgot))
        .route("/forgot-password/sent", web::get().to(forgot_sent))
        .route("/reset-password", web::get().to(reset_form))
        .route("/reset-password", web::post().to(reset))
        .route("/reset-password/code", web::get().to(code_form))
        .route("/reset-password/code", web::post().to(code))
        .route("/reset-password/done", web::get().to(reset_done));
}

/// Where an anonymous person is sent to sign in first.
const SIGN_IN_FIRST: &str = "/sign-in?back=/account/password";

/// The errors a form comes back with, and its status; `None` for a refusal that is not about
/// the form (it gets the error page).
fn form_errors(e: &labour_app::Error, ctx: &Ctx) -> Option<(StatusCode, Errors)> {
    let status = match e.code {
        ErrorCode::ValidationFailed | ErrorCode::InvalidResetCode => {
            StatusCode::UNPROCESSABLE_ENTITY
        }
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        _ => return None,
    };
    Some((status, Errors::from_error(e, ctx.lang, str::to_owned)))
}

#[derive(Template)]
#[template(path = "passwords/change.html")]
struct ChangePage {
    page: Page,
    errors: Errors,
    changed: bool,
}

#[derive(Debug, Deserialize)]
struct Changed {
    changed: Option<String>,
}

async fn change_form(ctx: Ctx, query: web::Query<Changed>) -> Result<HttpResponse, WebError> {
    if ctx.caller.account().is_none() {
        return Ok(ctx.see_other(SIGN_IN_FIRST));
    }
    let page = ctx.page(ctx.t("passwords.change_title"));
    Ok(ctx.render(&ChangePage {
        page,
        errors: Errors::default(),
        changed: query.changed.is_some(),
    }))
}

#[derive(Deserialize)]
struct ChangeForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
}

async fn change(ctx: Ctx, Form(form): Form<ChangeForm>) -> Result<HttpResponse, WebError> {
    if ctx.caller.account().is_none() {
        return Ok(ctx.see_other(SIGN_IN_FIRST));
    }
    let input = ChangePassword {
        current_password: form.current_password,
        new_password: form.new_password,
    };
    match labour_app::passwords::change(&ctx.state.app, &ctx.state.auth, &ctx.caller, input).await {
        Ok(()) => Ok(ctx.see_other("/account/password?changed=1")),
        Err(e) => match form_errors(&e, &ctx) {
            Some((status, errors)) => {
                let page = ctx.page(ctx.t("passwords.change_title"));
                Ok(ctx.render_status(
                    status,
                    &ChangePage {
                        page,
                        errors,
                        changed: false,
                    },
                ))
            }
            None => Err(WebError::new(e, ctx.lang)),
        },
    }
}

#[derive(Template)]
#[template(path = "passwords/forgot.html")]
struct ForgotPage {
    page: Page,
    errors: Errors,
    email: String,
}

async fn forgot_form(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let page = ctx.page(ctx.t("passwords.forgot_title"));
    Ok(ctx.render(&ForgotPage {
        page,
        errors: Errors::default(),
        email: String::new(),
    }))
}

#[derive(Debug, Deserialize)]
struct ForgotForm {
    #[serde(default)]
    email: String,
}

async fn forgot(ctx: Ctx, Form(form): Form<ForgotForm>) -> Result<HttpResponse, WebError> {
    match labour_app::passwords::request(&ctx.state.app, &ctx.state.auth, &ctx.caller, &form.email)
        .await
    {
        Ok(()) => Ok(ctx.see_other("/forgot-password/sent")),
        Err(e) => match form_errors(&e, &ctx) {
            Some((status, errors)) => {
                let page = ctx.page(ctx.t("passwords.forgot_title"));
                Ok(ctx.render_status(
                    status,
                    &ForgotPage {
                        page,
                        errors,
                        email: form.email,
                    },
                ))
            }
            None => Err(WebError::new(e, ctx.lang)),
        },
    }
}

#[derive(Template)]
#[template(path = "passwords/sent.html")]
struct SentPage {
    page: Page,
}

async fn forgot_sent(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let page = ctx.page(ctx.t("passwords.sent_title"));
    Ok(ctx.render(&SentPage { page }))
}

#[derive(Template)]
#[template(path = "passwords/reset.html")]
struct ResetPage {
    page: Page,
    errors: Errors,
    token: String,
    /// The link no longer works: say so, and how to get a new one.
    expired: bool,
}

#[derive(Deserialize)]
struct TokenQuery {
    #[serde(default)]
    token: String,
}

async fn reset_form(ctx: Ctx, query: web::Query<TokenQuery>) -> Result<HttpResponse, WebError> {
    let open = labour_app::passwords::link_is_open(&ctx.state.app, &query.token)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    let page = ctx.page(ctx.t("passwords.reset_title"));
    Ok(ctx.render(&ResetPage {
        page,
        errors: Errors::default(),
        token: query.into_inner().token,
        expired: !open,
    }))
}

#[derive(Deserialize)]
struct ResetForm {
    #[serde(default)]
    token: String,
    #[serde(default)]
    new_password: String,
}

async fn reset(ctx: Ctx, Form(form): Form<ResetForm>) -> Result<HttpResponse, WebError> {
    let input = Confirm {
        proof: Proof::Token(form.token.clone()),
        new_password: form.new_password,
    };
    match labour_app::passwords::confirm(&ctx.state.app, &ctx.state.auth, &ctx.caller, input).await
    {
        Ok(()) => Ok(ctx.see_other("/reset-password/done")),
        Err(e) => {
            let (status, errors, expired) = match e.code {
                ErrorCode::InvalidResetToken => (StatusCode::OK, Errors::default(), true),
                _ => match form_errors(&e, &ctx) {
                    Some((status, errors)) => (status, errors, false),
                    None => return Err(WebError::new(e, ctx.lang)),
                },
            };
            let page = ctx.page(ctx.t("passwords.reset_title"));
            Ok(ctx.render_status(
                status,
                &ResetPage {
                    page,
                    errors,
                    token: form.token,
                    expired,
                },
            ))
        }
    }
}

#[derive(Template)]
#[template(path = "passwords/code.html")]
struct CodePage {
    page: Page,
    errors: Errors,
    phone: String,
    code: String,
}

async fn code_form(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let page = ctx.page(ctx.t("passwords.code_title"));
    Ok(ctx.render(&CodePage {
        page,
        errors: Errors::default(),
        phone: String::new(),
        code: String::new(),
    }))
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    phone: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    new_password: String,
}

async fn code(ctx: Ctx, Form(form): Form<CodeForm>) -> Result<HttpResponse, WebError> {
    let input = Confirm {
        proof: Proof::Code {
            phone: form.phone.clone(),
            code: form.code.clone(),
        },
        new_password: form.new_password,
    };
    match labour_app::passwords::confirm(&ctx.state.app, &ctx.state.auth, &ctx.caller, input).await
    {
        Ok(()) => Ok(ctx.see_other("/reset-password/done")),
        Err(e) => match form_errors(&e, &ctx) {
            Some((status, errors)) => {
                let page = ctx.page(ctx.t("passwords.code_title"));
                Ok(ctx.render_status(
                    status,
                    &CodePage {
                        page,
                        errors,
                        phone: form.phone,
                        code: form.code,
                    },
                ))
            }
            None => Err(WebError::new(e, ctx.lang)),
        },
    }
}

#[derive(Template)]
#[template(path = "passwords/done.html")]
struct DonePage {
    page: Page,
}

async fn reset_done(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let page = ctx.page(ctx.t("passwords.done_title"));
    Ok(ctx.render(&DonePage { page }))
}
