//! `/account/organisations/new`: a signed-in person (not staff) registers an enterprise or a
//! school, through the same use case as `POST /api/v1/organisations` (the tax code checked
//! there, its check digit included); then the workspace home, waiting for verification.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::organisations::create::NewOrganisationInput;
use labour_domain::policy::Action;
use serde::Deserialize;
use uuid::Uuid;

use super::{fail, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choice;

/// What the form holds, as typed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RegisterForm {
    pub kind: String,
    pub name: String,
    pub tax_code: String,
    pub licence_number: String,
    pub zone_id: String,
    pub commune_code: String,
    pub address: String,
}

#[derive(Debug, Deserialize)]
pub struct NewQuery {
    kind: Option<String>,
}

#[derive(Template)]
#[template(path = "workspace/register.html")]
struct RegisterPage {
    page: Page,
    form: RegisterForm,
    zones: Vec<Choice>,
    communes: Vec<Choice>,
    errors: Errors,
}

async fn page(ctx: &Ctx, form: RegisterForm, errors: Errors) -> Result<RegisterPage, WebError> {
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let zones = labour_store::zones::all(&mut conn)
        .await
        .map_err(store_fail(ctx))?
        .into_iter()
        .map(|z| Choice {
            value: z.id.to_string(),
            label: z.name,
        })
        .collect();
    let communes = labour_store::communes::all(&mut conn)
        .await
        .map_err(store_fail(ctx))?
        .into_iter()
        .map(|c| Choice {
            value: c.code,
            label: c.name,
        })
        .collect();
    Ok(RegisterPage {
        page: ctx.page(ctx.t("workspace.register_title")),
        form,
        zones,
        communes,
        errors,
    })
}

/// Staff register no organisation: the page answers them as the API does.
fn may_register(ctx: &Ctx) -> Result<(), WebError> {
    labour_app::policy::require(&ctx.caller, Action::RegisterOrganisation, || {
        labour_app::Error::internal("never hidden")
    })
    .map_err(fail(ctx))
}

pub async fn form(ctx: Ctx, q: web::Query<NewQuery>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    may_register(&ctx)?;
    let kind = match q.kind.as_deref() {
        Some("school") => "school",
        _ => "enterprise",
    };
    let form = RegisterForm {
        kind: kind.to_owned(),
        ..RegisterForm::default()
    };
    let page = page(&ctx, form, Errors::default()).await?;
    Ok(ctx.render(&page))
}

fn some(text: &str) -> Option<String> {
    let t = text.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

pub async fn create(ctx: Ctx, Form(form): Form<RegisterForm>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    may_register(&ctx)?;
    let lang = ctx.lang;
    let mut errors = Errors::default();
    let zone_id = match some(&form.zone_id) {
        None => None,
        Some(z) => match z.parse::<Uuid>() {
            Ok(id) => Some(id),
            Err(_) => {
                errors.add("zone_id", ctx.t("workspace.zone_unknown"));
                None
            }
        },
    };
    let school = form.kind == "school";
    let input = NewOrganisationInput {
        kind: form.kind.clone(),
        name: form.name.clone(),
        // Each kind sends only its own identity: the other field may hold what was typed
        // before the kind was changed.
        tax_code: if school { None } else { some(&form.tax_code) },
        licence_number: if school {
            some(&form.licence_number)
        } else {
            None
        },
        zone_id,
        commune_code: some(&form.commune_code),
        address: some(&form.address),
    };
    let e = if errors.is_empty() {
        match labour_app::organisations::create(&ctx.state.app, &ctx.caller, input).await {
            Ok(row) => {
                return Ok(
                    ctx.see_other(&format!("/account/organisations/{}?registered=1", row.id))
                );
            }
            Err(e) => e,
        }
    } else {
        let page = page(&ctx, form, errors).await?;
        return Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &page));
    };
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        _ => return Err(WebError::new(e, lang)),
    };
    let mut errors = Errors::from_error(&e, lang, str::to_owned);
    if let (ErrorCode::Conflict, Some(detail)) = (e.code, &e.detail) {
        errors.form = Some(detail.get(lang).to_owned());
    }
    let page = page(&ctx, form, errors).await?;
    Ok(ctx.render_status(status, &page))
}
