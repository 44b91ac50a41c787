//! What a results page shows, built from the engine's answer: the kind tabs, the filter groups
//! with their counts, each hit's facts, the links that remove a filter or a word, the pages.

use labour_app::search::Labels;
use labour_search::{Attribute, FacetCount, SearchHit};

use super::filters::{self, Area, Group};
use super::format;
use super::query::Query;
use crate::form::Errors;
use crate::i18n::{t, t_with};
use crate::lang::Lang;

/// Values of a group shown before "more" (the rest open with a click, without JavaScript).
const SHOWN: usize = 8;
/// Page numbers shown either side of the current one.
const PAGES_AROUND: u32 = 2;

pub struct View<'a> {
    pub area: Area,
    pub query: &'a Query,
    pub labels: &'a Labels,
    pub lang: Lang,
    pub errors: &'a Errors,
}

/// A link to another results page with the same words and filters.
pub struct KindTab {
    pub name: String,
    pub href: String,
    pub count: Option<String>,
    pub current: bool,
}

pub struct Choice {
    pub id: String,
    pub value: String,
    pub name: String,
    pub count: String,
    pub checked: bool,
}

pub struct GroupView {
    pub param: &'static str,
    pub legend: String,
    pub shown: Vec<Choice>,
    pub more: Vec<Choice>,
    pub more_label: String,
}

/// A link that takes one thing away (a filter, a word), with what it says.
pub struct Removal {
    pub text: String,
    pub href: String,
}

pub struct Hit {
    pub href: String,
    pub kind: Option<String>,
    /// Safe HTML: text, and `<mark>` around the words that matched.
    pub title: String,
    pub snippet: String,
    pub organisation: String,
    pub place: Option<String>,
    pub level: Option<String>,
    pub salary: Option<String>,
    pub people: Option<String>,
    pub deadline: Option<String>,
    pub start: Option<String>,
}

pub struct PageLink {
    pub number: String,
    pub href: String,
    pub current: bool,
    /// A gap ("…") between page numbers.
    pub gap: bool,
}

pub struct Pager {
    pub previous: Option<String>,
    pub next: Option<String>,
    pub pages: Vec<PageLink>,
}

fn counts(facets: &[FacetCount], attribute: Attribute) -> &[(String, u64)] {
    facets
        .iter()
        .find(|f| f.attribute == attribute)
        .map_or(&[], |f| f.counts.as_slice())
}

impl View<'_> {
    fn t(&self, key: &str) -> String {
        t(self.lang, key).into_owned()
    }

    /// The other results pages, with their counts on the page of every kind.
    pub fn tabs(&self, facets: &[FacetCount]) -> Vec<KindTab> {
        let kinds = counts(facets, Attribute::Kind);
        // The words and the filters the other page has carry over.
        let carried = |area: Area| {
            let mut q = self.query.without_key("page").without_key("sort");
            for g in filters::GROUPS {
                if !area.groups().iter().any(|h| h.param == g.param) {
                    q = q.without_key(g.param);
                }
            }
            if !area.has_salary() {
                q = q.without_key("salary_min");
            }
            q
        };
        Area::EVERY
            .iter()
            .map(|&area| {
                let kind = match area {
                    Area::Jobs => Some("job"),
                    Area::Courses => Some("course"),
                    Area::TrainingNeeds => Some("training_need"),
                    Area::All => None,
                };
                let count = match (self.area, kind) {
                    (Area::All, Some(kind)) => {
                        Some(kinds.iter().find(|(v, _)| v == kind).map_or(0, |(_, n)| *n))
                    }
                    _ => None,
                };
                KindTab {
                    name: match area {
                        Area::All => self.t("search.tab_all"),
                        Area::TrainingNeeds => self.t("search.tab_training_needs"),
                        _ => area.name(self.lang),
                    },
                    href: carried(area).href(area.path()),
                    count: count.map(|n| format::number(n, self.lang)),
                    current: area == self.area,
                }
            })
            .collect()
    }

    /// The page's filter groups: the values the matches have, most first, with the ticked ones
    /// always shown; a group with nothing to choose is left out.
    pub fn groups(&self, facets: &[FacetCount]) -> Vec<GroupView> {
        self.area
            .groups()
            .iter()
            .filter_map(|&group| self.group(group, counts(facets, group.attribute)))
            .collect()
    }

    fn group(&self, group: Group, counted: &[(String, u64)]) -> Option<GroupView> {
        let ticked = self.query.values(group.param);
        let mut choices: Vec<Choice> = Vec::new();
        let mut add = |value: &str, count: u64| {
            choices.push(Choice {
                id: String::new(),
                value: value.to_owned(),
                name: filters::value_name(group.param, value, self.labels, self.lang),
                count: format::number(count, self.lang),
                checked: ticked.contains(&value),
            });
        };
        for value in &ticked {
            let count = counted.iter().find(|(v, _)| v == value).map_or(0, |c| c.1);
            add(value, count);
        }
        for (value, count) in counted {
            if !ticked.contains(&value.as_str()) {
                add(value, *count);
            }
        }
        if choices.is_empty() {
            return None;
        }
        for (i, c) in choices.iter_mut().enumerate() {
            c.id = format!("{}-{i}", group.param);
        }
        let more = if choices.len() > SHOWN + 2 {
            choices.split_off(SHOWN.max(ticked.len()))
        } else {
            Vec::new()
        };
        Some(GroupView {
            param: group.param,
            legend: filters::legend(group, self.lang),
            more_label: t_with(
                self.lang,
                "search.more_values",
                &[("count", &more.len().to_string())],
            ),
            shown: choices,
            more,
        })
    }

    pub fn hit(&self, h: SearchHit) -> Hit {
        let d = h.document;
        let lang = self.lang;
        let kind = d.kind_name();
        let place = match (&d.zone_name, &d.commune_name) {
            (Some(z), Some(c)) => Some(format!("{z}, {c}")),
            (Some(z), None) => Some(z.clone()),
            (None, Some(c)) => Some(c.clone()),
            (None, None) => None,
        };
        let salary = match (kind, d.salary_min_vnd, d.salary_max_vnd) {
            (_, Some(min), Some(max)) => Some(format::salary(min, max, lang)),
            ("job", _, _) => Some(format::negotiable(lang)),
            _ => None,
        };
        Hit {
            href: format!("/postings/{}", d.id),
            kind: (self.area == Area::All).then(|| filters::kind_name(kind, lang)),
            title: format::highlight(&h.title_highlight),
            snippet: format::highlight(&h.snippet),
            organisation: d.organisation_name,
            place,
            level: d
                .level
                .as_deref()
                .map(|l| filters::value_name("level", l, self.labels, lang)),
            salary,
            people: format::people(kind, &d.content, lang),
            deadline: d.deadline.map(|day| format::date(day, lang)),
            start: d.start_date.map(|day| format::date(day, lang)),
        }
    }

    /// The filters in use, each with the link that removes it.
    pub fn active(&self) -> Vec<Removal> {
        self.query
            .filters()
            .filter(|(param, _)| !self.errors.has(param))
            .map(|(param, value)| {
                let legend = match param {
                    "salary_min" => self.t("search.filter_salary"),
                    _ => filters::GROUPS
                        .iter()
                        .find(|g| g.param == param)
                        .map(|g| filters::legend(*g, self.lang))
                        .unwrap_or_default(),
                };
                let name = filters::value_name(param, value, self.labels, self.lang);
                Removal {
                    text: t_with(
                        self.lang,
                        "search.remove_filter",
                        &[("filter", &format!("{legend}: {name}"))],
                    ),
                    href: self.query.without(param, value).href(self.area.path()),
                }
            })
            .collect()
    }

    /// What to drop when nothing matched: each filter, each word, every filter at once, the
    /// kind.
    pub fn suggestions(&self) -> Vec<Removal> {
        let mut out = self.active();
        let q = self.query.q();
        let words: Vec<&str> = q.split_whitespace().collect();
        if words.len() > 1 {
            for (i, word) in words.iter().enumerate() {
                let rest: Vec<&str> = words
                    .iter()
                    .enumerate()
                    .filter(|(j, _)| *j != i)
                    .map(|(_, w)| *w)
                    .collect();
                out.push(Removal {
                    text: t_with(self.lang, "search.drop_word", &[("word", word)]),
                    href: self
                        .query
                        .with("q", &rest.join(" "))
                        .without_key("page")
                        .href(self.area.path()),
                });
            }
        }
        let filtered = self.query.filters().next().is_some();
        if filtered && out.len() > 1 {
            let mut bare = Query::default();
            if !q.is_empty() {
                bare = bare.with("q", q);
            }
            out.push(Removal {
                text: self.t("search.drop_all_filters"),
                href: bare.href(self.area.path()),
            });
        }
        if self.area != Area::All && !q.is_empty() {
            out.push(Removal {
                text: self.t("search.search_every_kind"),
                href: Query::default().with("q", q).href(Area::All.path()),
            });
        }
        out
    }

    pub fn pager(&self, page: u32, per_page: u32, total: u64, too_deep: bool) -> Pager {
        let reachable = u64::from(labour_domain::paging::MAX_SEARCH_RESULTS).min(total);
        let last = u32::try_from(reachable.div_ceil(u64::from(per_page.max(1)))).unwrap_or(1);
        let href = |n: u32| {
            let q = if n == 1 {
                self.query.without_key("page")
            } else {
                self.query.with("page", &n.to_string())
            };
            q.href(self.area.path())
        };
        if too_deep || last <= 1 {
            return Pager {
                previous: None,
                next: None,
                pages: Vec::new(),
            };
        }
        let mut pages = Vec::new();
        let mut previous_shown = 0;
        for n in 1..=last {
            let near = n.abs_diff(page) <= PAGES_AROUND;
            if n == 1 || n == last || near {
                if n > previous_shown + 1 {
                    pages.push(PageLink {
                        number: String::new(),
                        href: String::new(),
                        current: false,
                        gap: true,
                    });
                }
                pages.push(PageLink {
                    number: n.to_string(),
                    href: href(n),
                    current: n == page,
                    gap: false,
                });
                previous_shown = n;
            }
        }
        Pager {
            previous: (page > 1).then(|| href(page - 1)),
            next: (page < last).then(|| href(page + 1)),
            pages,
        }
    }
}
