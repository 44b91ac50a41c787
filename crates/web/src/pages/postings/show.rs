//! `GET /postings/{id}`: everything a worker needs to decide (pay, shifts, place, level,
//! deadline, benefits, how to apply), the organisation and its standing, sharing and reporting,
//! and the schema.org JSON-LD search engines read.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::postings::read::Shown;
use labour_domain::ClosedSet;
use labour_domain::organisation::Verification;
use labour_domain::posting::Content;
use serde::Deserialize;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::format;
use crate::lang::Lang;

/// One line of the page's summary list.
#[derive(Debug)]
pub struct Fact {
    /// The line's id (`fact-<key>`), for the tests and for links into the page.
    pub key: &'static str,
    pub label: String,
    pub value: String,
    pub href: Option<String>,
}

/// How a person takes the posting up.
#[derive(Debug)]
pub enum HowTo {
    /// A job: the apply page (or the day the person applied), and who to contact.
    Apply {
        href: String,
        applied: Option<String>,
        contact: Vec<Fact>,
    },
    /// A course: register interest with the school (the same use case as applying), or the
    /// day the person did.
    Enrol {
        href: String,
        applied: Option<String>,
    },
    /// A training need: schools offer to run it.
    Offer,
}

#[derive(Template)]
#[template(path = "postings/show.html")]
struct Show {
    page: Page,
    id: String,
    kind: String,
    title: String,
    description: Vec<String>,
    organisation: String,
    organisation_href: Option<String>,
    verified: bool,
    verification: String,
    facts: Vec<Fact>,
    how_to: HowTo,
    public: bool,
    reported: bool,
    share_url: String,
    /// The JSON-LD, already safe inside a script element.
    json_ld: Option<String>,
    /// A training need: a school member's way to offer, the enterprise's way to the offers.
    offer_href: Option<String>,
    offers_href: Option<String>,
    /// Set when the owner previews the page before it is public.
    preview: Option<Preview>,
}

/// What the owner's preview adds to the public page: a clear mark, and the ways to change the
/// posting or send it to review.
#[derive(Debug)]
pub struct Preview {
    pub owner_href: String,
    pub edit_href: Option<String>,
    /// The form that sends a draft to review, with the version read.
    pub submit: Option<(String, i32)>,
}

#[derive(Debug, Deserialize)]
pub struct ShowQuery {
    reported: Option<String>,
}

pub async fn show(
    ctx: Ctx,
    path: web::Path<String>,
    query: web::Query<ShowQuery>,
) -> Result<HttpResponse, WebError> {
    let id = super::id(&ctx, &path)?;
    let shown = labour_app::postings::read::read(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    let share_url = format!("{}/postings/{id}", ctx.state.app.public_url);
    let public = shown.posting.row.is_public();
    // Only what is published is offered to search engines.
    let json_ld = public
        .then(|| labour_app::postings::jsonld::json_ld(&shown.posting, &share_url))
        .flatten()
        .map(|doc| labour_app::postings::jsonld::json_ld_text(&doc));
    let lang = ctx.lang;
    let Shown {
        posting,
        content,
        organisation,
        level,
    } = shown;
    let level = level.map(|l| l.get(lang).to_owned());
    let facts = facts(lang, &posting, &content, level);
    let how_to = match &content {
        Content::Job(j) => HowTo::Apply {
            href: format!("/postings/{id}/apply"),
            applied: labour_app::applications::applied_at(&ctx.state.app, &ctx.caller, id)
                .await
                .map_err(|e| WebError::new(e, lang))?
                .map(|at| crate::format::date(lang, at.date_naive())),
            contact: contact(lang, &j.contact),
        },
        Content::Course(_) => HowTo::Enrol {
            href: format!("/postings/{id}/apply"),
            applied: labour_app::applications::applied_at(&ctx.state.app, &ctx.caller, id)
                .await
                .map_err(|e| WebError::new(e, lang))?
                .map(|at| crate::format::date(lang, at.date_naive())),
        },
        Content::TrainingNeed(_) => HowTo::Offer,
    };
    let title = content.title().to_owned();
    let (offer_href, offers_href) = match (&content, &ctx.caller.actor) {
        (Content::TrainingNeed(_), labour_domain::policy::Actor::Account { memberships, .. }) => (
            (public
                && memberships
                    .iter()
                    .any(|m| m.kind == labour_domain::organisation::OrganisationKind::School))
            .then(|| format!("/postings/{id}/offer")),
            memberships
                .iter()
                .any(|m| m.organisation == posting.row.organisation_id)
                .then(|| format!("/account/postings/{id}/offers")),
        ),
        _ => (None, None),
    };
    let page = Show {
        page: ctx.page(title.clone()),
        id: id.to_string(),
        kind: ctx.t(&super::kind_key(posting.row.kind)).into_owned(),
        title,
        description: paragraphs(content.description()),
        organisation_href: organisation
            .has_page
            .then(|| format!("/organisations/{}", organisation.id)),
        organisation: organisation.name,
        verified: organisation.verification == Verification::Verified,
        verification: ctx
            .t(&format!(
                "organisation.verification.{}",
                organisation.verification.as_str()
            ))
            .into_owned(),
        facts,
        how_to,
        public,
        reported: query.reported.is_some(),
        share_url,
        json_ld,
        offer_href,
        offers_href,
        preview: None,
    };
    Ok(ctx.render(&page))
}

/// The page as workers will see it, for its owner before staff approve it (`content` may be an
/// edit under review): marked as a preview, without the ways to apply, share or report.
pub fn preview(ctx: &Ctx, shown: Shown, preview: Preview) -> HttpResponse {
    let lang = ctx.lang;
    let Shown {
        posting,
        content,
        organisation,
        level,
    } = shown;
    let level = level.map(|l| l.get(lang).to_owned());
    let facts = facts(lang, &posting, &content, level);
    let how_to = match &content {
        Content::Job(j) => HowTo::Apply {
            href: "#preview".to_owned(),
            applied: None,
            contact: contact(lang, &j.contact),
        },
        Content::Course(_) => HowTo::Enrol {
            href: "#preview".to_owned(),
            applied: None,
        },
        Content::TrainingNeed(_) => HowTo::Offer,
    };
    let title = content.title().to_owned();
    let id = posting.row.id;
    let page = Show {
        page: ctx.page(title.clone()),
        id: id.to_string(),
        kind: ctx.t(&super::kind_key(posting.row.kind)).into_owned(),
        title,
        description: paragraphs(content.description()),
        organisation_href: None,
        organisation: organisation.name,
        verified: organisation.verification == Verification::Verified,
        verification: ctx
            .t(&format!(
                "organisation.verification.{}",
                organisation.verification.as_str()
            ))
            .into_owned(),
        facts,
        how_to,
        public: false,
        reported: false,
        share_url: format!("{}/postings/{id}", ctx.state.app.public_url),
        json_ld: None,
        offer_href: None,
        offers_href: None,
        preview: Some(preview),
    };
    ctx.render(&page)
}

/// The description's paragraphs (blank lines between them in the text).
pub fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The name of a value of one of the content's closed sets (`night`, `shuttle_bus`...).
fn name(value: &impl serde::Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The translated names of a list of values, joined.
fn names<T: serde::Serialize>(lang: Lang, area: &str, values: &[T]) -> String {
    values
        .iter()
        .map(|v| crate::i18n::t(lang, &format!("posting.{area}.{}", name(v))).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn facts(
    lang: Lang,
    posting: &labour_store::postings::ForIndex,
    content: &Content,
    level: Option<String>,
) -> Vec<Fact> {
    let t = |key: &str| crate::i18n::t(lang, key).into_owned();
    let mut out = Vec::new();
    let mut add = |key: &'static str, value: String, href: Option<String>| {
        if !value.is_empty() {
            out.push(Fact {
                key,
                label: t(&format!("posting.fact.{key}")),
                value,
                href,
            });
        }
    };
    let zone_href = content.zone_id().map(|z| format!("/zones/{z}"));
    let zone = posting.zone_name.clone().unwrap_or_default();
    let commune = posting.commune_name.clone().unwrap_or_default();
    let occupation = posting.occupation_name.clone();
    let count = |n: u32| n.to_string();
    match content {
        Content::Job(j) => {
            add("salary", format::salary(lang, &j.salary), None);
            add("shifts", names(lang, "shift", &j.shifts), None);
            add("zone", zone, zone_href);
            add("commune", commune, None);
            add("address", j.address.clone().unwrap_or_default(), None);
            add("occupation", occupation, None);
            add(
                "level",
                level.unwrap_or_else(|| t("posting.level_none")),
                None,
            );
            let experience = match j.experience_years {
                0 => t("posting.experience_none"),
                n => {
                    crate::i18n::t_with(lang, "posting.experience_years", &[("n", &n.to_string())])
                }
            };
            add("experience", experience, None);
            add("headcount", count(j.headcount), None);
            add("deadline", format::date(lang, j.deadline), None);
            add(
                "start",
                j.start_date
                    .map(|d| format::date(lang, d))
                    .unwrap_or_default(),
                None,
            );
            add("benefits", names(lang, "benefit", &j.benefits), None);
            add("skills", j.skills.join(", "), None);
            add("languages", j.languages.join(", "), None);
        }
        Content::Course(c) => {
            add("level", level.unwrap_or_default(), None);
            add("occupation", occupation, None);
            add(
                "duration",
                crate::i18n::t_with(
                    lang,
                    "posting.duration_weeks",
                    &[("n", &c.duration_weeks.to_string())],
                ),
                None,
            );
            let starts: Vec<String> = c
                .start_dates
                .iter()
                .map(|d| format::date(lang, *d))
                .collect();
            add("starts", starts.join(", "), None);
            add(
                "enrolment_deadline",
                c.enrolment_deadline
                    .map(|d| format::date(lang, d))
                    .unwrap_or_default(),
                None,
            );
            add("seats", count(c.seats), None);
            let tuition = match c.tuition_vnd {
                0 => t("posting.tuition_free"),
                n => format::vnd(lang, n),
            };
            add("tuition", tuition, None);
            add("support", names(lang, "support", &c.learner_support), None);
            add(
                "support_note",
                c.support_note.clone().unwrap_or_default(),
                None,
            );
            add("mode", t(&format!("posting.mode.{}", name(&c.mode))), None);
            add("zone", zone, zone_href);
            add("commune", commune, None);
            add("address", c.address.clone().unwrap_or_default(), None);
            add("certificate", c.certificate.clone(), None);
        }
        Content::TrainingNeed(n) => {
            add("occupation", occupation, None);
            add("level", level.unwrap_or_default(), None);
            add("trainees", count(n.trainees), None);
            add(
                "purpose",
                t(&format!("posting.purpose.{}", name(&n.purpose))),
                None,
            );
            add(
                "period",
                format!(
                    "{} – {}",
                    format::date(lang, n.period_start),
                    format::date(lang, n.period_end)
                ),
                None,
            );
            add(
                "place",
                t(&format!("posting.place.{}", name(&n.place))),
                None,
            );
            add("zone", zone, zone_href);
            add("commune", commune, None);
            add(
                "commits_to_hire",
                t(if n.commits_to_hire {
                    "posting.yes"
                } else {
                    "posting.no"
                }),
                None,
            );
            add(
                "paid_by",
                t(&format!("posting.payer.{}", name(&n.paid_by))),
                None,
            );
        }
    }
    out
}

/// Who to contact about a job: shown on its own page only (lists never carry it).
pub fn contact(lang: Lang, c: &labour_domain::posting::content::Contact) -> Vec<Fact> {
    let t = |key: &str| crate::i18n::t(lang, key).into_owned();
    let mut out = vec![Fact {
        key: "contact_name",
        label: t("posting.fact.contact_name"),
        value: c.name.clone(),
        href: None,
    }];
    if let Some(phone) = &c.phone {
        out.push(Fact {
            key: "contact_phone",
            label: t("posting.fact.contact_phone"),
            value: phone.clone(),
            href: Some(format!("tel:{phone}")),
        });
    }
    if let Some(email) = &c.email {
        out.push(Fact {
            key: "contact_email",
            label: t("posting.fact.contact_email"),
            value: email.clone(),
            href: Some(format!("mailto:{email}")),
        });
    }
    out
}
