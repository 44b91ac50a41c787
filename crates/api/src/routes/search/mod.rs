//! Search over published postings: one kind at a time, or all at once. Answered by the search
//! engine alone; a search never touches PostgreSQL (the reference data its filters are checked
//! against is read once).

pub mod all;
pub mod courses;
pub mod jobs;
pub mod training_needs;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use labour_domain::posting::Kind;
use labour_search::SearchHit;
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::errors::ApiError;
use crate::state::AppState;
use labour_app::search_query::SearchParams;

#[derive(Debug, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchQuery {
    /// Words to look for; diacritics optional, typos forgiven, the last word may be unfinished.
    q: Option<String>,
    /// Occupation group keys, comma-separated (e.g. `co_khi,dien_dien_tu`).
    occupation_group: Option<String>,
    /// ISCO-08 codes, comma-separated.
    occupation: Option<String>,
    /// Zone ids, comma-separated.
    zone: Option<String>,
    /// Commune codes, comma-separated.
    commune: Option<String>,
    /// Training levels, comma-separated (`so_cap,trung_cap`).
    level: Option<String>,
    /// Jobs paying at least this many VND a month (0 to 1,000,000,000).
    #[param(value_type = Option<u64>, minimum = 0, maximum = 1_000_000_000)]
    salary_min: Option<String>,
    /// Job shifts, comma-separated (`day`, `night`, `rotating`, `part_time`).
    shift: Option<String>,
    /// Course modes, comma-separated (`at_school`, `at_enterprise`, `online`, `blended`).
    mode: Option<String>,
    /// Learner support, comma-separated (`free_for_ethnic_minority`, `free_for_rural`, ...).
    learner_support: Option<String>,
    /// `true` (default): only postings whose deadline has not passed.
    #[param(value_type = Option<bool>)]
    open: Option<String>,
    /// Starting on or after this day (YYYY-MM-DD).
    #[param(value_type = Option<String>, format = Date)]
    start_from: Option<String>,
    /// Starting on or before this day.
    #[param(value_type = Option<String>, format = Date)]
    start_to: Option<String>,
    /// `relevance` (default), `newest`, `salary`, `deadline`, `start_date`.
    sort: Option<String>,
    /// Attributes to count, comma-separated: `kind`, `occupation_group`, `occupation_code`,
    /// `zone_id`, `commune_code`, `level`, `shifts`, `mode`, `learner_support`, `organisation_id`.
    facets: Option<String>,
    /// From 1; `page * per_page` at most 1,000 (deeper results: open data or the feed).
    #[param(value_type = Option<u32>, minimum = 1, maximum = 1000)]
    page: Option<String>,
    #[param(value_type = Option<u32>, minimum = 1, maximum = 100)]
    per_page: Option<String>,
}

/// One hit: the posting's public content and the names it is found by.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchItem {
    pub id: Uuid,
    /// `job`, `training_need` or `course`.
    pub kind: &'static str,
    pub title: String,
    /// The title with matched words in `<em>` (the rest is HTML-escaped).
    pub title_highlight: String,
    /// Words of the description around the first match, highlighted the same way.
    pub snippet: String,
    pub organisation_id: Uuid,
    pub organisation_name: String,
    pub occupation_code: String,
    pub occupation_name: String,
    pub occupation_group: String,
    pub zone_id: Option<Uuid>,
    pub zone_name: Option<String>,
    pub commune_code: Option<String>,
    pub commune_name: Option<String>,
    pub level: Option<String>,
    pub salary_min_vnd: Option<u64>,
    pub salary_max_vnd: Option<u64>,
    pub deadline: Option<NaiveDate>,
    pub start_date: Option<NaiveDate>,
    pub published_at: DateTime<Utc>,
    /// The posting's content without `contact`, which only `GET /postings/{id}` shows.
    #[schema(value_type = Object)]
    pub content: serde_json::Value,
}

impl From<SearchHit> for SearchItem {
    fn from(h: SearchHit) -> SearchItem {
        let d = h.document;
        SearchItem {
            id: d.id,
            kind: d.kind_name(),
            title: d.title,
            title_highlight: h.title_highlight,
            snippet: h.snippet,
            organisation_id: d.organisation_id,
            organisation_name: d.organisation_name,
            occupation_code: d.occupation_code,
            occupation_name: d.occupation_name,
            occupation_group: d.occupation_group,
            zone_id: d.zone_id,
            zone_name: d.zone_name,
            commune_code: d.commune_code,
            commune_name: d.commune_name,
            level: d.level,
            salary_min_vnd: d.salary_min_vnd,
            salary_max_vnd: d.salary_max_vnd,
            deadline: d.deadline,
            start_date: d.start_date,
            published_at: d.published_at,
            // An index built before contacts were kept out of it still never shows them.
            content: labour_domain::posting::content::for_listing(d.content),
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct FacetValue {
    pub value: String,
    pub count: u64,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct SearchPage {
    pub items: Vec<SearchItem>,
    pub page: u32,
    pub per_page: u32,
    pub total: u64,
    /// For each attribute asked for in `facets`: its values among all matches, with counts.
    pub facets: BTreeMap<String, Vec<FacetValue>>,
}

pub use labour_app::search_query::SORTS;

impl From<&SearchQuery> for SearchParams {
    fn from(q: &SearchQuery) -> SearchParams {
        SearchParams {
            q: q.q.clone(),
            occupation_group: q.occupation_group.clone(),
            occupation: q.occupation.clone(),
            zone: q.zone.clone(),
            commune: q.commune.clone(),
            level: q.level.clone(),
            salary_min: q.salary_min.clone(),
            shift: q.shift.clone(),
            mode: q.mode.clone(),
            learner_support: q.learner_support.clone(),
            open: q.open.clone(),
            start_from: q.start_from.clone(),
            start_to: q.start_to.clone(),
            sort: q.sort.clone(),
            facets: q.facets.clone(),
            page: q.page.clone(),
            per_page: q.per_page.clone(),
        }
    }
}

/// Runs a search for the given kinds: the same search the pages run.
pub async fn run(
    state: &AppState,
    kinds: Vec<Kind>,
    q: &SearchQuery,
) -> Result<SearchPage, ApiError> {
    let found = labour_app::search::run(state, kinds, &SearchParams::from(q)).await?;
    let (results, page) = (found.results, found.page);
    Ok(SearchPage {
        items: results.hits.into_iter().map(SearchItem::from).collect(),
        page: page.page(),
        per_page: page.per_page(),
        total: results.total,
        facets: results
            .facets
            .into_iter()
            .map(|f| {
                (
                    f.attribute.name().to_owned(),
                    f.counts
                        .into_iter()
                        .map(|(value, count)| FacetValue { value, count })
                        .collect(),
                )
            })
            .collect(),
    })
}
