//! Organisations: enterprises, schools and agencies.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::ClosedSet;
use labour_domain::organisation::{OrganisationIdentity, OrganisationKind, Verification};
use uuid::Uuid;

use crate::schema::{memberships, organisations};
use crate::{Error, Page};

/// A new organisation; its identity guarantees an enterprise has a valid tax code.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    pub id: Uuid,
    pub identity: OrganisationIdentity,
    pub name: String,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
    pub licence_number: Option<String>,
    pub verification: Verification,
}

/// Inserts organisations, leaving alone any whose id already exists; returns how many were new.
pub async fn insert_missing(
    conn: &mut AsyncPgConnection,
    new: &[NewOrganisation],
) -> Result<usize, Error> {
    let rows: Vec<_> = new
        .iter()
        .map(|o| {
            (
                organisations::id.eq(o.id),
                organisations::kind.eq(o.identity.kind().as_str()),
                organisations::name.eq(&o.name),
                organisations::tax_code.eq(o.identity.tax_code().map(|t| t.as_str())),
                organisations::zone_id.eq(o.zone_id),
                organisations::commune_code.eq(o.commune_code.as_deref()),
                organisations::address.eq(o.address.as_deref()),
                organisations::licence_number.eq(o.licence_number.as_deref()),
                organisations::verification.eq(o.verification.as_str()),
            )
        })
        .collect();
    Ok(diesel::insert_into(organisations::table)
        .values(&rows)
        .on_conflict_do_nothing()
        .execute(conn)
        .await?)
}

pub async fn count(conn: &mut AsyncPgConnection) -> Result<i64, Error> {
    Ok(organisations::table.count().get_result(conn).await?)
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    pub id: Uuid,
    #[diesel(deserialize_as = String)]
    pub kind: OrganisationKind,
    pub name: String,
    pub tax_code: Option<String>,
    pub licence_number: Option<String>,
    pub zone_id: Option<Uuid>,
    pub commune_code: Option<String>,
    pub address: Option<String>,
    #[diesel(deserialize_as = String)]
    pub verification: Verification,
    pub verification_reason: Option<String>,
    pub version: i32,
    pub created_at: chrono::DateTime<chrono::Utc>,
}

impl OrganisationRow {
    pub fn verified(&self) -> bool {
        self.verification == Verification::Verified
    }

    /// Staff refused (or withdrew) its verification.
    pub fn refused(&self) -> bool {
        self.verification == Verification::Refused
    }
}

/// Why a new organisation could not be stored.
#[derive(Debug)]
pub enum CreateOutcome {
    Created(Box<OrganisationRow>),
    /// Another organisation already has this tax code (tax codes are public, so saying so leaks
    /// nothing private).
    TaxCodeTaken,
}

/// Creates an organisation and makes `first_member` its member, in one transaction.
pub async fn create(
    conn: &mut AsyncPgConnection,
    new: &NewOrganisation,
    first_member: Uuid,
) -> Result<CreateOutcome, Error> {
    use diesel_async::AsyncConnection;
    let new = new.clone();
    conn.transaction::<_, Error, _>(async move |conn| {
        if insert_missing(conn, std::slice::from_ref(&new)).await? == 0 {
            return Ok(CreateOutcome::TaxCodeTaken);
        }
        diesel::insert_into(memberships::table)
            .values((
                memberships::organisation_id.eq(new.id),
                memberships::account_id.eq(first_member),
            ))
            .execute(conn)
            .await?;
        let row = organisations::table
            .find(new.id)
            .select(OrganisationRow::as_select())
            .first(conn)
            .await?;
        Ok(CreateOutcome::Created(Box::new(row)))
    })
    .await
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<OrganisationRow>, Error> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// The organisation, its row locked until the transaction ends (`FOR UPDATE`): for a decision
/// that changes it.
pub async fn find_for_update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<OrganisationRow>, Error> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .for_update()
        .first(conn)
        .await
        .optional()?)
}

/// The organisation, share-locked until the transaction ends (`FOR SHARE`): a verification
/// decision waits for a write that was allowed on the organisation's standing.
pub async fn find_for_share(
    conn: &mut AsyncPgConnection,
    id: Uuid,
) -> Result<Option<OrganisationRow>, Error> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .for_share()
        .first(conn)
        .await
        .optional()?)
}

/// Organisations in a verification state, oldest first (the review queue).
pub async fn list_by_verification(
    conn: &mut AsyncPgConnection,
    verification: Verification,
    page: labour_domain::paging::PageRequest,
) -> Result<Page<OrganisationRow>, Error> {
    let filter = organisations::verification.eq(verification.as_str());
    let total = organisations::table
        .filter(filter)
        .count()
        .get_result(conn)
        .await?;
    let items = organisations::table
        .filter(filter)
        .select(OrganisationRow::as_select())
        .order((organisations::created_at, organisations::id))
        .offset(page.offset())
        .limit(page.limit())
        .load(conn)
        .await?;
    Ok(Page { items, total })
}

/// Records a verification decision; returns the updated row.
pub async fn set_verification(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    verification: Verification,
    reason: Option<&str>,
) -> Result<Option<OrganisationRow>, Error> {
    Ok(diesel::update(organisations::table.find(id))
        .set((
            organisations::verification.eq(verification.as_str()),
            organisations::verification_reason.eq(reason),
            organisations::verification_changed_at.eq(diesel::dsl::now),
            organisations::version.eq(organisations::version + 1),
            organisations::updated_at.eq(diesel::dsl::now),
        ))
        .returning(OrganisationRow::as_returning())
        .get_result(conn)
        .await
        .optional()?)
}

/// What a verification decision did.
#[derive(Debug, Clone, PartialEq)]
pub struct Decided {
    pub organisation: OrganisationRow,
    /// The published postings a refusal withdrew.
    pub withdrawn: Vec<Uuid>,
}

/// Records a verification decision and its audit row (`event`) in one transaction. A refusal
/// also withdraws every published posting of the organisation: each goes to `removed` with
/// `removal_reason` through the lifecycle, with its own audit row, feed event and search outbox
/// row, so nothing of an organisation staff refused stays public (search, detail, JSON-LD, open
/// data, the feed). Verifying it again does not bring them back: a removal is a staff decision
/// of its own, and the organisation posts again through review.
pub async fn decide_verification(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    verification: Verification,
    reason: Option<&str>,
    event: crate::audit::Event<'_>,
    removal_reason: crate::postings::Reason<'_>,
) -> Result<Option<Decided>, Error> {
    use diesel_async::AsyncConnection;
    use labour_domain::posting::{State, Transition};

    use crate::schema::postings;
    conn.transaction::<_, Error, _>(async move |conn| {
        let Some(organisation) = set_verification(conn, id, verification, reason).await? else {
            return Ok(None);
        };
        let actor = crate::audit::Event {
            action: "",
            subject_type: None,
            subject_id: None,
            details: serde_json::Value::Null,
            ..event.clone()
        };
        crate::audit::record(conn, event).await?;
        let mut withdrawn = Vec::new();
        if verification == Verification::Refused {
            let published: Vec<Uuid> = postings::table
                .filter(postings::organisation_id.eq(id))
                .filter(postings::state.eq(State::Published.as_str()))
                .select(postings::id)
                .for_update()
                .load(conn)
                .await?;
            for posting in published {
                let request = crate::postings::Request {
                    posting,
                    transition: Transition::Remove,
                    expected_version: None,
                    edit: None,
                    reason: Some(removal_reason),
                    actor: actor.clone(),
                };
                if crate::postings::apply(conn, request).await?.is_ok() {
                    withdrawn.push(posting);
                }
            }
        }
        Ok(Some(Decided {
            organisation,
            withdrawn,
        }))
    })
    .await
}

/// A member of an organisation as a fellow member sees them: the name they go by and since
/// when (never their email or phone).
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct MemberRow {
    pub account_id: Uuid,
    pub display_name: String,
    pub since: chrono::DateTime<chrono::Utc>,
}

/// The organisation's members, first to join first (an organisation has a handful).
pub async fn members(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Vec<MemberRow>, Error> {
    use crate::schema::accounts;
    Ok(memberships::table
        .inner_join(accounts::table)
        .filter(memberships::organisation_id.eq(id))
        .select((
            accounts::id,
            accounts::display_name,
            memberships::created_at,
        ))
        .order((memberships::created_at, accounts::id))
        .limit(500)
        .load(conn)
        .await?)
}

/// Makes the account a member; `false` when it already was one.
pub async fn add_member(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    account: Uuid,
) -> Result<bool, Error> {
    let n = diesel::insert_into(memberships::table)
        .values((
            memberships::organisation_id.eq(id),
            memberships::account_id.eq(account),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(n == 1)
}

/// The ids of the organisation's members (to notify them).
pub async fn member_ids(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Vec<Uuid>, Error> {
    Ok(memberships::table
        .filter(memberships::organisation_id.eq(id))
        .select(memberships::account_id)
        .load(conn)
        .await?)
}
