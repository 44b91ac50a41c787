//! Staff open a collection year.

use diesel_async::AsyncConnection;
use labour_domain::declaration::YEARS;
use labour_domain::policy::Action;
use labour_store::audit::Event;
use labour_store::declarations::YearRow;

use crate::errors::{Error, ErrorCode, FieldErrors};
use crate::{App, Caller, policy};

pub async fn create(app: &App, caller: &Caller, year: i32) -> crate::Result<YearRow> {
    policy::require(caller, Action::ManageDeclarationYears, || {
        Error::internal("never hidden")
    })?;
    let mut errors = FieldErrors::default();
    if !u16::try_from(year).is_ok_and(|y| YEARS.contains(&y)) {
        errors.check::<()>(
            "year",
            Err(labour_domain::Error::OutOfRange {
                min: (*YEARS.start()).into(),
                max: (*YEARS.end()).into(),
            }),
        );
    }
    errors.finish()?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        if !labour_store::declarations::open_year(conn, year).await? {
            return Err(Error::new(ErrorCode::Conflict).detail(
                format!("Năm {year} đã được mở."),
                format!("The year {year} is open already."),
            ));
        }
        let event = Event {
            subject_type: Some("declaration_year"),
            subject_id: Some(year.to_string()),
            ..caller.event("declaration_year_opened", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        labour_store::declarations::find_year(conn, year)
            .await?
            .ok_or_else(|| Error::internal("opened year vanished"))
    })
    .await
}
