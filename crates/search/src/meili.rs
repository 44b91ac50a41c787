//! The Meilisearch engine (meilisearch-sdk): one index per kind, settings pushed by
//! `ensure_settings`, every write waited for until Meilisearch reports the task done (a failed
//! task is an error, so the outbox keeps the work). Filters are built from typed values and
//! quoted: no user text becomes filter syntax.

use std::collections::HashMap;
use std::time::Duration;

use labour_domain::posting::Kind;
use meilisearch_sdk::client::Client;
use meilisearch_sdk::search::Selectors;
use meilisearch_sdk::settings::{
    FacetingSettings, MinWordSizeForTypos, PaginationSetting, Settings, TypoToleranceSettings,
};
use meilisearch_sdk::task_info::TaskInfo;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::document::SearchDocument;
use crate::engine::{
    Attribute, FacetCount, Filter, SearchEngine, SearchHit, SearchRequest, SearchResults, Sort,
};
use crate::synonyms::Synonyms;
use crate::{Error, highlight};

/// "No date" in day numbers: after every real date, within the integers JSON numbers hold exactly.
const NO_DAY: i64 = 10_000_000;
const KINDS: [Kind; 3] = [Kind::Job, Kind::Course, Kind::TrainingNeed];

/// What Meilisearch stores: the document plus sortable numbers.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct MeiliDocument {
    #[serde(flatten)]
    doc: SearchDocument,
    deadline_day: i64,
    start_day: i64,
    published_at_ms: i64,
}

fn day(d: Option<chrono::NaiveDate>) -> i64 {
    d.map_or(NO_DAY, |d| {
        d.signed_duration_since(chrono::NaiveDate::default())
            .num_days()
    })
}

/// A value as a Meilisearch filter string: in double quotes, with `\\` and `"` escaped.
pub fn quote(value: &str) -> String {
    format!("\"{}\"", value.replace('\\', "\\\\").replace('"', "\\\""))
}

/// The filter expression for typed filters; attributes come from a closed list.
pub fn filter_expression(filters: &[Filter]) -> String {
    filters
        .iter()
        .map(|f| match f {
            Filter::AnyOf(attribute, values) => {
                format!(
                    "{} IN [{}]",
                    attribute.name(),
                    values
                        .iter()
                        .map(|v| quote(v))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }
            Filter::SalaryAtLeast(vnd) => format!("salary_max_vnd >= {vnd}"),
            Filter::DeadlineFrom(d) => format!("deadline_day >= {}", day(Some(*d))),
            Filter::StartBetween(from, to) => {
                let from = from.map_or(i64::MIN, |d| day(Some(d)));
                let to = to.map_or(NO_DAY - 1, |d| day(Some(d)));
                format!("start_day >= {from} AND start_day <= {to}")
            }
            Filter::PublishedBetween(after, until) => {
                let until = until.timestamp_millis();
                match after {
                    Some(a) => format!(
                        "published_at_ms > {} AND published_at_ms <= {until}",
                        a.timestamp_millis()
                    ),
                    None => format!("published_at_ms <= {until}"),
                }
            }
        })
        .map(|e| format!("({e})"))
        .collect::<Vec<_>>()
        .join(" AND ")
}

#[derive(Clone)]
pub struct MeiliEngine {
    client: Client,
    prefix: String,
    synonyms: Synonyms,
    task_timeout: Duration,
}

impl std::fmt::Debug for MeiliEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The client holds the key; never print it.
        f.debug_struct("MeiliEngine")
            .field("prefix", &self.prefix)
            .finish()
    }
}

fn unavailable(e: impl std::fmt::Display) -> Error {
    Error::Unavailable(e.to_string())
}

impl MeiliEngine {
    /// An engine for the server at `url`; index names start with `prefix`.
    pub fn new(url: &str, key: Option<&str>, prefix: &str) -> Result<MeiliEngine, Error> {
        let client = Client::new(url, key).map_err(unavailable)?;
        Ok(MeiliEngine {
            client,
            prefix: prefix.to_owned(),
            synonyms: Synonyms::shipped(),
            task_timeout: Duration::from_secs(60),
        })
    }

    pub fn uid(&self, kind: Kind) -> String {
        let name = match kind {
            Kind::Job => "jobs",
            Kind::Course => "courses",
            Kind::TrainingNeed => "training_needs",
        };
        format!("{}{name}", self.prefix)
    }

    /// The indexes a rebuild fills before they replace the live ones (same server).
    pub fn staging(&self) -> MeiliEngine {
        MeiliEngine {
            prefix: format!("{}rebuild_", self.prefix),
            ..self.clone()
        }
    }

    /// Swaps each of `staging`'s indexes with the live one, so searches move to the rebuilt
    /// index at once, then deletes the old ones.
    pub async fn swap_from(&self, staging: &MeiliEngine) -> Result<(), Error> {
        let swaps: Vec<meilisearch_sdk::client::SwapIndexes> = KINDS
            .iter()
            .map(|k| meilisearch_sdk::client::SwapIndexes {
                indexes: (self.uid(*k), staging.uid(*k)),
                rename: None,
            })
            .collect();
        let task = self
            .client
            .swap_indexes(&swaps)
            .await
            .map_err(unavailable)?;
        self.wait(task).await?;
        for kind in KINDS {
            let task = self
                .client
                .delete_index(staging.uid(kind))
                .await
                .map_err(unavailable)?;
            self.wait(task).await?;
        }
        Ok(())
    }

    /// The settings every index gets.
    pub fn settings(&self) -> Settings {
        let mut synonyms: HashMap<String, Vec<String>> = HashMap::new();
        for group in self.synonyms.groups() {
            for phrase in group {
                synonyms.insert(
                    phrase.clone(),
                    group.iter().filter(|p| *p != phrase).cloned().collect(),
                );
            }
        }
        Settings::new()
            .with_searchable_attributes([
                "title",
                "occupation_name",
                "skills",
                "description",
                "zone_name",
                "commune_name",
                "organisation_name",
            ])
            .with_filterable_attributes([
                "kind",
                "occupation_group",
                "occupation_code",
                "zone_id",
                "commune_code",
                "level",
                "shifts",
                "mode",
                "learner_support",
                "organisation_id",
                "salary_max_vnd",
                "deadline_day",
                "start_day",
                "published_at_ms",
            ])
            .with_sortable_attributes([
                "published_at_ms",
                "salary_max_vnd",
                "deadline_day",
                "start_day",
            ])
            .with_ranking_rules([
                "words",
                "typo",
                "proximity",
                "attribute",
                "sort",
                "exactness",
            ])
            .with_synonyms(synonyms)
            .with_typo_tolerance(TypoToleranceSettings {
                enabled: Some(true),
                min_word_size_for_typos: Some(MinWordSizeForTypos {
                    one_typo: Some(5),
                    two_typos: Some(9),
                }),
                ..Default::default()
            })
            .with_pagination(PaginationSetting {
                max_total_hits: 10_000,
            })
            .with_faceting(FacetingSettings {
                max_values_per_facet: 200,
                sort_facet_values_by: None,
            })
    }

    /// Waits until Meilisearch has processed a task; a failed task is an error.
    async fn wait(&self, task: TaskInfo) -> Result<(), Error> {
        let task = task
            .wait_for_completion(
                &self.client,
                Some(Duration::from_millis(50)),
                Some(self.task_timeout),
            )
            .await
            .map_err(unavailable)?;
        if task.is_failure() {
            let failure = task.unwrap_failure();
            return Err(Error::Rejected(format!(
                "{}: {}",
                failure.error_code, failure.error_message
            )));
        }
        Ok(())
    }

    fn sort(sort: Sort) -> Option<&'static str> {
        match sort {
            Sort::Relevance => None,
            Sort::Newest => Some("published_at_ms:desc"),
            Sort::Salary => Some("salary_max_vnd:desc"),
            Sort::Deadline => Some("deadline_day:asc"),
            Sort::StartDate => Some("start_day:asc"),
        }
    }
}

impl SearchEngine for MeiliEngine {
    async fn ensure_settings(&self) -> Result<(), Error> {
        let settings = self.settings();
        for kind in KINDS {
            let uid = self.uid(kind);
            // Creating an index that exists fails its task harmlessly; the settings are what count.
            let created = self
                .client
                .create_index(&uid, Some("id"))
                .await
                .map_err(unavailable)?;
            let _ = self.wait(created).await;
            let task = self
                .client
                .index(&uid)
                .set_settings(&settings)
                .await
                .map_err(unavailable)?;
            self.wait(task).await?;
        }
        Ok(())
    }

    async fn upsert(&self, documents: Vec<SearchDocument>) -> Result<(), Error> {
        for kind in KINDS {
            let docs: Vec<MeiliDocument> = documents
                .iter()
                .filter(|d| d.kind == kind)
                .map(|d| MeiliDocument {
                    deadline_day: day(d.deadline),
                    start_day: day(d.start_date),
                    published_at_ms: d.published_at.timestamp_millis(),
                    doc: d.clone(),
                })
                .collect();
            if docs.is_empty() {
                continue;
            }
            let task = self
                .client
                .index(self.uid(kind))
                .add_or_replace(&docs, Some("id"))
                .await
                .map_err(unavailable)?;
            self.wait(task).await?;
        }
        Ok(())
    }

    async fn delete(&self, ids: Vec<Uuid>) -> Result<(), Error> {
        let ids: Vec<String> = ids.iter().map(Uuid::to_string).collect();
        for kind in KINDS {
            let task = self
                .client
                .index(self.uid(kind))
                .delete_documents(&ids)
                .await
                .map_err(unavailable)?;
            self.wait(task).await?;
        }
        Ok(())
    }

    async fn search(&self, request: SearchRequest) -> Result<SearchResults, Error> {
        let filter = filter_expression(&request.filters);
        let sort = Self::sort(request.sort);
        let sort_list: Vec<&str> = sort.into_iter().collect();
        let facet_names: Vec<&str> = request.facets.iter().map(|a| a.name()).collect();
        let single = request.kinds.len() == 1;
        // Never more than the first MAX_RESULTS, whatever offset came in.
        let (offset, limit) = request.window();
        let paged = single && offset.is_multiple_of(limit.max(1));
        let mut merged: Vec<(f64, MeiliDocument)> = Vec::new();
        let mut total = 0u64;
        let mut facets: HashMap<Attribute, HashMap<String, u64>> = HashMap::new();
        for kind in &request.kinds {
            let index = self.client.index(self.uid(*kind));
            let mut query = index.search();
            query
                .with_query(&request.query)
                .with_show_ranking_score(true);
            if paged {
                query
                    .with_page(offset / limit.max(1) + 1)
                    .with_hits_per_page(limit.max(1));
            } else {
                // Several kinds (or a window not on a page boundary): take enough from each to
                // cut the asked window from the merge.
                query.with_page(1).with_hits_per_page(offset + limit.max(1));
            }
            if !filter.is_empty() {
                query.with_filter(&filter);
            }
            if !sort_list.is_empty() {
                query.with_sort(&sort_list);
            }
            if !facet_names.is_empty() {
                query.with_facets(Selectors::Some(&facet_names));
            }
            let results = query
                .execute::<MeiliDocument>()
                .await
                .map_err(unavailable)?;
            total += results
                .total_hits
                .or(results.estimated_total_hits)
                .unwrap_or(0) as u64;
            for (name, values) in results.facet_distribution.unwrap_or_default() {
                if let Some(attribute) = request.facets.iter().find(|a| a.name() == name) {
                    let counts = facets.entry(*attribute).or_default();
                    for (value, n) in values {
                        *counts.entry(value).or_default() += n as u64;
                    }
                }
            }
            merged.extend(
                results
                    .hits
                    .into_iter()
                    .map(|h| (h.ranking_score.unwrap_or(0.0), h.result)),
            );
        }
        if !single {
            let key = |d: &MeiliDocument| -> i128 {
                match request.sort {
                    Sort::Relevance => 0,
                    Sort::Newest => -i128::from(d.published_at_ms),
                    Sort::Salary => -i128::from(d.doc.salary_max_vnd.unwrap_or(0)),
                    Sort::Deadline => i128::from(d.deadline_day),
                    Sort::StartDate => i128::from(d.start_day),
                }
            };
            merged.sort_by(|a, b| {
                key(&a.1)
                    .cmp(&key(&b.1))
                    .then(b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal))
            });
        }
        if !paged {
            merged = merged.into_iter().skip(offset).collect();
        }
        merged.truncate(limit);
        let hits = merged
            .into_iter()
            .map(|(_, d)| SearchHit {
                title_highlight: highlight::highlight(&d.doc.title, &request.query),
                snippet: highlight::snippet(&d.doc.description, &request.query, 24),
                document: d.doc,
            })
            .collect();
        let facets = request
            .facets
            .iter()
            .map(|a| {
                let mut counts: Vec<(String, u64)> =
                    facets.remove(a).unwrap_or_default().into_iter().collect();
                counts.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
                FacetCount {
                    attribute: *a,
                    counts,
                }
            })
            .collect();
        Ok(SearchResults {
            hits,
            total,
            facets,
        })
    }

    async fn count(&self, kind: Kind) -> Result<u64, Error> {
        let stats = self
            .client
            .index(self.uid(kind))
            .get_stats()
            .await
            .map_err(unavailable)?;
        Ok(stats.number_of_documents as u64)
    }

    async fn clear(&self) -> Result<(), Error> {
        for kind in KINDS {
            let task = self
                .client
                .index(self.uid(kind))
                .delete_all_documents()
                .await
                .map_err(unavailable)?;
            self.wait(task).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_quoted_and_escaped() {
        assert_eq!(quote(r#"a" OR kind = "x"#), r#""a\" OR kind = \"x""#);
        assert_eq!(quote(r"back\slash"), r#""back\\slash""#);
        let f = filter_expression(&[
            Filter::AnyOf(Attribute::ZoneId, vec!["zone = 1 AND".into(), "b".into()]),
            Filter::SalaryAtLeast(8_000_000),
        ]);
        assert_eq!(
            f,
            r#"(zone_id IN ["zone = 1 AND", "b"]) AND (salary_max_vnd >= 8000000)"#
        );
        let at = |ms| chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default();
        assert_eq!(
            filter_expression(&[Filter::PublishedBetween(Some(at(1_000)), at(2_000))]),
            "(published_at_ms > 1000 AND published_at_ms <= 2000)"
        );
    }

    #[test]
    fn settings_carry_the_synonyms_both_ways() -> Result<(), Box<dyn std::error::Error>> {
        let engine = MeiliEngine::new("http://127.0.0.1:1", None, "t_")?;
        let json = serde_json::to_value(engine.settings())?;
        assert!(
            json["synonyms"]["welder"]
                .as_array()
                .is_some_and(|a| a.iter().any(|v| v == "tho han"))
        );
        assert!(
            json["synonyms"]["tho han"]
                .as_array()
                .is_some_and(|a| a.iter().any(|v| v == "welder"))
        );
        assert_eq!(json["typoTolerance"]["minWordSizeForTypos"]["oneTypo"], 5);
        assert_eq!(json["searchableAttributes"][0], "title");
        Ok(())
    }
}
