//! `/account/organisations/{id}/members`: who the members are (the name they go by and since
//! when) and, for members of a verified organisation, adding another person who already has an
//! account, by the email or mobile number they signed up with (`labour_app::organisations::
//! members`, the same use case as the API). Adding is not an invitation: the page says so.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::organisations::members::NewMember;
use serde::Deserialize;
use uuid::Uuid;

use super::{Org, fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::pages::account::sign_in_first;
use crate::pages::labels;

struct Member {
    name: String,
    since: String,
    you: bool,
}

#[derive(Template)]
#[template(path = "workspace/members.html")]
struct MembersPage {
    page: Page,
    org: Org,
    members: Vec<Member>,
    /// Why this caller cannot add members, in words; `None` when they can.
    cannot_add: Option<String>,
    identifier: String,
    errors: Errors,
    added: bool,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    added: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AddForm {
    identifier: String,
}

async fn page(
    ctx: &Ctx,
    id: Uuid,
    identifier: String,
    errors: Errors,
    added: bool,
) -> Result<MembersPage, WebError> {
    let (row, members) = labour_app::organisations::members::list(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(fail(ctx))?;
    let me = ctx.caller.account();
    let cannot_add = labour_app::organisations::members::may_add(&ctx.caller, &row)
        .err()
        .map(|e| match &e.detail {
            Some(d) => d.get(ctx.lang).to_owned(),
            None => ctx.t("workspace.members_cannot_add").into_owned(),
        });
    Ok(MembersPage {
        page: ctx.page(ctx.t("workspace.members_title")),
        org: Org::of(ctx, &row),
        members: members
            .into_iter()
            .map(|m| Member {
                you: Some(m.account_id) == me,
                name: m.display_name,
                since: labels::date(ctx.lang, m.since),
            })
            .collect(),
        cannot_add,
        identifier,
        errors,
        added,
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
        Errors::default(),
        q.added.is_some(),
    )
    .await?;
    Ok(ctx.render(&page))
}

pub async fn add(
    ctx: Ctx,
    id: web::Path<Uuid>,
    Form(form): Form<AddForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let id = id.into_inner();
    let input = NewMember {
        identifier: form.identifier.clone(),
    };
    let e = match labour_app::organisations::members::add(&ctx.state.app, &ctx.caller, id, input)
        .await
    {
        Ok(_) => {
            return Ok(ctx.see_other(&format!("/account/organisations/{id}/members?added=1")));
        }
        Err(e) => e,
    };
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        _ => return Err(WebError::new(e, ctx.lang)),
    };
    let errors = Errors::from_error(&e, ctx.lang, str::to_owned);
    let page = page(&ctx, id, form.identifier, errors, false).await?;
    Ok(ctx.render_status(status, &page))
}
