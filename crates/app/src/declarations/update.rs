//! A member makes or corrects the enterprise's declaration for an open year.

use diesel_async::AsyncConnection;
use labour_domain::declaration::{Declaration, YearState};
use labour_domain::organisation::OrganisationKind;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use labour_store::declarations::{DeclarationRow, Saved};
use uuid::Uuid;

use crate::errors::{Error, ErrorCode, FieldErrors};
use crate::organisations::{Lock, load_for};
use crate::{App, Caller};

/// Saves the declaration and its audit row in one transaction, the organisation share-locked
/// from the decision to the write. `expected_version` is the `If-Match` the caller sent (or
/// why it is missing or unreadable); it is needed only to correct an existing declaration.
pub async fn update(
    app: &App,
    caller: &Caller,
    organisation: Uuid,
    year: i32,
    declaration: Declaration,
    expected_version: crate::Result<i32>,
) -> crate::Result<DeclarationRow> {
    let reference = app.reference().await?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let org = load_for(conn, caller, organisation, Lock::Share, Action::Declare).await?;
        if org.kind != OrganisationKind::Enterprise {
            return Err(Error::new(ErrorCode::Conflict).detail(
                "Chỉ doanh nghiệp kê khai lao động hằng năm.",
                "Only enterprises make the yearly labour declaration.",
            ));
        }
        let groups = labour_store::occupations::groups(conn).await?;
        let mut errors = FieldErrors::default();
        for (field, e) in declaration.problems(
            |g| groups.iter().any(|x| x.key == g),
            |o| reference.group_of(o).is_some(),
            |l| reference.levels.rank(Some(l)) > 0,
        ) {
            errors.check::<()>(&field, Err(e));
        }
        errors.finish()?;
        let exists = labour_store::declarations::find(conn, organisation, year)
            .await?
            .is_some();
        let expected = if exists {
            Some(expected_version?)
        } else {
            None
        };
        let total = i32::try_from(declaration.total_workers()).unwrap_or(i32::MAX);
        let content = serde_json::to_value(&declaration).map_err(Error::internal)?;
        let saved = labour_store::declarations::save(
            conn,
            organisation,
            year,
            &content,
            total,
            caller.account(),
            expected,
        )
        .await?;
        let row = match saved {
            Saved::Saved(row) => row,
            Saved::Stale { current } => {
                return Err(Error::new(ErrorCode::PreconditionFailed)
                    .detail(
                        "Bản kê khai đã thay đổi; hãy đọc lại.",
                        "The declaration changed; read it again.",
                    )
                    .hint("etag", format!("\"{current}\"")));
            }
            Saved::YearNotOpen(YearState::Closed) => {
                return Err(Error::new(ErrorCode::Conflict).detail(
                    format!("Năm {year} đã đóng; không sửa được bản kê khai."),
                    format!("The year {year} is closed; its declarations can no longer change."),
                ));
            }
            Saved::YearNotOpen(_) => {
                return Err(Error::new(ErrorCode::Conflict).detail(
                    format!("Năm {year} chưa mở để kê khai."),
                    format!("The year {year} is not open for declarations."),
                ));
            }
        };
        let event = Event {
            subject_type: Some("declaration"),
            subject_id: Some(format!("{organisation}/{year}")),
            details: serde_json::json!({ "version": row.version, "total_workers": row.total_workers }),
            ..caller.event("declaration_saved", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(row)
    })
    .await
}
