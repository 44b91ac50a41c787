//! `GET /api/v1/moderation/counts`.

use std::collections::BTreeMap;

use actix_web::{get, web};
use labour_domain::ClosedSet;
use labour_domain::policy::Action;
use labour_domain::posting::State;
use serde::Serialize;
use strum::IntoEnumIterator;
use utoipa::ToSchema;

use crate::auth::{Caller, require};
use crate::errors::{ApiError, Problem};
use crate::state::AppState;

#[derive(Debug, Serialize, ToSchema)]
pub struct Counts {
    /// Postings in each state.
    pub by_state: BTreeMap<String, i64>,
    /// Published postings with an edit waiting for review.
    pub revisions: i64,
    /// Published postings that someone reported.
    pub reported: i64,
}

/// How much waits for staff, and how many postings are in each state.
#[utoipa::path(
    tag = "moderation",
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Counts),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/moderation/counts")]
pub async fn get_moderation_counts(
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<Counts>, ApiError> {
    require(&caller, Action::ModerationQueue, || {
        ApiError::internal("never hidden")
    })?;
    let mut conn = state.conn().await?;
    let (by_state, revisions, reported) = labour_store::postings::counts(&mut conn).await?;
    // Every state, with zero for those no posting is in.
    let mut map: BTreeMap<String, i64> =
        State::iter().map(|s| (s.as_str().to_owned(), 0)).collect();
    map.extend(
        by_state
            .into_iter()
            .map(|(s, n)| (s.as_str().to_owned(), n)),
    );
    Ok(web::Json(Counts {
        by_state: map,
        revisions,
        reported,
    }))
}
