//! `GET /api/v1/me/recommendations`: jobs that fit the worker's profile, and for good jobs the
//! worker cannot take yet, the courses that lead to them.

use actix_web::{HttpRequest, get, web};
use labour_app::me::recommendations::Suggestion;
use labour_domain::recommendation::Levels;
use serde::Serialize;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::errors::{ApiError, Problem};
use crate::lang::Lang;
use crate::matching::{ReasonView, reasons};
use crate::routes::search::SearchItem;
use crate::state::AppState;

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

fn shown(s: Suggestion, levels: &Levels, lang: Lang) -> Recommended {
    Recommended {
        score: s.fit.score,
        reasons: reasons(&s.fit.reasons, levels, lang),
        posting: SearchItem::from(s.hit),
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
    let lang = crate::lang::from_headers(req.headers());
    let found = labour_app::me::recommendations(&state.app, &caller).await?;
    let reference = state.reference().await?;
    let levels = &reference.levels;
    Ok(web::Json(Recommendations {
        jobs: found
            .jobs
            .into_iter()
            .map(|s| shown(s, levels, lang))
            .collect(),
        gaps: found
            .gaps
            .into_iter()
            .map(|g| Gap {
                job: shown(g.job, levels, lang),
                missing_level: g.missing_level,
                courses: g
                    .courses
                    .into_iter()
                    .map(|s| shown(s, levels, lang))
                    .collect(),
            })
            .collect(),
        hint: found.hint.map(|h| h.get(lang).to_owned()),
    }))
}
