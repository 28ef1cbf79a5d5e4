//! Fuzzing every pure entry point with hostile input (issue 15, "no panic on any input"): the
//! query parser and the index-free evaluator, `compose::check` for every platform and every
//! built-in pack, readability, the feed, OPML and JSONL readers, the exercise reader, the
//! drill scenario reader and the rule-pack reader. Nothing may panic or overflow the stack;
//! errors are values with a message.
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

mod checks;
mod deep;
mod formats;
mod regressions;
mod scenarios;
mod text;
mod toml;

pub(crate) use checks::*;
pub(crate) use formats::*;
pub(crate) use scenarios::*;
pub(crate) use text::*;
pub(crate) use toml::*;

pub(crate) use std::collections::HashMap;

pub(crate) use chrono::{DateTime, Utc};
pub(crate) use proptest::prelude::*;
pub(crate) use proptest::sample::select;
pub(crate) use proptest::strategy::ValueTree;
pub(crate) use proptest::test_runner::TestCaseError;
pub(crate) use sandpit::catalog::exercises::{self, Label, Sorting, Task};
pub(crate) use sandpit::compose::{self, Check, Offset, Platform, Profile, RulePack, packs};
pub(crate) use sandpit::grade;
pub(crate) use sandpit::ingest::Document;
pub(crate) use sandpit::ingest::{clean, feed, jsonl, opml};
pub(crate) use sandpit::query::{self, TextField};

// ---- Case counts --------------------------------------------------------------------------

/// Cases for one property: `SANDPIT_FUZZ_CASES` when set, else `short` (the CI run).
pub(crate) fn cases(short: u32) -> u32 {
    std::env::var("SANDPIT_FUZZ_CASES")
        .ok()
        .and_then(|v| v.trim().replace('_', "").parse().ok())
        .unwrap_or(short)
}

pub(crate) fn config(short: u32) -> ProptestConfig {
    ProptestConfig {
        cases: cases(short),
        // Shrinking a hostile string is quick; keep it bounded all the same.
        max_shrink_iters: 4096,
        ..ProptestConfig::default()
    }
}

/// The stack of a Tokio worker thread (and of a test thread by default): what the server runs
/// parsing and checking on.
pub(crate) const STACK: usize = 2 << 20;

/// Runs `f` on a fresh thread with a 2 MiB stack: a stack overflow aborts the test process,
/// which counts as a failure, and a panic fails the test with its message.
pub(crate) fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
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

/// The scenario reader on generated files; at least a tenth of them must load, or the checks
/// on a loaded scenario's stream would never run.
#[test]
fn fuzz_scenario() {
    let mut runner = proptest::test_runner::TestRunner::new(config(128));
    let loaded = std::cell::Cell::new(0u32);
    let result = runner.run(&scenario_toml(), |text| {
        if exercise_scenario(&text)? {
            loaded.set(loaded.get() + 1);
        }
        Ok(())
    });
    if let Err(e) = result {
        panic!("{e}");
    }
    assert!(
        loaded.get() * 10 >= cases(128),
        "only {} files loaded",
        loaded.get()
    );
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
