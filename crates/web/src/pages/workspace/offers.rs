//! Schools' offers for enterprises' training needs, both sides: a school member answers a
//! published need (`/postings/{id}/offer`) and follows what became of its offers
//! (`/account/organisations/{id}/offers`); the enterprise reads the offers for its need and
//! accepts one after a confirmation (`/account/postings/{id}/offers`). A school sees only its
//! own offers (`labour_app::offers::for_need` decides as the API does).

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_app::offers::NewOffer;
use labour_domain::offer::State as OfferState;
use labour_domain::policy::{Action, Decision};
use labour_domain::posting::Kind;
use labour_store::offers::OfferRow;
use labour_store::postings::Filter;
use serde::Deserialize;
use uuid::Uuid;

use super::{Org, fail, store_fail};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choice;
use crate::pages::labels;

/// What became of an offer, in words: `open`, `accepted` or `declined` (another was accepted).
fn state_of(ctx: &Ctx, state: OfferState) -> (&'static str, String) {
    let code = match state {
        OfferState::Open => "open",
        OfferState::Accepted => "accepted",
        OfferState::Declined => "declined",
    };
    (
        code,
        ctx.t(&format!("workspace.offer_state.{code}")).into_owned(),
    )
}

struct SchoolOffer {
    need_id: Uuid,
    need_title: String,
    enterprise: String,
    made: String,
    state: &'static str,
    state_word: String,
    proposal: String,
}

#[derive(Template)]
#[template(path = "workspace/school_offers.html")]
struct SchoolOffersPage {
    page: Page,
    org: Org,
    offers: Vec<SchoolOffer>,
    made: bool,
}

#[derive(Debug, Deserialize)]
pub struct MadeQuery {
    made: Option<String>,
}

/// `GET /account/organisations/{id}/offers`: the school's offers, newest first.
pub async fn school(
    ctx: Ctx,
    id: web::Path<Uuid>,
    q: web::Query<MadeQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (row, offers) =
        labour_app::offers::for_school(&ctx.state.app, &ctx.caller, id.into_inner())
            .await
            .map_err(fail(&ctx))?;
    let offers = offers
        .into_iter()
        .map(|o| {
            let (state, state_word) = state_of(&ctx, o.offer.state);
            SchoolOffer {
                need_id: o.offer.need_id,
                need_title: o.need_title,
                enterprise: o.enterprise_name,
                made: labels::date(ctx.lang, o.offer.created_at),
                state,
                state_word,
                proposal: o.offer.proposal,
            }
        })
        .collect();
    Ok(ctx.render(&SchoolOffersPage {
        page: ctx.page(ctx.t("workspace.school_offers_title")),
        org: Org::of(&ctx, &row),
        offers,
        made: q.made.is_some(),
    }))
}

/// The training need a page is about, as the caller may read it (404 for anything else).
async fn need_of(ctx: &Ctx, id: Uuid) -> Result<(String, bool), WebError> {
    let shown = labour_app::postings::read::read(&ctx.state.app, &ctx.caller, id)
        .await
        .map_err(fail(ctx))?;
    if shown.posting.row.kind != Kind::TrainingNeed {
        return Err(WebError::new(labour_app::postings::not_found(id), ctx.lang));
    }
    Ok((
        shown.content.title().to_owned(),
        shown.posting.row.is_public(),
    ))
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct OfferForm {
    school_id: String,
    course_id: String,
    proposal: String,
}

#[derive(Template)]
#[template(path = "workspace/offer.html")]
struct OfferPage {
    page: Page,
    need_id: Uuid,
    need_title: String,
    schools: Vec<Choice>,
    courses: Vec<Choice>,
    /// The offers the caller's schools already made for this need.
    already: Vec<(Uuid, String, String)>,
    form: OfferForm,
    errors: Errors,
}

async fn offer_page(
    ctx: &Ctx,
    need: Uuid,
    mut form: OfferForm,
    errors: Errors,
) -> Result<OfferPage, WebError> {
    let (need_title, _) = need_of(ctx, need).await?;
    let account = ctx.caller.account();
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let memberships = match account {
        Some(a) => labour_store::accounts::memberships(&mut conn, a)
            .await
            .map_err(store_fail(ctx))?,
        None => Vec::new(),
    };
    let schools: Vec<Choice> = memberships
        .into_iter()
        .filter(|m| m.kind == "school")
        .map(|m| Choice {
            value: m.organisation_id.to_string(),
            label: m.name,
        })
        .collect();
    if form.school_id.is_empty()
        && let Some(first) = schools.first()
    {
        form.school_id = first.value.clone();
    }
    let ids: Vec<Uuid> = schools
        .iter()
        .filter_map(|s| s.value.parse().ok())
        .collect();
    let page = labour_domain::paging::PageRequest::new(Some(1), Some(100))
        .map_err(|e| WebError::new(labour_app::Error::internal(e), ctx.lang))?;
    let mut courses = Vec::new();
    for school in &ids {
        let filter = Filter {
            kind: Some(Kind::Course),
            organisation: Some(*school),
            ..Filter::default()
        };
        let found = labour_store::postings::list_published(&mut conn, &filter, page)
            .await
            .map_err(store_fail(ctx))?;
        let name = schools
            .iter()
            .find(|s| s.value == school.to_string())
            .map(|s| s.label.clone())
            .unwrap_or_default();
        courses.extend(found.items.into_iter().map(|c| Choice {
            value: c.id.to_string(),
            label: if ids.len() > 1 {
                format!("{name}: {}", c.title)
            } else {
                c.title
            },
        }));
    }
    drop(conn);
    let already = if schools.is_empty() {
        Vec::new()
    } else {
        labour_app::offers::for_need(&ctx.state.app, &ctx.caller, need)
            .await
            .map_err(fail(ctx))?
            .into_iter()
            .map(|(o, school)| (o.school_id, school, state_of(ctx, o.state).1))
            .collect()
    };
    Ok(OfferPage {
        page: ctx.page(ctx.t("workspace.offer_title")),
        need_id: need,
        need_title,
        schools,
        courses,
        already,
        form,
        errors,
    })
}

/// `GET /postings/{id}/offer`.
pub async fn form(ctx: Ctx, id: web::Path<Uuid>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let page = offer_page(
        &ctx,
        id.into_inner(),
        OfferForm::default(),
        Errors::default(),
    )
    .await?;
    Ok(ctx.render(&page))
}

/// `POST /postings/{id}/offer`: through `labour_app::offers::create`.
pub async fn create(
    ctx: Ctx,
    id: web::Path<Uuid>,
    Form(form): Form<OfferForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let need = id.into_inner();
    let mut errors = Errors::default();
    let school_id = form.school_id.parse::<Uuid>().ok();
    let course_id = match form.course_id.trim() {
        "" => None,
        c => match c.parse::<Uuid>() {
            Ok(c) => Some(c),
            Err(_) => {
                errors.add("course_id", ctx.t("workspace.offer_course_unknown"));
                None
            }
        },
    };
    let e = match (school_id, errors.is_empty()) {
        (Some(school_id), true) => {
            let input = NewOffer {
                school_id,
                course_id,
                proposal: form.proposal.clone(),
            };
            match labour_app::offers::create(&ctx.state.app, &ctx.caller, need, input).await {
                Ok(offer) => {
                    return Ok(ctx.see_other(&format!(
                        "/account/organisations/{}/offers?made=1",
                        offer.school_id
                    )));
                }
                Err(e) => Some(e),
            }
        }
        _ => None,
    };
    let status = match &e {
        None => {
            if school_id.is_none() {
                errors.add("school_id", ctx.t("workspace.offer_school_needed"));
            }
            StatusCode::UNPROCESSABLE_ENTITY
        }
        Some(e) => {
            let status = match e.code {
                ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
                ErrorCode::Conflict => StatusCode::CONFLICT,
                _ => return Err(WebError::new(e.clone(), ctx.lang)),
            };
            errors = Errors::from_error(e, ctx.lang, |f| {
                if f == "id" { "need" } else { f }.to_owned()
            });
            if let Some(m) = errors.get("need").map(str::to_owned) {
                errors.form = Some(m);
            }
            status
        }
    };
    let page = offer_page(&ctx, need, form, errors).await?;
    Ok(ctx.render_status(status, &page))
}

struct NeedOffer {
    id: Uuid,
    school: String,
    course: Option<(Uuid, String)>,
    proposal: String,
    made: String,
    state: &'static str,
    state_word: String,
}

#[derive(Template)]
#[template(path = "workspace/need_offers.html")]
struct NeedOffersPage {
    page: Page,
    need_id: Uuid,
    need_title: String,
    offers: Vec<NeedOffer>,
    /// The caller may accept (the enterprise's members; staff only look).
    can_accept: bool,
    /// An offer was accepted already: no other can be.
    decided: bool,
    accepted: bool,
}

#[derive(Debug, Deserialize)]
pub struct AcceptedQuery {
    accepted: Option<String>,
}

async fn need_offers(ctx: &Ctx, need: Uuid) -> Result<NeedOffersPage, WebError> {
    let offers = labour_app::offers::for_need(&ctx.state.app, &ctx.caller, need)
        .await
        .map_err(fail(ctx))?;
    let mut conn = ctx.state.app.conn().await.map_err(fail(ctx))?;
    let row = labour_store::postings::find(&mut conn, need)
        .await
        .map_err(store_fail(ctx))?
        .ok_or_else(|| WebError::new(labour_app::postings::not_found(need), ctx.lang))?;
    let course_ids: Vec<Uuid> = offers.iter().filter_map(|(o, _)| o.course_id).collect();
    let titles = labour_store::offers::titles(&mut conn, &course_ids)
        .await
        .map_err(store_fail(ctx))?;
    drop(conn);
    let can_accept = labour_domain::policy::decide(
        &ctx.caller.actor,
        Action::AcceptOffer(labour_app::facts::posting(&row)),
    ) == Decision::Allow;
    let decided = offers.iter().any(|(o, _)| o.state == OfferState::Accepted);
    Ok(NeedOffersPage {
        page: ctx.page(ctx.t("workspace.need_offers_title")),
        need_id: need,
        need_title: row.title.clone(),
        offers: offers
            .into_iter()
            .map(|(o, school)| need_offer(ctx, o, school, &titles))
            .collect(),
        can_accept,
        decided,
        accepted: false,
    })
}

fn need_offer(ctx: &Ctx, o: OfferRow, school: String, titles: &[(Uuid, String)]) -> NeedOffer {
    let (state, state_word) = state_of(ctx, o.state);
    NeedOffer {
        id: o.id,
        school,
        course: o.course_id.and_then(|c| {
            titles
                .iter()
                .find(|(id, _)| *id == c)
                .map(|(id, t)| (*id, t.clone()))
        }),
        proposal: o.proposal,
        made: labels::date(ctx.lang, o.created_at),
        state,
        state_word,
    }
}

/// `GET /account/postings/{id}/offers`: the offers for the enterprise's training need.
pub async fn for_need(
    ctx: Ctx,
    id: web::Path<Uuid>,
    q: web::Query<AcceptedQuery>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let mut page = need_offers(&ctx, id.into_inner()).await?;
    page.accepted = q.accepted.is_some();
    Ok(ctx.render(&page))
}

#[derive(Template)]
#[template(path = "workspace/accept_offer.html")]
struct AcceptPage {
    page: Page,
    need_id: Uuid,
    need_title: String,
    offer: NeedOffer,
}

#[derive(Debug, Default, Deserialize)]
pub struct AcceptForm {}

/// `GET /account/postings/{id}/offers/{offer}/accept`: the confirmation.
pub async fn accept_form(
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (need, offer) = path.into_inner();
    let page = need_offers(&ctx, need).await?;
    let not_found = || {
        WebError::new(
            labour_app::Error::not_found("đề xuất", "offer", &offer.to_string()),
            ctx.lang,
        )
    };
    if !page.can_accept {
        return Err(not_found());
    }
    let found = page
        .offers
        .into_iter()
        .find(|o| o.id == offer && o.state == "open")
        .ok_or_else(not_found)?;
    Ok(ctx.render(&AcceptPage {
        page: ctx.page(ctx.t("workspace.accept_title")),
        need_id: need,
        need_title: page.need_title,
        offer: found,
    }))
}

/// `POST /account/postings/{id}/offers/{offer}/accept`: through `labour_app::offers::accept`.
pub async fn accept(
    ctx: Ctx,
    path: web::Path<(Uuid, Uuid)>,
    Form(_): Form<AcceptForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let (need, offer) = path.into_inner();
    // The address names the need: an offer of another need is not found here (the use case
    // then decides who may accept it).
    let mut conn = ctx.state.app.conn().await.map_err(fail(&ctx))?;
    let found = labour_store::offers::find(&mut conn, offer)
        .await
        .map_err(store_fail(&ctx))?;
    drop(conn);
    if found.is_some_and(|o| o.need_id != need) {
        return Err(WebError::new(
            labour_app::Error::not_found("đề xuất", "offer", &offer.to_string()),
            ctx.lang,
        ));
    }
    labour_app::offers::accept(&ctx.state.app, &ctx.caller, offer)
        .await
        .map_err(fail(&ctx))?;
    Ok(ctx.see_other(&format!("/account/postings/{need}/offers?accepted=1")))
}
