//! Volume over time and top sources, gathered over every hit of a search (and over a whole
//! corpus for its figures). A query can match a quarter of a million documents, so counting
//! reads fast fields in blocks and counts into arrays, never one entry per hit.

use std::collections::HashMap;

use chrono::{DateTime, Duration, Utc};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{COLLECT_BLOCK_BUFFER_LEN, DocId, Score, SegmentReader};

use super::{Bucket, Volume, timestamp};

/// Gathers, over every hit, counts per hour and per source: enough for the volume chart and the
/// top sources without keeping one entry per hit.
pub(super) struct FacetCollector {
    pub(super) date_field: &'static str,
    pub(super) source_field: &'static str,
}

#[derive(Default)]
pub(super) struct Facets {
    pub(super) documents: usize,
    hours: HashMap<i64, usize>,
    pub(super) sources: HashMap<String, usize>,
    pub(super) min: Option<i64>,
    pub(super) max: Option<i64>,
}

pub(super) struct FacetSegment {
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
    pub(super) fn top_sources(&self, n: usize) -> Vec<(String, usize)> {
        let mut sources: Vec<(String, usize)> =
            self.sources.iter().map(|(s, c)| (s.clone(), *c)).collect();
        sources.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        sources.truncate(n);
        sources
    }

    /// Hourly buckets for a span up to three days, daily up to 400 days, weekly beyond.
    pub(super) fn volume(&self) -> Volume {
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
        let floor = |secs: i64| bucket.floor(timestamp(secs).unwrap_or_default());
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
