//! Post checker throughput: `cargo bench --bench compose`. Prints figures; asserts nothing.
//!
//! 10,000 varied drafts (ASCII prose, links with and without a scheme, emoji sequences,
//! CJK, combining marks), generated from a fixed seed. Measures, on one thread:
//! the X count alone (target: at least 20,000 drafts a second), and a full check (every
//! platform, both built-in packs, readability) as a composer runs it on each keystroke
//! (target: under 5 ms a draft).

use std::time::{Duration, Instant};

use sandpit::compose::{self, Platform, Profile, twitter};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const WORDS: &[&str] = &[
    "The",
    "council",
    "will",
    "close",
    "the",
    "road",
    "on",
    "Friday",
    "while",
    "engineers",
    "repair",
    "a",
    "burst",
    "water",
    "main.",
    "Residents",
    "can",
    "apply",
    "for",
    "help",
    "today,",
    "and",
    "we",
    "are",
    "utilising",
    "robust",
    "processes",
    "in",
    "order",
    "to",
    "tackle",
    "it.",
    "There",
    "are",
    "three",
    "ways",
    "to",
    "pay",
    "e.g.",
    "online",
    "&",
    "by",
    "phone.",
    "Applications",
    "were",
    "reviewed",
    "#floodalert",
    "#RoadSafety",
    "@PortCouncil",
    "IMPORTANT",
    "NOTICE",
    "café",
    "naïve",
];
const LINKS: &[&str] = &[
    "https://www.gov.uk/flood-alerts",
    "example.gov.uk/apply",
    "t.co/abc123",
    "bit.ly/3xYz",
    "https://example.com/path?q=1&r=2",
    "www.port-ellis.gov.uk",
];
const EMOJI: &[&str] = &[
    "\u{1F600}",
    "\u{1F44D}\u{1F3FD}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",
    "\u{1F1EC}\u{1F1E7}",
    "1\u{FE0F}\u{20E3}",
    "\u{2764}\u{FE0F}",
    "\u{1F44F}\u{1F44F}",
    "\u{1F9D1}\u{200D}\u{1F9D1}\u{200D}\u{1F9D2}",
];
const OTHER: &[&str] = &[
    "故人西辞黄鹤楼",
    "あいうえおかきくけこ",
    "한국어 텍스트",
    "e\u{301}te\u{301}",
    "A\u{30A}ngstro\u{308}m",
    "\u{2014}",
    "\u{201C}quoted\u{201D}",
    "\n",
    ":)",
];

fn drafts(n: usize) -> Vec<String> {
    let mut rng = Rng(0xC0FF_EE00_2025);
    (0..n)
        .map(|_| {
            let pieces = 8 + (rng.next() % 50) as usize;
            let mut s = String::new();
            for _ in 0..pieces {
                let piece = match rng.next() % 20 {
                    0..=12 => rng.pick(WORDS),
                    13..=14 => rng.pick(LINKS),
                    15..=17 => rng.pick(EMOJI),
                    _ => rng.pick(OTHER),
                };
                if !s.is_empty() {
                    s.push(' ');
                }
                s.push_str(piece);
            }
            s
        })
        .collect()
}

fn per_second(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn main() {
    let drafts = drafts(10_000);
    let bytes: usize = drafts.iter().map(String::len).sum();
    println!(
        "{} drafts, {:.0} bytes on average",
        drafts.len(),
        bytes as f64 / drafts.len() as f64
    );

    // Warm up caches and lazily built patterns.
    let v3 = twitter::Config::v3();
    let mut sink = 0u64;
    for d in drafts.iter().take(500) {
        sink += u64::from(twitter::parse(d, &v3).weighted_length);
    }

    let mut best = Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        for d in &drafts {
            sink += u64::from(twitter::parse(d, &v3).weighted_length);
        }
        best = best.min(t.elapsed());
    }
    println!(
        "X count alone: {:.0} drafts/s ({:.1} µs a draft; target ≥ 20,000/s)",
        per_second(drafts.len(), best),
        best.as_secs_f64() * 1e6 / drafts.len() as f64
    );

    let packs = compose::packs::builtin().unwrap_or_default();
    let t = Instant::now();
    let _ = compose::packs::builtin();
    println!(
        "loading both built-in packs: {:.2} ms (done once, not per draft)",
        t.elapsed().as_secs_f64() * 1e3
    );
    let platforms: Vec<Profile> = Platform::ALL.iter().map(|p| p.profile()).collect();
    for d in drafts.iter().take(200) {
        sink += compose::check(d, &platforms, &packs).findings.len() as u64;
    }
    let mut times: Vec<Duration> = Vec::with_capacity(drafts.len());
    let t = Instant::now();
    for d in &drafts {
        let s = Instant::now();
        let r = compose::check(d, &platforms, &packs);
        times.push(s.elapsed());
        sink += r.findings.len() as u64;
    }
    let total = t.elapsed();
    times.sort();
    let pct = |p: f64| {
        times[((times.len() as f64 * p) as usize).min(times.len() - 1)].as_secs_f64() * 1e3
    };
    println!(
        "full check (7 platforms, 2 packs, readability): {:.0} drafts/s; per draft median {:.3} ms, p99 {:.3} ms, max {:.3} ms (target < 5 ms)",
        per_second(drafts.len(), total),
        pct(0.5),
        pct(0.99),
        times.last().map_or(0.0, |d| d.as_secs_f64() * 1e3)
    );

    // A long post: Facebook-sized text, the worst a composer sees on a keystroke.
    let long: String = drafts
        .iter()
        .take(400)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(" ");
    let t = Instant::now();
    let r = compose::check(&long, &platforms, &packs);
    println!(
        "one {} KB draft ({} findings): {:.2} ms",
        long.len() / 1024,
        r.findings.len(),
        t.elapsed().as_secs_f64() * 1e3
    );
    std::hint::black_box(sink);
}
