//! Reading offers: those made for a training need (the enterprise that posted it and staff see
//! every one; a school sees only its own), and a school's own offers with what became of them.

use labour_domain::organisation::OrganisationKind;
use labour_domain::policy::{self as rules, Action, Actor, Decision, PostingFacts};
use labour_store::offers::{OfferRow, SchoolOfferRow};
use labour_store::organisations::OrganisationRow;
use uuid::Uuid;

use crate::organisations::{Lock, load_for};
use crate::{App, Caller, facts, policy};

/// The offers for the need that the caller may see, each with the school's name, oldest first.
/// A school member who may read the need (or whose school answered it) sees its own school's
/// offers, possibly none; anyone else is answered as `Action::ManageOffers` decides.
pub async fn for_need(
    app: &App,
    caller: &Caller,
    need: Uuid,
) -> crate::Result<Vec<(OfferRow, String)>> {
    let mut conn = app.conn().await?;
    let row = labour_store::postings::find(&mut conn, need).await?;
    let need_facts = row
        .as_ref()
        .map_or_else(PostingFacts::unknown, facts::posting);
    let decision = rules::decide(&caller.actor, Action::ManageOffers(need_facts));
    if decision == Decision::Allow {
        return Ok(labour_store::offers::for_need(&mut conn, need).await?);
    }
    let schools: Vec<Uuid> = match &caller.actor {
        Actor::Account { memberships, .. } => memberships
            .iter()
            .filter(|m| m.kind == OrganisationKind::School)
            .map(|m| m.organisation)
            .collect(),
        _ => Vec::new(),
    };
    if row.is_some() && !schools.is_empty() {
        let mut own = Vec::new();
        for (offer, name) in labour_store::offers::for_need(&mut conn, need).await? {
            if !schools.contains(&offer.school_id) {
                continue;
            }
            let Some(school) =
                labour_store::organisations::find(&mut conn, offer.school_id).await?
            else {
                continue;
            };
            if rules::decide(
                &caller.actor,
                Action::ReadSchoolOffers(facts::organisation(&school)),
            ) == Decision::Allow
            {
                own.push((offer, name));
            }
        }
        let readable =
            rules::decide(&caller.actor, Action::ReadPosting(need_facts)) == Decision::Allow;
        if readable || !own.is_empty() {
            return Ok(own);
        }
    }
    policy::require(caller, Action::ManageOffers(need_facts), || {
        facts::posting_not_found(need)
    })?;
    Err(facts::posting_not_found(need))
}

/// The school and its offers, newest first, each with the need's title and enterprise.
pub async fn for_school(
    app: &App,
    caller: &Caller,
    school: Uuid,
) -> crate::Result<(OrganisationRow, Vec<SchoolOfferRow>)> {
    let mut conn = app.conn().await?;
    let row = load_for(
        &mut conn,
        caller,
        school,
        Lock::None,
        Action::ReadSchoolOffers,
    )
    .await?;
    let offers = labour_store::offers::for_school(&mut conn, school).await?;
    Ok((row, offers))
}
