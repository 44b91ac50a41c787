//! Search over published postings: one kind at a time, or all at once. Answered by the search
//! engine alone; a search never touches PostgreSQL (the reference data its filters are checked
//! against is read once).

pub mod all;
pub mod courses;
pub mod jobs;
pub mod training_needs;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneCode;
use labour_domain::occupation::OccupationCode;
use labour_domain::paging::PageRequest;
use labour_domain::posting::Kind;
use labour_domain::posting::content::{CourseMode, LearnerSupport, Shift};
use labour_search::{Attribute, Filter, SearchEngine, SearchHit, SearchRequest, Sort};
use serde::{Deserialize, Serialize};
use strum::IntoEnumIterator;
use utoipa::{IntoParams, ToSchema};
use uuid::Uuid;

use crate::errors::{ApiError, ErrorCode, FieldError, field_error};
use crate::pagination::QueryChecker;
use crate::routes::postings::list::parse_uuid;
use crate::state::AppState;
use labour_app::known::{Code, Known};

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

fn list(v: &str) -> Vec<String> {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

fn unknown(what: &'static str, value: &str, expected: String) -> labour_domain::Error {
    labour_domain::Error::UnknownVariant {
        what,
        value: value.to_owned(),
        expected,
    }
}

fn date(v: &str) -> Result<NaiveDate, labour_domain::Error> {
    v.parse()
        .map_err(|_| unknown("date", v, "YYYY-MM-DD".into()))
}

/// The values of `sort`.
pub const SORTS: [(&str, Sort); 5] = [
    ("relevance", Sort::Relevance),
    ("newest", Sort::Newest),
    ("salary", Sort::Salary),
    ("deadline", Sort::Deadline),
    ("start_date", Sort::StartDate),
];

fn sort(v: &str) -> Result<Sort, labour_domain::Error> {
    SORTS
        .iter()
        .find(|(name, _)| *name == v)
        .map(|(_, sort)| *sort)
        .ok_or_else(|| {
            let names: Vec<&str> = SORTS.iter().map(|(name, _)| *name).collect();
            unknown("sort", v, names.join(", "))
        })
}

fn attributes(v: &str) -> Result<Vec<Attribute>, labour_domain::Error> {
    list(v)
        .iter()
        .map(|name| {
            Attribute::iter().find(|a| a.name() == name).ok_or_else(|| {
                unknown(
                    "facet",
                    name,
                    Attribute::iter()
                        .map(Attribute::name)
                        .collect::<Vec<_>>()
                        .join(", "),
                )
            })
        })
        .collect()
}

/// Why a filter value can match nothing: it has the wrong form, is not one of a closed set, or
/// names a code the reference data does not hold.
fn wrong_value(
    attribute: Attribute,
    field: &str,
    value: &str,
    known: &Known,
) -> Option<FieldError> {
    let form = |r: Result<(), labour_domain::Error>| r.err().map(|e| field_error(field, &e));
    let code = match attribute {
        Attribute::Shifts => return form(Shift::parse(value).map(drop)),
        Attribute::Mode => return form(CourseMode::parse(value).map(drop)),
        Attribute::LearnerSupport => return form(LearnerSupport::parse(value).map(drop)),
        Attribute::ZoneId => {
            if let Some(e) = form(parse_uuid(value).map(drop)) {
                return Some(e);
            }
            Code::Zone
        }
        Attribute::CommuneCode => {
            if let Some(e) = form(CommuneCode::parse(value).map(drop)) {
                return Some(e);
            }
            Code::Commune
        }
        Attribute::OccupationCode => {
            if let Some(e) = form(OccupationCode::parse(value).map(drop)) {
                return Some(e);
            }
            Code::Occupation
        }
        Attribute::OccupationGroup => Code::OccupationGroup,
        Attribute::Level => Code::TrainingLevel,
        // Not filters a client sends.
        Attribute::Kind | Attribute::OrganisationId => return None,
    };
    known.check(field, code, value)
}

/// Turns the query string into a typed request; every value stays a value.
fn request(
    kinds: Vec<Kind>,
    q: &SearchQuery,
    known: &Known,
) -> Result<(SearchRequest, PageRequest), ApiError> {
    let mut check = QueryChecker::default();
    let parsed = parse(kinds, q, known, &mut check);
    check.finish()?;
    Ok(parsed)
}

/// The typed request, with every bad parameter recorded in `check` (its value then left out).
/// Filter values must be ones a posting can have; pages stop at the search depth.
pub fn parse(
    kinds: Vec<Kind>,
    q: &SearchQuery,
    known: &Known,
    check: &mut QueryChecker,
) -> (SearchRequest, PageRequest) {
    let text = check.text("q", q.q.as_deref(), 200).unwrap_or_default();
    let mut filters = Vec::new();
    let any_of = [
        (
            Attribute::OccupationGroup,
            &q.occupation_group,
            "occupation_group",
        ),
        (Attribute::OccupationCode, &q.occupation, "occupation"),
        (Attribute::ZoneId, &q.zone, "zone"),
        (Attribute::CommuneCode, &q.commune, "commune"),
        (Attribute::Level, &q.level, "level"),
        (Attribute::Shifts, &q.shift, "shift"),
        (Attribute::Mode, &q.mode, "mode"),
        (
            Attribute::LearnerSupport,
            &q.learner_support,
            "learner_support",
        ),
    ];
    for (attribute, value, field) in any_of {
        if let Some(values) = check.parse(field, value.as_deref(), |v| {
            let l = list(v);
            if l.len() > 50 {
                Err(labour_domain::Error::TooMany { max: 50 })
            } else {
                Ok(l)
            }
        }) {
            // A value nothing can have is a mistake to report, not a search for nothing.
            let wrong: Vec<FieldError> = values
                .iter()
                .filter_map(|v| wrong_value(attribute, field, v, known))
                .collect();
            if wrong.is_empty() {
                filters.push(Filter::AnyOf(attribute, values));
            }
            wrong.into_iter().take(1).for_each(|e| check.push(e));
        }
    }
    if let Some(vnd) = check.number(
        "salary_min",
        q.salary_min.as_deref(),
        &labour_domain::bounds::SALARY_VND,
    ) {
        filters.push(Filter::SalaryAtLeast(vnd));
    }
    let open = check
        .parse("open", q.open.as_deref(), |v| match v {
            "true" => Ok(true),
            "false" => Ok(false),
            other => Err(unknown("open", other, "true, false".into())),
        })
        .unwrap_or(true);
    if open {
        filters.push(Filter::DeadlineFrom(Utc::now().date_naive()));
    }
    let from = check.parse("start_from", q.start_from.as_deref(), date);
    let to = check.parse("start_to", q.start_to.as_deref(), date);
    if from.is_some() || to.is_some() {
        filters.push(Filter::StartBetween(from, to));
    }
    let sort = check
        .parse("sort", q.sort.as_deref(), sort)
        .unwrap_or(Sort::Relevance);
    let facets = check
        .parse("facets", q.facets.as_deref(), attributes)
        .unwrap_or_default();
    let page = check.search_page(q.page.as_deref(), q.per_page.as_deref());
    let request = SearchRequest {
        kinds,
        query: text,
        filters,
        facets,
        sort,
        offset: page.offset() as usize,
        limit: page.limit() as usize,
    };
    (request, page)
}

/// 503 for a search the engine could not answer.
pub fn unavailable(e: labour_search::Error) -> ApiError {
    ApiError::new(ErrorCode::SearchUnavailable)
        .detail(
            "Tìm kiếm tạm thời không dùng được; vui lòng thử lại sau ít phút.",
            "Search is unavailable for now; please try again in a few minutes.",
        )
        .with_cause(e)
}

/// Runs a search for the given kinds.
pub async fn run(
    state: &AppState,
    kinds: Vec<Kind>,
    q: &SearchQuery,
) -> Result<SearchPage, ApiError> {
    let (request, page) = request(kinds, q, &state.reference().await?.known)?;
    let (text, searched) = (request.query.clone(), request.kinds.clone());
    let results = state.search.search(request).await.map_err(unavailable)?;
    // A page beyond the first is the same search continued.
    if page.page() == 1 {
        state.search_log.record(&text, &searched, results.total);
    }
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
