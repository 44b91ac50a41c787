//! Jobs that fit the signed-in worker's profile, with the reasons, and for good jobs one
//! training level away, the courses that lead there: the same use case as
//! `GET /api/v1/me/recommendations`.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::me::recommendations::Suggestion;
use labour_domain::recommendation::Levels;
use uuid::Uuid;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::lang::Lang;
use crate::pages::account::sign_in_first;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/recommendations", web::get().to(show));
}

#[derive(Debug)]
struct Shown {
    id: Uuid,
    title: String,
    organisation: String,
    place: String,
    fit: String,
    reasons: Vec<String>,
}

#[derive(Debug)]
struct GapShown {
    job: Shown,
    level: String,
    courses: Vec<Shown>,
}

#[derive(Template)]
#[template(path = "recommendations.html")]
struct RecommendationsPage {
    page: Page,
    has_profile: bool,
    hint: bool,
    jobs: Vec<Shown>,
    gaps: Vec<GapShown>,
}

fn shown(s: Suggestion, levels: &Levels, lang: Lang) -> Shown {
    let en = lang == Lang::En;
    let d = s.hit.document;
    Shown {
        id: d.id,
        place: [d.zone_name, d.commune_name]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        title: d.title,
        organisation: d.organisation_name,
        fit: crate::i18n::t_with(
            lang,
            "recommendations.fit",
            &[("score", &s.fit.score.to_string())],
        ),
        reasons: s.fit.reasons.iter().map(|r| r.text(levels, en)).collect(),
    }
}

async fn show(ctx: Ctx) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let found = match labour_app::me::recommendations(&ctx.state.app, &ctx.caller).await {
        Ok(found) => found,
        // No profile yet: the page says how to get suggestions.
        Err(e) if e.code == ErrorCode::ResourceNotFound => {
            return Ok(ctx.render(&RecommendationsPage {
                page: ctx.page(ctx.t("recommendations.title")),
                has_profile: false,
                hint: false,
                jobs: Vec::new(),
                gaps: Vec::new(),
            }));
        }
        Err(e) => return Err(WebError::new(e, lang)),
    };
    let reference = ctx
        .state
        .app
        .reference()
        .await
        .map_err(|e| WebError::new(e, lang))?;
    let levels = &reference.levels;
    Ok(ctx.render(&RecommendationsPage {
        page: ctx.page(ctx.t("recommendations.title")),
        has_profile: true,
        hint: found.hint.is_some(),
        jobs: found
            .jobs
            .into_iter()
            .map(|s| shown(s, levels, lang))
            .collect(),
        gaps: found
            .gaps
            .into_iter()
            .map(|g| GapShown {
                level: levels.name(&g.missing_level, lang == Lang::En),
                job: shown(g.job, levels, lang),
                courses: g
                    .courses
                    .into_iter()
                    .map(|s| shown(s, levels, lang))
                    .collect(),
            })
            .collect(),
    }))
}
