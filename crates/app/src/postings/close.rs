//! Close a posting: its organisation ends a published posting (positions filled, enrolment
//! full), which leaves public view.

use labour_domain::posting::Transition;
use labour_store::postings::PostingRow;
use uuid::Uuid;

use super::Expected;
use crate::errors::Error;
use crate::{App, Caller};

pub async fn close(
    app: &App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
) -> Result<PostingRow, Error> {
    super::owner_transition(app, caller, id, expected, Transition::Close).await
}
