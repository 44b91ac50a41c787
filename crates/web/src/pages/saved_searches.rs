//! The worker's saved searches: the list, saving the search a results page shows (its link
//! brings the query here), and deleting one after a confirmation; the same use cases as
//! `/api/v1/me/saved-searches`.

use actix_web::http::StatusCode;
use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_store::saved_searches::SavedSearchRow;
use serde::Deserialize;
use uuid::Uuid;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::{Errors, Form};
use crate::lang::Lang;
use crate::pages::account::sign_in_first;
use crate::pages::choices::Choices;
use crate::pages::labels;
use crate::pages::profile_form::Fields;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/account/saved-searches", web::get().to(list))
        .route("/account/saved-searches/new", web::get().to(new_form))
        .route("/account/saved-searches/new", web::post().to(create))
        .route(
            "/account/saved-searches/{id}/delete",
            web::get().to(delete_form),
        )
        .route(
            "/account/saved-searches/{id}/delete",
            web::post().to(delete),
        );
}

/// The search parameters a saved search watches (paging and sorting belong to one page of
/// results, not to what is watched).
const PARAMS: [&str; 13] = [
    "q",
    "occupation_group",
    "occupation",
    "zone",
    "commune",
    "level",
    "salary_min",
    "shift",
    "mode",
    "learner_support",
    "open",
    "start_from",
    "start_to",
];

/// One criterion in words: what it is and what it asks for.
#[derive(Debug, Clone)]
struct Criterion {
    param: &'static str,
    label: String,
    value: String,
    /// What is sent (a code, an id), kept in the form as it came.
    raw: String,
}

fn param_label(lang: Lang, param: &str) -> String {
    use crate::i18n::t;
    match param {
        "q" => t(lang, "saved_searches.param_q"),
        "occupation_group" => t(lang, "saved_searches.param_occupation_group"),
        "occupation" => t(lang, "saved_searches.param_occupation"),
        "zone" => t(lang, "saved_searches.param_zone"),
        "commune" => t(lang, "saved_searches.param_commune"),
        "level" => t(lang, "saved_searches.param_level"),
        "salary_min" => t(lang, "saved_searches.param_salary_min"),
        "shift" => t(lang, "saved_searches.param_shift"),
        "mode" => t(lang, "saved_searches.param_mode"),
        "learner_support" => t(lang, "saved_searches.param_learner_support"),
        "open" => t(lang, "saved_searches.param_open"),
        "start_from" => t(lang, "saved_searches.param_start_from"),
        _ => t(lang, "saved_searches.param_start_to"),
    }
    .into_owned()
}

/// The criteria of a query (pairs from a link, or a stored search's object), named in words.
fn criteria(lang: Lang, choices: &Choices, pairs: &[(String, String)]) -> Vec<Criterion> {
    PARAMS
        .iter()
        .filter_map(|param| {
            let raw = pairs
                .iter()
                .find(|(k, _)| k == param)
                .map(|(_, v)| v.trim().to_owned())
                .filter(|v| !v.is_empty())?;
            let each = |f: &dyn Fn(&str) -> String| {
                raw.split(',')
                    .map(|v| f(v.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let value = match *param {
                "occupation_group" => each(&|v| choices.group(v)),
                "occupation" => each(&|v| choices.occupation(v)),
                "zone" => each(&|v| choices.zone(v)),
                "commune" => each(&|v| choices.commune(v)),
                "level" => each(&|v| choices.level(v)),
                "shift" => each(&|v| labels::shift(lang, v).into_owned()),
                "salary_min" => raw
                    .parse()
                    .map_or_else(|_| raw.clone(), |v| crate::format::vnd(lang, v)),
                _ => raw.clone(),
            };
            Some(Criterion {
                param,
                label: param_label(lang, param),
                value,
                raw,
            })
        })
        .collect()
}

fn pairs_of(query: &serde_json::Value) -> Vec<(String, String)> {
    query
        .as_object()
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
                .collect()
        })
        .unwrap_or_default()
}

/// A kind a saved search can watch, else jobs.
fn kind_of(kind: &str) -> &'static str {
    ["job", "course", "training_need", "all"]
        .into_iter()
        .find(|k| *k == kind)
        .unwrap_or("job")
}

#[derive(Debug)]
struct Row {
    id: Uuid,
    name: String,
    kind: String,
    criteria: Vec<Criterion>,
    email: bool,
    created: String,
}

#[derive(Template)]
#[template(path = "saved_searches/list.html")]
struct ListPage {
    page: Page,
    rows: Vec<Row>,
    created: bool,
    deleted: bool,
}

#[derive(Debug, Deserialize)]
pub struct ListQuery {
    created: Option<String>,
    deleted: Option<String>,
}

async fn rows_of(ctx: &Ctx) -> labour_app::Result<Vec<SavedSearchRow>> {
    let account = labour_app::policy::require_own_account(&ctx.caller)?;
    let mut conn = ctx.state.app.conn().await?;
    Ok(labour_store::saved_searches::for_account(&mut conn, account).await?)
}

fn row(lang: Lang, choices: &Choices, r: SavedSearchRow) -> Row {
    Row {
        id: r.id,
        kind: labels::search_kind(lang, &r.kind).into_owned(),
        criteria: criteria(lang, choices, &pairs_of(&r.query)),
        name: r.name,
        email: r.email,
        created: labels::date(lang, r.created_at),
    }
}

async fn list(ctx: Ctx, q: web::Query<ListQuery>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let found = rows_of(&ctx).await.map_err(|e| WebError::new(e, lang))?;
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    Ok(ctx.render(&ListPage {
        page: ctx.page(ctx.t("saved_searches.title")),
        rows: found.into_iter().map(|r| row(lang, &choices, r)).collect(),
        created: q.created.is_some(),
        deleted: q.deleted.is_some(),
    }))
}

#[derive(Template)]
#[template(path = "saved_searches/new.html")]
struct NewPage {
    page: Page,
    name: String,
    kind: &'static str,
    kind_word: String,
    email: bool,
    criteria: Vec<Criterion>,
    errors: Errors,
}

async fn new_page(
    ctx: &Ctx,
    name: String,
    kind: &'static str,
    email: bool,
    pairs: &[(String, String)],
    errors: Errors,
) -> labour_app::Result<NewPage> {
    let choices = Choices::load(&ctx.state.app, ctx.lang).await?;
    Ok(NewPage {
        page: ctx.page(ctx.t("saved_searches.new_title")),
        name,
        kind,
        kind_word: labels::search_kind(ctx.lang, kind).into_owned(),
        email,
        criteria: criteria(ctx.lang, &choices, pairs),
        errors,
    })
}

async fn new_form(
    ctx: Ctx,
    q: web::Query<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let pairs = q.into_inner();
    let kind = kind_of(
        pairs
            .iter()
            .find(|(k, _)| k == "kind")
            .map_or("job", |(_, v)| v.as_str()),
    );
    // The words searched for make a name people recognise; they can change it.
    let name: String = pairs
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, v)| v.trim().chars().take(100).collect())
        .unwrap_or_default();
    let page = new_page(&ctx, name, kind, true, &pairs, Errors::default())
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(ctx.render(&page))
}

async fn create(
    ctx: Ctx,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let fields = Fields(pairs);
    let kind = kind_of(&fields.one("kind"));
    let criteria: Vec<(String, String)> = PARAMS
        .iter()
        .filter_map(|p| {
            let v = fields.one(&format!("query.{p}"));
            (!v.trim().is_empty()).then(|| ((*p).to_owned(), v))
        })
        .collect();
    let query = serde_json::Value::Object(
        criteria
            .iter()
            .map(|(k, v)| (k.clone(), serde_json::Value::String(v.clone())))
            .collect(),
    );
    let name = fields.one("name");
    let email = fields.has("email");
    let input = labour_app::saved_searches::NewSearch {
        name: name.clone(),
        kind: kind.to_owned(),
        query,
        email,
    };
    let e = match labour_app::saved_searches::create(&ctx.state.app, &ctx.caller, input).await {
        Ok(_) => return Ok(ctx.see_other("/account/saved-searches?created=1")),
        Err(e) => e,
    };
    let status = match e.code {
        ErrorCode::ValidationFailed => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::Conflict => StatusCode::CONFLICT,
        _ => return Err(WebError::new(e, lang)),
    };
    // Criteria come from the search page, not typed here: their messages sit beside the list.
    let mut errors = Errors::from_error(&e, lang, |f| {
        if f == "name" { "name" } else { "criteria" }.to_owned()
    });
    if let (Some(detail), true) = (&e.detail, errors.fields.is_empty()) {
        errors.form = Some(detail.get(lang).to_owned());
    }
    let page = new_page(&ctx, name, kind, email, &criteria, errors)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    Ok(ctx.render_status(status, &page))
}

#[derive(Template)]
#[template(path = "saved_searches/delete.html")]
struct DeletePage {
    page: Page,
    row: Row,
}

async fn delete_form(ctx: Ctx, id: web::Path<Uuid>) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    let lang = ctx.lang;
    let id = id.into_inner();
    let found = rows_of(&ctx).await.map_err(|e| WebError::new(e, lang))?;
    let Some(r) = found.into_iter().find(|r| r.id == id) else {
        return Err(WebError::new(
            labour_app::Error::not_found("tìm kiếm đã lưu", "saved search", &id.to_string()),
            lang,
        ));
    };
    let choices = Choices::load(&ctx.state.app, lang)
        .await
        .map_err(|e| WebError::new(e, lang))?;
    Ok(ctx.render(&DeletePage {
        page: ctx.page(ctx.t("saved_searches.delete_title")),
        row: row(lang, &choices, r),
    }))
}

#[derive(Debug, Default, Deserialize)]
pub struct DeleteForm {}

async fn delete(
    ctx: Ctx,
    id: web::Path<Uuid>,
    Form(_): Form<DeleteForm>,
) -> Result<HttpResponse, WebError> {
    if ctx.user.is_none() {
        return Ok(sign_in_first(&ctx));
    }
    labour_app::saved_searches::delete(&ctx.state.app, &ctx.caller, id.into_inner())
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    Ok(ctx.see_other("/account/saved-searches?deleted=1"))
}
