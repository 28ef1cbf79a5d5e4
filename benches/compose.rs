//! Post checker throughput: `cargo bench --bench compose`. Prints figures; asserts nothing.
//!
//! 10,000 varied drafts (ASCII prose, links with and without a scheme, emoji sequences,
//! CJK, combining marks), generated from a fixed seed. Measures, on one thread:
//! the X count alone (target: at least 20,000 drafts a second, and at least twice the
//! official twitter-text library's rate on the same drafts), and a full check (every
//! platform, both built-in packs, readability) as a composer runs it on each keystroke
//! (target: under 5 ms a draft).
//!
//! The reference is twitter-text on Node (`npm ci --prefix tests/oracle` installs it),
//! timed by `benches/compose_reference.js` over the same drafts in the same run. Without
//! Node or the package the bench says how to install them and measures Sandpit alone.

use std::cell::OnceCell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
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

/// The X count is timed in `BLOCKS` blocks of `ROUNDS` rounds over every draft, Sandpit
/// then the reference in each block; each side reports its best round.
const BLOCKS: usize = 3;
const ROUNDS: usize = 3;

/// The official twitter-text library, run by `benches/compose_reference.js` on Node over
/// the same drafts, written once to a temporary file.
struct Reference {
    script: PathBuf,
    drafts: tempfile::NamedTempFile,
    node: String,
    /// The library's version, as the script reports it.
    version: OnceCell<String>,
}

impl Reference {
    /// Checks that Node and the library are installed and writes the drafts for the script;
    /// the error says what is missing and how to install it.
    fn prepare(drafts: &[String]) -> Result<Reference, String> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let npm_ci = "`npm ci --prefix tests/oracle`";
        let node = Command::new("node")
            .arg("--version")
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .ok_or_else(|| format!("`node` did not run: install Node.js, then run {npm_ci}"))?;
        if !root.join("tests/oracle/node_modules/twitter-text").is_dir() {
            return Err(format!(
                "tests/oracle/node_modules/twitter-text is missing: run {npm_ci}"
            ));
        }
        let write = || -> std::io::Result<tempfile::NamedTempFile> {
            let mut file = tempfile::Builder::new()
                .prefix("sandpit-drafts-")
                .suffix(".json")
                .tempfile()?;
            serde_json::to_writer(std::io::BufWriter::new(&mut file), drafts)?;
            file.flush()?;
            Ok(file)
        };
        let drafts = write().map_err(|e| format!("could not write the drafts: {e}"))?;
        Ok(Reference {
            script: root.join("benches/compose_reference.js"),
            drafts,
            node,
            version: OnceCell::new(),
        })
    }

    /// One run of the script (`ROUNDS` timed rounds after its warm-up): its best drafts/s.
    fn run(&self) -> Option<f64> {
        let out = Command::new("node")
            .arg(&self.script)
            .arg(self.drafts.path())
            .arg(ROUNDS.to_string())
            .output();
        let report = match out {
            Ok(o) if o.status.success() => {
                serde_json::from_slice::<serde_json::Value>(&o.stdout).ok()
            }
            Ok(o) => {
                eprintln!(
                    "compose_reference.js failed: {}",
                    String::from_utf8_lossy(&o.stderr).trim()
                );
                None
            }
            Err(e) => {
                eprintln!("could not run node: {e}");
                None
            }
        }?;
        if let Some(v) = report["version"].as_str() {
            let _ = self.version.set(v.to_string());
        }
        report["best"].as_f64()
    }
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

    // The X count against the official twitter-text library on the same drafts, in
    // alternating blocks so that load from other work on the machine falls on both.
    let reference = Reference::prepare(&drafts);
    if let Err(why) = &reference {
        println!("twitter-text will not be measured: {why}");
    }
    let (mut ours_best, mut theirs_best) = (0.0f64, None::<f64>);
    for block in 1..=BLOCKS {
        let mut best = Duration::MAX;
        for _ in 0..ROUNDS {
            let t = Instant::now();
            for d in &drafts {
                sink += u64::from(twitter::parse(d, &v3).weighted_length);
            }
            best = best.min(t.elapsed());
        }
        let ours = per_second(drafts.len(), best);
        ours_best = ours_best.max(ours);
        let theirs = reference.as_ref().ok().and_then(Reference::run);
        if let Some(t) = theirs {
            theirs_best = Some(theirs_best.map_or(t, |b: f64| b.max(t)));
        }
        println!(
            "  block {block}/{BLOCKS}: Sandpit {ours:.0} drafts/s, twitter-text {}",
            theirs.map_or("not run".to_string(), |t| format!("{t:.0} drafts/s"))
        );
    }
    println!(
        "X count alone: Sandpit {ours_best:.0} drafts/s ({:.1} µs a draft; target ≥ 20,000/s), best round of {}",
        1e6 / ours_best,
        BLOCKS * ROUNDS
    );
    match (&reference, theirs_best) {
        (Ok(r), Some(theirs)) => println!(
            "X count, official twitter-text {} on Node {}: {theirs:.0} drafts/s, best round of {}; Sandpit / twitter-text = {:.2}× (target ≥ 2×)",
            r.version.get().map_or("?", String::as_str),
            r.node,
            BLOCKS * ROUNDS,
            ours_best / theirs
        ),
        (Ok(_), None) => {
            println!("X count, official twitter-text: the Node script failed (see above)")
        }
        (Err(why), _) => println!("X count, official twitter-text: not measured: {why}"),
    }

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
