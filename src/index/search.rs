//! Running a compiled query on one corpus: a page of hits in relevance or newest-first order, the
//! total, volume over time and top sources over every hit, and all matching ids for batch mode.
//! Blocking: call from a blocking thread.

use std::collections::HashMap;
use std::ops::Range;

use chrono::{DateTime, Datelike, Duration, DurationRound, TimeZone, Utc};
use serde::Serialize;
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{Query, TermQuery};
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::{COLLECT_BLOCK_BUFFER_LEN, DocAddress, DocId, Score, SegmentReader, Term};

use super::compile::to_tantivy;
use super::scoped::ScopedQuery;
use super::{Fields, SearchIndex};
use crate::error::Result;
use crate::ingest::Document;
use crate::query::{ParsedQuery, TextField};

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
        let searcher = self.searcher();
        let query = self.scoped(req.corpus, to_tantivy(req.query, &self.fields));
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

/// Cuts `text[window]` into marked and unmarked pieces.
pub fn fragments(text: &str, marks: &[Range<usize>], window: Range<usize>) -> Vec<Fragment> {
    let mut out = Vec::new();
    let mut at = window.start;
    for m in marks {
        if m.end <= at || m.start >= window.end {
            continue;
        }
        let start = m.start.max(at);
        let end = m.end.min(window.end);
        if start > at {
            out.push(Fragment {
                text: text[at..start].to_string(),
                marked: false,
            });
        }
        out.push(Fragment {
            text: text[start..end].to_string(),
            marked: true,
        });
        at = end;
    }
    if at < window.end {
        out.push(Fragment {
            text: text[at..window.end].to_string(),
            marked: false,
        });
    }
    out
}

/// The window of about `max_chars` characters holding the most marks, cut at word boundaries,
/// with an ellipsis where text was left out.
pub fn snippet(text: &str, marks: &[Range<usize>], max_chars: usize) -> Vec<Fragment> {
    let char_starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    if char_starts.len() <= max_chars {
        return fragments(text, marks, 0..text.len());
    }
    // Best window start: the mark that begins the densest run within max_chars.
    let mut best = (0usize, 0usize); // (marks covered, byte start)
    for (i, m) in marks.iter().enumerate() {
        let start_char = char_starts.partition_point(|&b| b < m.start);
        let from_char = start_char.saturating_sub(max_chars / 4);
        let from = char_starts[from_char];
        let until = char_starts
            .get(from_char + max_chars)
            .copied()
            .unwrap_or(text.len());
        let covered = marks[i..].iter().take_while(|n| n.end <= until).count();
        if covered > best.0 {
            best = (covered, from);
        }
    }
    let from_char = char_starts.partition_point(|&b| b < best.1);
    let mut start = best.1;
    let mut end = char_starts
        .get(from_char + max_chars)
        .copied()
        .unwrap_or(text.len());
    // Snap to word boundaries so no word is cut in half.
    if start > 0
        && let Some(space) = text[start..end].find(char::is_whitespace)
    {
        start += space + 1;
    }
    if end < text.len()
        && let Some(space) = text[start..end].rfind(char::is_whitespace)
    {
        end = start + space;
    }
    let mut out = Vec::new();
    if start > 0 {
        out.push(Fragment {
            text: "… ".into(),
            marked: false,
        });
    }
    out.extend(fragments(text, marks, start..end));
    if end < text.len() {
        out.push(Fragment {
            text: " …".into(),
            marked: false,
        });
    }
    out
}

/// Gathers, over every hit, counts per hour and per source: enough for the volume chart and the
/// top sources without keeping one entry per hit.
struct FacetCollector {
    date_field: &'static str,
    source_field: &'static str,
}

#[derive(Default)]
struct Facets {
    documents: usize,
    hours: HashMap<i64, usize>,
    sources: HashMap<String, usize>,
    min: Option<i64>,
    max: Option<i64>,
}

struct FacetSegment {
    dates: Column<tantivy::DateTime>,
    sources: Option<StrColumn>,
    facets: Facets,
    /// Hits per hour, from the segment's earliest hour: an array index per hit where a hash
    /// map would hash (the search page counts every hit of a query, often a quarter million).
    hours: HourCounts,
    /// Hits per source, by the segment's term ordinal of the source.
    source_counts: Vec<u32>,
}

/// Counts per hour since `first_hour`, densely while the segment spans up to
/// `DENSE_HOURS_MAX` hours (fifteen years), in a map beyond.
enum HourCounts {
    Dense { first_hour: i64, counts: Vec<u32> },
    Sparse(HashMap<i64, usize>),
}

const DENSE_HOURS_MAX: i64 = 1 << 17;

impl HourCounts {
    fn for_dates(dates: &Column<tantivy::DateTime>) -> HourCounts {
        let first_hour = dates.min_value().into_timestamp_secs().div_euclid(3600);
        let last_hour = dates.max_value().into_timestamp_secs().div_euclid(3600);
        let span = last_hour - first_hour + 1;
        if (1..=DENSE_HOURS_MAX).contains(&span) {
            HourCounts::Dense {
                first_hour,
                counts: vec![0; span as usize],
            }
        } else {
            HourCounts::Sparse(HashMap::new())
        }
    }

    fn add(&mut self, hour: i64) {
        match self {
            HourCounts::Dense { first_hour, counts } => {
                match counts.get_mut((hour - *first_hour) as usize) {
                    Some(c) => *c += 1,
                    // Outside the column's own bounds cannot happen; count it all the same.
                    None => {
                        let mut map: HashMap<i64, usize> = HashMap::new();
                        HourCounts::drain_into(*first_hour, counts, &mut map);
                        *map.entry(hour).or_default() += 1;
                        *self = HourCounts::Sparse(map);
                    }
                }
            }
            HourCounts::Sparse(map) => *map.entry(hour).or_default() += 1,
        }
    }

    fn drain_into(first_hour: i64, counts: &[u32], into: &mut HashMap<i64, usize>) {
        for (i, &n) in counts.iter().enumerate() {
            if n > 0 {
                *into.entry(first_hour + i as i64).or_default() += n as usize;
            }
        }
    }

    fn into_map(self, into: &mut HashMap<i64, usize>) {
        match self {
            HourCounts::Dense { first_hour, counts } => {
                HourCounts::drain_into(first_hour, &counts, into)
            }
            HourCounts::Sparse(map) => {
                for (h, n) in map {
                    *into.entry(h).or_default() += n;
                }
            }
        }
    }
}

impl Collector for FacetCollector {
    type Fruit = Facets;
    type Child = FacetSegment;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let fast = segment.fast_fields();
        let dates = fast.date(self.date_field)?;
        let sources = fast.str(self.source_field)?;
        Ok(FacetSegment {
            hours: HourCounts::for_dates(&dates),
            source_counts: vec![0; sources.as_ref().map_or(0, |s| s.num_terms())],
            dates,
            sources,
            facets: Facets::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Facets>) -> tantivy::Result<Facets> {
        let mut all = Facets::default();
        for f in fruits {
            all.documents += f.documents;
            for (h, n) in f.hours {
                *all.hours.entry(h).or_default() += n;
            }
            for (s, n) in f.sources {
                *all.sources.entry(s).or_default() += n;
            }
            all.min = min_opt(all.min, f.min);
            all.max = all.max.max(f.max);
        }
        Ok(all)
    }
}

fn min_opt(a: Option<i64>, b: Option<i64>) -> Option<i64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

impl FacetSegment {
    fn add_date(&mut self, date: tantivy::DateTime) {
        let secs = date.into_timestamp_secs();
        self.hours.add(secs.div_euclid(3600));
        self.facets.min = min_opt(self.facets.min, Some(secs));
        self.facets.max = self.facets.max.max(Some(secs));
    }

    fn add_source(&mut self, ord: u64) {
        if let Some(count) = self.source_counts.get_mut(ord as usize) {
            *count += 1;
        }
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = Facets;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.facets.documents += 1;
        if let Some(date) = self.dates.first(doc) {
            self.add_date(date);
        }
        if let Some(sources) = &self.sources
            && let Some(ord) = sources.ords().first(doc)
        {
            self.add_source(ord);
        }
    }

    /// Unscored searches hand over hits in blocks: the fast fields are read a block at a time.
    fn collect_block(&mut self, docs: &[DocId]) {
        let mut dates = [None; COLLECT_BLOCK_BUFFER_LEN];
        let mut ords = [None; COLLECT_BLOCK_BUFFER_LEN];
        for docs in docs.chunks(COLLECT_BLOCK_BUFFER_LEN) {
            let n = docs.len();
            self.facets.documents += n;
            dates[..n].fill(None);
            self.dates.first_vals(docs, &mut dates[..n]);
            for &date in dates[..n].iter().flatten() {
                self.add_date(date);
            }
            if let Some(sources) = &self.sources {
                ords[..n].fill(None);
                sources.ords().first_vals(docs, &mut ords[..n]);
                for &ord in ords[..n].iter().flatten() {
                    self.add_source(ord);
                }
            }
        }
    }

    fn harvest(mut self) -> Facets {
        self.hours.into_map(&mut self.facets.hours);
        if let Some(sources) = &self.sources {
            let mut name = String::new();
            for (ord, &n) in self.source_counts.iter().enumerate() {
                name.clear();
                if n > 0 && sources.ord_to_str(ord as u64, &mut name).unwrap_or(false) {
                    *self.facets.sources.entry(name.clone()).or_default() += n as usize;
                }
            }
        }
        self.facets
    }
}

impl Facets {
    fn top_sources(&self, n: usize) -> Vec<(String, usize)> {
        let mut sources: Vec<(String, usize)> =
            self.sources.iter().map(|(s, c)| (s.clone(), *c)).collect();
        sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        sources.truncate(n);
        sources
    }

    /// Hourly buckets for a span up to three days, daily up to 400 days, weekly beyond.
    fn volume(&self) -> Volume {
        let (Some(min), Some(max)) = (self.min, self.max) else {
            return Volume {
                bucket: Bucket::Day,
                counts: Vec::new(),
            };
        };
        let span_hours = (max - min) / 3600;
        let bucket = if span_hours <= 72 {
            Bucket::Hour
        } else if span_hours <= 400 * 24 {
            Bucket::Day
        } else {
            Bucket::Week
        };
        let floor = |secs: i64| -> DateTime<Utc> {
            let t = timestamp(secs).unwrap_or_default();
            match bucket {
                Bucket::Hour => t.duration_trunc(Duration::hours(1)).unwrap_or(t),
                Bucket::Day => t.duration_trunc(Duration::days(1)).unwrap_or(t),
                Bucket::Week => {
                    let day = t.duration_trunc(Duration::days(1)).unwrap_or(t);
                    day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
                }
            }
        };
        let step = match bucket {
            Bucket::Hour => Duration::hours(1),
            Bucket::Day => Duration::days(1),
            Bucket::Week => Duration::weeks(1),
        };
        let first = floor(min);
        let last = floor(max);
        let n = ((last - first).num_seconds() / step.num_seconds()).max(0) as usize + 1;
        let mut counts: Vec<(DateTime<Utc>, usize)> =
            (0..n).map(|i| (first + step * i as i32, 0)).collect();
        for (&hour, &c) in &self.hours {
            let at = floor(hour * 3600);
            let i = ((at - first).num_seconds() / step.num_seconds()) as usize;
            if let Some(slot) = counts.get_mut(i) {
                slot.1 += c;
            }
        }
        Volume { bucket, counts }
    }
}

/// Collects the `id` of every hit from the fast field (no stored-document reads).
struct IdCollector;

struct IdSegment {
    ids: Option<StrColumn>,
    out: Vec<String>,
}

impl Collector for IdCollector {
    type Fruit = Vec<String>;
    type Child = IdSegment;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<IdSegment> {
        Ok(IdSegment {
            ids: segment.fast_fields().str("id")?,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<String>>) -> tantivy::Result<Vec<String>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for IdSegment {
    type Fruit = Vec<String>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(ids) = &self.ids
            && let Some(ord) = ids.term_ords(doc).next()
        {
            let mut id = String::new();
            if ids.ord_to_str(ord, &mut id).unwrap_or(false) {
                self.out.push(id);
            }
        }
    }

    fn harvest(self) -> Vec<String> {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_centres_on_marks_and_cuts_at_words() {
        let text = format!(
            "{} flood warning here {}",
            "word ".repeat(100),
            "tail ".repeat(100)
        );
        let at = text.find("flood").unwrap_or(0);
        let mark = at..at + 5;
        let s = snippet(&text, std::slice::from_ref(&mark), 60);
        let joined: String = s.iter().map(|f| f.text.as_str()).collect();
        assert!(joined.starts_with("… "));
        assert!(joined.ends_with(" …"));
        assert!(s.iter().any(|f| f.marked && f.text == "flood"));
        assert!(!joined.contains("wor …") && !joined.contains("… ord"));
    }

    #[test]
    fn fragments_split_marks() {
        let mark = 2..7;
        let f = fragments("a flood b", std::slice::from_ref(&mark), 0..9);
        assert_eq!(f.len(), 3);
        assert!(f[1].marked && f[1].text == "flood");
    }
}
