//! `GET /api/v1/moderation/queue`.

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::{Kind, State};
use labour_store::postings::Filter;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Paginated, QueryChecker};
use crate::routes::postings::Posting;
use crate::routes::postings::list::parse_uuid;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct QueueQuery {
    kind: Option<String>,
    #[param(value_type = Option<uuid::Uuid>)]
    zone: Option<String>,
    #[param(value_type = Option<uuid::Uuid>)]
    organisation: Option<String>,
    /// Only items waiting at least this many days (0 to 3650).
    #[param(value_type = Option<u32>, minimum = 0, maximum = 3650)]
    older_than_days: Option<String>,
    /// `true`: only reported postings.
    #[param(value_type = Option<bool>)]
    reported: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItem {
    #[serde(flatten)]
    pub posting: Posting,
    /// The organisation's verification: `pending` items wait for it before approval.
    pub organisation_verification: String,
    /// What staff are asked to decide: `new`, `revision` or `reports`.
    pub review: &'static str,
}

/// Pending postings, revisions of published ones, and reported published ones: the most
/// reported and flagged first, then the longest waiting.
#[utoipa::path(
    tag = "moderation",
    params(QueueQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Paginated<QueueItem>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/moderation/queue")]
pub async fn get_moderation_queue(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<QueueQuery>,
) -> Result<web::Json<Paginated<QueueItem>>, ApiError> {
    require(&caller, Action::ModerationQueue, || {
        ApiError::internal("never hidden")
    })?;
    let mut check = QueryChecker::default();
    let reported = |v: &str| match v {
        "true" => Ok(true),
        "false" => Ok(false),
        other => Err(labour_domain::Error::UnknownVariant {
            what: "reported",
            value: other.into(),
            expected: "true, false".into(),
        }),
    };
    let filter = Filter {
        kind: check.parse("kind", query.kind.as_deref(), Kind::parse),
        zone: check.parse("zone", query.zone.as_deref(), parse_uuid),
        organisation: check.parse("organisation", query.organisation.as_deref(), parse_uuid),
        older_than_days: check
            .number(
                "older_than_days",
                query.older_than_days.as_deref(),
                &labour_domain::bounds::OLDER_THAN_DAYS,
            )
            .and_then(|d| u32::try_from(d).ok()),
        reported_only: check
            .parse("reported", query.reported.as_deref(), reported)
            .unwrap_or(false),
        state: None,
    };
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows = labour_store::postings::moderation_queue(&mut conn, &filter, page).await?;
    Ok(web::Json(Paginated {
        items: rows
            .items
            .into_iter()
            .map(|(row, verification)| {
                let review = if row.state == State::Pending {
                    "new"
                } else if row.revision.is_some() {
                    "revision"
                } else {
                    "reports"
                };
                QueueItem {
                    posting: Posting::for_caller(row, &caller),
                    organisation_verification: verification,
                    review,
                }
            })
            .collect(),
        page: page.page(),
        per_page: page.per_page(),
        total: rows.total,
    }))
}
