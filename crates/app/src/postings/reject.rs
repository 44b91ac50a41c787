//! Reject a posting: staff turn down a pending posting, or drop the revision of a published
//! one; the reason goes to the organisation.

use labour_domain::posting::Transition;
use labour_store::postings::PostingRow;
use uuid::Uuid;

use super::{Decision, Expected};
use crate::errors::Error;
use crate::{App, Caller};

pub async fn reject(
    app: &App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
    decision: Decision<'_>,
) -> Result<PostingRow, Error> {
    super::moderate_with_reason(app, caller, id, expected, Transition::Reject, decision).await
}
