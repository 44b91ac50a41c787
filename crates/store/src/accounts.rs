//! Accounts and their memberships.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::account::Identifier;
use labour_domain::organisation::OrganisationKind;
use uuid::Uuid;

use crate::Error;
use crate::schema::{accounts, memberships, organisations};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = accounts)]
pub struct AccountRow {
    pub id: Uuid,
    #[diesel(deserialize_as = String)]
    pub role: AccountRole,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub display_name: String,
    /// The argon2 PHC string; never leaves the server.
    pub password_hash: String,
    pub sessions_valid_after: DateTime<Utc>,
    pub created_at: DateTime<Utc>,
}

pub use labour_domain::account::AccountRole;

#[derive(Debug, Clone)]
pub struct NewAccount<'a> {
    pub id: Uuid,
    pub role: AccountRole,
    pub identifier: &'a Identifier,
    pub display_name: &'a str,
    pub password_hash: &'a str,
}

/// Inserts the account unless its email or phone is taken; returns whether it was inserted.
/// The caller answers the same either way, so registration does not reveal who has an account.
pub async fn insert(conn: &mut AsyncPgConnection, new: &NewAccount<'_>) -> Result<bool, Error> {
    let (email, phone) = match new.identifier {
        Identifier::Email(e) => (Some(e.as_str()), None),
        Identifier::Phone(p) => (None, Some(p.as_str())),
    };
    let n = diesel::insert_into(accounts::table)
        .values((
            accounts::id.eq(new.id),
            accounts::role.eq(new.role.as_str()),
            accounts::email.eq(email),
            accounts::phone.eq(phone),
            accounts::display_name.eq(new.display_name),
            accounts::password_hash.eq(new.password_hash),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    Ok(n == 1)
}

pub async fn find_by_identifier(
    conn: &mut AsyncPgConnection,
    identifier: &Identifier,
) -> Result<Option<AccountRow>, Error> {
    let query = accounts::table.select(AccountRow::as_select()).into_boxed();
    let query = match identifier {
        Identifier::Email(e) => query.filter(accounts::email.eq(e.as_str().to_owned())),
        Identifier::Phone(p) => query.filter(accounts::phone.eq(p.as_str().to_owned())),
    };
    Ok(query.first(conn).await.optional()?)
}

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> Result<Option<AccountRow>, Error> {
    Ok(accounts::table
        .find(id)
        .select(AccountRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn set_password_hash(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    hash: &str,
) -> Result<(), Error> {
    diesel::update(accounts::table.find(id))
        .set((
            accounts::password_hash.eq(hash),
            accounts::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Locks the account's row until the transaction ends, so per-account limits hold under
/// concurrent requests.
pub async fn lock(conn: &mut AsyncPgConnection, id: Uuid) -> Result<(), Error> {
    accounts::table
        .find(id)
        .select(accounts::id)
        .for_update()
        .first::<Uuid>(conn)
        .await
        .optional()?;
    Ok(())
}

/// Refuses every access token issued before now: the account is signed out everywhere.
pub async fn invalidate_sessions(conn: &mut AsyncPgConnection, id: Uuid) -> Result<(), Error> {
    diesel::update(accounts::table.find(id))
        .set(accounts::sessions_valid_after.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(())
}

/// An account's organisations: (id, kind, name, verification).
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct MembershipRow {
    pub organisation_id: Uuid,
    pub kind: String,
    pub name: String,
    pub verification: String,
}

pub async fn memberships(
    conn: &mut AsyncPgConnection,
    account: Uuid,
) -> Result<Vec<MembershipRow>, Error> {
    Ok(memberships::table
        .inner_join(organisations::table)
        .filter(memberships::account_id.eq(account))
        .select((
            organisations::id,
            organisations::kind,
            organisations::name,
            organisations::verification,
        ))
        .order(memberships::created_at)
        .load(conn)
        .await?)
}

/// An account's organisations and their kinds, as the policy needs them; a corrupt kind is an
/// error, never a membership dropped or defaulted.
pub async fn membership_kinds(
    conn: &mut AsyncPgConnection,
    account: Uuid,
) -> Result<Vec<(Uuid, OrganisationKind)>, Error> {
    let rows: Vec<(Uuid, String)> = memberships::table
        .inner_join(organisations::table)
        .filter(memberships::account_id.eq(account))
        .select((organisations::id, organisations::kind))
        .order(memberships::created_at)
        .load(conn)
        .await?;
    rows.into_iter()
        .map(|(id, kind)| {
            OrganisationKind::try_from(kind)
                .map(|kind| (id, kind))
                .map_err(|e| diesel::result::Error::DeserializationError(Box::new(e)).into())
        })
        .collect()
}

/// A staff or admin account as the admin's list shows it.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct StaffRow {
    pub id: Uuid,
    pub role: String,
    pub display_name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// Staff and admin accounts, oldest first, a page at a time.
pub async fn staff(
    conn: &mut AsyncPgConnection,
    page: labour_domain::paging::PageRequest,
) -> Result<crate::Page<StaffRow>, Error> {
    let roles = [AccountRole::Staff.as_str(), AccountRole::Admin.as_str()];
    let total = accounts::table
        .filter(accounts::role.eq_any(roles))
        .count()
        .get_result(conn)
        .await?;
    let items = accounts::table
        .filter(accounts::role.eq_any(roles))
        .order((accounts::created_at, accounts::id))
        .offset(page.offset())
        .limit(page.limit())
        .select((
            accounts::id,
            accounts::role,
            accounts::display_name,
            accounts::email,
            accounts::phone,
            accounts::created_at,
        ))
        .load(conn)
        .await?;
    Ok(crate::Page { items, total })
}
