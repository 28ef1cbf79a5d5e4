//! Running a compiled query on one corpus: a page of hits in relevance or newest-first order, the
//! total, volume over time and top sources over every hit, and all matching ids for batch mode.
//! Blocking: call from a blocking thread.

mod facets; // volume over time and top sources, counted over every hit
mod ids; // every matching id, from the fast field
mod snippet; // the marked pieces of a title and the snippet of a body

use std::ops::Range;

use chrono::{DateTime, Datelike, Duration, DurationRound, TimeZone, Utc};
use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::{DocAddress, Score, Term};

use super::compile::to_tantivy;
use super::scoped::ScopedQuery;
use super::{Fields, SearchIndex};
use crate::error::Result;
use crate::ingest::Document;
use crate::query::{ParsedQuery, TextField};
use facets::FacetCollector;
use ids::IdCollector;
pub use snippet::{fragments, snippet};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    #[default]
    Relevance,
    Newest,
}

/// Finds the byte ranges of a text that the query matched (see `query::Highlighter`).
pub type Marker<'a> = &'a (dyn Fn(TextField, &str) -> Vec<Range<usize>> + Sync);

/// A piece of a snippet, marked when the query matched it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    pub text: String,
    pub marked: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub id: String,
    pub title: String,
    pub source: String,
    pub source_name: String,
    pub published: DateTime<Utc>,
    pub url: String,
    pub lang: String,
    pub kind: String,
    /// The title in pieces, with matches marked.
    pub title_fragments: Vec<Fragment>,
    /// Part of the body around the best matches, with matches marked.
    pub snippet: Vec<Fragment>,
    pub score: f32,
}

impl Hit {
    /// The snippet as plain text, matches not marked.
    pub fn snippet_text(&self) -> String {
        self.snippet.iter().map(|f| f.text.as_str()).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Bucket {
    Hour,
    Day,
    Week,
}

impl Bucket {
    /// The start of the bucket that holds `t`: its hour, its day, or the Monday of its week (UTC).
    pub fn floor(self, t: DateTime<Utc>) -> DateTime<Utc> {
        match self {
            Bucket::Hour => t.duration_trunc(Duration::hours(1)).unwrap_or(t),
            Bucket::Day => t.duration_trunc(Duration::days(1)).unwrap_or(t),
            Bucket::Week => {
                let day = t.duration_trunc(Duration::days(1)).unwrap_or(t);
                day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
            }
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Volume {
    pub bucket: Bucket,
    /// Every bucket from the first hit to the last, empty ones included.
    pub counts: Vec<(DateTime<Utc>, usize)>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
    pub volume: Volume,
    /// Sources by number of hits, most first (at most 10).
    pub top_sources: Vec<(String, usize)>,
}

pub struct SearchRequest<'a> {
    pub corpus: &'a str,
    pub query: &'a ParsedQuery,
    /// Count the hits in a pass of their own: pays for a one-word query, whose top hits by
    /// relevance can skip documents that cannot make the page (`ParsedQuery::ranks_apart`).
    pub ranks_apart: bool,
    pub order: SortOrder,
    pub limit: usize,
    pub offset: usize,
    /// Also gather volume over time and top sources over every hit.
    pub facets: bool,
    pub marker: Marker<'a>,
}

/// Hits per page are capped so no request can ask for the whole index at once.
pub const MAX_LIMIT: usize = 500;
const SNIPPET_CHARS: usize = 220;

impl SearchIndex {
    /// `query` restricted to one corpus: every search goes through this.
    pub fn scoped(&self, corpus: &str, query: Box<dyn Query>) -> ScopedQuery {
        ScopedQuery::new(Term::from_field_text(self.fields.corpus, corpus), query)
    }

    /// A page of hits with the total, volume over time and top sources.
    pub fn search(&self, req: SearchRequest<'_>) -> Result<SearchResults> {
        self.search_within(req, None)
    }

    /// The same, counting only documents published in `[from, until)` (Unix seconds): the
    /// search page's filter by a bar of its volume chart, finer than `after:`/`before:` days.
    pub fn search_within(
        &self,
        req: SearchRequest<'_>,
        window: Option<(i64, i64)>,
    ) -> Result<SearchResults> {
        let searcher = self.searcher();
        let mut inner = to_tantivy(req.query, &self.fields);
        if let Some((from, until)) = window {
            let at = |secs| {
                Term::from_field_date(
                    self.fields.published,
                    tantivy::DateTime::from_timestamp_secs(secs),
                )
            };
            inner = Box::new(tantivy::query::BooleanQuery::new(vec![
                (tantivy::query::Occur::Must, inner),
                (
                    tantivy::query::Occur::Must,
                    Box::new(tantivy::query::RangeQuery::new(
                        std::ops::Bound::Included(at(from)),
                        std::ops::Bound::Excluded(at(until)),
                    )),
                ),
            ]));
        }
        let query = self.scoped(req.corpus, inner);
        let limit = req.limit.clamp(1, MAX_LIMIT);
        let by_relevance = TopDocs::with_limit(limit)
            .and_offset(req.offset)
            .order_by_score();
        // Volume and top sources visit every hit: only when the caller shows them.
        let facets = req.facets.then_some(FacetCollector {
            date_field: "published",
            source_field: "source",
        });
        let (addresses, (total, facets)): (Vec<(f32, DocAddress)>, _) = match req.order {
            // Counting apart from ranking lets each take its fast path: the count is the
            // word's document frequency, the ranking skips, with block-max WAND, documents
            // that cannot make the page.
            SortOrder::Relevance if req.ranks_apart => {
                let counted = match facets {
                    // The facets visit every hit anyway: count as they go.
                    Some(f) => searcher.search(&query, &(Count, Some(f)))?,
                    None => (query.count(&searcher)?, None),
                };
                (searcher.search(&query, &by_relevance)?, counted)
            }
            // Everything else visits every match either way: once, counting as it ranks.
            SortOrder::Relevance => searcher.search(&query, &(by_relevance, (Count, facets)))?,
            SortOrder::Newest => {
                let (top, rest) = searcher.search(
                    &query,
                    &(
                        TopDocs::with_limit(limit)
                            .and_offset(req.offset)
                            .order_by_fast_field::<tantivy::DateTime>(
                                "published",
                                tantivy::Order::Desc,
                            ),
                        (Count, facets),
                    ),
                )?;
                (top.into_iter().map(|(_, a)| (0.0, a)).collect(), rest)
            }
        };
        let facets = facets.unwrap_or_default();
        let mut hits = Vec::with_capacity(addresses.len());
        for (score, address) in addresses {
            let doc: TantivyDocument = searcher.doc(address)?;
            let doc = self.stored_document(&doc);
            hits.push(make_hit(doc, score, req.marker));
        }
        Ok(SearchResults {
            total,
            hits,
            volume: facets.volume(),
            top_sources: facets.top_sources(10),
        })
    }

    /// Every matching document id, in index order.
    pub fn matching_ids(&self, corpus: &str, query: &ParsedQuery) -> Result<Vec<String>> {
        let searcher = self.searcher();
        let query = self.scoped(corpus, to_tantivy(query, &self.fields));
        Ok(searcher.search(&query, &IdCollector)?)
    }

    /// Every document id in the corpus.
    pub fn all_ids(&self, corpus: &str) -> Result<Vec<String>> {
        let searcher = self.searcher();
        let query = self.scoped(corpus, Box::new(tantivy::query::AllQuery));
        Ok(searcher.search(&query, &IdCollector)?)
    }

    /// One document by id.
    pub fn document(&self, corpus: &str, id: &str) -> Result<Option<Document>> {
        let searcher = self.searcher();
        let query = TermQuery::new(self.key_term(corpus, id), IndexRecordOption::Basic);
        let top = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        match top.first() {
            None => Ok(None),
            Some((_, address)) => {
                let doc: TantivyDocument = searcher.doc(*address)?;
                Ok(Some(self.stored_document(&doc)))
            }
        }
    }

    /// Document count, distinct sources and date span of a corpus.
    pub fn corpus_stats(&self, corpus: &str) -> Result<CorpusStats> {
        let searcher = self.searcher();
        let query = TermQuery::new(
            Term::from_field_text(self.fields.corpus, corpus),
            IndexRecordOption::Basic,
        );
        let facets = searcher.search(
            &query,
            &FacetCollector {
                date_field: "published",
                source_field: "source",
            },
        )?;
        Ok(CorpusStats {
            documents: facets.documents,
            sources: facets.sources.len(),
            first: facets.min.and_then(timestamp),
            last: facets.max.and_then(timestamp),
        })
    }

    pub(crate) fn stored_document(&self, doc: &TantivyDocument) -> Document {
        let f: &Fields = &self.fields;
        let text = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .unwrap_or_default()
                .to_string()
        };
        let all = |field| {
            doc.get_all(field)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect::<Vec<_>>()
        };
        let published = doc
            .get_first(f.published)
            .and_then(|v| v.as_datetime())
            .and_then(|d| timestamp(d.into_timestamp_secs()))
            .unwrap_or_default();
        let url = text(f.url);
        Document {
            id: text(f.id),
            title: text(f.title),
            body: text(f.body),
            author: text(f.author),
            source: text(f.source),
            source_name: text(f.source_name),
            host: crate::text::url_host(&url).unwrap_or_default(),
            url,
            published,
            lang: text(f.lang),
            kind: text(f.kind),
            tags: all(f.tags),
            mentions: all(f.mentions),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct CorpusStats {
    pub documents: usize,
    pub sources: usize,
    pub first: Option<DateTime<Utc>>,
    pub last: Option<DateTime<Utc>>,
}

fn timestamp(secs: i64) -> Option<DateTime<Utc>> {
    Utc.timestamp_opt(secs, 0).single()
}

fn make_hit(doc: Document, score: Score, marker: Marker<'_>) -> Hit {
    let title_marks = marker(TextField::Title, &doc.title);
    let body_marks = marker(TextField::Body, &doc.body);
    Hit {
        title_fragments: fragments(&doc.title, &title_marks, 0..doc.title.len()),
        snippet: snippet(&doc.body, &body_marks, SNIPPET_CHARS),
        id: doc.id,
        title: doc.title,
        source: doc.source,
        source_name: doc.source_name,
        published: doc.published,
        url: doc.url,
        lang: doc.lang,
        kind: doc.kind,
        score,
    }
}
