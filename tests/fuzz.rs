//! Fuzzing every pure entry point with hostile input (issue 15, "no panic on any input"): the
//! query parser and the index-free evaluator, `compose::check` for every platform and every
//! built-in pack, readability, the feed, OPML and JSONL readers, the exercise reader and the
//! rule-pack reader. Nothing may panic or overflow the stack; errors are values with a message.
//!
//! Short run, as CI runs it (debug profile, a few hundred cases per entry point, under a minute
//! on two slow cores):
//!
//! ```text
//! cargo test --test fuzz
//! ```
//!
//! Long run (a million cases per entry point; release, since the debug build is ~20x slower):
//!
//! ```text
//! SANDPIT_FUZZ_CASES=1000000 cargo test --release --test fuzz -- --test-threads=2
//! ```
//!
//! `SANDPIT_FUZZ_CASES` sets the number of cases of every property at once; add a test name
//! after `--` to run one entry point (e.g. `-- fuzz_feed`). A failure is shrunk and saved in
//! `tests/fuzz.proptest-regressions`, which later runs replay first; each panic found so far
//! also has its own named regression test at the end of this file.
//!
//! The generated text mixes every script (Latin, Greek, Cyrillic, Arabic, Hebrew, Devanagari,
//! Thai, CJK, Hangul, kana, Ethiopic, Tibetan, Mongolian...) with English words glued on
//! either side, combining marks in stacks, astral-plane letters, emoji sequences (ZWJ, skin
//! tones, flags, keycaps, tag sequences, and broken halves of each), control, bidi, private-use,
//! noncharacter and unassigned code points, and the syntax each reader cares about; bytes add
//! invalid UTF-8, byte-order marks, UTF-16 and wrong encoding labels. Deep nesting and very long
//! input (10,000 brackets, 1 MB drafts, 100,000 nested elements) have their own tests below,
//! each run on a thread with a 2 MiB stack, as the server's worker threads have.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestCaseError;
use sandpit::catalog::exercises::{self, Label, Task};
use sandpit::compose::{self, Check, Offset, Platform, Profile, RulePack, packs};
use sandpit::grade;
use sandpit::ingest::Document;
use sandpit::ingest::{clean, feed, jsonl, opml};
use sandpit::query::{self, TextField};

// ---- Case counts --------------------------------------------------------------------------

/// Cases for one property: `SANDPIT_FUZZ_CASES` when set, else `short` (the CI run).
fn cases(short: u32) -> u32 {
    std::env::var("SANDPIT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(short)
}

fn config(short: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(short),
        // Shrinking a hostile string is quick; keep it bounded all the same.
        max_shrink_iters: 4096,
        ..ProptestConfig::default()
    }
}

/// The stack of a Tokio worker thread (and of a test thread by default): what the server runs
/// parsing and checking on.
const STACK: usize = 2 << 20;

/// Runs `f` on a fresh thread with a 2 MiB stack: a stack overflow aborts the test process,
/// which counts as a failure, and a panic fails the test with its message.
fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    match std::thread::Builder::new()
        .stack_size(STACK)
        .spawn(f)
        .expect("thread starts")
        .join()
    {
        Ok(v) => v,
        Err(e) => std::panic::resume_unwind(e),
    }
}

// ---- Hostile text ---------------------------------------------------------------------------

/// English words, including those that reach every branch of the syllable counter.
const WORDS: &[&str] = &[
    "the",
    "announced",
    "created",
    "hospitals",
    "plan",
    "more",
    "there",
    "is",
    "are",
    "was",
    "decided",
    "by",
    "council",
    "creating",
    "theatre",
    "realisation",
    "idea",
    "radio",
    "video",
    "situation",
    "tourism",
    "happiest",
    "table",
    "makes",
    "buses",
    "churches",
    "well-known",
    "yes",
    "family",
    "utilise",
    "in order to",
    "e.g.",
    "etc.",
    "Mr.",
    "Dr.",
    "a.m.",
    "FLOOD",
    "WARNING",
    "Storm",
    "Harriet",
    "sandbags",
    "floodalert",
    "roadsafetyweek",
    "the the",
    "had had",
    "quiet",
    "create",
    "creature",
    "ruin",
    "fluid",
    "quiet",
    "genuine",
    "area",
];

/// Words and runs in many scripts.
const SCRIPTS: &[&str] = &[
    "café",
    "Ærøskøbing",
    "straße",
    "İstanbul",
    "ǅemal",
    "Ωμέγα",
    "ΣΊΣΥΦΟΣ",
    "Москва",
    "ЁЛКА",
    "Ѳеодоръ",
    "Երևան",
    "ქართული",
    "עִבְרִית",
    "שָׁלוֹם",
    "العربية",
    "مرحبا بالعالم",
    "ﷺ",
    "ﻻ",
    "اردو",
    "فارسی",
    "ܐܪܡܝܐ",
    "ދިވެހި",
    "नमस्ते",
    "क्षत्रिय",
    "হ্যালো",
    "ਪੰਜਾਬੀ",
    "ગુજરાતી",
    "ଓଡ଼ିଆ",
    "தமிழ்",
    "తెలుగు",
    "ಕನ್ನಡ",
    "മലയാളം",
    "සිංහල",
    "ไทย",
    "ภาษาไทย",
    "ລາວ",
    "བོད་ཡིག",
    "မြန်မာ",
    "ខ្មែរ",
    "ᠮᠣᠩᠭᠣᠯ",
    "ᎠᏂᏴᏫᏯ",
    "ᐃᓄᒃᑎᑐᑦ",
    "ኢትዮጵያ",
    "ߒߞߏ",
    "ⵜⴰⵎⴰⵣⵉⵖⵜ",
    "ꦧꦱꦗꦮ",
    "あ西花楼부月人共",
    "日本語",
    "ひらがな",
    "カタカナ",
    "ｶﾀｶﾅ",
    "한국어",
    "\u{1112}\u{1161}\u{11AB}",
    "中文",
    "繁體字",
    "〆",
    "〇",
    "ー",
    "ㄅㄆㄇ",
    "ꀀꀁ",
    "Ⅻ",
    "½",
    "²³",
    "١٢٣",
    "१२३",
    "๑๒๓",
    "０１２",
    "ＡＢＣ",
    "ﬁ",
    "ẞ",
    "ꝥ",
    "ǆ",
    "ŉ",
    "İ̇",
    "ΐ",
    "ﬃ",
    "Ꭰ",
    "ꭰ",
];

/// Emoji sequences, whole and broken.
const EMOJI: &[&str] = &[
    "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",
    "\u{1F9D1}\u{1F3FD}\u{200D}\u{1F91D}\u{200D}\u{1F9D1}\u{1F3FF}",
    "\u{1F44B}\u{1F3FF}",
    "\u{1F3FF}",
    "\u{1F1EC}\u{1F1E7}",
    "\u{1F1EC}",
    "\u{1F1FA}\u{1F1F8}\u{1F1EC}",
    "1\u{FE0F}\u{20E3}",
    "#\u{20E3}",
    "*\u{FE0F}\u{20E3}",
    "\u{20E3}",
    "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}",
    "\u{1F3F4}\u{E0067}\u{E0062}",
    "\u{E007F}",
    "\u{2764}\u{FE0F}",
    "\u{2764}",
    "\u{FE0F}",
    "\u{FE0E}",
    "\u{200D}",
    "\u{1F469}\u{200D}",
    "\u{200D}\u{1F469}",
    "\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}",
    "\u{A9}",
    "\u{A9}\u{FE0F}",
    "\u{2122}",
    "\u{263A}",
    "\u{1FAE9}",
    "\u{1FAF9}\u{1F3FD}",
    "\u{1F600}",
    "\u{1F600}\u{1F600}\u{1F600}",
    ":)",
    ";-D",
    "<3",
    "\u{AF}\\_(\u{30C4})_/\u{AF}",
    "(\u{256F}\u{B0}\u{25A1}\u{B0})\u{256F}\u{FE35} \u{253B}\u{2501}\u{253B}",
];

/// Combining marks, alone and stacked.
const MARKS: &[&str] = &[
    "\u{301}",
    "\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}",
    "\u{334}\u{335}\u{336}\u{337}\u{338}",
    "\u{361}",
    "\u{1AB0}",
    "\u{20D0}\u{20D1}",
    "\u{93C}",
    "\u{94D}",
    "\u{E31}",
    "\u{5B4}",
    "\u{64B}\u{651}",
    "\u{3099}",
    "\u{1D165}\u{1D16D}",
    "e\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308}\u{309}\u{30A}",
];

/// Control, format, bidi, private-use, noncharacter and replacement code points.
const CONTROLS: &[&str] = &[
    "\u{0}",
    "\u{1}",
    "\u{7}",
    "\u{8}",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\u{B}",
    "\u{C}",
    "\u{1B}",
    "\u{1F}",
    "\u{7F}",
    "\u{80}",
    "\u{85}",
    "\u{9F}",
    "\u{A0}",
    "\u{AD}",
    "\u{34F}",
    "\u{61C}",
    "\u{180E}",
    "\u{200B}",
    "\u{200C}",
    "\u{200E}",
    "\u{200F}",
    "\u{2028}",
    "\u{2029}",
    "\u{202A}",
    "\u{202B}",
    "\u{202C}",
    "\u{202D}",
    "\u{202E}",
    "\u{2060}",
    "\u{2066}",
    "\u{2067}",
    "\u{2068}",
    "\u{2069}",
    "\u{206F}",
    "\u{3000}",
    "\u{FEFF}",
    "\u{FFF9}",
    "\u{FFFC}",
    "\u{FFFD}",
    "\u{FFFE}",
    "\u{FFFF}",
    "\u{FDD0}",
    "\u{E000}",
    "\u{F8FF}",
    "\u{F0000}",
    "\u{FFFFD}",
    "\u{100000}",
    "\u{10FFFD}",
    "\u{10FFFF}",
    "\u{E0001}",
    "\u{E0020}",
    "\u{E0100}",
];

/// Unassigned code points (as of Unicode 16), in every plane.
const UNASSIGNED: &[&str] = &[
    "\u{378}",
    "\u{379}",
    "\u{38B}",
    "\u{2FE0}",
    "\u{1FFFE}",
    "\u{1FFFF}",
    "\u{2FFFF}",
    "\u{3FFFE}",
    "\u{40000}",
    "\u{9ABCD}",
    "\u{DFFFD}",
    "\u{E0080}",
    "\u{E01F0}",
];

/// Letters beyond the Basic Multilingual Plane.
const ASTRAL: &[&str] = &[
    "\u{1D401}\u{1D428}\u{1D425}\u{1D41D}",
    "𝐁𝐨𝐥𝐝 𝑖𝑡𝑎𝑙𝑖𝑐",
    "𝔉𝔯𝔞𝔨𝔱𝔲𝔯",
    "𝓈𝒸𝓇𝒾𝓅𝓉",
    "𝟘𝟙𝟚",
    "𠀀𠜎𡈽",
    "𐌰𐌱𐌲",
    "𐀀𐀁",
    "𒀀𒀁",
    "𓀀𓀁",
    "𝄞",
    "𞤀𞤢𞤤",
    "𐐀𐐨",
    "𑀅𑀆",
    "\u{1F1E6}",
    "\u{10000}",
    "\u{1D7FF}",
];

/// Syntax that the query language, URLs, mentions, markup and the readers care about.
const SYNTAX: &[&str] = &[
    "(",
    ")",
    "((",
    "))",
    "\"",
    "\u{201C}",
    "\u{201D}",
    "'",
    "\u{2019}",
    "-",
    "--",
    "*",
    "?",
    ":",
    "#",
    "@",
    "##",
    "@@",
    ".",
    "..",
    "...",
    "\u{2026}",
    "!",
    "!!!",
    "?!",
    ",",
    ";",
    "/",
    "\\",
    "_",
    "=",
    "+",
    "~",
    "|",
    "&",
    "<",
    ">",
    "[",
    "]",
    "{",
    "}",
    "$",
    "%",
    "^",
    "`",
    " OR ",
    " AND ",
    " NOT ",
    " NEAR/3 ",
    " NEAR/0f ",
    " NEAR/100 ",
    " NEAR/101 ",
    "NEAR/",
    "title:",
    "body:",
    "author:",
    "source:",
    "site:",
    "lang:",
    "after:",
    "before:",
    "Title:",
    "2025-03-01",
    "9999-12-31",
    "0000-00-00",
    "http://",
    "https://",
    "https://t.co/abc123",
    "HTTP://x.co",
    "www.",
    "gov.uk",
    ".com",
    ".co.uk",
    "xn--",
    "xn--p1ai",
    "example.com/a?b=c",
    "a@b.co",
    "user@host.example.org",
    "@user@mastodon.social",
    "#Tag",
    "#1",
    "#_",
    "@_x",
    "&amp;",
    "&lt;",
    "&#x1F600;",
    "&#0;",
    "&#xD800;",
    "&nbsp;",
    "&bogus;",
    "<![CDATA[",
    "]]>",
    "<b>",
    "</b>",
    "<p>",
    "<div>",
    "<br/>",
    "<script>",
    "<img alt=\"x\">",
    "<!--",
    "-->",
    "<?xml",
    "?>",
    "\\u0000",
    "\\ud800",
    "{{",
    "}}",
    "{match}",
    "$1",
    "${m}",
    "\u{FF03}",
    "\u{FF20}",
    "\u{3002}",
    "\u{FF0E}",
];

const SPACES: &[&str] = &[
    " ", " ", " ", "  ", "\n", "\n\n", "\t", "\u{A0}", "\u{3000}",
];

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => select(WORDS).prop_map(str::to_string),
        4 => select(SCRIPTS).prop_map(str::to_string),
        3 => select(EMOJI).prop_map(str::to_string),
        2 => select(MARKS).prop_map(str::to_string),
        2 => select(CONTROLS).prop_map(str::to_string),
        1 => select(UNASSIGNED).prop_map(str::to_string),
        2 => select(ASTRAL).prop_map(str::to_string),
        4 => select(SYNTAX).prop_map(str::to_string),
        5 => select(SPACES).prop_map(str::to_string),
        3 => any::<char>().prop_map(String::from),
        1 => "[a-zA-Z0-9]{1,8}",
    ]
}

/// A piece, now and then repeated into a run (`x.x.x.`, `((((`, a wall of emoji).
fn run() -> impl Strategy<Value = String> {
    (
        piece(),
        prop_oneof![12 => Just(1usize), 2 => 2usize..12, 1 => 12usize..300],
    )
        .prop_map(|(p, n)| p.repeat(n))
}

/// Hostile text of up to `max` runs.
fn hostile(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(run(), 0..max).prop_map(|v| v.concat())
}

/// Hostile text, or a short piece, or a whole random string.
fn text() -> BoxedStrategy<String> {
    prop_oneof![
        6 => hostile(40),
        1 => hostile(4),
        1 => any::<String>(),
    ]
    .boxed()
}

/// Invalid UTF-8 and other byte-level trouble.
const BAD_BYTES: &[&[u8]] = &[
    b"\x80",
    b"\xBF",
    b"\xC0\x80",
    b"\xC1\xBF",
    b"\xE0\x80\x80",
    b"\xED\xA0\x80",
    b"\xED\xBF\xBF",
    b"\xF4\x90\x80\x80",
    b"\xF8\x88\x80\x80\x80",
    b"\xFE",
    b"\xFF",
    b"\xE2\x82",
    b"\xF0\x9F\x98",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\x00",
    b"\x00\x00\xFE\xFF",
    b"\x1F\x8B",
    b"\x89PNG",
    b"\x92\x93\x96\x97",
    b"\xE9t\xE9",
];

/// Bytes: hostile text with invalid sequences spliced in, random bytes, or UTF-16.
fn bytes_from(base: BoxedStrategy<Vec<u8>>) -> BoxedStrategy<Vec<u8>> {
    let splice = (
        base.clone(),
        prop::collection::vec((any::<prop::sample::Index>(), select(BAD_BYTES)), 0..6),
    )
        .prop_map(|(mut b, inserts)| {
            for (at, bad) in inserts {
                let i = if b.is_empty() {
                    0
                } else {
                    at.index(b.len() + 1)
                };
                b.splice(i..i, bad.iter().copied());
            }
            b
        });
    let mutate = (
        base.clone(),
        prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8),
    )
        .prop_map(|(mut b, flips)| {
            for (at, byte) in flips {
                if !b.is_empty() {
                    let i = at.index(b.len());
                    b[i] = byte;
                }
            }
            b
        });
    let truncate = (base.clone(), any::<prop::sample::Index>()).prop_map(|(mut b, at)| {
        let keep = at.index(b.len() + 1);
        b.truncate(keep);
        b
    });
    let utf16 = (base.clone(), any::<bool>(), any::<bool>()).prop_map(|(b, le, bom)| {
        let s = String::from_utf8_lossy(&b).into_owned();
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if le { b"\xFF\xFE" } else { b"\xFE\xFF" });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if le { u.to_le_bytes() } else { u.to_be_bytes() });
        }
        out
    });
    prop_oneof![
        6 => base,
        3 => splice,
        2 => mutate,
        2 => truncate,
        1 => utf16,
        1 => prop::collection::vec(any::<u8>(), 0..600),
    ]
    .boxed()
}

// ---- Checks shared by the properties ------------------------------------------------------

fn offset_ok(text: &str, o: &Offset) -> Result<(), TestCaseError> {
    prop_assert!(o.byte <= text.len(), "offset {o:?} past the end");
    prop_assert!(
        text.is_char_boundary(o.byte),
        "offset {o:?} not on a boundary"
    );
    prop_assert_eq!(o.char, text[..o.byte].chars().count(), "char of {:?}", o);
    Ok(())
}

fn check_ok(text: &str, c: &Check, platforms: usize) -> Result<(), TestCaseError> {
    prop_assert_eq!(c.counts.len(), platforms);
    for count in &c.counts {
        for o in count.overflow.iter().chain(&count.fold) {
            offset_ok(text, o)?;
        }
        prop_assert!(count.notes.iter().all(|n| !n.is_empty()));
    }
    for f in &c.findings {
        // A trainer's pack may say `message = ""`; the built-in rules all say something.
        let builtin =
            f.rule.starts_with("govuk-plain-english.") || f.rule.starts_with("social-accessible.");
        prop_assert!(
            !builtin || !f.message.is_empty(),
            "{} has no message",
            f.rule
        );
        if let Some(s) = &f.span {
            offset_ok(text, &s.start)?;
            offset_ok(text, &s.end)?;
            prop_assert!(s.start.byte <= s.end.byte);
            prop_assert_eq!(&s.text, &text[s.start.byte..s.end.byte]);
        }
    }
    if let Some(r) = &c.readability {
        prop_assert!(r.words > 0 && r.sentences > 0 && r.syllables >= r.words);
        prop_assert!(r.flesch_reading_ease.is_finite() && r.flesch_kincaid_grade.is_finite());
    }
    Ok(())
}

fn profiles(limits: &[usize]) -> Vec<Profile> {
    Platform::ALL
        .iter()
        .zip(limits.iter().chain(std::iter::repeat(&usize::MAX)))
        .map(|(&p, &l)| Profile {
            platform: p,
            limit: if l == usize::MAX {
                p.default_limit()
            } else {
                l
            },
        })
        .collect()
}

fn builtin_packs() -> &'static [RulePack] {
    packs::builtin_shared().expect("built-in packs load")
}

/// Everything compose offers, on one draft: `check` with every platform and both built-in
/// packs, each pack and rule on its own, the counts at odd limits, readability and URLs.
fn exercise_draft(text: &str, limits: &[usize]) -> Result<(), TestCaseError> {
    let all: Vec<Profile> = Platform::ALL.iter().map(|p| p.profile()).collect();
    let c = compose::check(text, &all, builtin_packs());
    check_ok(text, &c, all.len())?;
    let odd = profiles(limits);
    let c = compose::check(text, &odd, &[] as &[RulePack]);
    check_ok(text, &c, odd.len())?;
    let doc = compose::prose::Doc::new(text);
    for r in doc
        .links
        .iter()
        .chain(&doc.hashtags)
        .chain(&doc.mentions)
        .chain(&doc.emails)
        .chain(&doc.emoji)
    {
        prop_assert!(r.start <= r.end && text.get(r.clone()).is_some(), "{r:?}");
    }
    for w in &doc.words {
        prop_assert_eq!(text.get(w.bytes.clone()), Some(w.text));
        prop_assert!(compose::readability::syllables(w.text) >= 1);
    }
    for s in &doc.sentences {
        prop_assert!(text.get(s.bytes.clone()).is_some(), "{:?}", s);
        let _ = doc.sentence_words(s);
    }
    let _ = compose::readability::score(&doc);
    prop_assert!(compose::readability::syllables(text) >= 1);
    let chars = text.chars().count();
    for config in [
        compose::twitter::Config::v1(),
        compose::twitter::Config::v2(),
        compose::twitter::Config::v3(),
    ] {
        let p = compose::twitter::parse(text, &config);
        prop_assert!(p.overflow_char.is_none_or(|c| c <= chars), "{p:?}");
        prop_assert!(p.invalid_chars.iter().all(|&c| c < chars), "{p:?}");
    }
    for e in compose::emoji::find_all(text) {
        prop_assert!(compose::emoji::is_emoji(&text[e.start..e.end]), "{e:?}");
    }
    for u in compose::twitter::extract_urls(text) {
        prop_assert!(u.start <= u.end && u.end <= chars, "{:?}", u);
    }
    Ok(())
}

fn document(title: String, body: String, author: String, extra: (String, String, i64)) -> Document {
    let (url, lang, secs) = extra;
    Document {
        id: "d".into(),
        title,
        body,
        author: author.clone(),
        source: author,
        source_name: String::new(),
        url,
        published: DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default(),
        lang,
        kind: "post".into(),
        tags: Vec::new(),
        mentions: Vec::new(),
        host: String::new(),
    }
    .derive()
}

fn document_strategy() -> impl Strategy<Value = Document> {
    let url = prop_oneof![
        text(),
        hostile(6).prop_map(|s| format!("https://{s}")),
        select(
            &[
                "https://www.gov.uk/a",
                "http://[::1]/",
                "https://xn--p1ai.example/"
            ][..]
        )
        .prop_map(str::to_string),
    ];
    (
        text(),
        text(),
        hostile(4),
        (url, hostile(2), -99_999_999_999i64..99_999_999_999),
    )
        .prop_map(|(t, b, a, e)| document(t, b, a, e))
}

/// Queries: hostile text, or the language's own pieces mixed with hostile words.
const QUERY_PIECES: &[&str] = &[
    "storm",
    "flood*",
    "sandbag?",
    "aa*",
    "\"rest centre\"",
    "covid-19",
    "(",
    ")",
    "OR",
    "AND",
    "NOT",
    "-",
    "NEAR/0",
    "NEAR/3f",
    "NEAR/100",
    "title:",
    "body:",
    "author:",
    "site:gov.uk",
    "source:x",
    "lang:fr",
    "#floodalert",
    "#flood*",
    "@port_council",
    "after:2025-03-01",
    "before:2025-03-02",
    "\"",
    "*",
    ":",
    "#",
    "@",
    "\u{201C}",
    "\u{201D}",
    "or",
    "near/2",
];

fn query_strategy() -> BoxedStrategy<String> {
    let piece = prop_oneof![
        3 => select(QUERY_PIECES).prop_map(str::to_string),
        2 => hostile(2),
    ];
    let mixed = prop::collection::vec(
        (piece, select(&[" ", " ", "", "\u{3000}", "\t"][..])),
        1..14,
    )
    .prop_map(|v| v.into_iter().map(|(p, s)| format!("{p}{s}")).collect());
    prop_oneof![3 => mixed, 2 => text()].boxed()
}

fn exercise_query(q: &str, doc: &Document, other: &Document) -> Result<(), TestCaseError> {
    let parsed = match query::parse(q) {
        Err(e) => {
            let len = q.chars().count();
            prop_assert!(
                (1..=len + 1).contains(&e.column),
                "column {} outside 1..={} for {:?}",
                e.column,
                len + 1,
                q
            );
            prop_assert!(!e.message.is_empty());
            return Ok(());
        }
        Ok(p) => p,
    };
    let _ = parsed.display();
    let _ = parsed.ranks_apart();
    let _ = parsed.matches_document(doc);
    for clause in parsed.clauses() {
        let _ = clause.query.display();
        let _ = clause.query.matches_document(doc);
        let _ = clause.query.clauses();
    }
    let h = parsed.highlighter();
    for d in [doc, other] {
        for (field, text) in [
            (TextField::Title, &d.title),
            (TextField::Body, &d.body),
            (TextField::Author, &d.author),
        ] {
            let mut last = 0;
            for r in h.matches(field, text) {
                prop_assert!(r.start < r.end && r.end <= text.len(), "{r:?}");
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                prop_assert!(r.start >= last);
                last = r.end;
            }
        }
    }
    let missed = grade::monitor::explain_missed(&parsed, Some(&parsed), doc);
    prop_assert!(!missed.reason.is_empty());
    let found = grade::monitor::explain_found(&parsed, other);
    prop_assert!(!found.reason.is_empty());
    Ok(())
}

// ---- Feeds, OPML, JSONL, TOML ---------------------------------------------------------------

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Text as it may sit in XML: escaped, raw (often breaking the file), in CDATA, or as HTML
/// escaped once more (what a description holds).
fn xml_text() -> impl Strategy<Value = String> {
    (text(), 0u8..5).prop_map(|(s, how)| match how {
        0 | 1 => xml_escape(&s),
        2 => s,
        3 => format!("<![CDATA[{s}]]>"),
        _ => xml_escape(&format!("<p>{s}</p><div><b>{s}</b><img alt=\"{s}\"></div>")),
    })
}

fn date_text() -> impl Strategy<Value = String> {
    prop_oneof![
        select(
            &[
                "Tue, 03 Feb 2026 09:00:00 GMT",
                "2026-02-03T09:00:00Z",
                "2026-02-03",
                "Mon, 31 Feb 2026 25:61:61 +9999",
                "9999-12-31T23:59:60Z",
                "+275760-09-13T00:00:00Z",
                "0000-01-01T00:00:00-23:59",
                "-1",
                "",
            ][..]
        )
        .prop_map(str::to_string),
        text(),
    ]
}

fn feed_bytes() -> BoxedStrategy<Vec<u8>> {
    let item = (xml_text(), xml_text(), xml_text(), date_text(), 0u8..4).prop_map(
        |(title, link, body, date, kind)| match kind {
            0 => format!(
                "<item><title>{title}</title><link>{link}</link><guid>{link}</guid><description>{body}</description><pubDate>{}</pubDate><author>{title}</author><category>{title}</category></item>",
                xml_escape(&date)
            ),
            1 => format!(
                "<entry><id>{link}</id><title type=\"html\">{title}</title><link href=\"{link}\"/><updated>{}</updated><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{body}</div></content><author><name>{title}</name></author></entry>",
                xml_escape(&date)
            ),
            2 => format!("<item><description>{body}</description></item>"),
            _ => format!("<entry><summary type=\"html\">{body}</summary></entry>"),
        },
    );
    let decl = select(
        &[
            "",
            "<?xml version=\"1.0\"?>",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
            "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
            "<?xml version=\"1.0\" encoding=\"windows-1252\"?>",
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
            "<?xml version=\"1.0\" encoding=\"shift_jis\"?>",
            "<?xml version=\"1.0\" encoding=\"bogus-8\"?>",
            "\u{FEFF}<?xml version=\"1.0\"?>",
        ][..],
    );
    let root = select(
        &[
            "<rss version=\"2.0\"><channel>|</channel></rss>",
            "<rss version=\"0.94\"><channel>|</channel></rss>",
            "<rss><channel>|</channel></rss>",
            "<rss version=\"2.0\"><channel>|",
            "<feed xmlns=\"http://www.w3.org/2005/Atom\">|</feed>",
            "<feed xmlns=\"http://purl.org/atom/ns#\" version=\"0.3\">|</feed>",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns=\"http://purl.org/rss/1.0/\"><channel><title>t</title></channel>|</rdf:RDF>",
            "<html><body>|</body></html>",
            "<opml>|</opml>",
            "|",
        ][..],
    );
    let xml = (
        decl,
        root,
        xml_text(),
        xml_text(),
        prop::collection::vec(item, 0..5),
    )
        .prop_map(|(decl, root, title, link, items)| {
            let inner = format!(
                "<title>{title}</title><link>{link}</link>{}",
                items.concat()
            );
            format!("{decl}{}", root.replacen('|', &inner, 1)).into_bytes()
        });
    let json = (
        text(),
        prop::collection::vec((text(), text(), text(), date_text()), 0..4),
    )
        .prop_map(|(title, items)| {
            let items: Vec<serde_json::Value> = items
                .into_iter()
                .map(|(id, html, url, date)| {
                    serde_json::json!({"id": id, "content_html": html, "url": url, "date_published": date, "title": id})
                })
                .collect();
            serde_json::json!({"version": "https://jsonfeed.org/version/1.1", "title": title, "items": items})
                .to_string()
                .into_bytes()
        });
    let base = prop_oneof![
        5 => xml,
        1 => json,
        1 => text().prop_map(String::into_bytes),
    ]
    .boxed();
    bytes_from(base)
}

fn opml_bytes() -> BoxedStrategy<Vec<u8>> {
    let url = prop_oneof![
        text(),
        hostile(4).prop_map(|s| format!("https://{s}/feed")),
        hostile(4).prop_map(|s| format!("feed://{s}")),
        Just("https://example.org/rss".to_string()),
    ];
    let outline = (xml_text(), url, any::<bool>(), 0u8..4).prop_map(|(t, u, lower, open)| {
        let key = if lower { "xmlurl" } else { "xmlUrl" };
        let u = xml_escape(&u);
        match open {
            0 => format!("<outline text=\"{t}\" {key}=\"{u}\" htmlUrl=\"{u}\"/>"),
            1 => format!("<outline text=\"{t}\">"),
            2 => "</outline>".to_string(),
            _ => format!("<outline title=\"{t}\" type=\"rss\" url=\"{u}\"></outline>"),
        }
    });
    let xml = (
        select(
            &[
                "",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\" encoding=\"latin1\"?>",
            ][..],
        ),
        select(
            &[
                "<opml version=\"2.0\">",
                "<opml>",
                "<OPML>",
                "<rss>",
                "<html>",
                "",
            ][..],
        ),
        xml_text(),
        prop::collection::vec(outline, 0..12),
        any::<bool>(),
    )
        .prop_map(|(decl, root, title, outlines, close)| {
            format!(
                "{decl}{root}<head><title>{title}</title></head><body>{}</body>{}",
                outlines.concat(),
                if close { "</opml>" } else { "" }
            )
            .into_bytes()
        });
    let base = prop_oneof![5 => xml, 1 => text().prop_map(String::into_bytes)].boxed();
    bytes_from(base)
}

fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let leaf = prop_oneof![
        4 => text().prop_map(Value::String),
        1 => Just(Value::Null),
        1 => any::<bool>().prop_map(Value::Bool),
        1 => any::<i64>().prop_map(Value::from),
        1 => any::<f64>().prop_map(Value::from),
        1 => any::<u64>().prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(text(), inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn jsonl_line() -> BoxedStrategy<String> {
    const FIELDS: &[&str] = &[
        "id",
        "title",
        "body",
        "author",
        "source",
        "source_name",
        "url",
        "published",
        "lang",
        "kind",
        "extra",
    ];
    let object = prop::collection::vec(
        (
            select(FIELDS),
            prop_oneof![
                3 => text().prop_map(serde_json::Value::String),
                2 => date_text().prop_map(serde_json::Value::String),
                1 => json_value(),
            ],
        ),
        0..10,
    )
    .prop_map(|fields| {
        let mut m = serde_json::Map::new();
        m.insert("id".into(), "x".into());
        m.insert("published".into(), "2026-01-01".into());
        for (k, v) in fields {
            m.insert(k.to_string(), v);
        }
        serde_json::Value::Object(m).to_string()
    });
    let cut = (object.clone(), any::<prop::sample::Index>()).prop_map(|(s, at)| {
        let n = at.index(s.len() + 1);
        let n = (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        s[..n].to_string()
    });
    prop_oneof![
        5 => object,
        1 => cut,
        1 => json_value().prop_map(|v| v.to_string()),
        1 => text(),
    ]
    .boxed()
}

/// A TOML basic string holding `s`.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 || c == '\u{7F}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML value from hostile text: usually a well-formed string, now and then raw text, a
/// literal string or an array (which break the file or the field's type).
fn toml_value() -> impl Strategy<Value = String> {
    prop_oneof![
        24 => text().prop_map(|s| toml_string(&s)),
        1 => text(),
        1 => text().prop_map(|s| format!("'{s}'")),
        1 => text().prop_map(|s| format!("[{}]", toml_string(&s))),
    ]
}

/// A field that is usually `good` (so that files get past the first check) and else hostile.
fn usually(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![4 => select(good).prop_map(toml_string), 1 => toml_value()]
}

fn toml_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| toml_string(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn toml_query() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => select(&["flood OR floods", "\"rest centre\" NEAR/5 open*", "#StormHarriet -football", "(a OR b) c title:x"][..])
            .prop_map(toml_string),
        3 => query_strategy().prop_map(|q| toml_string(&q)),
        1 => query_strategy(),
    ]
}

fn toml_number(good: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop_oneof![
        6 => select(good).prop_map(str::to_string),
        1 => select(&["0", "-1", "nan", "inf", "-inf", "1e308", "-0.0", "\"x\"", "99999999999999999999", "0x10", "1_000"][..])
            .prop_map(str::to_string),
        1 => any::<f64>().prop_map(|f| format!("{f:?}")),
        1 => any::<i64>().prop_map(|i| i.to_string()),
    ]
}

fn toml_choice(good: &'static [&'static str], bad: &'static str) -> impl Strategy<Value = String> {
    prop_oneof![8 => select(good).prop_map(toml_string), 1 => Just(toml_string(bad)), 1 => toml_value()]
}

fn exercise_toml() -> BoxedStrategy<String> {
    let monitor = (
        usually(&["storm-harriet", "kerrow-news"]),
        prop::collection::vec(prop_oneof![3 => select(&["m1", "a-1", "x"][..]).prop_map(str::to_string), 1 => text()], 1..4),
        toml_query(),
        prop::option::of(toml_query()),
        toml_number(&["0.8", "0.5", "1", "1.0"]),
        prop_oneof![4 => Just(0u8), 1 => Just(1), 1 => Just(2)],
    )
        .prop_map(|(corpus, ids, q, naive, mark, relevant)| {
            let relevant = match relevant {
                0 => format!("relevant = {}", toml_list(&ids)),
                1 => "relevant_file = \"labels/storm-01-sandbags.txt\"".to_string(),
                _ => format!("relevant_file = {}", toml_string(&ids.concat())),
            };
            format!(
                "[monitor]\ncorpus = {corpus}\n{relevant}\nmodel_query = {q}\n{}pass_mark = {mark}\n",
                naive.map(|n| format!("naive_query = {n}\n")).unwrap_or_default()
            )
        });
    let platform = prop_oneof![
        6 => select(&["x", "bluesky", "mastodon", "threads", "linkedin", "facebook", "instagram", "twitter", "X "][..])
            .prop_map(str::to_string),
        1 => text(),
    ];
    let rules = prop_oneof![
        6 => select(&["govuk-plain-english", "social-accessible"][..]).prop_map(str::to_string),
        1 => hostile(2),
    ];
    let fact = (text(), prop::collection::vec(text(), 0..3)).prop_map(|(f, accept)| {
        format!(
            "[[rewrite.facts]]\nfact = {}\naccept = {}\n",
            toml_string(&f),
            toml_list(&accept)
        )
    });
    let rewrite = (
        usually(&["press-releases/ferry-timetable.md", "../../../etc/passwd", "/etc/hostname", "press-releases"]),
        prop::collection::vec(platform, 0..3),
        prop::collection::vec(rules, 0..3),
        toml_number(&["70", "1", "100", "50.5"]),
        prop::collection::vec(text(), 0..2),
        prop::collection::vec(fact, 0..3),
    )
        .prop_map(|(source, platforms, rules, mark, answers, facts)| {
            format!(
                "[rewrite]\nsource = {source}\nplatforms = {}\nrules = {}\npass_mark = {mark}\nmodel_answers = {}\n{}",
                toml_list(&platforms),
                toml_list(&rules),
                toml_list(&answers),
                facts.concat()
            )
        });
    let item = (
        prop_oneof![3 => select(&["m1", "m2", "m3"][..]).prop_map(str::to_string), 1 => text()],
        toml_choice(&["relevant", "not-relevant", "escalate"], "maybe"),
        text(),
    )
        .prop_map(|(id, label, why)| {
            format!(
                "[[triage.items]]\nid = {}\nlabel = {label}\nwhy = {}\n",
                toml_string(&id),
                toml_string(&why)
            )
        });
    let triage = (
        usually(&["storm-harriet"]),
        toml_number(&["0.75", "1", "0.5"]),
        prop::collection::vec(item, 0..4),
    )
        .prop_map(|(corpus, mark, items)| {
            format!(
                "[triage]\ncorpus = {corpus}\npass_mark = {mark}\n{}",
                items.concat()
            )
        });
    let whole = (
        usually(&["ex-1", "storm-99-fuzz"]),
        prop_oneof![3 => Just(toml_string("A title")), 1 => toml_value()],
        prop_oneof![3 => Just(toml_string("Do this.")), 1 => toml_value()],
        prop::collection::vec(text(), 0..3),
        prop_oneof![
            3 => monitor.prop_map(|m| ("monitor", m)),
            3 => rewrite.prop_map(|r| ("rewrite", r)),
            3 => triage.prop_map(|t| ("triage", t)),
        ],
        prop::option::weighted(0.1, prop_oneof![Just("monitor"), Just("rewrite"), Just("triage"), Just("bogus")]),
        toml_choice(&["beginner", "intermediate", "advanced"], "guru"),
        prop::option::weighted(0.1, prop_oneof![Just("[triage]\ncorpus = \"c\"\npass_mark = 0.5\nitems = []\n"), Just("[monitor]\n")]),
    )
        .prop_map(|(id, title, brief, hints, (kind, section), other_kind, level, extra)| {
            format!(
                "id = {id}\ntitle = {title}\nkind = \"{}\"\nlevel = {level}\nbrief = {brief}\nhints = {}\n{section}{}",
                other_kind.unwrap_or(kind),
                toml_list(&hints),
                extra.unwrap_or_default()
            )
        })
        .boxed();
    let mangled = (whole.clone(), any::<prop::sample::Index>(), piece()).prop_map(|(s, at, p)| {
        let n = at.index(s.len() + 1);
        let n = (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        format!("{}{p}{}", &s[..n], &s[n..])
    });
    prop_oneof![8 => whole, 2 => mangled, 1 => text()].boxed()
}

/// Regular-expression pieces for `pattern` rules and `require` patterns.
const REGEX_PIECES: &[&str] = &[
    "(?P<m>",
    ")",
    "(",
    "[a-z]+",
    "\\b",
    "\\w+",
    ".*",
    ".+?",
    "|",
    "!{2,}",
    "\\s",
    "^",
    "$",
    "(?i)",
    "(?m)",
    "\\d{1,3}",
    "[",
    "]",
    "{2,}",
    "\\p{Han}",
    "\\p{Emoji}",
    "\\X",
    "(?=x)",
    "\\",
    "$1",
    "\u{1F600}",
    "é",
    "🏴",
    "x{1000}{1000}",
    "(?P<m>\\w+)",
    "(a|b)",
    "\\bthe\\b",
];

fn regex_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(
            prop_oneof![3 => select(REGEX_PIECES).prop_map(str::to_string), 1 => hostile(1)],
            1..8
        )
        .prop_map(|v| v.concat()),
        2 => select(&["(?P<m>\\w+)\\s+(?P=m)", "!{2,}", "(?i)\\butilise\\b", "\\p{Emoji}+", "(?P<m>[A-Z]{3,})", ""][..]).prop_map(str::to_string),
        1 => text(),
    ]
}

fn pack_toml() -> BoxedStrategy<String> {
    let words = prop::collection::vec(
        (text(), prop::collection::vec(text(), 0..2), prop::collection::vec(text(), 0..2), any::<bool>()),
        0..4,
    )
    .prop_map(|ws| {
        let list: Vec<String> = ws
            .iter()
            .map(|(w, also, instead, next)| {
                format!(
                    "{{ word = {}, also = {}, instead = {}, unless_next = {}, when_prev = {}, needs_next_word = {next} }}",
                    toml_string(w),
                    toml_list(also),
                    toml_list(instead),
                    toml_list(also),
                    toml_list(&instead[..instead.len().min(1)]),
                )
            })
            .collect();
        format!("words = [{}]\n", list.join(", "))
    });
    let swap = prop::collection::vec((text(), text()), 1..3).prop_map(|pairs| {
        let list: Vec<String> = pairs
            .iter()
            .map(|(a, b)| format!("{} = {}", toml_string(a), toml_string(b)))
            .collect();
        format!("swap = {{ {} }}\n", list.join(", "))
    });
    let what = toml_choice(
        &[
            "hashtags",
            "mentions",
            "links",
            "emoji",
            "words",
            "sentences",
            "exclamation-marks",
        ],
        "bogus",
    );
    let count = || toml_number(&["0", "1", "2", "25", "8.5"]);
    let kind_body = prop_oneof![
        (words, any::<bool>())
            .prop_map(|(w, cs)| format!("kind = \"avoid\"\ncase_sensitive = {cs}\n{w}")),
        swap.prop_map(|s| format!("kind = \"substitute\"\n{s}")),
        (
            prop::collection::vec(text(), 0..3),
            prop::option::of(regex_strategy())
        )
            .prop_map(|(any_of, p)| {
                format!(
                    "kind = \"require\"\nany_of = {}\n{}",
                    toml_list(&any_of),
                    p.map(|p| format!("pattern = {}\n", toml_string(&p)))
                        .unwrap_or_default()
                )
            }),
        (regex_strategy(), prop::option::of(text())).prop_map(|(p, fix)| {
            format!(
                "kind = \"pattern\"\npattern = {}\n{}",
                toml_string(&p),
                fix.map(|f| format!("fix = {}\n", toml_string(&f)))
                    .unwrap_or_default()
            )
        }),
        (what, prop::option::of(count()), prop::option::of(count())).prop_map(|(w, max, min)| {
            format!(
                "kind = \"count\"\nwhat = {w}\n{}{}",
                max.map(|m| format!("max = {m}\n")).unwrap_or_default(),
                min.map(|m| format!("min = {m}\n")).unwrap_or_default()
            )
        }),
        (
            toml_choice(
                &[
                    "sentence-length",
                    "passive-voice",
                    "there-is-opener",
                    "repeated-words",
                    "reading-grade",
                    "hashtag-case",
                    "hashtag-position",
                    "emoji-position",
                    "emoji-repeated",
                    "fancy-text",
                    "all-caps",
                    "emoticons",
                ],
                "frobnicate"
            ),
            prop::option::of((select(&["max", "min_words", "min_letters"][..]), count()))
        )
            .prop_map(|(k, n)| format!(
                "kind = {k}\n{}",
                n.map(|(key, n)| format!("{key} = {n}\n"))
                    .unwrap_or_default()
            )),
    ];
    let test = (
        text(),
        prop::collection::vec(
            select(&["r0", "r1", "govuk-plain-english.passive-voice"][..]),
            0..2,
        ),
    )
        .prop_map(|(t, expect)| {
            format!(
                "[[rule.test]]\ntext = {}\nexpect = [{}]\n",
                toml_string(&t),
                expect
                    .iter()
                    .map(|e| toml_string(e))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        });
    let rule = (
        kind_body,
        toml_choice(&["suggestion", "warning", "error"], "fatal"),
        prop_oneof![3 => Just(toml_string("Found {match} ({count} of {max})")), 1 => toml_value()],
        prop::collection::vec(test, 0..2),
    );
    let extends = prop::collection::vec(
        prop_oneof![
            6 => select(&["govuk-plain-english", "social-accessible"][..]).prop_map(str::to_string),
            1 => hostile(1),
        ],
        0..3,
    );
    let override_ = (
        select(
            &[
                "govuk-plain-english.sentence-length",
                "govuk-plain-english.passive-voice",
                "social-accessible.all-caps",
                "r0",
                "nope",
            ][..],
        ),
        prop::option::of(count()),
        prop::option::of(any::<bool>()),
        prop::option::of(toml_choice(&["suggestion", "warning", "error"], "fatal")),
    )
        .prop_map(|(r, n, enabled, sev)| {
            format!(
                "[[override]]\nrule = \"{r}\"\n{}{}{}",
                n.map(|n| format!("max = {n}\n")).unwrap_or_default(),
                enabled
                    .map(|e| format!("enabled = {e}\n"))
                    .unwrap_or_default(),
                sev.map(|s| format!("severity = {s}\n")).unwrap_or_default()
            )
        });
    let whole = (
        usually(&["trainer", "port-ellis"]),
        extends,
        prop::collection::vec(rule, 0..4),
        prop::collection::vec(override_, 0..2),
    )
        .prop_map(|(id, extends, rules, overrides)| {
            let mut s = format!(
                "[pack]\nid = {id}\nname = \"n\"\nextends = {}\n",
                toml_list(&extends)
            );
            for (i, (body, sev, message, tests)) in rules.into_iter().enumerate() {
                s.push_str(&format!(
                    "\n[[rule]]\nid = \"r{i}\"\nseverity = {sev}\nmessage = {message}\n{body}{}",
                    tests.concat()
                ));
            }
            s.push_str(&overrides.concat());
            s
        })
        .boxed();
    let mangled = (whole.clone(), any::<prop::sample::Index>(), piece()).prop_map(|(s, at, p)| {
        let n = at.index(s.len() + 1);
        let n = (0..=n).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
        format!("{}{p}{}", &s[..n], &s[n..])
    });
    prop_oneof![8 => whole, 2 => mangled, 1 => text()].boxed()
}

fn now() -> DateTime<Utc> {
    DateTime::<Utc>::from_timestamp(1_770_000_000, 0).unwrap_or_default()
}

fn problems_ok(problems: &[sandpit::ingest::Problem]) -> Result<(), TestCaseError> {
    for p in problems {
        prop_assert!(!p.message.is_empty(), "{p:?}");
        prop_assert!(p.line.is_none_or(|l| l >= 1), "{p:?}");
    }
    Ok(())
}

fn exercise_feed(bytes: &[u8]) -> Result<(), TestCaseError> {
    for origin in ["fuzz.xml", "https://example.org/feeds/rss.xml"] {
        let parsed = feed::parse(
            bytes,
            &feed::FeedOrigin {
                origin,
                source: None,
                now: now(),
                key: if origin.starts_with("http") {
                    feed::FeedKey::Url(origin)
                } else {
                    feed::FeedKey::File(origin)
                },
            },
        );
        problems_ok(&parsed.problems)?;
        for d in &parsed.documents {
            prop_assert!(!d.id.is_empty());
            prop_assert!(!(d.title.is_empty() && d.body.is_empty()));
        }
    }
    let parsed = feed::parse_with_charset(
        bytes,
        Some("iso-8859-1"),
        &feed::FeedOrigin {
            origin: "fuzz",
            source: Some("src"),
            now: now(),
            key: feed::FeedKey::File("fuzz"),
        },
    );
    problems_ok(&parsed.problems)?;
    // The HTML cleaner reads item content; the whole file is a hostile HTML fragment too (only
    // when small: html5ever takes time quadratic in nesting depth).
    if bytes.len() <= 8 << 10 {
        let html = String::from_utf8_lossy(bytes);
        let _ = clean::html_to_text(&html);
        let _ = sandpit::ingest::article::main_text(&html);
    }
    Ok(())
}

fn exercise_opml(bytes: &[u8]) -> Result<(), TestCaseError> {
    match opml::parse(bytes, "fuzz.opml") {
        Ok(list) => {
            problems_ok(&list.problems)?;
            for f in &list.feeds {
                prop_assert!(f.url.starts_with("http"), "{f:?}");
                prop_assert!(f.line >= 1);
            }
        }
        Err(p) => problems_ok(&[p])?,
    }
    Ok(())
}

fn exercise_jsonl(line: &str) -> Result<(), TestCaseError> {
    match jsonl::parse_line(line, 7, "fuzz.jsonl") {
        Ok(Some(doc)) => {
            prop_assert!(!doc.id.is_empty());
            prop_assert!(!doc.lang.is_empty());
        }
        Ok(None) => {
            let bom = '\u{feff}';
            prop_assert!(line.trim().trim_start_matches(bom).is_empty());
        }
        Err(p) => {
            prop_assert_eq!(p.line, Some(7));
            prop_assert!(!p.message.is_empty());
        }
    }
    let _ = jsonl::parse_date(line);
    Ok(())
}

fn exercise_exercise(text: &str, post: &str) -> Result<(), TestCaseError> {
    let catalog = exercises::from_text("uploads/fuzz.toml", text);
    problems_ok(&catalog.problems)?;
    for e in &catalog.exercises {
        match &e.task {
            Task::Rewrite(r) => {
                let packs: Vec<RulePack> =
                    r.rules.iter().filter_map(|p| packs::load(p).ok()).collect();
                let g =
                    grade::rewrite::grade(r, &packs, post, r.platforms.first().map(String::as_str));
                prop_assert!(g.score.is_finite(), "{}", g.score);
                let _ = grade::rewrite::match_facts(post, &r.facts);
            }
            Task::Triage(t) => {
                let answers: HashMap<String, Label> = t
                    .items
                    .iter()
                    .zip(Label::ALL.iter().cycle())
                    .map(|(i, l)| (i.id.clone(), *l))
                    .collect();
                let _ = grade::triage::grade(t, &answers);
            }
            Task::Monitor(m) => {
                prop_assert!(query::parse(&m.model_query).is_ok());
            }
        }
    }
    Ok(())
}

fn exercise_pack(source: &str, draft: &str) -> Result<(), TestCaseError> {
    match packs::parse(source, "fuzz.toml", None) {
        Ok(pack) => {
            let c = compose::check(draft, &[Platform::X.profile()], std::slice::from_ref(&pack));
            check_ok(draft, &c, 1)?;
            for outcome in packs::run_tests(&pack) {
                let _ = outcome.passed();
            }
        }
        Err(e) => {
            prop_assert!(!e.message.is_empty());
            prop_assert!(e.line.is_none_or(|l| l >= 1) && e.column.is_none_or(|c| c >= 1));
            let _ = e.to_string();
        }
    }
    Ok(())
}

// ---- The properties -------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn fuzz_query(q in query_strategy(), doc in document_strategy(), other in document_strategy()) {
        exercise_query(&q, &doc, &other)?;
    }

    #[test]
    fn fuzz_readability(words in prop::collection::vec(text(), 1..4)) {
        for w in &words {
            prop_assert!(compose::readability::syllables(w) >= 1);
        }
        let joined = words.concat();
        prop_assert!(compose::readability::syllables(&joined) >= 1);
        if let Some(r) = compose::readability::score(&compose::prose::Doc::new(&joined)) {
            prop_assert!(r.flesch_reading_ease.is_finite());
        }
    }

    #[test]
    fn fuzz_jsonl(line in jsonl_line()) {
        exercise_jsonl(&line)?;
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn fuzz_compose(text in text(), limits in prop::collection::vec(prop_oneof![Just(0usize), Just(1), 0usize..600, Just(usize::MAX - 1)], 0..7)) {
        exercise_draft(&text, &limits)?;
    }

    #[test]
    fn fuzz_feed(bytes in feed_bytes()) {
        exercise_feed(&bytes)?;
    }

    #[test]
    fn fuzz_opml(bytes in opml_bytes()) {
        exercise_opml(&bytes)?;
    }

    #[test]
    fn fuzz_exercise(text in exercise_toml(), post in text()) {
        exercise_exercise(&text, &post)?;
    }

    #[test]
    fn fuzz_rule_pack(source in pack_toml(), draft in text()) {
        exercise_pack(&source, &draft)?;
    }
}

// ---- Deep nesting and very long input -----------------------------------------------------

fn must_not_panic_query(q: String) {
    on_small_stack(move || {
        // A short document: the point is the depth of the query, not the size of the text.
        let doc = document(
            "a b x".into(),
            "#aa a".into(),
            "a".into(),
            (String::new(), "en".into(), 0),
        );
        let r: Result<(), TestCaseError> = exercise_query(&q, &doc, &doc);
        if let Err(e) = r {
            panic!("{e}");
        }
    });
}

#[test]
fn deep_queries_are_refused_or_run_without_overflow() {
    // Over the length limit: refused before parsing.
    must_not_panic_query(format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000)));
    must_not_panic_query("(".repeat(10_000));
    // As deep as the length limit allows, in every shape that recurses.
    let n = query::MAX_QUERY_CHARS / 2 - 1;
    must_not_panic_query(format!("{}a{}", "(".repeat(n), ")".repeat(n)));
    must_not_panic_query(format!("{}x", "-".repeat(query::MAX_QUERY_CHARS - 1)));
    must_not_panic_query(format!(
        "{}x",
        "NOT ".repeat(query::MAX_QUERY_CHARS / 4 - 1)
    ));
    must_not_panic_query(format!("{}x", "-(".repeat(n / 2)) + &")".repeat(n / 2));
    must_not_panic_query(format!("{}x{}", "(a -(b ".repeat(580), "))".repeat(580)));
    must_not_panic_query(format!("{}x{}", "(a OR (b ".repeat(450), "))".repeat(450)));
    must_not_panic_query(format!("a{}", " NEAR/1 a".repeat(450)));
    must_not_panic_query("a ".repeat(2000));
    must_not_panic_query("a OR ".repeat(800) + "a");
    must_not_panic_query(format!("\"{}\"", "a ".repeat(2000)));
    must_not_panic_query(format!("aa{}", "*?".repeat(2000)));
    must_not_panic_query(format!("#aa{}", "*".repeat(4000)));
}

/// A NEAR chain as long as the length limit allows (455 links) nests as deep as 455
/// brackets: searching it overflowed a 2 MiB stack in the debug build. Each link now counts
/// towards `MAX_NESTING`.
#[test]
fn regression_near_chain_overflow() {
    let links = (query::MAX_QUERY_CHARS - 1) / " NEAR/9 a".len();
    let q = format!("a{}", " NEAR/9 a".repeat(links));
    let e = on_small_stack(move || query::parse(&q).map(|_| ()).unwrap_err());
    assert!(e.message.contains("NEAR chain"), "{e}");
    // At the NEAR of link 51: "a", 50 links of " NEAR/9 a", a space, then 1-based.
    assert_eq!(e.column, 1 + query::MAX_NESTING * " NEAR/9 a".len() + 2);
    let q = format!("(((a{}))) b", " NEAR/9 a".repeat(query::MAX_NESTING - 3));
    assert!(query::parse(&q).is_ok());
}

#[test]
fn a_refused_deep_query_says_why() {
    let q = format!("{}a{}", "(".repeat(500), ")".repeat(500));
    let e = query::parse(&q).expect_err("500 nested brackets are refused");
    assert!(e.message.contains("nested"), "{e}");
    let q = format!("{}x", "NOT ".repeat(300));
    let e = query::parse(&q).expect_err("300 NOTs in a row are refused");
    assert!(
        e.message.contains("nested") || e.message.contains("NOT"),
        "{e}"
    );
    // Up to the limit, nesting still parses; one more level is refused at its bracket.
    let n = query::MAX_NESTING;
    let q = format!("{}a{}", "(".repeat(n), ")".repeat(n));
    assert!(query::parse(&q).is_ok());
    let q = format!("{}a{}", "(".repeat(n + 1), ")".repeat(n + 1));
    assert_eq!(query::parse(&q).map(|_| ()).unwrap_err().column, n + 1);
    let q = format!("a {}b", "NOT ".repeat(n));
    assert!(query::parse(&q).is_ok());
}

/// Whether this is the long run (release, or `SANDPIT_FUZZ_CASES` set): then every very long
/// input is at full size.
fn long_run() -> bool {
    !cfg!(debug_assertions) || std::env::var_os("SANDPIT_FUZZ_CASES").is_some()
}

/// 1 MB drafts (the most the CLI and the web page accept) of the kinds that make counting and
/// rule-checking work hard. The short run in the debug build keeps three at 1 MB and cuts the
/// slow ones (5 to 20 s each there) to 128 KB.
fn megabyte_drafts() -> Vec<String> {
    const MB: usize = 1 << 20;
    let short = if long_run() { MB } else { MB / 8 };
    let fill = |unit: &str, size: usize| unit.repeat(size / unit.len().max(1));
    vec![
        fill("hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝 ", MB),
        format!("e{}", "\u{301}".repeat(MB / 2 - 1)),
        fill("\u{1F1EC}", MB),
        fill("#", short),
        fill("x.", short),
        fill("@a@b.", short),
        fill("\u{1F468}\u{200D}", short),
        fill("There is the the UTILISE!! ", short),
        fill("a", short),
        fill("https://x.co/", short),
    ]
}

#[test]
fn megabyte_drafts_are_checked_without_panic() {
    on_small_stack(|| {
        for d in megabyte_drafts() {
            let started = std::time::Instant::now();
            let all: Vec<Profile> = Platform::ALL.iter().map(|p| p.profile()).collect();
            let c = compose::check(&d, &all, builtin_packs());
            if let Err(e) = check_ok(&d, &c, all.len()) {
                panic!("{e}");
            }
            let _ = compose::readability::syllables(&d);
            eprintln!(
                "{} KB draft starting {:?}: {:?}",
                d.len() >> 10,
                d.chars().take(6).collect::<String>(),
                started.elapsed()
            );
        }
    });
}

#[test]
fn deeply_nested_markup_reads_without_overflow() {
    on_small_stack(|| {
        let n = 100_000;
        // html5ever takes time quadratic in the nesting depth (100,000 levels: two minutes in
        // the debug build), so escaped HTML nests less deeply: still far past what overflowed.
        let h = 10_000;
        // Nested elements inside an item, and escaped HTML nested in a description.
        let nested_xml = format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title>{}x{}</item></channel></rss>",
            "<x>".repeat(n),
            "</x>".repeat(n)
        );
        let nested_html = format!(
            "<rss version=\"2.0\"><channel><title>t</title><item><title>a</title><description>{}deep{}</description></item></channel></rss>",
            "&lt;div&gt;".repeat(h),
            "&lt;/div&gt;".repeat(h)
        );
        let nested_xhtml = format!(
            "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>t</title><entry><id>1</id><title>a</title><content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">{}deep{}</div></content></entry></feed>",
            "<div>".repeat(n),
            "</div>".repeat(n)
        );
        let unclosed = format!(
            "<rss version=\"2.0\"><channel>{}",
            "<item><title>".repeat(n)
        );
        let many_items = format!(
            "<rss version=\"2.0\"><channel><title>t</title>{}</channel></rss>",
            "<item><title>a &amp; b</title><description>&lt;b&gt;x&lt;/b&gt;</description></item>"
                .repeat(10_000)
        );
        let laughs = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">{}]><rss version=\"2.0\"><channel><title>&e9;</title><item><title>&e9;</title></item></channel></rss>",
            (1..10)
                .map(|i| format!("<!ENTITY e{i} \"{}\">", format!("&e{};", i - 1).repeat(10)))
                .collect::<String>()
                .replace("&e0;", "&a;")
        );
        for xml in [
            nested_xml,
            nested_html,
            nested_xhtml,
            unclosed,
            many_items,
            laughs,
        ] {
            if let Err(e) = exercise_feed(xml.as_bytes()) {
                panic!("{e}");
            }
        }
        let _ = clean::html_to_text(&format!("{}x", "<b><i>".repeat(h / 2)));
        let _ = clean::html_to_text(&format!("{}x", "<table><tr><td>".repeat(h / 3)));
    });
}

#[test]
fn deep_and_long_opml_reads_without_overflow() {
    on_small_stack(|| {
        let n = 100_000;
        let nested = format!(
            "<opml version=\"2.0\"><body>{}<outline text=\"f\" xmlUrl=\"https://example.org/f\"/>{}</body></opml>",
            "<outline text=\"c\">".repeat(n),
            "</outline>".repeat(n)
        );
        let long = format!(
            "<opml version=\"2.0\"><body>{}</body></opml>",
            (0..20_000)
                .map(|i| format!("<outline text=\"f{i}\" xmlUrl=\"https://example.org/{i}\"/>\n"))
                .collect::<String>()
        );
        let nested_feeds = format!(
            "<opml version=\"2.0\"><body>{}{}</body></opml>",
            "<outline text=\"category\">".repeat(20_000),
            (0..2_000)
                .map(|i| format!("<outline xmlUrl=\"https://example.org/{i}\"/>"))
                .collect::<String>()
        );
        for xml in [nested, long, nested_feeds] {
            let started = std::time::Instant::now();
            if let Err(e) = exercise_opml(xml.as_bytes()) {
                panic!("{e}");
            }
            eprintln!("OPML of {} bytes: {:?}", xml.len(), started.elapsed());
        }
    });
}

#[test]
fn deep_and_long_jsonl_toml_and_packs_read_without_overflow() {
    on_small_stack(|| {
        let n = 10_000;
        let deep_json = format!(
            "{{\"id\":\"x\",\"published\":\"2026-01-01\",\"title\":\"t\",\"extra\":{}1{}}}",
            "[".repeat(n),
            "]".repeat(n)
        );
        let deep_object = format!("{}{}", "{\"a\":".repeat(n), "}".repeat(n));
        let long =
            serde_json::json!({"id": "x", "published": "2026-01-01", "body": megabyte_drafts()[0]})
                .to_string();
        for line in [deep_json, deep_object, long] {
            if let Err(e) = exercise_jsonl(&line) {
                panic!("{e}");
            }
        }
        let deep_toml = format!("id = {}1{}\n", "[".repeat(n), "]".repeat(n));
        let deep_inline = format!("id = {}1{}\n", "{a = ".repeat(n), "}".repeat(n));
        let deep_tables = (0..2_000)
            .map(|i| format!("[{}]\n", vec!["a"; i % 200 + 1].join(".")))
            .collect::<String>();
        let long_brief = format!(
            "id = \"x\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = {}\n[rewrite]\nsource = \"press-releases/ferry-timetable.md\"\nplatforms = [\"x\"]\nrules = [\"govuk-plain-english\"]\npass_mark = 70\n",
            toml_string(&megabyte_drafts()[0])
        );
        let deep_query = format!(
            "id = \"x\"\ntitle = \"t\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"b\"\n[monitor]\ncorpus = \"c\"\nrelevant = [\"a\"]\nmodel_query = {}\npass_mark = 0.8\n",
            toml_string(&format!("{}a{}", "(".repeat(2000), ")".repeat(2000)))
        );
        for text in [
            &deep_toml,
            &deep_inline,
            &deep_tables,
            &long_brief,
            &deep_query,
        ] {
            if let Err(e) = exercise_exercise(text, "post") {
                panic!("{e}");
            }
        }
        let deep_pattern = format!(
            "[pack]\nid = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\npattern = {}\n",
            toml_string(&format!("{}a{}", "(".repeat(n), ")".repeat(n)))
        );
        let huge_pattern = "[pack]\nid = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\npattern = \"((a{1000}){1000}){1000}\"\n".to_string();
        let many_words = format!(
            "[pack]\nid = \"p\"\n[[rule]]\nid = \"r\"\nkind = \"avoid\"\nwords = [{}]\n",
            (0..20_000)
                .map(|i| format!("{{ word = \"w{i} x{i}\" }}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let self_extending = "[pack]\nid = \"p\"\nextends = [\"fuzz-self.toml\"]\n".to_string();
        for src in [
            &deep_toml,
            &deep_inline,
            &deep_pattern,
            &huge_pattern,
            &many_words,
            &self_extending,
        ] {
            if let Err(e) = exercise_pack(
                src,
                "There is the the UTILISE!! hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝",
            ) {
                panic!("{e}");
            }
        }
    });
}

// ---- Regressions: one test for each panic the fuzzing found ----------------------------------

/// `syllables` sliced its lower-cased word by character index (`&w[i..i + 4]`): any text with a
/// multi-byte letter before an "ea" pair panicked ("start byte index 27 is not a char boundary").
#[test]
fn regression_syllables_slice_by_char_index() {
    let draft = "hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝";
    assert!(compose::readability::syllables(draft) >= 1);
    assert!(compose::readability::syllables("éacreating") >= 1);
    let c = compose::check(draft, &[Platform::X.profile()], builtin_packs());
    assert!(c.readability.is_some());
}

/// `clean::html_to_text` walked the parsed HTML recursively: feed content nesting ten thousand
/// elements (a 50 KB description) overflowed the stack and aborted the whole process.
#[test]
fn regression_html_to_text_recursion() {
    let text = on_small_stack(|| {
        clean::html_to_text(&format!(
            "<p>a</p><script>{}no</script>{}deep<img alt=\"map\">{}<p>b</p>",
            "<div>".repeat(100),
            "<div>".repeat(16_000),
            "</div>".repeat(16_000)
        ))
    });
    assert_eq!(text, "a\n\ndeep map\n\nb");
}

/// A query of brackets nested as deep as the length limit allows (2,047 levels) overflowed the
/// stack of the thread parsing it; nesting now stops at `MAX_NESTING` with an error.
#[test]
fn regression_query_nesting_overflow() {
    let n = query::MAX_QUERY_CHARS / 2 - 1;
    let q = format!("{}a{}", "(".repeat(n), ")".repeat(n));
    let e = on_small_stack(move || query::parse(&q).map(|_| ()).unwrap_err());
    assert!(e.message.contains("nested deeper than"), "{e}");
    assert_eq!(e.column, query::MAX_NESTING + 1);
}

// ---- The generators reach past the parsers -------------------------------------------------

/// Share of `n` generated values for which `ok` holds.
fn share<T: std::fmt::Debug>(
    strategy: impl Strategy<Value = T>,
    n: usize,
    ok: impl Fn(&T) -> bool,
) -> f64 {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let hits = (0..n)
        .filter(|_| ok(&strategy.new_tree(&mut runner).expect("value").current()))
        .count();
    hits as f64 / n as f64
}

/// Hostile input that every parser rejects at the door would test only the door: enough of it
/// must parse for the fuzzing to reach the code behind.
#[test]
fn generated_input_gets_past_the_parsers() {
    let n = 300;
    let shares = [
        (
            "queries that parse",
            share(query_strategy(), n, |q| query::parse(q).is_ok()),
        ),
        (
            "feeds with items",
            share(feed_bytes(), n, |b| {
                !feed::parse(
                    b,
                    &feed::FeedOrigin {
                        origin: "f",
                        source: None,
                        now: now(),
                        key: feed::FeedKey::File("f"),
                    },
                )
                .documents
                .is_empty()
            }),
        ),
        (
            "OPML lists with feeds",
            share(opml_bytes(), n, |b| {
                opml::parse(b, "f").is_ok_and(|l| !l.feeds.is_empty())
            }),
        ),
        (
            "JSONL documents",
            share(jsonl_line(), n, |l| {
                matches!(jsonl::parse_line(l, 1, "f"), Ok(Some(_)))
            }),
        ),
        (
            "exercises that load",
            share(exercise_toml(), n, |t| {
                !exercises::from_text("f.toml", t).exercises.is_empty()
            }),
        ),
        (
            "rule packs that load",
            share(pack_toml(), n, |s| packs::parse(s, "f.toml", None).is_ok()),
        ),
    ];
    for (what, s) in shares {
        eprintln!("{what}: {:.0}%", s * 100.0);
        assert!(
            s >= 0.05,
            "only {:.1}% of generated input gives {what}",
            s * 100.0
        );
    }
}

// ---- The batch commands answer every line -----------------------------------------------------

/// Runs the real binary with `stdin`; returns (exit code, stdout lines, stderr).
fn sandpit_bin(args: &[&str], stdin: &[u8]) -> (Option<i32>, Vec<String>, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sandpit binary starts");
    let mut input = child.stdin.take().expect("stdin");
    let bytes = stdin.to_vec();
    // Written from a thread so that a large input cannot deadlock against a full stdout pipe.
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().expect("sandpit finishes");
    let _ = writer.join();
    let stdout = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect();
    (
        out.status.code(),
        stdout,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const KNOWN_PANIC: &str = "hospitalsplanmoreあ西花楼부月人共theannounced𝐁𝐨𝐥𝐝";

/// Hostile batch input: one entry per line, each either answered (`true`) or skipped as blank.
fn hostile_lines(strings: &[String]) -> (Vec<u8>, usize) {
    let mut input: Vec<u8> = Vec::new();
    let mut answered = 0;
    for s in strings {
        input.extend_from_slice(&serde_json::to_vec(s).expect("json"));
        input.push(b'\n');
        answered += 1;
    }
    let raw: &[&[u8]] = &[
        b"\"invalid \xff\xfe UTF-8\"",
        b"\xc0\x80\xed\xa0\x80",
        b"{\"not\": \"a string\"}",
        b"\"\\ud800 lone surrogate\"",
        b"\"unterminated",
        b"\"crlf line\"\r",
        b"null",
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]",
    ];
    for r in raw {
        input.extend_from_slice(r);
        input.push(b'\n');
        answered += 1;
    }
    // Blank lines are skipped, not answered.
    input.extend_from_slice(b"\n   \n");
    (input, answered)
}

fn hostile_strings() -> Vec<String> {
    vec![
        KNOWN_PANIC.to_string(),
        format!("{KNOWN_PANIC} {KNOWN_PANIC}. There is the the UTILISE!! #floodalert @a@b.c"),
        String::new(),
        "\u{0}\u{1}\u{7F}\u{202E}\u{2066}\u{FEFF}\u{FFFE}\u{FFFF}\u{E0001}\u{10FFFF}".to_string(),
        "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{1F3FF}\u{1F1EC}\u{1F1E7}1\u{FE0F}\u{20E3}\u{1F3F4}\u{E0067}\u{E0062}\u{E007F}".to_string(),
        format!("e{}", "\u{301}".repeat(5000)),
        format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000)),
        format!("{}a{}", "(".repeat(2_000), ")".repeat(2_000)),
        format!("{}x", "NOT ".repeat(1_000)),
        "ქართულიcreating".to_string(),
        "x.".repeat(50_000),
    ]
}

#[test]
fn check_batch_answers_every_line() {
    let mut strings = hostile_strings();
    strings.push("a".repeat((1 << 20) + 1));
    let (input, answered) = hostile_lines(&strings);
    let (code, lines, err) = sandpit_bin(&["check", "--platform", "all", "--jsonl"], &input);
    assert_eq!(
        lines.len(),
        answered,
        "every non-blank line is answered: {err}"
    );
    for (i, line) in lines.iter().enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object a line");
        if let Some(e) = v.get("error") {
            assert!(e.as_str().is_some_and(|m| !m.is_empty()), "{v}");
            assert!(
                !e.as_str().unwrap_or_default().contains("internal error"),
                "{v}"
            );
        } else {
            assert!(
                v["counts"].as_array().is_some_and(|c| c.len() == 7),
                "line {}: {v}",
                i + 1
            );
        }
    }
    let first: serde_json::Value = serde_json::from_str(&lines[0]).expect("json");
    assert!(
        first.get("error").is_none(),
        "the known panic string is checked: {first}"
    );
    assert_eq!(code, Some(1), "bad lines make the exit status 1");
    assert!(err.contains("could not be checked"), "{err}");
}

#[test]
fn search_batch_answers_every_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().to_string_lossy().into_owned();
    let corpus = format!(
        "{}/tests/data/corpus/mini.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, _, err) = sandpit_bin(
        &["--data-dir", &data, "corpus", "import", "mini", &corpus],
        b"",
    );
    assert_eq!(code, Some(0), "{err}");
    let mut strings = hostile_strings();
    strings.extend([
        "storm".to_string(),
        format!(
            "{}storm{}",
            "(".repeat(query::MAX_NESTING),
            ")".repeat(query::MAX_NESTING)
        ),
        "storm ".repeat(2_000),
        "\"".to_string(),
        "*".to_string(),
    ]);
    let (input, answered) = hostile_lines(&strings);
    let (code, lines, err) = sandpit_bin(
        &["--data-dir", &data, "search", "--corpus", "mini", "--jsonl"],
        &input,
    );
    assert_eq!(
        lines.len(),
        answered,
        "every non-blank line is answered: {err}"
    );
    let mut found = 0;
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).expect("a JSON object a line");
        assert!(v.get("query").is_some(), "{v}");
        match v.get("error") {
            Some(e) => {
                let m = e["message"].as_str().unwrap_or_default();
                assert!(!m.is_empty() && !m.contains("internal error"), "{v}");
            }
            None => {
                assert!(v["ids"].is_array(), "{v}");
                found += usize::from(v["total"].as_u64().unwrap_or(0) > 0);
            }
        }
    }
    assert!(found >= 2, "the plain queries still find documents");
    assert_eq!(
        code,
        Some(1),
        "lines that are not JSON strings make the exit status 1"
    );
}

/// The deepest trees a query can build (brackets and exclusions at the nesting limit, and a
/// NEAR chain as long as the length limit allows, which nests without brackets) compile to a
/// Tantivy query and search an index on a 2 MiB stack.
#[test]
fn deepest_queries_compile_and_search_on_a_small_stack() {
    on_small_stack(|| {
        let index = sandpit::index::SearchIndex::in_memory().expect("index");
        let doc = document(
            "a b a b".into(),
            "a a b x #aa".into(),
            "a".into(),
            (String::new(), "en".into(), 0),
        );
        index.write("c", vec![doc.clone()]).expect("write");
        let n = query::MAX_NESTING;
        for q in [
            format!("{}a{}", "(".repeat(n), ")".repeat(n)),
            format!("{}a", "NOT ".repeat(n - 1)) + " b",
            format!("{}x{}", "(a OR (b ".repeat(n / 2), "))".repeat(n / 2)),
            format!("b {}", "-(a ".repeat(n / 2 - 1)) + "x" + &")".repeat(n / 2 - 1),
            format!("a{}", " NEAR/9 a".repeat(n)),
            format!("{}a{}", "(".repeat(n / 2), " NEAR/9f b".repeat(n / 2)) + &")".repeat(n / 2),
        ] {
            let parsed = query::parse(&q).unwrap_or_else(|e| panic!("{e}: {q}"));
            let searcher = index.searcher();
            let compiled = index.scoped(
                "c",
                sandpit::index::compile::to_tantivy(&parsed, &index.fields),
            );
            let hits = searcher
                .search(&compiled, &tantivy::collector::Count)
                .expect("search runs");
            assert_eq!(hits == 1, parsed.matches_document(&doc), "{q}");
            let _ = parsed.highlighter().matches(TextField::Body, &doc.body);
            let _ = parsed.display();
        }
    });
}
