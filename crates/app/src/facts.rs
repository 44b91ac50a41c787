//! The facts the policy decides on, read from stored rows: a posting's organisation and whether
//! it is public, an organisation's verification. An id that names nothing is asked about as the
//! policy's `unknown()`, so "not yours" and "does not exist" answer alike.

use labour_domain::policy::{Action, OrganisationFacts, PostingFacts};
use labour_store::organisations::OrganisationRow;
use labour_store::postings::PostingRow;
use uuid::Uuid;

use crate::caller::Caller;
use crate::errors::Error;
use crate::policy;

pub fn posting(row: &PostingRow) -> PostingFacts {
    PostingFacts {
        organisation: row.organisation_id,
        public: row.is_public(),
    }
}

pub fn organisation(row: &OrganisationRow) -> OrganisationFacts {
    OrganisationFacts {
        id: row.id,
        verified: row.verified(),
        refused: row.refused(),
    }
}

/// The 404 that hidden and missing postings share.
pub fn posting_not_found(id: Uuid) -> Error {
    Error::not_found("tin", "posting", &id.to_string())
}

/// The posting, once the policy lets the caller do `action` to it.
pub async fn posting_for(
    conn: &mut diesel_async::AsyncPgConnection,
    caller: &Caller,
    id: Uuid,
    action: impl Fn(PostingFacts) -> Action,
) -> Result<PostingRow, Error> {
    let row = labour_store::postings::find(conn, id).await?;
    let facts = row.as_ref().map_or_else(PostingFacts::unknown, posting);
    policy::require(caller, action(facts), || posting_not_found(id))?;
    row.ok_or_else(|| posting_not_found(id))
}
