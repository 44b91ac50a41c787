//! `/account/organisations/{id}/api-keys`: the organisation's keys for third-party apps (name,
//! the first characters, what it may do, when made and last used, revoked or not), making one
//! (its secret shown once, on the answer to the form, and never again: the page is not cached
//! and nothing else keeps it) and revoking one after a confirmation; through
//! `labour_app::api_keys`, the same use cases as the API.

use actix_web::http::StatusCode;
use actix_web::http::header;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::api_keys::create::NewApiKeyInput;
use labour_app::organisations::{Lock, load_for};
use labour_domain::policy::Action;
use labour_store::api_keys::ApiKeyRow;
use serde::Deserialize;
use uuid::Uuid;

use super::{Org, fail, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::pages::account::sign_in_first;
use crate::pages::labels;

struct Key {
    id: Uuid,
    name: String,
    prefix: String,
    writes: bool,
    created: String,
    last_used: Option<String>,
    revoked: Option<String>,
}

fn key(ctx: &Ctx, r: ApiKeyRow) -> Key {
    Key {
        id: r.id,
        writes: r.scopes.iter().any(|s| s == "postings:write"),
        name: r.name,
        prefix: r.prefix,
        created: labels::date(ctx.lang, r.created_at),
        last_used: r.last_used_at.map(|t| labels::date(ctx.lang, t)),
        revoked: r.revoked_at.map(|t| labels::date(ctx.lang, t)),
    }
}

#[derive(Template)]
#[template(path = "workspace/api_keys.html")]
struct KeysPage {
    page: Page,
    org: Org,
    keys: Vec<Key>,
    name: String,
    writes: bool,
    errors: Errors,
    revoked: bool,
}

#[derive(Template)]
#[template(path = "workspace/api_key_created.html")]
struct CreatedPage {
    page: Page,
    org: Org,
    key: Key,
    secret: String,
}

#[derive(Template)]
#[template(path = "workspace/api_key_revoke.html")]
struct RevokePage {
    page: Page,
    org: Org,
    key: Key,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    revoked: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct CreateForm {
    name: String,
    /// `1` when the key may write the organisation's postings.
    postings_write: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
pub struct RevokeForm {}

/// The organisation and its keys, once the policy lets the caller manage them.
async fn keys_of(ctx: &Ctx, id: Uuid) -> Result<(Org, Vec<ApiKeyRow>), WebError> {
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let row = load_for(
        &mut conn,
        &ctx.caller,
        id,
        Lock::None,
        Action::ManageApiKeys,
    )
    .await
    .map_err(fail(ctx))?;
    let keys = labour_store::api_keys::list_for_organisation(&mut conn, id)
        .await
        .map_err(store_fail(ctx))?;
    Ok((Org::of(ctx, &row), keys))
}

async fn page(
    ctx: &Ctx,
    id: Uuid,
    name: String,
    writes: bool,
    errors: Errors,
    revoked: bool,
) -> Result<KeysPage, WebError> {
    let (org, keys) = keys_of(ctx, id).await?;
    Ok(KeysPage {
        page: ctx.page(ctx.t("workspace.api_keys_title")),
        org,
        keys: keys.into_iter().map(|k| key(ctx, k)).collect(),
        name,
        writes,
        errors,
        revoked,
    })
}

pub async fn list(
    ctx: Ctx,
    id: web::Path<Uuid>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let page = page(
        &ctx,
        id.into_inner(),
        String::new(),
        false,
        Errors::default(),
        q.revoked.is_some(),
    )
    .await?;
    Ok(ctx.render(&page))
}

pub async fn create(
    ctx: Ctx,
    id: web::Path<Uuid>,
    Form(form): Form<CreateForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = id.into_inner();
    let writes = form.postings_write.is_some();
    let input = NewApiKeyInput {
        name: form.name.clone(),
        scopes: if writes {
            vec!["postings:write".to_owned()]
        } else {
            Vec::new()
        },
    };
    match labour_app::api_keys::create(&ctx.state.app, &ctx.caller, id, input).await {
        Ok(created) => {
            let (org, _) = keys_of(&ctx, id).await?;
            let page = CreatedPage {
                page: ctx.page(ctx.t("workspace.api_key_created_title")),
                org,
                key: key(&ctx, created.row),
                secret: created.key,
            };
            // The one answer that carries the secret: answered, not redirected to, and kept
            // by no cache (the browser's back button included).
            let mut res = ctx.render(&page);
            res.headers_mut().insert(
                header::CACHE_CONTROL,
                header::HeaderValue::from_static("no-store"),
            );
            Ok(res)
        }
        Err(e) if e.code == ErrorCode::ValidationFailed => {
            let errors = Errors::from_error(&e, ctx.lang, |f| {
                if f == "name" {
                    "name"
                } else {
                    "postings_write"
                }
                .to_owned()
            });
            let page = page(&ctx, id, form.name, writes, errors, false).await?;
            Ok(ctx.render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(e) => Err(WebError::new(e, ctx.lang)),
    }
}

pub async fn revoke_form(
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (id, key_id) = path.into_inner();
    let (org, keys) = keys_of(&ctx, id).await?;
    let Some(found) = keys
        .into_iter()
        .find(|k| k.id == key_id && k.revoked_at.is_none())
    else {
        return Err(WebError::new(
            labour_app::Error::not_found("khóa API", "API key", &key_id.to_string()),
            ctx.lang,
        ));
    };
    Ok(ctx.render(&RevokePage {
        page: ctx.page(ctx.t("workspace.api_key_revoke_title")),
        org,
        key: key(&ctx, found),
    }))
}

pub async fn revoke(
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
    Form(_): Form<RevokeForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (id, key_id) = path.into_inner();
    labour_app::api_keys::revoke(&ctx.state.app, &ctx.caller, id, key_id)
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!("/account/organisations/{id}/api-keys?revoked=1")))
}
