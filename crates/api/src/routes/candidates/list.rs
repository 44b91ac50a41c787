//! `GET /api/v1/postings/{id}/candidates`: the mirror of recommendations for enterprises.

use actix_web::{HttpRequest, get, web};
use labour_domain::application::snapshot;
use labour_domain::policy::Action;
use labour_domain::posting::content::Content;
use labour_domain::recommendation::fit;
use labour_domain::worker::WorkerProfile;
use serde::Serialize;
use utoipa::ToSchema;
use uuid::Uuid;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::matching::{ReasonView, reasons, requirement};
use crate::pagination::List;
use crate::routes::postings::load_for;
use crate::state::AppState;

/// Discoverable profiles weighed per request (those wanting an occupation of the group).
const WEIGHED: i64 = 1000;
const SHOWN: usize = 50;

#[derive(Debug, Serialize, ToSchema)]
pub struct Candidate {
    pub worker_id: Uuid,
    /// 0 to 100.
    pub score: u32,
    pub reasons: Vec<ReasonView>,
    /// The level the job asks for when this worker has not reached it (a trainee, not a hire).
    pub missing_level: Option<String>,
    /// Only the profile fields the worker chose to show when found.
    #[schema(value_type = Object)]
    pub shared: serde_json::Value,
}

/// Workers who opted in to be found, best fit first, each showing only what they chose to
/// share (the posting's organisation and staff).
#[utoipa::path(
    tag = "workers",
    params(("id" = Uuid, Path, description = "A job, training need or course")),
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = List<Candidate>),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/postings/{id}/candidates")]
pub async fn list_candidates(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<List<Candidate>>, ApiError> {
    let id = id.into_inner();
    let mut conn = state.conn().await?;
    let posting = load_for(&mut conn, &caller, id, Action::FindCandidates).await?;
    let content: Content =
        serde_json::from_value(posting.content.clone()).map_err(ApiError::internal)?;
    let reference = state.reference().await?;
    let group = reference
        .group_of(content.occupation_code())
        .unwrap_or_default();
    let occupations = reference.occupations_in(&[group.as_str()]);
    let profiles = labour_store::workers::discoverable(&mut conn, &occupations, WEIGHED).await?;
    let requirement = requirement(&content, &group);
    let lang = crate::lang::from_headers(req.headers());
    let mut ranked: Vec<Candidate> = profiles
        .into_iter()
        .filter_map(|row| {
            // A stored profile always parses; one that does not is skipped, not fatal.
            let profile: WorkerProfile = serde_json::from_value(row.profile.clone()).ok()?;
            let f = fit(&reference.seeker(&profile), &requirement, &reference.levels)?;
            let shared = snapshot(&row.profile, &profile.discoverable_fields()).ok()?;
            Some(Candidate {
                worker_id: row.account_id,
                score: f.score,
                reasons: reasons(&f.reasons, &reference.levels, lang),
                missing_level: f.missing_level,
                shared,
            })
        })
        .collect();
    // Those who can take the job now first, then by score.
    ranked.sort_by_key(|c| (c.missing_level.is_some(), std::cmp::Reverse(c.score)));
    ranked.truncate(SHOWN);
    Ok(web::Json(List { items: ranked }))
}
