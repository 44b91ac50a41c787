//! Organisations: enterprises and schools register, staff verify or refuse them.

pub mod create;
pub mod members;
pub mod verify;

pub use self::create::create;
pub use self::verify::verify;

use labour_domain::policy::{Action, OrganisationFacts};
use labour_store::organisations::OrganisationRow;
use uuid::Uuid;

use crate::caller::Caller;
use crate::errors::Error;
use crate::policy;

pub fn facts(row: &OrganisationRow) -> OrganisationFacts {
    OrganisationFacts {
        id: row.id,
        verified: row.verified(),
        refused: row.refused(),
    }
}

pub fn not_found(id: Uuid) -> Error {
    Error::not_found("tổ chức", "organisation", &id.to_string())
}

/// How a use case holds the organisation while it acts on a decision about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lock {
    /// A read: no lock.
    None,
    /// A write allowed on the organisation's standing: a verification decision waits for it.
    Share,
    /// A change of the organisation itself.
    Update,
}

/// The organisation, once the policy lets the caller do `action` to it. An id that names nothing
/// is decided as the policy decides an organisation the caller may not see
/// (`OrganisationFacts::unknown`), so "not yours" and "does not exist" answer alike: 401, 403 or
/// 404 the same for both.
pub async fn load_for(
    conn: &mut diesel_async::AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
    lock: Lock,
    action: impl Fn(OrganisationFacts) -> Action,
) -> Result<OrganisationRow, Error> {
    let row = match lock {
        Lock::None => labour_store::organisations::find(conn, id).await?,
        Lock::Share => labour_store::organisations::find_for_share(conn, id).await?,
        Lock::Update => labour_store::organisations::find_for_update(conn, id).await?,
    };
    let facts = row.as_ref().map_or_else(OrganisationFacts::unknown, facts);
    policy::require(caller, action(facts), || not_found(id))?;
    row.ok_or_else(|| not_found(id))
}
