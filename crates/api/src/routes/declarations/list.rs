//! `GET /api/v1/organisations/{id}/declarations`.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use labour_domain::policy::Action;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::pagination::List;
use crate::routes::organisations::load_for;
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct YearStatus {
    pub year: i32,
    /// `open` or `closed`.
    pub year_state: &'static str,
    /// Whether the organisation has declared for this year.
    pub declared: bool,
    pub version: Option<i32>,
    pub updated_at: Option<DateTime<Utc>>,
    /// When staff last reminded the organisation to declare.
    pub last_reminded_at: Option<DateTime<Utc>>,
}

/// Every collection year and where the organisation stands in it (its members and staff).
#[utoipa::path(
    tag = "statistics",
    params(("id" = Uuid, Path, description = "The enterprise")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<YearStatus>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations/{id}/declarations")]
pub async fn list_declarations(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<YearStatus>>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let _org = load_for(&mut conn, &caller, id, Action::ReadDeclarations).await?;
    let years = labour_store::declarations::years(&mut conn).await?;
    let declared = labour_store::declarations::for_organisation(&mut conn, id).await?;
    let reminders = labour_store::declarations::reminders_of(&mut conn, id).await?;
    Ok(web::Json(List {
        items: years
            .into_iter()
            .map(|y| {
                let d = declared.iter().find(|d| d.year == y.year);
                YearStatus {
                    year: y.year,
                    year_state: if y.closed_at.is_some() {
                        "closed"
                    } else {
                        "open"
                    },
                    declared: d.is_some(),
                    version: d.map(|d| d.version),
                    updated_at: d.map(|d| d.updated_at),
                    last_reminded_at: reminders
                        .iter()
                        .find(|(year, _)| *year == y.year)
                        .map(|(_, at)| *at),
                }
            })
            .collect(),
    }))
}
