//! Report a posting: anyone signed in tells staff what is wrong with it, once per posting.
//! Reports raise it in the moderation queue.

use diesel_async::AsyncConnection;
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::ReportReason;
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, FieldError, FieldErrors};
use crate::lang::Text;
use crate::{App, Caller};

/// Reports posting `id` for `reason` (`scam`, `asks_for_money`, `discriminatory`,
/// `wrong_information` or `other`); `note` says what is wrong and is required for `other`.
pub async fn report(
    app: &App,
    caller: &Caller,
    id: Uuid,
    reason: &str,
    note: Option<&str>,
) -> Result<(), Error> {
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        // Locked: the count it raises is the row's, and a removal cannot pass it.
        super::lock_for(conn, caller, id, Action::ReportPosting).await?;
        let mut errors = FieldErrors::default();
        let reason = errors.check("reason", ReportReason::parse(reason));
        let note = note.map(str::trim).filter(|n| !n.is_empty());
        if note.is_some_and(|n| n.chars().count() > 1000)
            || (reason == Some(ReportReason::Other) && note.is_none())
        {
            errors.push(FieldError {
                field: "note".into(),
                code: "text_length",
                message: Text::new(
                    "Hãy mô tả vấn đề (tối đa 1000 ký tự).",
                    "Describe the problem (at most 1000 characters).",
                ),
            });
        }
        errors.finish()?;
        let (Some(reason), Some(account)) = (reason, caller.account()) else {
            return Err(Error::internal("checked report missing"));
        };
        let addr = caller.addr_string();
        let added = labour_store::postings::report(
            conn,
            id,
            account,
            reason.as_str(),
            note,
            caller.event("", &addr),
        )
        .await?;
        if !added {
            return Err(Error::new(ErrorCode::Conflict).detail(
                "Bạn đã báo cáo tin này rồi.",
                "You have already reported this posting.",
            ));
        }
        Ok(())
    })
    .await
}
