//! Approve a posting: staff publish a pending posting, or the revision of a published one
//! (it replaces the public version). Only a verified organisation's postings are approved.

use diesel_async::AsyncConnection;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use labour_domain::posting::Transition;
use labour_store::postings::PostingRow;
use uuid::Uuid;

use super::Expected;
use crate::errors::{Error, ErrorCode};
use crate::{App, Caller};

pub async fn approve(
    app: &App,
    caller: &Caller,
    id: Uuid,
    expected: Expected,
) -> Result<PostingRow, Error> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = super::lock_for(conn, caller, id, Action::ModeratePosting).await?;
        // Share-locked with the posting: a refusal of the organisation (which withdraws its
        // published postings) cannot slip between this check and the approval.
        let verified = labour_store::postings::lock_poster(conn, row.organisation_id)
            .await?
            .is_some_and(|o| o.verification == Verification::Verified);
        if !verified {
            return Err(Error::new(ErrorCode::OrganisationUnverified).detail(
                "Tổ chức đăng tin chưa được xác minh; hãy xác minh tổ chức trước.",
                "The organisation is not verified yet; verify it first.",
            ));
        }
        let expected = expected.optional()?;
        super::apply(conn, caller, row, Transition::Approve, expected, None, None).await
    })
    .await
}
