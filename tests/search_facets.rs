//! Volume over time and top sources, as the search page shows them, against counts made by hand
//! from the documents: in every order, for a one-word query (counted in a pass of its own) and
//! for others, over several segments, one of them shared with another corpus, across an hourly,
//! a daily and a weekly span.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, DurationRound, TimeZone, Utc};
use sandpit::index::SearchIndex;
use sandpit::index::search::{Bucket, SearchRequest, SortOrder};
use sandpit::ingest::Document;
use sandpit::query::TextField;

fn doc(id: usize, published: DateTime<Utc>, source: &str, body: &str) -> Document {
    Document {
        id: format!("d{id}"),
        title: format!("Notice {id}"),
        body: body.into(),
        author: String::new(),
        source: source.into(),
        source_name: source.into(),
        url: format!("https://{source}.example/{id}"),
        published,
        lang: "en".into(),
        kind: "news".into(),
        tags: Vec::new(),
        mentions: Vec::new(),
        host: String::new(),
    }
    .derive()
}

/// `n` documents from `start`, `step` apart, from four sources in turn; every third is about a
/// flood, every fifth about a storm.
fn corpus(n: usize, start: DateTime<Utc>, step: Duration) -> Vec<Document> {
    let sources = ["council", "police", "harbour", "weather"];
    (0..n)
        .map(|i| {
            let mut body = String::from("Daily notice for residents.");
            if i % 3 == 0 {
                body.push_str(" Flood warning on the river.");
            }
            if i % 5 == 0 {
                body.push_str(" Storm expected tonight.");
            }
            doc(
                i,
                start + step * i as i32,
                sources[(i * 7 / 3) % sources.len()],
                &body,
            )
        })
        .collect()
}

fn index_of(docs: &[Document]) -> SearchIndex {
    let index = SearchIndex::in_memory().expect("index");
    // Three commits, so three segments; the first also holds another corpus's documents.
    let third = docs.len() / 3;
    let mut other = docs[..5].to_vec();
    for d in &mut other {
        d.source = "elsewhere".into();
    }
    index.write("other", other).expect("write other");
    index.write("c", docs[..third].to_vec()).expect("write");
    index
        .write("c", docs[third..2 * third].to_vec())
        .expect("write");
    index.write("c", docs[2 * third..].to_vec()).expect("write");
    index
}

fn check(docs: &[Document], bucket: Bucket) {
    let index = index_of(docs);
    let floor = |t: DateTime<Utc>| match bucket {
        Bucket::Hour => t.duration_trunc(Duration::hours(1)).unwrap(),
        Bucket::Day => t.duration_trunc(Duration::days(1)).unwrap(),
        Bucket::Week => {
            let day = t.duration_trunc(Duration::days(1)).unwrap();
            use chrono::Datelike;
            day - Duration::days(i64::from(day.weekday().num_days_from_monday()))
        }
    };
    for (q, matches) in [
        (
            "flood",
            Box::new(|d: &Document| d.body.contains("Flood")) as Box<dyn Fn(&Document) -> bool>,
        ),
        (
            "flood OR storm",
            Box::new(|d: &Document| d.body.contains("Flood") || d.body.contains("Storm")),
        ),
        (
            "notice NOT storm",
            Box::new(|d: &Document| !d.body.contains("Storm")),
        ),
    ] {
        let hits: Vec<&Document> = docs.iter().filter(|d| matches(d)).collect();
        let mut by_source: BTreeMap<&str, usize> = BTreeMap::new();
        let mut by_bucket: BTreeMap<DateTime<Utc>, usize> = BTreeMap::new();
        for d in &hits {
            *by_source.entry(&d.source).or_default() += 1;
            *by_bucket.entry(floor(d.published)).or_default() += 1;
        }
        for order in [SortOrder::Relevance, SortOrder::Newest] {
            let parsed = sandpit::query::parse(q).expect("query");
            let highlighter = parsed.highlighter();
            let marker = |f: TextField, text: &str| highlighter.matches(f, text);
            let results = index
                .search(SearchRequest {
                    corpus: "c",
                    query: &parsed,
                    order,
                    limit: 10,
                    offset: 0,
                    facets: true,
                    ranks_apart: parsed.ranks_apart(),
                    marker: &marker,
                })
                .expect("search");
            let context = format!("{q:?} {order:?} {bucket:?}");
            assert_eq!(results.total, hits.len(), "{context}");
            let sources: BTreeMap<&str, usize> = results
                .top_sources
                .iter()
                .map(|(s, n)| (s.as_str(), *n))
                .collect();
            assert_eq!(sources, by_source, "{context}");
            assert_eq!(results.volume.bucket, bucket, "{context}");
            let counted: BTreeMap<DateTime<Utc>, usize> = results
                .volume
                .counts
                .iter()
                .filter(|(_, n)| *n > 0)
                .copied()
                .collect();
            assert_eq!(counted, by_bucket, "{context}");
            // Every bucket from the first hit to the last, empty ones included, one step apart.
            let first = *by_bucket.keys().next().unwrap();
            let last = *by_bucket.keys().last().unwrap();
            assert_eq!(results.volume.counts.first().unwrap().0, first, "{context}");
            assert_eq!(results.volume.counts.last().unwrap().0, last, "{context}");
        }
    }
}

#[test]
fn hourly_volume_and_sources_match_a_count_by_hand() {
    let start = Utc.with_ymd_and_hms(2026, 1, 10, 6, 30, 0).unwrap();
    check(&corpus(200, start, Duration::minutes(17)), Bucket::Hour);
}

#[test]
fn daily_volume_and_sources_match_a_count_by_hand() {
    let start = Utc.with_ymd_and_hms(2026, 1, 10, 6, 30, 0).unwrap();
    check(&corpus(300, start, Duration::hours(7)), Bucket::Day);
}

#[test]
fn weekly_volume_over_decades_matches_a_count_by_hand() {
    // Over fifteen years in one segment: the hours are counted sparsely there.
    let start = Utc.with_ymd_and_hms(1990, 3, 1, 0, 0, 0).unwrap();
    check(&corpus(150, start, Duration::days(97)), Bucket::Week);
}
