//! `GET /api/v1/me/notifications`.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use labour_store::notifications::NotificationRow;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, Problem};
use crate::pagination::QueryChecker;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct NotificationsQuery {
    /// `true`: only unread ones.
    #[param(value_type = Option<bool>)]
    unread: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Notification {
    pub id: Uuid,
    pub posting_id: Uuid,
    /// The posting's title when it was published.
    pub title: String,
    /// The saved search that matched it (none once that search is deleted).
    pub saved_search_id: Option<Uuid>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

impl From<NotificationRow> for Notification {
    fn from(r: NotificationRow) -> Notification {
        Notification {
            id: r.id,
            posting_id: r.posting_id,
            title: r.title,
            saved_search_id: r.saved_search_id,
            created_at: r.created_at,
            read_at: r.read_at,
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Notifications {
    pub items: Vec<Notification>,
    pub page: u32,
    pub per_page: u32,
    pub total: i64,
    /// Unread notifications in all pages.
    pub unread: i64,
}

/// The signed-in worker's notifications, newest first.
#[utoipa::path(
    tag = "workers",
    params(NotificationsQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Notifications),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/notifications")]
pub async fn list_notifications(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<NotificationsQuery>,
) -> Result<web::Json<Notifications>, ApiError> {
    let account = require_own_account(&caller)?;
    let mut check = QueryChecker::default();
    let unread_only = check
        .parse("unread", query.unread.as_deref(), |v| match v {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(labour_domain::Error::UnknownVariant {
                what: "unread",
                value: other.to_owned(),
                expected: "true, false".into(),
            }),
        })
        .unwrap_or(false);
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let (rows, unread) =
        labour_store::notifications::for_account(&mut conn, account, unread_only, page).await?;
    Ok(web::Json(Notifications {
        items: rows.items.into_iter().map(Into::into).collect(),
        page: page.page(),
        per_page: page.per_page(),
        total: rows.total,
        unread,
    }))
}
