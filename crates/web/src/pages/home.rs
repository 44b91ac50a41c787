//! The home page: one search box for jobs and courses, and the ways in: the zones with their
//! open jobs, the enterprises' latest training needs, the statistics and the indicator board.

use actix_web::{HttpResponse, web};
use askama::Template;
use labour_app::search_query::SearchParams;
use labour_domain::posting::Kind;
use labour_domain::zone::ZoneKind;

use crate::context::{Ctx, Page};
use crate::error::WebError;
use crate::i18n::t_with;
use crate::pages::search::{date, highlight, number};

/// Training needs the home page lists.
const LATEST_NEEDS: u32 = 5;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home));
}

struct ZoneItem {
    name: String,
    page: String,
    /// "3 jobs open" and the link to them (none when there are none); `None` when the search
    /// could not count them.
    jobs: Option<(String, Option<String>)>,
}

struct ZoneGroup {
    heading: String,
    zones: Vec<ZoneItem>,
}

struct Need {
    href: String,
    title: String,
    organisation: String,
    starts: Option<String>,
}

#[derive(Template)]
#[template(path = "home.html")]
struct Home {
    page: Page,
    zone_groups: Vec<ZoneGroup>,
    needs: Vec<Need>,
}

async fn home(ctx: Ctx) -> Result<HttpResponse, WebError> {
    let lang = ctx.lang;
    let reference = ctx
        .state
        .app
        .reference()
        .await
        .map_err(|e| WebError::new(e, lang))?;
    // The counts and the needs come from the search engine: when it is away the page still
    // shows the zones and every way in.
    let jobs = labour_app::search::run(
        &ctx.state.app,
        vec![Kind::Job],
        &SearchParams {
            facets: Some("zone_id".into()),
            per_page: Some("1".into()),
            ..SearchParams::default()
        },
    )
    .await
    .inspect_err(|e| tracing::warn!(error = %e, "home page: zone counts unavailable"))
    .ok();
    let needs = labour_app::search::run(
        &ctx.state.app,
        vec![Kind::TrainingNeed],
        &SearchParams {
            sort: Some("newest".into()),
            per_page: Some(LATEST_NEEDS.to_string()),
            ..SearchParams::default()
        },
    )
    .await
    .inspect_err(|e| tracing::warn!(error = %e, "home page: training needs unavailable"))
    .map(|found| found.results.hits)
    .unwrap_or_default();

    let count = |id: &str| -> Option<u64> {
        let found = jobs.as_ref()?;
        let counts = found
            .results
            .facets
            .iter()
            .find(|f| f.attribute.name() == "zone_id");
        Some(
            counts
                .and_then(|f| f.counts.iter().find(|(v, _)| v == id))
                .map_or(0, |(_, n)| *n),
        )
    };
    let mut zone_groups: Vec<ZoneGroup> = Vec::new();
    for zone in &reference.labels.zones {
        let heading = match zone.kind {
            Some(ZoneKind::EconomicZone) => ctx.t("home.zones_economic"),
            Some(ZoneKind::IndustrialPark) => ctx.t("home.zones_parks"),
            Some(ZoneKind::IndustrialCluster) | None => ctx.t("home.zones_clusters"),
        }
        .into_owned();
        let id = zone.id.to_string();
        let item = ZoneItem {
            name: zone.name.clone(),
            page: format!("/zones/{id}"),
            jobs: count(&id).map(|n| match n {
                0 => (ctx.t("home.open_jobs_none").into_owned(), None),
                1 => (
                    ctx.t("home.open_jobs_one").into_owned(),
                    Some(format!("/search/jobs?zone={id}")),
                ),
                n => (
                    t_with(lang, "home.open_jobs_many", &[("count", &number(n, lang))]),
                    Some(format!("/search/jobs?zone={id}")),
                ),
            }),
        };
        match zone_groups.last_mut() {
            Some(group) if group.heading == heading => group.zones.push(item),
            _ => zone_groups.push(ZoneGroup {
                heading,
                zones: vec![item],
            }),
        }
    }
    let needs = needs
        .into_iter()
        .map(|h| Need {
            href: format!("/postings/{}", h.document.id),
            title: highlight(&h.title_highlight),
            organisation: h.document.organisation_name,
            starts: h.document.start_date.map(|d| date(d, lang)),
        })
        .collect();
    let page = ctx.page(String::new());
    Ok(ctx.render(&Home {
        page,
        zone_groups,
        needs,
    }))
}
