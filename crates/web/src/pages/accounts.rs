//! Signing up, in and out. A sign-up says the same whether or not the email or phone already
//! had an account (as the API does), so it ends on the sign-in page rather than signing in: a
//! stranger cannot learn who is registered by trying.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use serde::Deserialize;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::pages::language::is_local;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/sign-up", web::get().to(sign_up_form))
        .route("/sign-up", web::post().to(sign_up))
        .route("/sign-in", web::get().to(sign_in_form))
        .route("/sign-in", web::post().to(sign_in))
        .route("/sign-out", web::post().to(sign_out));
}

/// Where to go after signing in: a page of this site, else the account page.
fn back_or_account(back: Option<&str>) -> String {
    back.filter(|b| is_local(b) && !b.starts_with("/sign-"))
        .unwrap_or("/account")
        .to_owned()
}

#[derive(Debug, Default, Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    password: String,
    back: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/sign_up.html")]
struct SignUpPage {
    page: Page,
    display_name: String,
    identifier: String,
    back: String,
    errors: Errors,
}

#[derive(Debug, Deserialize)]
pub struct BackQuery {
    back: Option<String>,
}

async fn sign_up_form(ctx: Ctx, q: web::Query<BackQuery>) -> HttpResponse {
    ctx.render(&SignUpPage {
        page: ctx.page(ctx.t("accounts.sign_up_title")),
        display_name: String::new(),
        identifier: String::new(),
        back: back_or_account(q.back.as_deref()),
        errors: Errors::default(),
    })
}

async fn sign_up(ctx: Ctx, Form(form): Form<SignUpForm>) -> Result<HttpResponse, WebError> {
    let identifier = form.identifier.trim().to_owned();
    // One field for both: an address has an @, a phone number never does.
    let (email, phone) = if identifier.contains('@') {
        (Some(identifier.clone()), None)
    } else {
        (None, Some(identifier.clone()))
    };
    let input = labour_app::accounts::NewAccountInput {
        email,
        phone,
        password: form.password,
        display_name: form.display_name.clone(),
    };
    let back = back_or_account(form.back.as_deref());
    match labour_app::accounts::create(&ctx.state.app, &ctx.state.auth, &ctx.caller, input).await {
        Ok(()) => Ok(ctx.see_other(&format!(
            "/sign-in?created=1&identifier={}&back={}",
            crate::form::encode(&identifier),
            crate::form::encode(&back)
        ))),
        Err(e) if e.status() == 422 || e.status() == 429 => {
            let errors = Errors::from_error(&e, ctx.lang, |f| match f {
                "email" | "phone" => "identifier".into(),
                other => other.into(),
            });
            Ok(ctx.render_status(
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::UNPROCESSABLE_ENTITY),
                &SignUpPage {
                    page: ctx.page(ctx.t("accounts.sign_up_title")),
                    display_name: form.display_name,
                    identifier,
                    back,
                    errors,
                },
            ))
        }
        Err(e) => Err(WebError::new(e, ctx.lang)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct SignInQuery {
    back: Option<String>,
    identifier: Option<String>,
    created: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct SignInForm {
    #[serde(default)]
    identifier: String,
    #[serde(default)]
    password: String,
    back: Option<String>,
}

#[derive(Template)]
#[template(path = "accounts/sign_in.html")]
struct SignInPage {
    page: Page,
    identifier: String,
    back: String,
    created: bool,
    errors: Errors,
}

async fn sign_in_form(ctx: Ctx, q: web::Query<SignInQuery>) -> HttpResponse {
    let q = q.into_inner();
    if ctx.user.is_some() {
        return ctx.see_other(&back_or_account(q.back.as_deref()));
    }
    ctx.render(&SignInPage {
        page: ctx.page(ctx.t("accounts.sign_in_title")),
        identifier: q.identifier.unwrap_or_default().chars().take(320).collect(),
        back: back_or_account(q.back.as_deref()),
        created: q.created.is_some(),
        errors: Errors::default(),
    })
}

async fn sign_in(ctx: Ctx, Form(form): Form<SignInForm>) -> Result<HttpResponse, WebError> {
    let back = back_or_account(form.back.as_deref());
    let input = labour_app::sessions::create::SignIn {
        identifier: form.identifier.trim().to_owned(),
        password: form.password,
    };
    match labour_app::sessions::create(&ctx.state.app, &ctx.state.auth, &ctx.caller, input).await {
        Ok(tokens) => {
            let mut res = ctx.see_other(&back);
            res.add_cookie(&crate::session::cookie(&ctx.state, tokens.refresh_token))
                .map_err(|e| WebError::new(labour_app::Error::internal(e), ctx.lang))?;
            Ok(res)
        }
        Err(e) if matches!(e.status(), 401 | 422 | 429) => {
            let errors = Errors::from_error(&e, ctx.lang, str::to_owned);
            Ok(ctx.render_status(
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::UNAUTHORIZED),
                &SignInPage {
                    page: ctx.page(ctx.t("accounts.sign_in_title")),
                    identifier: form.identifier,
                    back,
                    created: false,
                    errors,
                },
            ))
        }
        Err(e) => Err(WebError::new(e, ctx.lang)),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct SignOutForm {}

async fn sign_out(ctx: Ctx, Form(_): Form<SignOutForm>) -> Result<HttpResponse, WebError> {
    if ctx.caller.session.is_some() {
        labour_app::sessions::revoke(&ctx.state.app, &ctx.caller, None)
            .await
            .map_err(|e| WebError::new(e, ctx.lang))?;
    }
    let mut res = ctx.see_other("/");
    res.add_removal_cookie(&crate::session::removal(&ctx.state))
        .map_err(|e| WebError::new(labour_app::Error::internal(e), ctx.lang))?;
    Ok(res)
}
