//! `GET /api/v1/feed?since=<cursor>`.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use labour_store::feed::Cursor;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::QueryChecker;
use crate::routes::postings::Posting;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct FeedQuery {
    /// The `next` cursor of the previous answer; none starts from the beginning.
    since: Option<String>,
    /// Events per answer, 1 to 500 (default 100).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 500)]
    limit: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedEvent {
    /// `upsert`: became public or changed; `delete`: no longer public.
    pub change: String,
    pub posting_id: Uuid,
    pub kind: String,
    pub at: DateTime<Utc>,
    /// The posting as it is public now, for `upsert` events whose posting is still public.
    pub posting: Option<Posting>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FeedPage {
    pub events: Vec<FeedEvent>,
    /// Pass as `since` next time; it never skips an event, even one committed late.
    pub next: String,
}

/// Postings that became public, changed, or stopped being public, in order. Poll with the
/// `next` cursor; events are never skipped, and may repeat a posting that changed several times.
#[utoipa::path(
    tag = "postings",
    params(FeedQuery),
    security((), ("api_key" = [])),
    responses(
        (status = 200, body = FeedPage),
        (status = 400, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/feed")]
pub async fn get_feed(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<FeedQuery>,
) -> Result<web::Json<FeedPage>, ApiError> {
    let mut check = QueryChecker::default();
    let since = check
        .parse("since", query.since.as_deref(), |v| {
            Cursor::decode(v).ok_or(labour_domain::Error::UnknownVariant {
                what: "cursor",
                value: v.into(),
                expected: "a cursor from `next`".into(),
            })
        })
        .unwrap_or_default();
    let limit = check
        .number(
            "limit",
            query.limit.as_deref(),
            &labour_domain::bounds::FEED_LIMIT,
        )
        .and_then(|n| i64::try_from(n).ok())
        .unwrap_or(100);
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows = labour_store::feed::read(&mut conn, since, limit).await?;
    let next = rows.last().map_or(since, |r| r.cursor());
    let postings = labour_store::feed::postings_of(&mut conn, &rows).await?;
    let events = rows
        .into_iter()
        .map(|row| {
            // An event may repeat a posting that changed several times: each gets its copy.
            let posting = (row.change == "upsert")
                .then(|| postings.get(&row.posting_id))
                .flatten()
                .filter(|p| p.is_public())
                .map(|p| Posting::listed(p.clone(), &caller));
            FeedEvent {
                change: row.change,
                posting_id: row.posting_id,
                kind: row.kind,
                at: row.at,
                posting,
            }
        })
        .collect();
    Ok(web::Json(FeedPage {
        events,
        next: next.encode(),
    }))
}
