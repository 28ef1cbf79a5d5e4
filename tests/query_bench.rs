//! Timing of a monitoring query mix (NEAR included) on a large synthetic corpus. Ignored by
//! default; run it in release mode:
//!
//! ```text
//! QUERY_BENCH_DOCS=1000000 cargo test --release --test query_bench -- --ignored --nocapture
//! ```
//!
//! The texts draw from a Zipf-distributed vocabulary with the exercise words mixed in at rates
//! like a storm week's feeds, so common words ("the", "council") have long postings lists.

use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use sandpit::index::SearchIndex;
use sandpit::ingest::Document;
use sandpit::query::parse;
use tantivy::collector::{Count, TopDocs};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 11
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const DOMAIN: &[(&str, u64)] = &[
    // word, per-mille chance per document of being inserted somewhere in the body
    ("flood", 30),
    ("floods", 15),
    ("flooding", 20),
    ("warning", 25),
    ("evacuation", 5),
    ("evacuated", 4),
    ("rest centre", 3),
    ("storm harriet", 10),
    ("football", 20),
    ("#FloodAlert", 5),
    ("@Port_Council", 5),
    ("sandbags", 4),
];

fn vocabulary(n: usize) -> Vec<String> {
    let syllables = [
        "ka", "lo", "mi", "ren", "sta", "vo", "dri", "pel", "tur", "nes", "ba", "qui", "or", "el",
        "an",
    ];
    let mut words = vec![
        "the", "of", "and", "to", "a", "in", "is", "for", "on", "council", "said", "will", "port",
        "ellis", "road", "people",
    ]
    .into_iter()
    .map(String::from)
    .collect::<Vec<_>>();
    let mut i = 0usize;
    while words.len() < n {
        let mut w = String::new();
        let mut x = i;
        loop {
            w.push_str(syllables[x % syllables.len()]);
            x /= syllables.len();
            if x == 0 {
                break;
            }
        }
        words.push(w);
        i += 1;
    }
    words
}

fn corpus(n: usize) -> Vec<Document> {
    let vocab = vocabulary(30_000);
    // Zipf weights 1/rank, cumulative.
    let mut cumulative = Vec::with_capacity(vocab.len());
    let mut total = 0f64;
    for r in 0..vocab.len() {
        total += 1.0 / (r as f64 + 1.0);
        cumulative.push(total);
    }
    let mut rng = Rng(42);
    let word = |rng: &mut Rng| {
        let x = (rng.next() as f64 / (1u64 << 53) as f64) * total;
        let i = cumulative.partition_point(|&c| c < x).min(vocab.len() - 1);
        vocab[i].clone()
    };
    let hosts = [
        "www.dft.gov.uk",
        "porteliis.gov.uk",
        "news.example",
        "kerrow.example",
    ];
    (0..n)
        .map(|i| {
            let title: Vec<String> = (0..6 + rng.below(6)).map(|_| word(&mut rng)).collect();
            let mut body: Vec<String> = (0..30 + rng.below(60)).map(|_| word(&mut rng)).collect();
            for (w, per_mille) in DOMAIN {
                if rng.below(1000) < *per_mille {
                    let at = rng.below(body.len() as u64) as usize;
                    body.insert(at, w.to_string());
                }
            }
            Document {
                id: format!("b{i}"),
                title: title.join(" "),
                body: body.join(" "),
                author: word(&mut rng),
                source: format!("source-{}", rng.below(50)),
                source_name: String::new(),
                url: format!("https://{}/{i}", hosts[rng.below(4) as usize]),
                published: Utc
                    .timestamp_opt(1_735_689_600 + rng.below(90 * 86_400) as i64, 0)
                    .single()
                    .unwrap_or_default(),
                lang: "en".into(),
                kind: "news".into(),
                tags: Vec::new(),
                mentions: Vec::new(),
                host: String::new(),
            }
            .derive()
        })
        .collect()
}

const QUERIES: &[&str] = &[
    "flood",
    "flood OR floods OR flooding",
    "\"rest centre\"",
    "flood* warning",
    "evacuat*",
    "(flood OR floods) NEAR/5 (evacuat* OR \"rest centre\")",
    "flood NEAR/3 warning",
    "flooding NEAR/10f warning -football",
    "council NEAR/5 the",
    // Tantivy's own phrase query on the same common words, for comparison.
    "\"council the\"",
    "the NEAR/2 of",
    "\"the of\"",
    "ka* NEAR/3 lo*",
    "\"storm harriet\" -football",
    "site:gov.uk flood",
    "#floodalert OR @port_council",
    "after:2025-02-01 before:2025-03-01 flood*",
    "council said NEAR/1 people",
];

#[test]
#[ignore]
fn query_mix_timings() {
    let n: usize = std::env::var("QUERY_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200_000);
    let started = Instant::now();
    let docs = corpus(n);
    let index = SearchIndex::in_memory().expect("index");
    index.write("bench", docs).expect("write");
    eprintln!("indexed {n} documents in {:.1?}", started.elapsed());
    let searcher = index.searcher();
    eprintln!("segments: {}", searcher.segment_readers().len());
    let mut all: Vec<Duration> = Vec::new();
    for q in QUERIES {
        let parsed = parse(q).expect("bench query parses");
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..15 {
            let t = Instant::now();
            let query = index.scoped(
                "bench",
                sandpit::index::compile::to_tantivy(&parsed, &index.fields),
            );
            let (top, count) = searcher
                .search(&query, &(TopDocs::with_limit(20).order_by_score(), Count))
                .expect("search");
            let _ = top.len();
            total = count;
            times.push(t.elapsed());
        }
        times.sort();
        eprintln!(
            "{:>9} hits  p50 {:>8.2?}  max {:>8.2?}  {q}",
            total,
            times[times.len() / 2],
            times[times.len() - 1]
        );
        all.extend(times);
    }
    all.sort();
    let p99 = all[(all.len() * 99 / 100).min(all.len() - 1)];
    eprintln!("p99 over the mix: {p99:.2?}");
}

#[path = "../benches/common/mod.rs"]
mod common;

/// The NEAR queries of the service benchmark (`benches/search.rs`) on its corpus generator, next
/// to Tantivy's own phrase query on the same words: there "flood" and "warning" are among the
/// commonest words, so NEAR must check positions in a large share of the corpus.
#[test]
#[ignore]
fn service_bench_near_timings() {
    let n = common::docs_from_env(200_000);
    let vocab = common::vocabulary(20_000);
    let mut rng = common::Rng::new(42);
    let docs: Vec<Document> = (0..n)
        .filter_map(|i| {
            let line = common::document(i, &mut rng, &vocab);
            sandpit::ingest::jsonl::parse_line(&line, i + 1, "synthetic")
                .ok()
                .flatten()
        })
        .collect();
    let index = SearchIndex::in_memory().expect("index");
    let started = Instant::now();
    index.write("synthetic", docs).expect("write");
    eprintln!("indexed {n} documents in {:.1?}", started.elapsed());
    let searcher = index.searcher();
    for q in [
        "flood",
        "warning",
        "flood warning",
        "\"flood warning\"",
        "flood NEAR/5 warning",
        "flood NEAR/0f warning",
        "(storm OR flood) NEAR/3f (closed OR outage)",
        "\"rest centre\"",
        "rest NEAR/0f centre",
    ] {
        let parsed = parse(q).expect("parses");
        let query = index.scoped(
            "synthetic",
            sandpit::index::compile::to_tantivy(&parsed, &index.fields),
        );
        let mut times = Vec::new();
        let mut total = 0;
        for _ in 0..7 {
            let t = Instant::now();
            let (_top, count) = searcher
                .search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))
                .expect("search");
            total = count;
            times.push(t.elapsed());
        }
        times.sort();
        eprintln!(
            "{total:>9} hits  p50 {:>8.2?}  max {:>8.2?}  {q}",
            times[times.len() / 2],
            times[times.len() - 1]
        );
    }
}
