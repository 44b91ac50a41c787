//! Jobs that fit the signed-in worker's profile, and for good jobs the worker cannot take yet,
//! the courses that lead to them. The fit and what counts as a gap are the domain's
//! (`recommendation`); this gathers the candidates from the search engine, concurrently.

use std::collections::HashSet;

use chrono::{NaiveDate, Utc};
use futures_util::future::try_join_all;
use labour_domain::posting::Kind;
use labour_domain::posting::content::{Content, CourseContent};
use labour_domain::recommendation::{
    COURSES_PER_GAP, Fit, GAPS_SHOWN, JOBS_SHOWN, Seeker, Standing, course_for_gap, fit, rank,
};
use labour_domain::worker::WorkerProfile;
use labour_search::{Attribute, Filter, SearchEngine, SearchHit, SearchRequest, Sort};
use serde::Deserialize;

use crate::errors::{Error, ErrorCode};
use crate::lang::Text;
use crate::matching::{course_offer, job_requirement};
use crate::{App, Caller, policy};

/// How many published postings each candidate search brings to be weighed. Loading a stored
/// document is most of a recommendation's cost, so a few narrow searches beat one wide one.
const CANDIDATES: usize = 30;

/// A posting suggested, with how well it fits.
#[derive(Debug, Clone)]
pub struct Suggestion {
    pub hit: SearchHit,
    pub fit: Fit,
}

/// A good job the worker cannot take yet, with the courses that lead to it.
#[derive(Debug, Clone)]
pub struct Gap {
    pub job: Suggestion,
    /// The training level the job asks for.
    pub missing_level: String,
    /// Soonest and nearest first.
    pub courses: Vec<Suggestion>,
}

#[derive(Debug, Clone)]
pub struct Recommendations {
    /// Open jobs the worker can take now, best fit first.
    pub jobs: Vec<Suggestion>,
    pub gaps: Vec<Gap>,
    /// What to add to the profile to get (better) suggestions, when something is missing.
    pub hint: Option<Text>,
}

fn no_profile() -> Error {
    Error::new(ErrorCode::ResourceNotFound).detail(
        "Bạn chưa có hồ sơ; hãy tạo hồ sơ (PUT /api/v1/me/profile) để nhận gợi ý.",
        "You have no profile yet; create one (PUT /api/v1/me/profile) to get suggestions.",
    )
}

fn hint() -> Text {
    Text::new(
        "Hãy thêm nghề bạn muốn làm (desired_occupations) và trình độ đào tạo vào hồ sơ để nhận gợi ý tốt hơn.",
        "Add the occupations you want (desired_occupations) and your training level to your profile for better suggestions.",
    )
}

/// The answer when the search engine cannot be reached.
pub fn search_unavailable(e: labour_search::Error) -> Error {
    Error::new(ErrorCode::SearchUnavailable)
        .detail(
            "Tìm kiếm tạm thời không dùng được; vui lòng thử lại sau ít phút.",
            "Search is unavailable for now; please try again in a few minutes.",
        )
        .with_cause(e)
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

/// Runs the searches at once and keeps each hit once, in the order of the searches.
async fn search_all(app: &App, requests: Vec<SearchRequest>) -> crate::Result<Vec<SearchHit>> {
    let pages = try_join_all(requests.into_iter().map(|r| app.search.search(r)))
        .await
        .map_err(search_unavailable)?;
    let mut seen = HashSet::new();
    Ok(pages
        .into_iter()
        .flat_map(|page| page.hits)
        .filter(|hit| seen.insert(hit.document.id))
        .collect())
}

/// Where the worker wants to work: the chosen zones, else the commune; none when neither.
fn place_filter(seeker: &Seeker) -> Option<Filter> {
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

/// The searches for open jobs worth weighing: the newest in the worker's own occupations and
/// in their groups, each first where the worker wants to work (as the fit ranks them); with no
/// trade given, where the worker wants to work.
fn job_searches(seeker: &Seeker, today: NaiveDate) -> Vec<SearchRequest> {
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
    searches
        .into_iter()
        .map(|filters| candidates(Kind::Job, filters, Sort::Newest))
        .collect()
}

/// The signed-in worker's recommendations.
pub async fn recommendations(app: &App, caller: &Caller) -> crate::Result<Recommendations> {
    let account = policy::require_own_account(caller)?;
    let row = {
        let mut conn = app.conn().await?;
        labour_store::workers::find(&mut conn, account)
            .await?
            .ok_or_else(no_profile)?
    };
    let profile: WorkerProfile = serde_json::from_value(row.profile).map_err(Error::internal)?;
    let reference = app.reference().await?;
    let seeker = reference.seeker(&profile);
    if seeker.is_empty() {
        return Ok(Recommendations {
            jobs: vec![],
            gaps: vec![],
            hint: Some(hint()),
        });
    }
    let today = Utc::now().date_naive();
    let mut fitting = Vec::new();
    let mut gaps = Vec::new();
    for hit in search_all(app, job_searches(&seeker, today)).await? {
        let Ok(Content::Job(job)) = Content::deserialize(&hit.document.content) else {
            continue;
        };
        let group = hit.document.occupation_group.clone();
        let Some(f) = fit(&seeker, &job_requirement(&job, &group), &reference.levels) else {
            continue;
        };
        match f.standing() {
            Standing::Fits => fitting.push((f, (hit, job))),
            Standing::Gap => gaps.push((f, (hit, job))),
            Standing::Neither => {}
        }
    }
    rank(&mut fitting);
    rank(&mut gaps);
    gaps.truncate(GAPS_SHOWN);

    let courses = if gaps.is_empty() {
        Vec::new()
    } else {
        let occupations = gaps
            .iter()
            .map(|(_, (h, _))| h.document.occupation_code.clone())
            .collect();
        let groups = gaps
            .iter()
            .map(|(_, (h, _))| h.document.occupation_group.clone())
            .collect();
        // The jobs' own occupations, then their groups; soonest first, as a course that starts
        // soon closes the gap soonest.
        let searches = [
            Filter::AnyOf(Attribute::OccupationCode, occupations),
            Filter::AnyOf(Attribute::OccupationGroup, groups),
        ]
        .into_iter()
        .map(|trade| {
            let filters = vec![
                trade,
                Filter::AnyOf(Attribute::Level, reference.levels.above(seeker.level_rank)),
                Filter::StartBetween(Some(today), None),
            ];
            candidates(Kind::Course, filters, Sort::StartDate)
        })
        .collect();
        search_all(app, searches).await?
    };
    let courses: Vec<(SearchHit, CourseContent)> = courses
        .into_iter()
        .filter_map(|h| match Content::deserialize(&h.document.content) {
            Ok(Content::Course(c)) => Some((h, c)),
            _ => None,
        })
        .collect();

    let gaps = gaps
        .into_iter()
        .map(|(f, (hit, job))| {
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
            rank(&mut ranked);
            Gap {
                missing_level: f.missing_level.clone().unwrap_or_default(),
                courses: ranked
                    .into_iter()
                    .take(COURSES_PER_GAP)
                    .map(|(fit, h)| Suggestion {
                        hit: h.clone(),
                        fit,
                    })
                    .collect(),
                job: Suggestion { hit, fit: f },
            }
        })
        .collect();
    Ok(Recommendations {
        jobs: fitting
            .into_iter()
            .take(JOBS_SHOWN)
            .map(|(fit, (hit, _))| Suggestion { hit, fit })
            .collect(),
        gaps,
        hint: profile.desired_occupations.is_empty().then(hint),
    })
}
