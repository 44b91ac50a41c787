//! Submit a posting: its organisation sends a draft to staff review. Postings of an unverified
//! organisation wait in the queue until it is verified.

use labour_domain::posting::Transition;
use labour_store::postings::PostingRow;
use uuid::Uuid;

use super::Expected;
use crate::errors::Error;
use crate::{App, Caller};

pub async fn submit(
    app: &App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
) -> Result<PostingRow, Error> {
    super::owner_transition(app, caller, id, expected, Transition::Submit).await
}
