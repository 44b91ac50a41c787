//! The results pages: `/search` (every kind, where the home page's box goes), `/search/jobs`,
//! `/search/courses` and `/training-needs` (the enterprises' training and retraining needs the
//! plan asks for). Filters are a plain GET form with the engine's counts beside each value; the
//! search is the one the JSON endpoints run (`labour_app::search::run`), counted the same way.

mod filters;
mod format;
mod query;
mod view;

use actix_web::{HttpRequest, HttpResponse, web};
use askama::Template;
use labour_app::ErrorCode;
use labour_domain::paging::{DEFAULT_PER_PAGE, MAX_SEARCH_RESULTS};

pub use self::filters::Area;
pub use self::format::{date, highlight, number};
use self::query::Query;
use self::view::{GroupView, Hit, KindTab, Pager, Removal};
use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::form::Errors;

pub fn configure(cfg: &mut web::ServiceConfig) {
    for area in Area::EVERY {
        cfg.route(
            area.path(),
            web::get().to(move |ctx: Ctx, req: HttpRequest| results(ctx, req, area)),
        );
    }
}

#[derive(Template)]
#[template(path = "search.html")]
struct Results {
    page: Page,
    area: Area,
    heading: String,
    action: &'static str,
    q: String,
    errors: Errors,
    tabs: Vec<KindTab>,
    groups: Vec<GroupView>,
    salary: Option<String>,
    sorts: Vec<(String, String, bool)>,
    active: Vec<Removal>,
    found: String,
    hits: Vec<Hit>,
    /// The page asked for is deeper than a search goes.
    too_deep: bool,
    first_page: String,
    /// Saving this search for alerts (the words and filters, not the page or the order).
    save_href: String,
    suggestions: Vec<Removal>,
    pager: Pager,
    filters_open: bool,
}

async fn results(ctx: Ctx, req: HttpRequest, area: Area) -> Result<HttpResponse, WebError> {
    let mut query = Query::parse(req.query_string());
    let per_page = DEFAULT_PER_PAGE;
    let asked = query.page();
    let too_deep = u64::from(asked) * u64::from(per_page) > u64::from(MAX_SEARCH_RESULTS);
    let page = if too_deep { 1 } else { asked };
    let facets = area.facets();
    let mut errors = Errors::default();
    let found = match labour_app::search::run(
        &ctx.state.app,
        area.kinds(),
        &query.params(page, per_page, &facets),
    )
    .await
    {
        Ok(found) => found,
        // A value the person typed or a link carried that no posting can have: said beside
        // its field, and the search made without it.
        Err(e) if e.code == ErrorCode::InvalidQuery && !e.errors.is_empty() => {
            errors = Errors::from_error(&e, ctx.lang, str::to_owned);
            let typed = query.clone();
            for field in e.errors.iter().map(|f| f.field.as_str()) {
                query = query.without_key(field);
            }
            let found = labour_app::search::run(
                &ctx.state.app,
                area.kinds(),
                &query.params(page, per_page, &facets),
            )
            .await
            .map_err(|e| WebError::new(e, ctx.lang))?;
            // The box and the pay field show what was typed, even when it was refused.
            query = typed;
            found
        }
        Err(e) => return Err(WebError::new(e, ctx.lang)),
    };
    let reference = ctx
        .state
        .app
        .reference()
        .await
        .map_err(|e| WebError::new(e, ctx.lang))?;
    let labels = &reference.labels;
    let lang = ctx.lang;
    let total = found.results.total;
    let heading = area.name(lang);
    let title = match query.q() {
        "" => heading.clone(),
        q => format!("“{q}” – {heading}"),
    };
    let view = view::View {
        area,
        query: &query,
        labels,
        lang,
        errors: &errors,
    };
    let tabs = view.tabs(&found.results.facets);
    let groups = view.groups(&found.results.facets);
    let hits = if too_deep {
        Vec::new()
    } else {
        found
            .results
            .hits
            .into_iter()
            .map(|h| view.hit(h))
            .collect()
    };
    let active = view.active();
    let suggestions = if total == 0 {
        view.suggestions()
    } else {
        Vec::new()
    };
    let pager = view.pager(page, per_page, total, too_deep);
    let sort = query.first("sort").unwrap_or("relevance");
    let results = Results {
        page: ctx.page(title),
        area,
        heading,
        action: area.path(),
        q: query.q().to_owned(),
        tabs,
        groups,
        salary: area
            .has_salary()
            .then(|| query.first("salary_min").unwrap_or_default().to_owned()),
        sorts: area
            .sorts()
            .iter()
            .map(|s| ((*s).to_owned(), filters::sort_name(s, lang), *s == sort))
            .collect(),
        filters_open: !errors.is_empty(),
        errors,
        found: format::found(total, lang),
        active,
        hits,
        too_deep,
        first_page: query.without_key("page").href(area.path()),
        save_href: query
            .without_key("page")
            .without_key("sort")
            .with("kind", area.saved_kind())
            .href("/account/saved-searches/new"),
        suggestions,
        pager,
    };
    Ok(ctx.render(&results))
}
