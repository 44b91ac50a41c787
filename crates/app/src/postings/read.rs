//! Read one posting as its page shows it: the same policy decision as the API's
//! `GET /postings/{id}` (published postings for everyone; others only for their organisation
//! and staff), with the names it refers to and what is public of the organisation that posts.

use labour_domain::organisation::{OrganisationKind, Verification};
use labour_domain::policy::{Action, Decision, OrganisationFacts, decide};
use labour_domain::posting::Content;
use labour_store::postings::ForIndex;
use uuid::Uuid;

use crate::errors::Error;
use crate::lang::Text;
use crate::{App, Caller};

/// A posting with everything its page shows.
#[derive(Debug, Clone)]
pub struct Shown {
    /// The row with the organisation, occupation, zone and commune names.
    pub posting: ForIndex,
    /// The live content (an edit under review is not shown: the approved version stays live).
    pub content: Content,
    pub organisation: Poster,
    /// The name of the training level the posting names, from the reference data.
    pub level: Option<Text>,
}

/// What anyone may know of the organisation behind a posting.
#[derive(Debug, Clone)]
pub struct Poster {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganisationKind,
    pub verification: Verification,
    /// The caller may open the organisation's page (verified ones are public).
    pub has_page: bool,
}

/// Posting `id` for `caller`, or the 404 the API answers for one they may not see.
pub async fn read(app: &App, caller: &Caller, id: Uuid) -> Result<Shown, Error> {
    let mut conn = app.conn().await?;
    let row = super::load_for(&mut conn, caller, id, Action::ReadPosting).await?;
    let posting = labour_store::postings::for_index(&mut conn, &[row.id])
        .await?
        .into_iter()
        .next()
        .ok_or_else(|| super::not_found(id))?;
    let content: Content = serde_json::from_value(posting.row.content.clone())
        .map_err(|e| Error::internal(format!("stored content of {id} unreadable: {e}")))?;
    let org = labour_store::organisations::find(&mut conn, posting.row.organisation_id)
        .await?
        .ok_or_else(|| Error::internal("posting without its organisation"))?;
    let facts = OrganisationFacts {
        id: org.id,
        verified: org.verified(),
        refused: org.refused(),
    };
    let level = match content.level() {
        Some(code) => labour_store::training_levels::list(&mut conn)
            .await?
            .into_iter()
            .find(|l| l.code == code)
            .map(|l| Text::new(l.name_vi, l.name_en)),
        None => None,
    };
    Ok(Shown {
        posting,
        content,
        organisation: Poster {
            id: org.id,
            name: org.name,
            kind: org.kind,
            verification: org.verification,
            has_page: decide(&caller.actor, Action::ReadOrganisation(facts)) == Decision::Allow,
        },
        level,
    })
}
