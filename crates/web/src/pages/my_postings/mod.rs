//! An organisation's own postings, for its members: the list with each one's state, the one
//! form per kind (new and edit, drafts and revisions), the preview of the public page, the
//! owner's view (state, staff's reason, flags, history, actions), and the applicants and
//! candidates of a posting. The same use cases and policy as the JSON API's postings.

pub mod applicants;
pub mod candidates;
pub mod edit;
pub mod form;
pub mod list;
pub mod owner;
pub mod preview;

use actix_web::web;
use labour_domain::ClosedSet;
use labour_domain::policy::{Action, Decision, OrganisationFacts, decide};
use labour_domain::posting::State;
use labour_store::organisations::OrganisationRow;
use labour_store::postings::PostingRow;
use uuid::Uuid;

use crate::context::Ctx;
use crate::error::WebError;
use crate::lang::Lang;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route(
        "/account/organisations/{id}/postings",
        web::get().to(list::list),
    )
    .route(
        "/account/organisations/{id}/postings/new",
        web::get().to(edit::new_form),
    )
    .route(
        "/account/organisations/{id}/postings/new",
        web::post().to(edit::create),
    )
    .route("/account/postings/{id}", web::get().to(owner::show))
    .route(
        "/account/postings/{id}/edit",
        web::get().to(edit::edit_form),
    )
    .route("/account/postings/{id}/edit", web::post().to(edit::update))
    .route(
        "/account/postings/{id}/preview",
        web::get().to(preview::show),
    )
    .route(
        "/account/postings/{id}/submit",
        web::post().to(owner::submit),
    )
    .route(
        "/account/postings/{id}/close",
        web::get().to(owner::close_form),
    )
    .route("/account/postings/{id}/close", web::post().to(owner::close))
    .route(
        "/account/postings/{id}/applicants",
        web::get().to(applicants::list),
    )
    .route(
        "/account/postings/{id}/applicants/{application}/status",
        web::post().to(applicants::move_to),
    )
    .route(
        "/account/postings/{id}/candidates",
        web::get().to(candidates::list),
    );
}

/// A use case's failure as the page's error.
pub fn fail(ctx: &Ctx) -> impl Fn(labour_app::Error) -> WebError + '_ {
    move |e| WebError::new(e, ctx.lang)
}

fn organisation_not_found(id: Uuid) -> labour_app::Error {
    labour_app::Error::not_found("tổ chức", "organisation", &id.to_string())
}

/// The organisation, for one of its members (others get the 404 of an organisation that does
/// not exist, as the API answers a write to another's organisation).
pub async fn member_organisation(ctx: &Ctx, id: Uuid) -> labour_app::Result<OrganisationRow> {
    labour_app::policy::require(&ctx.caller, Action::ListOwnPostings, || {
        organisation_not_found(id)
    })?;
    let member = matches!(&ctx.caller.actor, labour_domain::policy::Actor::Account { memberships, .. }
        if memberships.iter().any(|m| m.organisation == id));
    if !member {
        return Err(organisation_not_found(id));
    }
    let mut conn = ctx.state.app.conn().await?;
    labour_store::organisations::find(&mut conn, id)
        .await?
        .ok_or_else(|| organisation_not_found(id))
}

/// A posting as its owner's pages see it.
#[derive(Debug)]
pub struct Owned {
    pub row: PostingRow,
    pub organisation: OrganisationRow,
    /// The caller may edit, submit and close it (its members; staff only look).
    pub writable: bool,
}

/// The posting, for its organisation (and staff, who look): the policy of its history, which
/// only they may read; anyone else gets the posting's 404.
pub async fn owned(ctx: &Ctx, id: Uuid) -> labour_app::Result<Owned> {
    let mut conn = ctx.state.app.conn().await?;
    let row =
        labour_app::postings::load_for(&mut conn, &ctx.caller, id, Action::ReadPostingHistory)
            .await?;
    let organisation = labour_store::organisations::find(&mut conn, row.organisation_id)
        .await?
        .ok_or_else(|| labour_app::Error::internal("posting without its organisation"))?;
    let facts = OrganisationFacts {
        id: organisation.id,
        verified: organisation.verified(),
        refused: organisation.refused(),
    };
    let writable = decide(&ctx.caller.actor, Action::WritePostings(facts)) == Decision::Allow;
    Ok(Owned {
        row,
        organisation,
        writable,
    })
}

/// The posting id of a path; text that names no posting gets the posting's 404.
pub fn posting_id(ctx: &Ctx, text: &str) -> Result<Uuid, WebError> {
    crate::pages::postings::id(ctx, text)
}

/// An organisation id of a path.
pub fn organisation_id(ctx: &Ctx, text: &str) -> Result<Uuid, WebError> {
    text.parse()
        .map_err(|_| WebError::new(organisation_not_found(Uuid::nil()), ctx.lang))
}

/// A posting's state in words; a published one with an edit under review says so.
pub fn state_words(lang: Lang, state: State, revision: bool) -> String {
    let key = if state == State::Published && revision {
        "my_postings.state.revision".to_owned()
    } else {
        format!("my_postings.state.{}", state.as_str())
    };
    crate::i18n::t(lang, &key).into_owned()
}

/// The class of a state's tag: live ones look good, ended ones grey.
pub fn state_class(state: State) -> &'static str {
    match state {
        State::Published => "tag good",
        State::Closed | State::Expired | State::Removed => "tag ended",
        _ => "tag",
    }
}

/// The content the owner works on: the edit under review when there is one, else the content.
pub fn working_content(row: &PostingRow) -> labour_app::Result<labour_domain::posting::Content> {
    let value = row.revision.clone().unwrap_or_else(|| row.content.clone());
    serde_json::from_value(value).map_err(labour_app::Error::internal)
}
