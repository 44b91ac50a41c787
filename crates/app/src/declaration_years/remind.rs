//! Staff remind every verified enterprise that has not declared for the open year.

use diesel_async::AsyncConnection;
use labour_domain::declaration::YearState;
use labour_domain::policy::Action;
use labour_store::audit::Event;

use super::not_found;
use crate::errors::{Error, ErrorCode};
use crate::{App, Caller, policy};

/// How many enterprises were reminded.
pub async fn remind(app: &App, caller: &Caller, year: i32) -> crate::Result<usize> {
    policy::require(caller, Action::ManageDeclarationYears, || {
        Error::internal("never hidden")
    })?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        match labour_store::declarations::year_state(conn, year).await? {
            YearState::NotOpened => return Err(not_found(year)),
            YearState::Closed => {
                return Err(Error::new(ErrorCode::Conflict).detail(
                    format!("Năm {year} đã đóng; không nhắc được nữa."),
                    format!("The year {year} is closed; there is nobody left to remind."),
                ));
            }
            YearState::Open => {}
        }
        let missing = labour_store::declarations::missing(conn, year).await?;
        let ids: Vec<uuid::Uuid> = missing.iter().map(|m| m.organisation_id).collect();
        let reminded =
            labour_store::declarations::remind(conn, year, &ids, caller.account()).await?;
        let event = Event {
            subject_type: Some("declaration_year"),
            subject_id: Some(year.to_string()),
            details: serde_json::json!({ "organisations": ids }),
            ..caller.event("declarations_reminded", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(reminded)
    })
    .await
}
