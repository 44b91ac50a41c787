//! Yearly declarations of enterprises and the collection years they belong to.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncConnection, AsyncPgConnection, RunQueryDsl};
use labour_domain::declaration::YearState;
use uuid::Uuid;

use crate::Error;
use crate::schema::{declaration_reminders, declaration_years, declarations, organisations};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = declaration_years)]
pub struct YearRow {
    pub year: i32,
    pub opened_at: DateTime<Utc>,
    pub closed_at: Option<DateTime<Utc>>,
}

impl YearRow {
    pub fn state(&self) -> YearState {
        if self.closed_at.is_some() {
            YearState::Closed
        } else {
            YearState::Open
        }
    }
}

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = declarations)]
pub struct DeclarationRow {
    pub organisation_id: Uuid,
    pub year: i32,
    pub content: serde_json::Value,
    pub total_workers: i32,
    pub version: i32,
    pub updated_by: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// Opens a collection year; `false` when it exists already.
pub async fn open_year(conn: &mut AsyncPgConnection, year: i32) -> Result<bool, Error> {
    Ok(diesel::insert_into(declaration_years::table)
        .values(declaration_years::year.eq(year))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?
        == 1)
}

/// Closes an open year; `false` when it is not open.
pub async fn close_year(conn: &mut AsyncPgConnection, year: i32) -> Result<bool, Error> {
    Ok(diesel::update(
        declaration_years::table
            .find(year)
            .filter(declaration_years::closed_at.is_null()),
    )
    .set(declaration_years::closed_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?
        == 1)
}

pub async fn years(conn: &mut AsyncPgConnection) -> Result<Vec<YearRow>, Error> {
    Ok(declaration_years::table
        .order(declaration_years::year.desc())
        .select(YearRow::as_select())
        .load(conn)
        .await?)
}

pub async fn find_year(conn: &mut AsyncPgConnection, year: i32) -> Result<Option<YearRow>, Error> {
    Ok(declaration_years::table
        .find(year)
        .select(YearRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn year_state(conn: &mut AsyncPgConnection, year: i32) -> Result<YearState, Error> {
    Ok(find_year(conn, year)
        .await?
        .map_or(YearState::NotOpened, |y| y.state()))
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
    year: i32,
) -> Result<Option<DeclarationRow>, Error> {
    Ok(declarations::table
        .find((organisation, year))
        .select(DeclarationRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

pub async fn for_organisation(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
) -> Result<Vec<DeclarationRow>, Error> {
    Ok(declarations::table
        .filter(declarations::organisation_id.eq(organisation))
        .order(declarations::year.desc())
        .select(DeclarationRow::as_select())
        .load(conn)
        .await?)
}

/// What saving a declaration came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Saved(DeclarationRow),
    /// It changed since the version the caller read.
    Stale {
        current: i32,
    },
    /// The year is not open for declarations (never opened, or closed).
    YearNotOpen(YearState),
}

/// Creates the declaration, or replaces it when `expected_version` matches; only while the
/// year is open. The year row is locked so that closing waits for a save in progress.
pub async fn save(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
    year: i32,
    content: &serde_json::Value,
    total_workers: i32,
    by: Option<Uuid>,
    expected_version: Option<i32>,
) -> Result<Saved, Error> {
    conn.transaction::<_, Error, _>(async move |conn| {
        let state = declaration_years::table
            .find(year)
            .select(YearRow::as_select())
            .for_share()
            .first(conn)
            .await
            .optional()?
            .map_or(YearState::NotOpened, |y| y.state());
        if state != YearState::Open {
            return Ok(Saved::YearNotOpen(state));
        }
        let current = declarations::table
            .find((organisation, year))
            .select(DeclarationRow::as_select())
            .for_update()
            .first(conn)
            .await
            .optional()?;
        let row = match (current, expected_version) {
            (None, _) => {
                diesel::insert_into(declarations::table)
                    .values((
                        declarations::organisation_id.eq(organisation),
                        declarations::year.eq(year),
                        declarations::content.eq(content),
                        declarations::total_workers.eq(total_workers),
                        declarations::updated_by.eq(by),
                    ))
                    .returning(DeclarationRow::as_returning())
                    .get_result(conn)
                    .await?
            }
            (Some(row), Some(v)) if v == row.version => {
                diesel::update(declarations::table.find((organisation, year)))
                    .set((
                        declarations::content.eq(content),
                        declarations::total_workers.eq(total_workers),
                        declarations::updated_by.eq(by),
                        declarations::version.eq(v + 1),
                        declarations::updated_at.eq(diesel::dsl::now),
                    ))
                    .returning(DeclarationRow::as_returning())
                    .get_result(conn)
                    .await?
            }
            (Some(row), _) => {
                return Ok(Saved::Stale {
                    current: row.version,
                });
            }
        };
        Ok(Saved::Saved(row))
    })
    .await
}

/// A verified enterprise that has not declared for the year, and when it was last reminded.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct Missing {
    pub organisation_id: Uuid,
    pub name: String,
    pub tax_code: Option<String>,
    pub last_reminded_at: Option<DateTime<Utc>>,
}

pub async fn missing(conn: &mut AsyncPgConnection, year: i32) -> Result<Vec<Missing>, Error> {
    let reminded = declaration_reminders::table
        .filter(declaration_reminders::organisation_id.eq(organisations::id))
        .filter(declaration_reminders::year.eq(year))
        .select(diesel::dsl::max(declaration_reminders::reminded_at))
        .single_value();
    Ok(organisations::table
        .filter(organisations::kind.eq("enterprise"))
        .filter(organisations::verification.eq("verified"))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            declarations::table
                .filter(declarations::organisation_id.eq(organisations::id))
                .filter(declarations::year.eq(year)),
        )))
        .order(organisations::name)
        .select((
            organisations::id,
            organisations::name,
            organisations::tax_code,
            reminded.assume_not_null().nullable(),
        ))
        .load(conn)
        .await?)
}

/// Records a reminder to each of these organisations.
pub async fn remind(
    conn: &mut AsyncPgConnection,
    year: i32,
    organisations: &[Uuid],
    by: Option<Uuid>,
) -> Result<usize, Error> {
    let rows: Vec<_> = organisations
        .iter()
        .map(|o| {
            (
                declaration_reminders::organisation_id.eq(*o),
                declaration_reminders::year.eq(year),
                declaration_reminders::reminded_by.eq(by),
            )
        })
        .collect();
    Ok(diesel::insert_into(declaration_reminders::table)
        .values(rows)
        .execute(conn)
        .await?)
}

/// When the organisation was last reminded for each year.
pub async fn reminders_of(
    conn: &mut AsyncPgConnection,
    organisation: Uuid,
) -> Result<Vec<(i32, DateTime<Utc>)>, Error> {
    Ok(declaration_reminders::table
        .filter(declaration_reminders::organisation_id.eq(organisation))
        .group_by(declaration_reminders::year)
        .select((
            declaration_reminders::year,
            diesel::dsl::max(declaration_reminders::reminded_at).assume_not_null(),
        ))
        .load(conn)
        .await?)
}

/// Every declaration of a year (for the aggregates).
pub async fn of_year(
    conn: &mut AsyncPgConnection,
    year: i32,
) -> Result<Vec<DeclarationRow>, Error> {
    Ok(declarations::table
        .filter(declarations::year.eq(year))
        .select(DeclarationRow::as_select())
        .load(conn)
        .await?)
}

/// Years with at least one declaration, oldest first.
pub async fn declared_years(conn: &mut AsyncPgConnection) -> Result<Vec<i32>, Error> {
    Ok(declarations::table
        .select(declarations::year)
        .distinct()
        .order(declarations::year)
        .load(conn)
        .await?)
}

/// A year's declarations with the enterprise's name and tax code, by name.
pub async fn of_year_named(
    conn: &mut AsyncPgConnection,
    year: i32,
) -> Result<Vec<(DeclarationRow, String, Option<String>)>, Error> {
    Ok(declarations::table
        .inner_join(organisations::table)
        .filter(declarations::year.eq(year))
        .order(organisations::name)
        .select((
            DeclarationRow::as_select(),
            organisations::name,
            organisations::tax_code,
        ))
        .load(conn)
        .await?)
}
