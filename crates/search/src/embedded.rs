//! The embedded engine: a tantivy index in the data directory, used when no Meilisearch is
//! configured. It behaves as people expect from Meilisearch: every word must match (falling back
//! to any word), a typo is forgiven from 5 letters and two from 9, the last word matches as a
//! prefix (search as you type), diacritics are optional but exact ones rank first, titles weigh
//! more than descriptions, and the shared synonyms apply.

use std::ops::Bound;
use std::path::Path;
use std::sync::{Arc, Mutex};

use labour_domain::ClosedSet;
use labour_domain::posting::Kind;
use labour_domain::text::fold;
use tantivy::aggregation::agg_req::Aggregations;
use tantivy::aggregation::{AggContextParams, AggregationCollector, AggregationLimitsGuard};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, FuzzyTermQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TEXT, Value,
};
use tantivy::tokenizer::TokenizerManager;
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term,
};
use uuid::Uuid;

use crate::document::SearchDocument;
use crate::engine::{
    Attribute, FacetCount, Filter, SearchEngine, SearchHit, SearchRequest, SearchResults, Sort,
};
use crate::synonyms::Synonyms;
use crate::{Error, highlight};

/// Bump when the schema changes: an index of another version is rebuilt.
const SCHEMA_VERSION: &str = "4";
const WRITER_MEMORY: usize = 50_000_000;

#[derive(Debug, Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    title_f: Field,
    title_x: Field,
    occupation_f: Field,
    occupation_x: Field,
    body_f: Field,
    body_x: Field,
    /// Title, occupation and body together, folded: where typos and prefixes are looked up, so a
    /// word costs one fuzzy automaton instead of one per field.
    all_f: Field,
    occupation_group: Field,
    occupation_code: Field,
    zone_id: Field,
    commune_code: Field,
    level: Field,
    shifts: Field,
    mode: Field,
    learner_support: Field,
    organisation_id: Field,
    salary_max: Field,
    deadline: Field,
    start_date: Field,
    published_at: Field,
    doc: Field,
}

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let raw = STRING | FAST;
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", raw.clone()),
        title_f: b.add_text_field("title_f", TEXT),
        title_x: b.add_text_field("title_x", TEXT),
        occupation_f: b.add_text_field("occupation_f", TEXT),
        occupation_x: b.add_text_field("occupation_x", TEXT),
        body_f: b.add_text_field("body_f", TEXT),
        body_x: b.add_text_field("body_x", TEXT),
        all_f: b.add_text_field("all_f", TEXT),
        occupation_group: b.add_text_field("occupation_group", raw.clone()),
        occupation_code: b.add_text_field("occupation_code", raw.clone()),
        zone_id: b.add_text_field("zone_id", raw.clone()),
        commune_code: b.add_text_field("commune_code", raw.clone()),
        level: b.add_text_field("level", raw.clone()),
        shifts: b.add_text_field("shifts", raw.clone()),
        mode: b.add_text_field("mode", raw.clone()),
        learner_support: b.add_text_field("learner_support", raw.clone()),
        organisation_id: b.add_text_field("organisation_id", raw),
        salary_max: b.add_u64_field("salary_max", INDEXED | FAST),
        deadline: b.add_i64_field("deadline", INDEXED | FAST),
        start_date: b.add_i64_field("start_date", INDEXED | FAST),
        published_at: b.add_i64_field("published_at", INDEXED | FAST),
        doc: b.add_text_field("doc", STORED),
    };
    (b.build(), fields)
}

impl Fields {
    fn of(&self, attribute: Attribute) -> Field {
        match attribute {
            Attribute::Kind => self.kind,
            Attribute::OccupationGroup => self.occupation_group,
            Attribute::OccupationCode => self.occupation_code,
            Attribute::ZoneId => self.zone_id,
            Attribute::CommuneCode => self.commune_code,
            Attribute::Level => self.level,
            Attribute::Shifts => self.shifts,
            Attribute::Mode => self.mode,
            Attribute::LearnerSupport => self.learner_support,
            Attribute::OrganisationId => self.organisation_id,
        }
    }
}

/// Days since 1970-01-01; "none" sorts last.
fn day(d: Option<chrono::NaiveDate>) -> i64 {
    d.map_or(i64::MAX, |d| {
        d.signed_duration_since(chrono::NaiveDate::default())
            .num_days()
    })
}

fn index_error(e: impl std::fmt::Display) -> Error {
    Error::Index(e.to_string())
}

struct Inner {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    synonyms: Synonyms,
}

/// The tantivy engine; cheap to clone.
#[derive(Clone)]
pub struct EmbeddedEngine {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for EmbeddedEngine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("EmbeddedEngine")
    }
}

impl EmbeddedEngine {
    /// The index under `dir`, created (or rebuilt after a schema change) as needed.
    pub fn open(dir: &Path) -> Result<EmbeddedEngine, Error> {
        let version_file = dir.join("schema-version");
        let current = std::fs::read_to_string(&version_file).ok();
        if current.as_deref() != Some(SCHEMA_VERSION) && dir.exists() {
            std::fs::remove_dir_all(dir).map_err(index_error)?;
        }
        std::fs::create_dir_all(dir).map_err(index_error)?;
        let (schema, fields) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir).map_err(index_error)?;
        let index = Index::open_or_create(directory, schema).map_err(index_error)?;
        std::fs::write(&version_file, SCHEMA_VERSION).map_err(index_error)?;
        EmbeddedEngine::with_index(index, fields)
    }

    /// An index in memory (tests).
    pub fn in_memory() -> Result<EmbeddedEngine, Error> {
        let (schema, fields) = schema();
        EmbeddedEngine::with_index(Index::create_in_ram(schema), fields)
    }

    fn with_index(index: Index, fields: Fields) -> Result<EmbeddedEngine, Error> {
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .map_err(index_error)?;
        let writer = index.writer(WRITER_MEMORY).map_err(index_error)?;
        Ok(EmbeddedEngine {
            inner: Arc::new(Inner {
                reader,
                writer: Mutex::new(writer),
                fields,
                synonyms: Synonyms::shipped(),
            }),
        })
    }

    /// Runs index work on a blocking thread.
    async fn blocking<T: Send + 'static>(
        &self,
        f: impl FnOnce(&Inner) -> Result<T, Error> + Send + 'static,
    ) -> Result<T, Error> {
        let inner = self.inner.clone();
        let span = tracing::Span::current();
        tokio::task::spawn_blocking(move || span.in_scope(|| f(&inner)))
            .await
            .map_err(index_error)?
    }
}

impl Inner {
    fn document(&self, d: &SearchDocument) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::new();
        doc.add_text(f.id, d.id.to_string());
        doc.add_text(f.kind, d.kind.as_str());
        doc.add_text(f.title_f, fold(&d.title));
        doc.add_text(f.title_x, &d.title);
        doc.add_text(f.occupation_f, fold(&d.occupation_name));
        doc.add_text(f.occupation_x, &d.occupation_name);
        let body = [
            d.description.as_str(),
            &d.skills.join(" "),
            d.zone_name.as_deref().unwrap_or(""),
            d.commune_name.as_deref().unwrap_or(""),
            &d.organisation_name,
        ]
        .join("\n");
        doc.add_text(f.body_f, fold(&body));
        doc.add_text(f.body_x, &body);
        doc.add_text(
            f.all_f,
            fold(&format!("{}\n{}\n{}", d.title, d.occupation_name, body)),
        );
        doc.add_text(f.occupation_group, &d.occupation_group);
        doc.add_text(f.occupation_code, &d.occupation_code);
        if let Some(z) = d.zone_id {
            doc.add_text(f.zone_id, z.to_string());
        }
        if let Some(c) = &d.commune_code {
            doc.add_text(f.commune_code, c);
        }
        if let Some(l) = &d.level {
            doc.add_text(f.level, l);
        }
        for s in &d.shifts {
            doc.add_text(f.shifts, s);
        }
        if let Some(m) = &d.mode {
            doc.add_text(f.mode, m);
        }
        for s in &d.learner_support {
            doc.add_text(f.learner_support, s);
        }
        doc.add_text(f.organisation_id, d.organisation_id.to_string());
        doc.add_u64(f.salary_max, d.salary_max_vnd.unwrap_or(0));
        doc.add_i64(f.deadline, day(d.deadline));
        doc.add_i64(f.start_date, day(d.start_date));
        doc.add_i64(f.published_at, d.published_at.timestamp_millis());
        doc.add_text(f.doc, serde_json::to_string(d).unwrap_or_default());
        doc
    }

    /// How many typos a word of this length forgives.
    fn distance(word: &str) -> u8 {
        match word.chars().count() {
            0..=4 => 0,
            5..=8 => 1,
            _ => 2,
        }
    }

    /// One word of the query, in any text field; `last` also matches as a prefix.
    fn word_query(&self, folded: &str, exact: &str, last: bool) -> Box<dyn Query> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        // Matching: one fuzzy (and, for the last word, prefix) lookup over all the text.
        let distance = Inner::distance(folded);
        let any = Term::from_field_text(f.all_f, folded);
        let fuzzy = if last {
            FuzzyTermQuery::new_prefix(any, distance, true)
        } else {
            FuzzyTermQuery::new(any, distance, true)
        };
        clauses.push((
            Occur::Should,
            Box::new(BoostQuery::new(Box::new(fuzzy), 0.5)),
        ));
        // Ranking: the word spelled exactly, weighted by where it stands.
        for (field, weight) in [(f.title_f, 3.0), (f.occupation_f, 2.0), (f.body_f, 1.0)] {
            let exact_word = TermQuery::new(
                Term::from_field_text(field, folded),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(Box::new(exact_word), weight)),
            ));
        }
        if exact != folded {
            // Typed with diacritics: the same diacritics rank first.
            for (field, weight) in [(f.title_x, 3.0), (f.occupation_x, 2.0), (f.body_x, 1.0)] {
                let q = TermQuery::new(
                    Term::from_field_text(field, exact),
                    IndexRecordOption::WithFreqs,
                );
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(q), weight * 1.5)),
                ));
            }
        }
        Box::new(BooleanQuery::new(clauses))
    }

    /// The phrases that mean the same as something in the query.
    fn synonym_query(&self, folded_query: &str) -> Option<Box<dyn Query>> {
        let f = &self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for phrase in self.synonyms.expansions(folded_query) {
            let words: Vec<&str> = phrase.split_whitespace().collect();
            for (field, weight) in [(f.title_f, 2.0), (f.occupation_f, 1.5), (f.body_f, 0.8)] {
                let q: Box<dyn Query> = if words.len() == 1 {
                    Box::new(TermQuery::new(
                        Term::from_field_text(field, words[0]),
                        IndexRecordOption::WithFreqs,
                    ))
                } else {
                    Box::new(PhraseQuery::new(
                        words
                            .iter()
                            .map(|w| Term::from_field_text(field, w))
                            .collect(),
                    ))
                };
                clauses.push((Occur::Should, Box::new(BoostQuery::new(q, weight))));
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    fn text_query(&self, query: &str, every_word: bool) -> Box<dyn Query> {
        let folded = fold(query);
        let folded_words: Vec<&str> = folded.split_whitespace().collect();
        let lower = query.to_lowercase();
        let exact_words: Vec<&str> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        if folded_words.is_empty() {
            return Box::new(AllQuery);
        }
        let n = folded_words.len();
        let words: Vec<Box<dyn Query>> = folded_words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let exact = exact_words.get(i).copied().unwrap_or(w);
                self.word_query(w, exact, i + 1 == n)
            })
            .collect();
        let occur = if every_word {
            Occur::Must
        } else {
            Occur::Should
        };
        let mut all: Box<dyn Query> = Box::new(BooleanQuery::new(
            words.into_iter().map(|q| (occur, q)).collect(),
        ));
        if n > 1 {
            // Words next to each other, as typed, rank higher (proximity).
            let terms = folded_words
                .iter()
                .map(|w| Term::from_field_text(self.fields.title_f, w))
                .collect();
            let mut near = PhraseQuery::new(terms);
            near.set_slop(2);
            all = Box::new(BooleanQuery::new(vec![
                (Occur::Must, all),
                (
                    Occur::Should,
                    Box::new(BoostQuery::new(Box::new(near), 2.0)),
                ),
            ]));
        }
        match self.synonym_query(&folded) {
            Some(syn) => Box::new(BooleanQuery::new(vec![
                (Occur::Should, all),
                (Occur::Should, syn),
            ])),
            None => all,
        }
    }

    fn filter_query(&self, filter: &Filter) -> Box<dyn Query> {
        let f = &self.fields;
        match filter {
            Filter::AnyOf(attribute, values) => {
                let field = f.of(*attribute);
                Box::new(BooleanQuery::new(
                    values
                        .iter()
                        .map(|v| {
                            let q: Box<dyn Query> = Box::new(TermQuery::new(
                                Term::from_field_text(field, v),
                                IndexRecordOption::Basic,
                            ));
                            (Occur::Should, q)
                        })
                        .collect(),
                ))
            }
            Filter::SalaryAtLeast(vnd) => Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_u64(f.salary_max, *vnd)),
                Bound::Unbounded,
            )),
            Filter::DeadlineFrom(d) => Box::new(RangeQuery::new(
                Bound::Included(Term::from_field_i64(f.deadline, day(Some(*d)))),
                Bound::Unbounded,
            )),
            Filter::StartBetween(from, to) => Box::new(RangeQuery::new(
                from.map_or(Bound::Unbounded, |d| {
                    Bound::Included(Term::from_field_i64(f.start_date, day(Some(d))))
                }),
                to.map_or(
                    Bound::Excluded(Term::from_field_i64(f.start_date, i64::MAX)),
                    |d| Bound::Included(Term::from_field_i64(f.start_date, day(Some(d)))),
                ),
            )),
            Filter::PublishedBetween(after, until) => Box::new(RangeQuery::new(
                after.map_or(Bound::Unbounded, |t| {
                    Bound::Excluded(Term::from_field_i64(f.published_at, t.timestamp_millis()))
                }),
                Bound::Included(Term::from_field_i64(
                    f.published_at,
                    until.timestamp_millis(),
                )),
            )),
        }
    }

    fn query(&self, request: &SearchRequest, every_word: bool) -> Box<dyn Query> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, self.text_query(&request.query, every_word))];
        let kinds: Vec<String> = request
            .kinds
            .iter()
            .map(|k| k.as_str().to_owned())
            .collect();
        clauses.push((
            Occur::Must,
            self.filter_query(&Filter::AnyOf(Attribute::Kind, kinds)),
        ));
        for filter in &request.filters {
            clauses.push((Occur::Must, self.filter_query(filter)));
        }
        Box::new(BooleanQuery::new(clauses))
    }

    fn search(&self, request: &SearchRequest) -> Result<SearchResults, Error> {
        let searcher = self.reader.searcher();
        let mut query = self.query(request, true);
        let (mut addresses, mut total) = self.top(&searcher, query.as_ref(), request)?;
        if total == 0 && request.query.split_whitespace().count() > 1 {
            // Nothing has every word: rank what has some of them.
            query = self.query(request, false);
            (addresses, total) = self.top(&searcher, query.as_ref(), request)?;
        }
        let mut hits = Vec::with_capacity(addresses.len());
        for address in addresses {
            let doc: TantivyDocument = searcher.doc(address).map_err(index_error)?;
            let json = doc
                .get_first(self.fields.doc)
                .and_then(|v| v.as_str())
                .unwrap_or("{}");
            let document: SearchDocument = serde_json::from_str(json).map_err(index_error)?;
            let title_highlight = highlight::highlight(&document.title, &request.query);
            let snippet = highlight::snippet(&document.description, &request.query, 24);
            hits.push(SearchHit {
                document,
                title_highlight,
                snippet,
            });
        }
        let facets = if request.facets.is_empty() {
            Vec::new()
        } else {
            self.facets(&searcher, query.as_ref(), &request.facets)?
        };
        Ok(SearchResults {
            hits,
            total,
            facets,
        })
    }

    /// One page of matches, in the asked order, and how many match in all: one pass.
    fn top(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        request: &SearchRequest,
    ) -> Result<(Vec<DocAddress>, u64), Error> {
        fn strip<K>((page, n): (Vec<(K, DocAddress)>, usize)) -> (Vec<DocAddress>, u64) {
            (page.into_iter().map(|(_, a)| a).collect(), n as u64)
        }
        // Never collect from an unchecked offset: tantivy reserves room for offset + limit.
        let (offset, limit) = request.window();
        let top = TopDocs::with_limit(limit.max(1)).and_offset(offset);
        let (mut page, total) = match request.sort {
            Sort::Relevance => strip(
                searcher
                    .search(query, &(top.order_by_score(), Count))
                    .map_err(index_error)?,
            ),
            Sort::Newest => strip(
                searcher
                    .search(
                        query,
                        &(
                            top.order_by_fast_field::<i64>("published_at", Order::Desc),
                            Count,
                        ),
                    )
                    .map_err(index_error)?,
            ),
            Sort::Salary => strip(
                searcher
                    .search(
                        query,
                        &(
                            top.order_by_fast_field::<u64>("salary_max", Order::Desc),
                            Count,
                        ),
                    )
                    .map_err(index_error)?,
            ),
            Sort::Deadline | Sort::StartDate => {
                let field = if request.sort == Sort::Deadline {
                    "deadline"
                } else {
                    "start_date"
                };
                strip(
                    searcher
                        .search(
                            query,
                            &(top.order_by_fast_field::<i64>(field, Order::Asc), Count),
                        )
                        .map_err(index_error)?,
                )
            }
        };
        page.truncate(limit);
        Ok((page, total))
    }

    fn facets(
        &self,
        searcher: &tantivy::Searcher,
        query: &dyn Query,
        attributes: &[Attribute],
    ) -> Result<Vec<FacetCount>, Error> {
        let request: serde_json::Map<String, serde_json::Value> = attributes
            .iter()
            .map(|a| {
                (
                    a.name().to_owned(),
                    serde_json::json!({ "terms": { "field": a.name(), "size": 200 } }),
                )
            })
            .collect();
        let aggs: Aggregations =
            serde_json::from_value(serde_json::Value::Object(request)).map_err(index_error)?;
        let collector = AggregationCollector::from_aggs(
            aggs,
            AggContextParams::new(
                AggregationLimitsGuard::default(),
                TokenizerManager::default(),
            ),
        );
        let results = searcher.search(query, &collector).map_err(index_error)?;
        let json = serde_json::to_value(results).map_err(index_error)?;
        Ok(attributes
            .iter()
            .map(|a| FacetCount {
                attribute: *a,
                counts: json[a.name()]["buckets"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|b| Some((b["key"].as_str()?.to_owned(), b["doc_count"].as_u64()?)))
                    .collect(),
            })
            .collect())
    }

    fn commit(&self, writer: &mut IndexWriter) -> Result<(), Error> {
        writer.commit().map_err(index_error)?;
        self.reader.reload().map_err(index_error)
    }
}

impl SearchEngine for EmbeddedEngine {
    async fn ensure_settings(&self) -> Result<(), Error> {
        // The schema is fixed in code; nothing to push.
        Ok(())
    }

    async fn upsert(&self, documents: Vec<SearchDocument>) -> Result<(), Error> {
        self.blocking(move |inner| {
            let mut writer = inner.writer.lock().map_err(index_error)?;
            for d in &documents {
                writer.delete_term(Term::from_field_text(inner.fields.id, &d.id.to_string()));
                writer
                    .add_document(inner.document(d))
                    .map_err(index_error)?;
            }
            inner.commit(&mut writer)
        })
        .await
    }

    async fn delete(&self, ids: Vec<Uuid>) -> Result<(), Error> {
        self.blocking(move |inner| {
            let mut writer = inner.writer.lock().map_err(index_error)?;
            for id in &ids {
                writer.delete_term(Term::from_field_text(inner.fields.id, &id.to_string()));
            }
            inner.commit(&mut writer)
        })
        .await
    }

    async fn search(&self, request: SearchRequest) -> Result<SearchResults, Error> {
        self.blocking(move |inner| inner.search(&request)).await
    }

    async fn count(&self, kind: Kind) -> Result<u64, Error> {
        self.blocking(move |inner| {
            let q = TermQuery::new(
                Term::from_field_text(inner.fields.kind, kind.as_str()),
                IndexRecordOption::Basic,
            );
            Ok(inner
                .reader
                .searcher()
                .search(&q, &Count)
                .map_err(index_error)? as u64)
        })
        .await
    }

    async fn clear(&self) -> Result<(), Error> {
        self.blocking(|inner| {
            let mut writer = inner.writer.lock().map_err(index_error)?;
            writer.delete_all_documents().map_err(index_error)?;
            inner.commit(&mut writer)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn the_conformance_suite_passes() -> Result<(), Box<dyn std::error::Error>> {
        let engine = EmbeddedEngine::in_memory()?;
        crate::conformance::run(&engine).await?;
        Ok(())
    }

    #[tokio::test]
    async fn an_index_on_disk_survives_reopening() -> Result<(), Box<dyn std::error::Error>> {
        let dir = tempfile::tempdir()?;
        {
            let engine = EmbeddedEngine::open(dir.path())?;
            engine.upsert(crate::conformance::corpus()).await?;
        }
        let engine = EmbeddedEngine::open(dir.path())?;
        assert!(engine.count(Kind::Job).await? > 0);
        Ok(())
    }
}
