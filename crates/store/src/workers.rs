//! Workers' profiles and what a worker can take away or erase.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use labour_domain::posting::ReportReason;
use uuid::Uuid;

use crate::Error;
use crate::closed_set::Stored;
use crate::schema::{accounts, posting_reports, worker_profiles};

#[derive(Debug, Clone, PartialEq, Queryable, Selectable)]
#[diesel(table_name = worker_profiles)]
pub struct ProfileRow {
    pub account_id: Uuid,
    pub profile: serde_json::Value,
    pub discoverable: bool,
    pub version: i32,
    pub updated_at: DateTime<Utc>,
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    account: Uuid,
) -> Result<Option<ProfileRow>, Error> {
    Ok(worker_profiles::table
        .find(account)
        .select(ProfileRow::as_select())
        .first(conn)
        .await
        .optional()?)
}

/// What saving a profile came to.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    Saved(ProfileRow),
    /// The profile changed since the version the caller read.
    Stale {
        current: i32,
    },
}

/// Creates the profile, or replaces it when `expected_version` matches (`None`: only create).
pub async fn save(
    conn: &mut AsyncPgConnection,
    account: Uuid,
    profile: &serde_json::Value,
    discoverable: bool,
    expected_version: Option<i32>,
) -> Result<Saved, Error> {
    let current = find(conn, account).await?;
    match (current, expected_version) {
        (None, _) => {
            let row = diesel::insert_into(worker_profiles::table)
                .values((
                    worker_profiles::account_id.eq(account),
                    worker_profiles::profile.eq(profile),
                    worker_profiles::discoverable.eq(discoverable),
                ))
                .returning(ProfileRow::as_returning())
                .get_result(conn)
                .await?;
            Ok(Saved::Saved(row))
        }
        (Some(row), Some(v)) if v == row.version => {
            let updated = diesel::update(
                worker_profiles::table
                    .find(account)
                    .filter(worker_profiles::version.eq(v)),
            )
            .set((
                worker_profiles::profile.eq(profile),
                worker_profiles::discoverable.eq(discoverable),
                worker_profiles::version.eq(v + 1),
                worker_profiles::updated_at.eq(diesel::dsl::now),
            ))
            .returning(ProfileRow::as_returning())
            .get_result(conn)
            .await
            .optional()?;
            Ok(match updated {
                Some(row) => Saved::Saved(row),
                None => Saved::Stale { current: v + 1 },
            })
        }
        (Some(row), _) => Ok(Saved::Stale {
            current: row.version,
        }),
    }
}

/// Profiles of workers who opted in to be found and want one of `occupations` (or, when
/// `occupations` is empty, any), most recently updated first.
pub async fn discoverable(
    conn: &mut AsyncPgConnection,
    occupations: &[String],
    limit: i64,
) -> Result<Vec<ProfileRow>, Error> {
    let mut q = worker_profiles::table
        .filter(worker_profiles::discoverable.eq(true))
        .into_boxed();
    if !occupations.is_empty() {
        q = q.filter(
            diesel::dsl::sql::<diesel::sql_types::Bool>("(profile -> 'desired_occupations') ?| ")
                .bind::<diesel::sql_types::Array<diesel::sql_types::Text>, _>(occupations),
        );
    }
    Ok(q.order(worker_profiles::updated_at.desc())
        .limit(limit)
        .select(ProfileRow::as_select())
        .load(conn)
        .await?)
}

/// The reports an account made (part of what a worker can download).
pub async fn reports_by(
    conn: &mut AsyncPgConnection,
    account: Uuid,
) -> Result<Vec<(Uuid, ReportReason, DateTime<Utc>)>, Error> {
    let rows: Vec<(Uuid, Stored<ReportReason>, DateTime<Utc>)> = posting_reports::table
        .filter(posting_reports::account_id.eq(account))
        .select((
            posting_reports::posting_id,
            posting_reports::reason,
            posting_reports::created_at,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(posting, Stored(reason), at)| (posting, reason, at))
        .collect())
}

/// Erases an account and everything that hangs on it (profile, sessions, memberships, reports).
pub async fn delete_account(conn: &mut AsyncPgConnection, account: Uuid) -> Result<bool, Error> {
    Ok(diesel::delete(accounts::table.find(account))
        .execute(conn)
        .await?
        == 1)
}
