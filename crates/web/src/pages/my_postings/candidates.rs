//! `GET /account/postings/{id}/candidates`: the workers who opted in to be found, ranked for the
//! posting (as `GET /postings/{id}/candidates`), each with why they fit and only what they
//! chose to show when found.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_domain::recommendation::Reason;
use uuid::Uuid;

use super::applicants::{SharedFact, shared_facts};
use super::fail;
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::i18n::t_with;
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;

#[derive(Debug)]
pub struct CandidateShown {
    pub number: usize,
    pub name: String,
    pub fit: String,
    pub reasons: Vec<String>,
    pub missing_level: Option<String>,
    pub shared: Vec<SharedFact>,
}

#[derive(Template)]
#[template(path = "my_postings/candidates.html")]
struct CandidatesPage {
    page: Page,
    id: Uuid,
    title: String,
    candidates: Vec<CandidateShown>,
}

/// Why a worker fits, as the organisation reads it.
fn reason(lang: Lang, choices: &Choices, r: &Reason) -> String {
    let t = |key: &str| crate::i18n::t(lang, key).into_owned();
    match r {
        Reason::LevelMet { level } => t_with(
            lang,
            "my_postings.reason_code.level_met",
            &[("level", &choices.level(level))],
        ),
        Reason::LeadsToLevel { level } => t_with(
            lang,
            "my_postings.reason_code.leads_to_level",
            &[("level", &choices.level(level))],
        ),
        Reason::Skills(skills) => t_with(
            lang,
            "my_postings.reason_code.skills",
            &[("skills", &skills.join(", "))],
        ),
        Reason::StartsIn { days } => t_with(
            lang,
            "my_postings.reason_code.starts_soon",
            &[("days", &days.to_string())],
        ),
        other => t(&format!("my_postings.reason_code.{}", other.code())),
    }
}

pub async fn list(ctx: Ctx, path: web::Path<String>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = super::posting_id(&ctx, &path)?;
    let found = labour_app::candidates::list(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(fail(&ctx))?;
    let owned = super::owned(&ctx, id).await.map_err(fail(&ctx))?;
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(fail(&ctx))?;
    let candidates = found
        .into_iter()
        .enumerate()
        .map(|(i, c)| CandidateShown {
            number: i + 1,
            name: c
                .shared
                .get("full_name")
                .and_then(|n| n.as_str())
                .map(str::to_owned)
                .unwrap_or_else(|| {
                    t_with(
                        lang,
                        "my_postings.candidate_number",
                        &[("n", &(i + 1).to_string())],
                    )
                }),
            fit: t_with(
                lang,
                "my_postings.fit",
                &[("score", &c.fit.score.to_string())],
            ),
            reasons: c
                .fit
                .reasons
                .iter()
                .map(|r| reason(lang, &choices, r))
                .collect(),
            missing_level: c.fit.missing_level.as_deref().map(|l| {
                t_with(
                    lang,
                    "my_postings.missing_level",
                    &[("level", &choices.level(l))],
                )
            }),
            shared: shared_facts(lang, &choices, &c.shared),
        })
        .collect();
    Ok(ctx.render(&CandidatesPage {
        page: ctx.page(ctx.t("my_postings.candidates_title")),
        id,
        title: owned.row.title,
        candidates,
    }))
}
