//! The search parameters as the search endpoints and saved searches take them, checked and
//! turned into a typed engine request: every value stays a value, and a value no posting can
//! have is reported rather than searched for.

use chrono::{NaiveDate, Utc};
use labour_domain::ClosedSet;
use labour_domain::commune::CommuneCode;
use labour_domain::occupation::OccupationCode;
use labour_domain::paging::PageRequest;
use labour_domain::posting::Kind;
use labour_domain::posting::content::{CourseMode, LearnerSupport, Shift};
use labour_search::{Attribute, Filter, SearchRequest, Sort};
use serde::Deserialize;
use strum::IntoEnumIterator;

use crate::errors::{FieldError, field_error};
use crate::known::{Code, Known};
use crate::query::QueryChecker;

/// A search's parameters, as text, the way a query string (or a saved search) carries them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchParams {
    pub q: Option<String>,
    pub occupation_group: Option<String>,
    pub occupation: Option<String>,
    pub zone: Option<String>,
    pub commune: Option<String>,
    pub level: Option<String>,
    pub salary_min: Option<String>,
    pub shift: Option<String>,
    pub mode: Option<String>,
    pub learner_support: Option<String>,
    pub open: Option<String>,
    pub start_from: Option<String>,
    pub start_to: Option<String>,
    pub sort: Option<String>,
    pub facets: Option<String>,
    pub page: Option<String>,
    pub per_page: Option<String>,
}

fn parse_uuid(v: &str) -> Result<uuid::Uuid, labour_domain::Error> {
    v.parse().map_err(|_| labour_domain::Error::UnknownVariant {
        what: "id",
        value: v.to_owned(),
        expected: "a UUID".into(),
    })
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

/// The typed request, with every bad parameter recorded in `check` (its value then left out).
/// Filter values must be ones a posting can have; pages stop at the search depth.
pub fn parse(
    kinds: Vec<Kind>,
    q: &SearchParams,
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

/// The kinds a saved search's `kind` stands for.
pub fn kinds(kind: &str) -> Option<Vec<Kind>> {
    Some(match kind {
        "job" => vec![Kind::Job],
        "course" => vec![Kind::Course],
        "training_need" => vec![Kind::TrainingNeed],
        "all" => vec![Kind::Job, Kind::Course, Kind::TrainingNeed],
        _ => return None,
    })
}

/// The search a saved search runs, with its parameters checked as the search endpoints check
/// them; errors are recorded in `check`, each named `query.<parameter>`.
pub fn saved_search_request(
    kind: &str,
    query: &serde_json::Value,
    known: &Known,
    check: &mut QueryChecker,
) -> Option<SearchRequest> {
    let q = serde_json::from_value::<SearchParams>(query.clone()).ok()?;
    let mut own = QueryChecker::default();
    let request = parse(kinds(kind)?, &q, known, &mut own).0;
    check.absorb(own, "query.");
    Some(request)
}
