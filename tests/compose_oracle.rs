//! Differential test of the X count against the official JavaScript twitter-text library.
//!
//! Needs `npm ci --prefix tests/oracle` (installs twitter-text 3.1.0 from the npm registry).
//! Without it the test prints a notice and passes, unless SANDPIT_REQUIRE_ORACLE=1.
//!
//! The drafts are generated from a fixed seed and mix ASCII prose, links with and without
//! a scheme, bare domains, mentions, hashtags, CJK, combining marks that NFC composes,
//! general punctuation, emoji sequences, invalid characters and over-long texts. Emoji are
//! drawn from those the reference library knows (its emoji data dates from Unicode 12);
//! newer sequences count 2 here and more there, by design.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

use sandpit::compose::twitter::{self, Config};

/// A small deterministic generator (xorshift64*), so the drafts never change.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "road",
    "closed",
    "flood",
    "apply",
    "today",
    "residents",
    "bins",
    "Friday",
    "library",
    "update",
    "NHS",
    "help",
    "school",
    "bus",
    "we",
    "are",
    "open",
    "2025",
    "10:30",
    "£5",
    "e.g.",
    "St.",
    "co-op",
    "it's",
    "“quoted”",
    "(brackets)",
    "café",
    "naïve",
];
const LINKS: &[&str] = &[
    "https://www.gov.uk/flood-alerts",
    "http://example.com",
    "example.com",
    "www.example.co.uk/path?x=1",
    "t.co/abc123",
    "https://t.co/UqIyJAJTfo?amp=1",
    "gov.uk/apply.",
    "bit.ly/3xYz",
    "foo.bar",
    "https://example.com/a_(b)",
    "HTTPS://EXAMPLE.COM",
    "http://例え.jp",
    "example.comx",
    "sub.domain.example.org:8080/x",
    "mailto:me@example.com",
    "user@example.com",
    "a.b.c.d",
    "https://example.com/path#frag",
    "x.co/y",
    "http://ex-ample.com/-",
    "test.museum",
    "https://example.com?q=a&b=c",
    "www.test.com.",
    "@user",
    "#tag",
    "@user/list",
    "$CASH",
];
const EMOJI: &[&str] = &[
    "\u{1F600}",
    "\u{1F637}",
    "\u{1F431}",
    "\u{1F44D}",
    "\u{1F44D}\u{1F3FD}",
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",
    "\u{1F1EC}\u{1F1E7}",
    "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "1\u{FE0F}\u{20E3}",
    "#\u{FE0F}\u{20E3}",
    "\u{2764}\u{FE0F}",
    "\u{263A}\u{FE0F}",
    "\u{263A}",
    "\u{270C}\u{1F3FE}",
    "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    "\u{1F469}\u{200D}\u{2695}\u{FE0F}",
    "\u{1F937}\u{200D}\u{2640}\u{FE0F}",
    "\u{1F64B}\u{1F3FD}",
    "\u{1F9D5}\u{1F3FE}",
    "\u{1F92A}",
    "\u{A9}",
    "\u{AE}",
    "\u{2122}",
    "\u{2194}\u{FE0F}",
    "\u{1F525}",
    "\u{231A}\u{FE0F}",
    "\u{26BD}",
    "\u{1F1FA}",
    "\u{1F3FB}",
];
const OTHER: &[&str] = &[
    "故人西辞黄鹤楼",
    "あいうえお",
    "한국어",
    "e\u{301}",
    "A\u{30A}",
    "\u{FB2C}",
    "\u{2014}",
    "\u{2026}",
    "\u{2019}",
    "\u{2032}",
    "\u{2038}",
    "\u{200B}",
    "\u{202A}",
    "\u{2066}",
    "\u{FEFF}",
    "\u{FFFE}",
    "\n",
    "\t",
    "  ",
    "!",
    "?",
    ".",
    ",",
    "\u{3002}",
    "Ω",
    "ж",
    "ß",
    "\u{10FF}",
    "\u{1100}\u{1161}",
];

fn draft(rng: &mut Rng) -> String {
    let pieces = match rng.below(10) {
        0 => 60 + rng.below(60), // long: near and over the limit
        1 => 1 + rng.below(3),
        _ => 5 + rng.below(30),
    };
    let mut s = String::new();
    for _ in 0..pieces {
        let piece = match rng.below(20) {
            0..=9 => rng.pick(WORDS),
            10..=12 => rng.pick(LINKS),
            13..=15 => rng.pick(EMOJI),
            _ => rng.pick(OTHER),
        };
        // Usually a space between pieces, sometimes none, so links and emoji touch text.
        if !s.is_empty() && rng.below(5) != 0 {
            s.push(' ');
        }
        s.push_str(piece);
    }
    s
}

#[test]
fn agrees_with_the_official_library() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/oracle");
    let required = std::env::var("SANDPIT_REQUIRE_ORACLE").is_ok_and(|v| v == "1");
    if !dir.join("node_modules/twitter-text").is_dir() {
        assert!(
            !required,
            "SANDPIT_REQUIRE_ORACLE=1 but tests/oracle/node_modules is missing: run `npm ci --prefix tests/oracle`"
        );
        eprintln!(
            "notice: skipping the twitter-text oracle test; run `npm ci --prefix tests/oracle` to enable it"
        );
        return;
    }
    let mut rng = Rng(0x05A4_DB17_2025);
    let drafts: Vec<String> = (0..3000).map(|_| draft(&mut rng)).collect();
    let mut input = String::new();
    for d in &drafts {
        input.push_str(&serde_json::to_string(d).unwrap());
        input.push('\n');
    }
    let mut child = Command::new("node")
        .arg(dir.join("parse.js"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("node runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().expect("node output");
    writer.join().expect("writer").expect("write drafts");
    assert!(output.status.success(), "node failed");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("oracle JSON"))
        .collect();
    assert_eq!(lines.len(), drafts.len());

    let v3 = Config::v3();
    let mut mismatches = Vec::new();
    for (d, want) in drafts.iter().zip(&lines) {
        let got = twitter::parse(d, &v3);
        let same = Some(u64::from(got.weighted_length)) == want["weightedLength"].as_u64()
            && Some(got.valid) == want["valid"].as_bool()
            && Some(got.valid_range_end) == want["validRangeEnd"].as_i64()
            && Some(got.display_range_end as u64) == want["displayRangeEnd"].as_u64();
        if !same {
            mismatches.push(format!(
                "{d:?}\n  ours   {} valid={} validRangeEnd={}\n  theirs {want}",
                got.weighted_length, got.valid, got.valid_range_end
            ));
        }
    }
    let over = drafts
        .iter()
        .zip(&lines)
        .filter(|(_, w)| w["valid"] == false)
        .count();
    eprintln!(
        "{} drafts compared, {over} invalid by the reference, {} mismatches",
        drafts.len(),
        mismatches.len()
    );
    assert!(
        mismatches.is_empty(),
        "{} of {} drafts differ; first ones:\n{}",
        mismatches.len(),
        drafts.len(),
        mismatches
            .iter()
            .take(8)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
