//! `GET /api/v1/me/recommendations`: jobs that fit the worker's profile, and for good jobs the
//! worker cannot take yet, the courses that lead to them.

use actix_web::{HttpRequest, get, web};
use chrono::Utc;
use labour_domain::posting::Kind;
use labour_domain::posting::content::Content;
use labour_domain::recommendation::{Fit, course_for_gap, fit};
use labour_domain::worker::WorkerProfile;
use labour_search::{Attribute, Filter, SearchEngine, SearchHit, SearchRequest, Sort};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::auth::{Caller, require_own_account};
use crate::errors::{ApiError, ErrorCode, Problem};
use crate::lang::Lang;
use crate::matching::{ReasonView, Reference, course_offer, job_requirement, reasons};
use crate::routes::search::{SearchItem, unavailable};
use crate::state::AppState;

/// How many published postings each candidate search brings to be weighed. Loading a stored
/// document is most of a recommendation's cost, so a few narrow searches beat one wide one.
const CANDIDATES: usize = 30;
const JOBS_SHOWN: usize = 20;
const GAPS_SHOWN: usize = 5;
const COURSES_PER_GAP: usize = 3;
/// A job is worth training for when it is in the worker's trade or group and place.
const GOOD_JOB: u32 = 40;

#[derive(Debug, Serialize, ToSchema)]
pub struct Recommendations {
    /// Open jobs the worker can take now, best fit first.
    pub jobs: Vec<Recommended>,
    /// Good jobs that ask for a level the worker has not reached, each with the courses that
    /// lead to it.
    pub gaps: Vec<Gap>,
    /// What to add to the profile to get (better) suggestions, when something is missing.
    pub hint: Option<String>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Recommended {
    pub posting: SearchItem,
    /// 0 to 100.
    pub score: u32,
    pub reasons: Vec<ReasonView>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct Gap {
    pub job: Recommended,
    /// The training level the job asks for.
    pub missing_level: String,
    /// Courses that reach that level in the job's occupation or group, soonest and nearest first.
    pub courses: Vec<Recommended>,
}

fn no_profile() -> ApiError {
    ApiError::new(ErrorCode::ResourceNotFound).detail(
        "Bạn chưa có hồ sơ; hãy tạo hồ sơ (PUT /api/v1/me/profile) để nhận gợi ý.",
        "You have no profile yet; create one (PUT /api/v1/me/profile) to get suggestions.",
    )
}

async fn search(state: &AppState, request: SearchRequest) -> Result<Vec<SearchHit>, ApiError> {
    Ok(state
        .search
        .search(request)
        .await
        .map_err(unavailable)?
        .hits)
}

fn candidates(kind: Kind, filters: Vec<Filter>, sort: Sort) -> SearchRequest {
    SearchRequest {
        kinds: vec![kind],
        query: String::new(),
        filters,
        facets: vec![],
        sort,
        offset: 0,
        limit: CANDIDATES,
    }
}

/// Open jobs worth weighing, each once: the newest in the worker's own occupations and in their
/// groups, each first where the worker wants to work (as the fit ranks them); with no trade
/// given, where the worker wants to work.
async fn job_candidates(
    state: &AppState,
    seeker: &labour_domain::recommendation::Seeker,
    today: chrono::NaiveDate,
) -> Result<Vec<SearchHit>, ApiError> {
    let open = Filter::DeadlineFrom(today);
    let place = place_filter(seeker);
    let trades = [
        Filter::AnyOf(
            Attribute::OccupationCode,
            seeker.occupations.iter().cloned().collect(),
        ),
        Filter::AnyOf(
            Attribute::OccupationGroup,
            seeker.groups.iter().cloned().collect(),
        ),
    ];
    let mut searches = Vec::new();
    if seeker.groups.is_empty() {
        searches.extend(place.map(|p| vec![open.clone(), p]));
    } else {
        for trade in trades {
            if let Some(place) = &place {
                searches.push(vec![open.clone(), trade.clone(), place.clone()]);
            }
            searches.push(vec![open.clone(), trade]);
        }
    }
    let mut seen = std::collections::HashSet::new();
    let mut hits = Vec::new();
    for filters in searches {
        for hit in search(state, candidates(Kind::Job, filters, Sort::Newest)).await? {
            if seen.insert(hit.document.id) {
                hits.push(hit);
            }
        }
    }
    Ok(hits)
}

fn shown(hit: SearchHit, fit: &Fit, reference: &Reference, lang: Lang) -> Recommended {
    Recommended {
        score: fit.score,
        reasons: reasons(&fit.reasons, &reference.levels, lang),
        posting: SearchItem::from(hit),
    }
}

/// Jobs ranked by fit with the profile, and courses that close the level gap to good jobs.
#[utoipa::path(
    tag = "workers",
    security(("bearer_token" = [])),
    responses(
        (status = 200, body = Recommendations),
        (status = 401, body = Problem, content_type = "application/problem+json"),
        (status = 403, body = Problem, content_type = "application/problem+json"),
        (status = 404, body = Problem, content_type = "application/problem+json"),
        (status = 503, body = Problem, content_type = "application/problem+json"),
    )
)]
#[get("/me/recommendations")]
pub async fn get_my_recommendations(
    req: HttpRequest,
    state: web::Data<AppState>,
    caller: Caller,
) -> Result<web::Json<Recommendations>, ApiError> {
    let account = require_own_account(&caller)?;
    let lang = crate::lang::from_headers(req.headers());
    let mut conn = state.conn().await?;
    let row = labour_store::workers::find(&mut conn, account)
        .await?
        .ok_or_else(no_profile)?;
    let profile: WorkerProfile = serde_json::from_value(row.profile).map_err(ApiError::internal)?;
    let reference = state.reference().await?;
    drop(conn);
    let seeker = reference.seeker(&profile);
    if seeker.is_empty() {
        return Ok(web::Json(Recommendations {
            jobs: vec![],
            gaps: vec![],
            hint: Some(hint(lang)),
        }));
    }
    let today = Utc::now().date_naive();
    let mut fitting = Vec::new();
    let mut gaps = Vec::new();
    for hit in job_candidates(&state, &seeker, today).await? {
        let Ok(Content::Job(job)) = Content::deserialize(&hit.document.content) else {
            continue;
        };
        let group = hit.document.occupation_group.clone();
        let Some(f) = fit(&seeker, &job_requirement(&job, &group), &reference.levels) else {
            continue;
        };
        match &f.missing_level {
            None => fitting.push((f, hit, job)),
            Some(_) if f.score >= GOOD_JOB => gaps.push((f, hit, job)),
            Some(_) => {}
        }
    }
    // Best fit first; among equals the newest (the search order), as the sort is stable.
    fitting.sort_by_key(|f| std::cmp::Reverse(f.0.score));
    gaps.sort_by_key(|g| std::cmp::Reverse(g.0.score));
    gaps.truncate(GAPS_SHOWN);

    let courses = if gaps.is_empty() {
        Vec::new()
    } else {
        let occupations: Vec<String> = gaps
            .iter()
            .map(|(_, h, _)| h.document.occupation_code.clone())
            .collect();
        let groups: Vec<String> = gaps
            .iter()
            .map(|(_, h, _)| h.document.occupation_group.clone())
            .collect();
        let mut found = Vec::new();
        let mut seen = std::collections::HashSet::new();
        // The jobs' own occupations, then their groups; soonest first, as a course that starts
        // soon closes the gap soonest.
        for trade in [
            Filter::AnyOf(Attribute::OccupationCode, occupations),
            Filter::AnyOf(Attribute::OccupationGroup, groups),
        ] {
            let filters = vec![
                trade,
                Filter::AnyOf(Attribute::Level, reference.levels.above(seeker.level_rank)),
                Filter::StartBetween(Some(today), None),
            ];
            for hit in search(&state, candidates(Kind::Course, filters, Sort::StartDate)).await? {
                if seen.insert(hit.document.id) {
                    found.push(hit);
                }
            }
        }
        found
    };
    let courses: Vec<(SearchHit, labour_domain::posting::content::CourseContent)> = courses
        .into_iter()
        .filter_map(|h| match Content::deserialize(&h.document.content) {
            Ok(Content::Course(c)) => Some((h, c)),
            _ => None,
        })
        .collect();

    let gaps = gaps
        .into_iter()
        .map(|(f, hit, job)| {
            let group = hit.document.occupation_group.clone();
            let requirement = job_requirement(&job, &group);
            let mut ranked: Vec<(Fit, &SearchHit)> = courses
                .iter()
                .filter_map(|(h, c)| {
                    let offer = course_offer(c, &h.document.occupation_group);
                    course_for_gap(&seeker, &requirement, &offer, &reference.levels, today)
                        .map(|f| (f, h))
                })
                .collect();
            ranked.sort_by_key(|c| std::cmp::Reverse(c.0.score));
            Gap {
                missing_level: f.missing_level.clone().unwrap_or_default(),
                courses: ranked
                    .into_iter()
                    .take(COURSES_PER_GAP)
                    .map(|(f, h)| shown(h.clone(), &f, &reference, lang))
                    .collect(),
                job: shown(hit, &f, &reference, lang),
            }
        })
        .collect();
    Ok(web::Json(Recommendations {
        jobs: fitting
            .into_iter()
            .take(JOBS_SHOWN)
            .map(|(f, hit, _)| shown(hit, &f, &reference, lang))
            .collect(),
        gaps,
        hint: (profile.desired_occupations.is_empty()).then(|| hint(lang)),
    }))
}

/// Where the worker wants to work: the chosen zones, else the commune; none when neither.
fn place_filter(seeker: &labour_domain::recommendation::Seeker) -> Option<Filter> {
    if !seeker.zones.is_empty() {
        Some(Filter::AnyOf(
            Attribute::ZoneId,
            seeker.zones.iter().map(ToString::to_string).collect(),
        ))
    } else {
        let commune = seeker.commune_code.clone()?;
        Some(Filter::AnyOf(Attribute::CommuneCode, vec![commune]))
    }
}

fn hint(lang: Lang) -> String {
    if lang == Lang::En {
        "Add the occupations you want (desired_occupations) and your training level to your profile for better suggestions.".into()
    } else {
        "Hãy thêm nghề bạn muốn làm (desired_occupations) và trình độ đào tạo vào hồ sơ để nhận gợi ý tốt hơn.".into()
    }
}
