//! Staff close a collection year: its declarations can no longer be corrected.

use diesel_async::AsyncConnection;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use labour_store::declarations::YearRow;

use super::not_found;
use crate::errors::{Error, ErrorCode};
use crate::{App, Caller, policy};

pub async fn close(app: &App, caller: &Caller, year: i32) -> crate::Result<YearRow> {
    policy::require(caller, Action::ManageDeclarationYears, || {
        Error::internal("never hidden")
    })?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let row = labour_store::declarations::find_year(conn, year)
            .await?
            .ok_or_else(|| not_found(year))?;
        if !labour_store::declarations::close_year(conn, year).await? {
            return Err(Error::new(ErrorCode::Conflict).detail(
                format!(
                    "Năm {year} đã đóng từ {}.",
                    row.closed_at.unwrap_or(row.opened_at)
                ),
                format!("The year {year} is closed already."),
            ));
        }
        let event = Event {
            subject_type: Some("declaration_year"),
            subject_id: Some(year.to_string()),
            ..caller.event("declaration_year_closed", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        labour_store::declarations::find_year(conn, year)
            .await?
            .ok_or_else(|| not_found(year))
    })
    .await
}
