//! `GET /api/v1/organisations`: the staff review queue.

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::policy::Action;
use serde::Deserialize;
use utoipa::IntoParams;

use super::Organisation;
use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::pagination::{Paginated, QueryChecker};
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ListOrganisationsQuery {
    /// `pending` (default), `verified` or `refused`.
    verification: Option<String>,
    /// From 1 to 10,000.
    #[param(value_type = Option<u32>, minimum = 1, maximum = 10000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

/// Organisations by verification state, oldest first (staff only).
#[utoipa::path(
    tag = "organisations",
    params(ListOrganisationsQuery),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Paginated<Organisation>),
        (status = 400, body = Problem, content_type = "application/problem+json"),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    caller: Caller,
    query: web::Query<ListOrganisationsQuery>,
) -> Result<web::Json<Paginated<Organisation>>, ApiError> {
    require(&caller, Action::ReviewOrganisations, || {
        ApiError::internal("never hidden")
    })?;
    let mut check = QueryChecker::default();
    let verification = check
        .parse(
            "verification",
            query.verification.as_deref(),
            Verification::parse,
        )
        .unwrap_or(Verification::Pending);
    let page = check.page(query.page.as_deref(), query.per_page.as_deref());
    check.finish()?;
    let mut conn = state.conn().await?;
    let rows =
        labour_store::organisations::list_by_verification(&mut conn, verification, page).await?;
    Ok(web::Json(Paginated::new(rows, page)))
}
