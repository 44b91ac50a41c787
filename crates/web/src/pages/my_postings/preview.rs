//! `GET /account/postings/{id}/preview`: the public page as workers will see it, with the
//! content the owner works on (a draft, or an edit under review), marked as a preview, with
//! the ways to edit it or send it to review.

use actix_web::{HttpResponse, web};
use labour_app::postings::read::{Poster, Shown};
use labour_domain::posting::State;
use labour_store::postings::ForIndex;

use super::fail;
use crate::context::Ctx;
use crate::error::WebError;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;
use crate::pages::postings::show::Preview;

pub async fn show(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::posting_id(&ctx, &path)?;
    let owned = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
    let content = super::working_content(&owned.row).map_err(fail(&ctx))?;
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(fail(&ctx))?;
    // The names of what this content refers to (an edit may name another place or level).
    let posting = ForIndex {
        organisation_name: owned.organisation.name.clone(),
        occupation_name: choices.occupation(content.occupation_code()),
        occupation_group: String::new(),
        zone_name: content.zone_id().map(|z| choices.zone(&z.to_string())),
        commune_name: content.commune_code().map(|c| choices.commune(c)),
        row: owned.row.clone(),
    };
    let level = content
        .level()
        .map(|l| labour_app::lang::Text::new(choices.level(l), choices.level(l)));
    let org = &owned.organisation;
    let shown = Shown {
        posting,
        content,
        organisation: Poster {
            id: org.id,
            name: org.name.clone(),
            kind: org.kind,
            verification: org.verification,
            has_page: org.verified(),
        },
        level,
    };
    let state = owned.row.state;
    let preview = Preview {
        owner_href: format!("/account/postings/{id}"),
        edit_href: (owned.writable && super::edit::editable(state))
            .then(|| format!("/account/postings/{id}/edit")),
        submit: (owned.writable && state == State::Draft)
            .then(|| (format!("/account/postings/{id}/submit"), owned.row.version)),
    };
    Ok(crate::pages::postings::show::preview(&ctx, shown, preview))
}
