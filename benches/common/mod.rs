//! A deterministic synthetic corpus for the benchmarks: about 1 KB of text a document, a Zipf-like
//! vocabulary with the topical words the query mix looks for, hashtags, mentions, hosts, sources,
//! languages and dates over 60 days.

#![allow(dead_code)]

use std::io::Write;

/// xorshift64*: deterministic and dependency-free.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// Skewed towards small values, like word frequencies.
    pub fn zipf(&mut self, n: usize) -> usize {
        let a = self.below(n) + 1;

        self.below(a)
    }
}

const TOPICAL: &[&str] = &[
    "storm",
    "flood",
    "floods",
    "flooding",
    "evacuation",
    "evacuated",
    "harriet",
    "rovers",
    "ferry",
    "council",
    "warning",
    "rest",
    "centre",
    "harbour",
    "vaccine",
    "vaccination",
    "clinic",
    "trade",
    "mission",
    "recall",
    "delivery",
    "parcels",
    "embassy",
    "consular",
    "school",
    "closed",
    "road",
    "bridge",
    "power",
    "outage",
    "volunteers",
    "sandbags",
];
const SOURCES: &[&str] = &[
    "kerrow-council",
    "port-ellis-news",
    "national-herald",
    "met-service",
    "embassy-ex",
    "citizens",
    "harriet-rovers",
    "flood-action",
    "health-dept",
    "trade-office",
    "radio-kerrow",
    "coastguard",
    "ferry-co",
    "parish-blog",
    "schools-trust",
    "power-grid",
    "police-ex",
    "red-cross-ex",
    "uni-kerrow",
    "chamber-commerce",
];
const HOSTS: &[&str] = &[
    "www.kerrow.gov.ex",
    "news.kerrow.gov.ex",
    "portellisnews.example",
    "herald.example",
    "social.example",
    "health.gov.ex",
    "embassy.example.org",
    "blog.example.net",
];
const LANGS: &[&str] = &["en", "en", "en", "en", "en", "en", "en", "fr", "cy", "es"];

/// A filler vocabulary of made-up but word-like tokens.
pub fn vocabulary(n: usize) -> Vec<String> {
    let syll = [
        "ka", "ro", "te", "li", "mun", "sa", "ver", "do", "pel", "an", "is", "or", "ta", "ne", "bu",
    ];
    let mut rng = Rng::new(7);
    (0..n)
        .map(|_| {
            let k = 1 + rng.below(3);
            (0..k)
                .map(|_| syll[rng.below(syll.len())])
                .collect::<String>()
        })
        .collect()
}

/// One document as a JSONL line.
pub fn document(i: usize, rng: &mut Rng, vocab: &[String]) -> String {
    let mut words: Vec<String> = Vec::with_capacity(170);
    let mut len = 0;
    while len < 1000 {
        // About one topical word a document, so a monitoring term matches a few per cent of the
        // corpus, as in real listening data, rather than most of it.
        let w = if rng.below(200) == 0 {
            TOPICAL[rng.zipf(TOPICAL.len())].to_string()
        } else {
            vocab[rng.zipf(vocab.len())].clone()
        };
        len += w.len() + 1;
        words.push(w);
    }
    if rng.below(3) == 0 {
        words.push(format!(
            "#{}",
            [
                "StormHarriet",
                "FloodAlert",
                "HarrietRovers",
                "GetVaccinated"
            ][rng.below(4)]
        ));
    }
    if rng.below(4) == 0 {
        words.push(format!(
            "@{}",
            ["Kerrow_Council", "MetService", "PortEllisNews"][rng.below(3)]
        ));
    }
    let title: Vec<&str> = words.iter().take(8).map(String::as_str).collect();
    let day = rng.below(60);
    let published = format!(
        "2026-{:02}-{:02}T{:02}:{:02}:00Z",
        1 + day / 30,
        1 + day % 28,
        rng.below(24),
        rng.below(60)
    );
    serde_json::json!({
        "id": format!("d{i}"),
        "title": title.join(" "),
        "body": words.join(" "),
        "author": format!("author {}", rng.below(500)),
        "source": SOURCES[rng.zipf(SOURCES.len())],
        "source_name": "Synthetic source",
        "url": format!("https://{}/item/{i}", HOSTS[rng.below(HOSTS.len())]),
        "published": published,
        "lang": LANGS[rng.below(LANGS.len())],
        "kind": "post",
    })
    .to_string()
}

/// Writes `n` documents as JSONL to `path`.
pub fn write_corpus(path: &std::path::Path, n: usize) -> std::io::Result<()> {
    let vocab = vocabulary(20_000);
    let mut rng = Rng::new(42);
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for i in 0..n {
        writeln!(out, "{}", document(i, &mut rng, &vocab))?;
    }
    out.flush()
}

/// `BENCH_DOCS` from the environment, else `default`.
pub fn docs_from_env(default: usize) -> usize {
    std::env::var("BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
