//! Staff enter a year's value of one of the plan's indicators, with its source.

use diesel_async::AsyncConnection;
use labour_domain::kpi::Unit;
use labour_domain::policy::Action;
use labour_store::audit::Event;

use crate::errors::{Error, FieldErrors};
use crate::{App, Caller, policy};

/// A value as staff entered it.
#[derive(Debug, Clone, Default)]
pub struct EnteredValue {
    pub value: f64,
    /// The cited source.
    pub source: String,
}

/// Replaces a derived or earlier value for that year; the value and its audit row (with the
/// value it replaced) in one transaction.
pub async fn update(
    app: &App,
    caller: &Caller,
    key: &str,
    year: i64,
    input: EnteredValue,
) -> crate::Result<()> {
    policy::require(caller, Action::EnterIndicatorValues, || {
        Error::internal("never hidden")
    })?;
    let indicator = labour_domain::kpi::find(key)
        .ok_or_else(|| Error::not_found("chỉ tiêu", "indicator", key))?;
    let mut errors = FieldErrors::default();
    let max = if indicator.unit == Unit::Percent {
        100.0
    } else {
        10_000_000.0
    };
    if !input.value.is_finite() || input.value < 0.0 || input.value > max {
        errors.check::<()>(
            "value",
            Err(labour_domain::Error::OutOfRange {
                min: 0,
                max: max as u64,
            }),
        );
    }
    let source = input.source.trim();
    if !(3..=500).contains(&source.chars().count()) {
        errors.check::<()>(
            "source",
            Err(labour_domain::Error::TextLength { min: 3, max: 500 }),
        );
    }
    let year = errors
        .check(
            "year",
            labour_domain::bounds::year(year, &labour_domain::bounds::KPI_YEARS),
        )
        .unwrap_or_default();
    errors.finish()?;
    let addr = caller.addr_string();
    let mut conn = app.conn().await?;
    conn.transaction::<_, Error, _>(async |conn| {
        let previous = labour_store::kpis::enter(
            conn,
            indicator.key,
            year,
            input.value,
            source,
            caller.account(),
        )
        .await?;
        let event = Event {
            subject_type: Some("kpi"),
            subject_id: Some(format!("{}/{year}", indicator.key)),
            details: serde_json::json!({ "value": input.value, "previous": previous, "source": source }),
            ..caller.event("kpi_value_entered", &addr)
        };
        labour_store::audit::record(conn, event).await?;
        Ok(())
    })
    .await
}
