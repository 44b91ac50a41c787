//! What staff read to decide on a posting beyond the posting itself: the reports people made,
//! with who made them (staff only: the organisation never learns who reported).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use crate::Error;
use crate::schema::{accounts, posting_reports};

/// Reports a posting's page shows to staff: the newest first, at most this many.
pub const REPORTS_SHOWN: i64 = 100;

/// One report with its reporter.
#[derive(Debug, Clone, PartialEq, Queryable)]
pub struct ReportRow {
    pub account_id: Uuid,
    pub reporter: String,
    pub reporter_email: Option<String>,
    pub reporter_phone: Option<String>,
    pub reason: String,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

/// The reports of one posting, newest first (at most [`REPORTS_SHOWN`]).
pub async fn reports(conn: &mut AsyncPgConnection, posting: Uuid) -> Result<Vec<ReportRow>, Error> {
    Ok(posting_reports::table
        .inner_join(accounts::table.on(accounts::id.eq(posting_reports::account_id)))
        .filter(posting_reports::posting_id.eq(posting))
        .order((
            posting_reports::created_at.desc(),
            posting_reports::account_id,
        ))
        .limit(REPORTS_SHOWN)
        .select((
            posting_reports::account_id,
            accounts::display_name,
            accounts::email,
            accounts::phone,
            posting_reports::reason,
            posting_reports::note,
            posting_reports::created_at,
        ))
        .load(conn)
        .await?)
}
