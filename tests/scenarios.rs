//! Drill scenarios (docs/design.md, "Drill scenarios"): the shipped ones load, every kind of
//! malformed file is refused with its file and line, `sandpit scenarios list --json` and
//! `timeline --json` keep their shapes, and a replay squeezes a corpus into the drill's minutes
//! with its order kept.

use std::process::{Command, Output};

use sandpit::catalog::scenarios::{self, Channel, Flag, Offset, Source};

fn sandpit(args: &[&str]) -> Output {
    let data = tempfile::tempdir().expect("tempdir");
    Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(data.path())
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .output()
        .expect("sandpit runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A small valid scenario; tests break one part of it at a time.
const GOOD: &str = r#"id = "mini"
title = "Mini drill"
minutes = 60
start = "2026-02-04T17:00:00Z"

[[roles]]
id = "press"
name = "Press officer"

[[waves]]
id = "chatter"
from = "T+00:10"
until = "T+00:40"
posts = 600
shape = [1, 4, 1]
platform = "microblog"
seed = 5
templates = ["Water on {street} #StormHarriet", "{street} is flooded"]
authors = ["Resident {n}"]
words.street = ["Quay Street", "Fore Street"]

[[injects]]
id = "photo"
at = "T+00:05"
kind = "post"
platform = "microblog"
author = "Elaine Tonkin"
text = "Quay Street right now."
images = [{ alt = "Brown water up to the doors of the shops on Quay Street" }]
likes = 40

[[injects]]
id = "brief"
at = "T+00:06"
kind = "brief"
to = "press"
text = "Answer questions about the rest centre."
[injects.expect]
reaction = "Post where the rest centre is."
deliverable = "post"
platform = "x"
model = "The rest centre is open at the leisure centre."
[[injects.expect.facts]]
fact = "rest centre at the leisure centre"
match = '"leisure centre"'

[[injects]]
id = "reply"
at = "T+00:07"
kind = "post"
platform = "microblog"
author = "Sam"
text = "Stay safe"
reply_to = "photo"

[[injects]]
id = "enquiry"
at = "T+00:20"
kind = "media_enquiry"
outlet = "Port Ellis News"
text = "How many people are in the rest centre?"
deadline = "T+00:40"
[injects.expect]
reaction = "Give the number and the time it was counted."
deliverable = "statement"
"#;

/// Writes `text` as `bad.toml` in a fresh folder and validates that folder.
fn validate(text: &str) -> (Output, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.toml"), text).expect("write");
    let out = sandpit(&[
        "scenarios",
        "validate",
        dir.path().to_str().expect("utf-8 path"),
    ]);
    (out, dir)
}

/// The line of the first occurrence of `needle` in `text`.
fn line(text: &str, needle: &str) -> usize {
    let at = text.find(needle).expect("needle in text");
    text[..at].matches('\n').count() + 1
}

#[test]
fn the_shipped_scenarios_validate() {
    let loaded = scenarios::shipped();
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    assert!(loaded.scenarios.len() >= 3, "{}", loaded.scenarios.len());
    for s in &loaded.scenarios {
        assert!((60..=120).contains(&s.minutes), "{}: {}", s.id, s.minutes);
        let t = s.timeline();
        let busiest = t.busiest_hour.expect("a busiest hour");
        assert!(busiest.posts >= 2000, "{}: {} posts", s.id, busiest.posts);
        let kinds: std::collections::BTreeSet<&str> =
            s.injects.iter().map(|i| i.content.kind()).collect();
        for k in ["post", "article", "brief", "media_enquiry", "countdown"] {
            assert!(kinds.contains(k), "{} has no {k}", s.id);
        }
        // The material a real stream has: every flag, every kind of link between posts,
        // several platforms, pictures with alt text, engagement figures.
        let stream = s.stream();
        for flag in Flag::ALL {
            assert!(
                stream.iter().any(|r| r.post.flags.contains(&flag)),
                "{} has no {} post",
                s.id,
                flag.id()
            );
        }
        assert!(
            stream.iter().any(|r| r.post.reply_to.is_some()),
            "{}: no reply",
            s.id
        );
        assert!(
            stream.iter().any(|r| r.post.repost_of.is_some()),
            "{}: no repost",
            s.id
        );
        assert!(
            stream.iter().any(|r| r.post.quote_of.is_some()),
            "{}: no quote",
            s.id
        );
        assert!(
            stream.iter().any(|r| !r.post.images.is_empty()),
            "{}: no image",
            s.id
        );
        assert!(
            stream.iter().any(|r| r.post.likes > 1000),
            "{}: no popular post",
            s.id
        );
        let channels: std::collections::HashSet<Channel> =
            stream.iter().map(|r| r.post.channel).collect();
        assert_eq!(channels.len(), 4, "{}: {channels:?}", s.id);
        // Every expectation with facts has a model that states them (checked on load).
        for i in &s.injects {
            if let Some(x) = &i.expect
                && !x.facts.is_empty()
            {
                assert!(
                    x.model.is_some(),
                    "{} {}: facts without a model",
                    s.id,
                    i.id
                );
            }
        }
    }
    let out = sandpit(&["scenarios", "validate"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("no problems"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn the_good_example_validates() {
    let (out, _dir) = validate(GOOD);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
}

#[test]
fn each_kind_of_mistake_names_file_and_line() {
    // (what to change in GOOD, the text to find in the changed file for the line, message)
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "kind = \"brief\"",
            "kind = \"tweet\"",
            "kind = \"tweet\"",
            "unknown inject kind \"tweet\"",
        ),
        (
            "at = \"T+00:20\"",
            "at = \"T+00:01\"",
            "at = \"T+00:01\"",
            "comes before the inject above it (T+00:07)",
        ),
        (
            "at = \"T+00:20\"",
            "at = \"T+01:20\"",
            "at = \"T+01:20\"",
            "after the end of the scenario (T+01:00)",
        ),
        (
            "at = \"T+00:05\"",
            "at = \"5 minutes\"",
            "at = \"5 minutes\"",
            "is not a time in the drill",
        ),
        (
            "reply_to = \"photo\"",
            "reply_to = \"fotoo\"",
            "reply_to = \"fotoo\"",
            "names no inject or replayed document",
        ),
        (
            "deadline = \"T+00:40\"",
            "deadline = \"T+00:15\"",
            "deadline = \"T+00:15\"",
            "is not after the inject itself (T+00:20)",
        ),
        (
            "to = \"press\"",
            "to = \"mayor\"",
            "to = \"mayor\"",
            "is not a role of this scenario",
        ),
        (
            "likes = 40",
            "likes = 40\ndeadline = \"T+00:30\"",
            "deadline = \"T+00:30\"",
            "`deadline` has no meaning for a post inject",
        ),
        (
            "words.street",
            "words.road",
            "templates = [",
            "{street} has no list",
        ),
        (
            "until = \"T+00:40\"",
            "until = \"T+00:05\"",
            "until = \"T+00:05\"",
            "is not after from = T+00:10",
        ),
        (
            "match = '\"leisure centre\"'",
            "match = '(leisure'",
            "match = '(leisure'",
            "is not a rule: column 1",
        ),
        (
            "deliverable = \"statement\"",
            "deliverable = \"tweet\"",
            "deliverable = \"tweet\"",
            "unknown deliverable \"tweet\"",
        ),
        (
            "platform = \"x\"",
            "platform = \"myspace\"",
            "platform = \"myspace\"",
            "unknown platform \"myspace\" for the deliverable",
        ),
        (
            "likes = 40",
            "likes = 40\nsurprise = 1",
            "surprise = 1",
            "unknown field `surprise`",
        ),
        (
            "[[injects]]\nid = \"reply\"",
            "[[injects]]\nid = \"photo\"",
            "id = \"photo\"\nat = \"T+00:07\"",
            "inject id \"photo\" is used twice",
        ),
        (
            "[injects.expect]\nreaction = \"Give",
            "[injects.extra]\nreaction = \"Give",
            "[injects.extra]",
            "unknown field `extra`",
        ),
        (
            "open at the leisure centre",
            "open at the school",
            "model = ",
            "model does not state the fact \"rest centre at the leisure centre\"",
        ),
        (
            "model = \"The rest centre",
            "model = \"Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. Come now. The rest centre",
            "model = ",
            "model does not fit x: 306 of 280",
        ),
        (
            "start = \"2026-02-04T17:00:00Z\"",
            "start = \"4 Feb\"",
            "start = \"4 Feb\"",
            "is not a date and time",
        ),
    ];
    for (from, to, needle, message) in cases {
        assert!(GOOD.contains(from), "{from}");
        let bad = GOOD.replacen(from, to, 1);
        let (out, dir) = validate(&bad);
        assert_eq!(out.status.code(), Some(1), "{to}: {}", text(&out.stderr));
        let stderr = text(&out.stderr);
        let file = dir.path().join("bad.toml");
        let want = format!("{}:{}:", file.display(), line(&bad, needle));
        let hit = stderr
            .lines()
            .find(|l| l.contains(message))
            .unwrap_or_else(|| panic!("{to}: no {message:?} in\n{stderr}"));
        assert!(hit.starts_with(&want), "{to}: wanted {want} in {hit}");
    }
}

#[test]
fn a_missing_expectation_and_a_missing_corpus_are_refused() {
    let bad = GOOD.replacen(
        "[injects.expect]\nreaction = \"Give the number and the time it was counted.\"\ndeliverable = \"statement\"\n",
        "",
        1,
    );
    let loaded = scenarios::from_text("x.toml", &bad);
    let p = &loaded.problems;
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].message.contains("needs an [injects.expect] table"),
        "{p:?}"
    );
    assert_eq!(p[0].line, Some(line(&bad, "kind = \"media_enquiry\"")));

    let bad = GOOD.replacen(
        "[[roles]]",
        "[replay]\ncorpus = \"storm-harriot\"\ncompress_to = \"60m\"\n\n[[roles]]",
        1,
    );
    let loaded = scenarios::from_text("x.toml", &bad);
    let p = &loaded.problems;
    assert_eq!(p.len(), 1, "{p:#?}");
    assert!(
        p[0].message
            .contains("\"storm-harriot\" is not a shipped corpus"),
        "{p:?}"
    );
    assert_eq!(p[0].line, Some(line(&bad, "corpus =")));
    assert!(p[0].message.starts_with("column 10:"), "{p:?}");
}

#[test]
fn list_json_has_its_shape() {
    let out = sandpit(&["scenarios", "list", "--json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let list = v.as_array().expect("an array");
    assert!(list.len() >= 3);
    for s in list {
        let keys: Vec<&str> = s
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["id", "injects", "minutes", "title"], "{s}");
        assert!(s["injects"].as_u64().expect("count") > 10, "{s}");
        assert!(s["id"].is_string() && s["title"].is_string() && s["minutes"].is_u64());
    }
}

#[test]
fn timeline_json_is_in_time_order_and_the_same_every_time() {
    let ids: Vec<String> = scenarios::shipped()
        .scenarios
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for id in &ids {
        let a = sandpit(&["scenarios", "timeline", id, "--json"]);
        assert_eq!(a.status.code(), Some(0), "{}", text(&a.stderr));
        let b = sandpit(&["scenarios", "timeline", id, "--json"]);
        assert_eq!(a.stdout, b.stdout, "{id}: two runs differ");
        let v: serde_json::Value = serde_json::from_slice(&a.stdout).expect("json");
        let events = v["events"].as_array().expect("events");
        let at = |e: &serde_json::Value| Offset::parse(e["at"].as_str().expect("at")).expect("T+");
        assert!(events.windows(2).all(|w| at(&w[0]) <= at(&w[1])), "{id}");
        for e in events {
            assert!(e["kind"].is_string() && e["releases"].is_string(), "{e}");
            if e["kind"] == "wave" {
                let total: u64 = e["buckets"]
                    .as_array()
                    .expect("buckets")
                    .iter()
                    .map(|b| b["posts"].as_u64().expect("posts"))
                    .sum();
                assert!(total > 0, "{e}");
            }
        }
        let volume: u64 = v["volume"]
            .as_array()
            .expect("volume")
            .iter()
            .map(|b| b["total"].as_u64().expect("total"))
            .sum();
        assert_eq!(Some(volume), v["posts"].as_u64(), "{id}");
    }
    let out = sandpit(&["scenarios", "timeline", "no-such-drill"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("no scenario \"no-such-drill\""));
}

#[test]
fn a_replay_squeezes_three_weeks_into_the_minutes_in_order() {
    // [replay] goes before the arrays of tables.
    let file = GOOD.replacen(
        "[[roles]]",
        "[replay]\ncorpus = \"storm-harriet\"\ncompress_to = \"45m\"\n\n[[roles]]",
        1,
    );
    let loaded = scenarios::from_text("replay.toml", &file);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let s = &loaded.scenarios[0];
    let replay = s.replay.as_ref().expect("replay");
    let corpus_lines = include_str!("../corpora/storm-harriet/documents.jsonl")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .count();
    assert_eq!(replay.documents.len(), corpus_lines);
    assert!((replay.until - replay.from).num_days() >= 20);
    // Order kept: corpus time order is drill time order, from T+00:00 to T+00:45 exactly.
    let docs = &replay.documents;
    assert!(
        docs.windows(2)
            .all(|w| w[0].published <= w[1].published && w[0].at <= w[1].at)
    );
    assert_eq!(docs.first().map(|d| d.at), Some(Offset(0)));
    assert_eq!(docs.last().map(|d| d.at), Some(Offset(45 * 60)));
    // Proportional: the document halfway through the corpus's time is halfway through.
    let mid = replay.from + (replay.until - replay.from) / 2;
    let first_after = docs
        .iter()
        .find(|d| d.published >= mid)
        .expect("a late document");
    assert!(
        (1350..=1400).contains(&first_after.at.0),
        "{}",
        first_after.at
    );
    // In the stream, replayed documents and the rest interleave by time.
    let stream = s.stream();
    assert!(stream.windows(2).all(|w| w[0].at <= w[1].at));
    assert_eq!(
        stream.iter().filter(|r| r.source == Source::Replay).count(),
        corpus_lines
    );
    assert_eq!(stream.len(), corpus_lines + 2 + 600);
    // A window: only the documents inside it.
    let windowed = file.replacen(
        "compress_to = \"45m\"",
        "from = \"2026-02-04\"\nuntil = \"2026-02-06\"\ncompress_to = \"30m\"",
        1,
    );
    let loaded = scenarios::from_text("w.toml", &windowed);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let r = loaded.scenarios[0].replay.as_ref().expect("replay");
    assert!(
        r.documents
            .iter()
            .all(
                |d| d.published.format("%Y-%m-%d").to_string().as_str() >= "2026-02-04"
                    && d.published.format("%Y-%m-%d").to_string().as_str() < "2026-02-06"
            )
    );
    assert!(r.documents.iter().all(|d| d.at.0 < 30 * 60));
}

#[test]
fn the_readme_example_validates() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## Drill scenarios").expect("the section")..];
    let start = section.find("```toml\n").expect("a toml block") + "```toml\n".len();
    let block = &section[start..start + section[start..].find("```").expect("block end")];
    let loaded = scenarios::from_text("README.md", block);
    assert!(loaded.problems.is_empty(), "{:#?}", loaded.problems);
    let s = &loaded.scenarios[0];
    assert_eq!(s.injects.len(), 5);
    let t = s.timeline();
    assert_eq!(t.busiest_hour.map(|b| b.posts), Some(t.posts));
    assert!(t.posts > 2000);
}

#[test]
fn one_run_reports_every_problem_and_an_empty_folder_is_an_error() {
    // The deadline is wrong and so is the expectation below it: both are reported.
    let bad = GOOD
        .replacen("deadline = \"T+00:40\"", "deadline = \"T+02:00\"", 1)
        .replacen("deliverable = \"statement\"", "deliverable = \"reply\"", 1);
    let loaded = scenarios::from_text("x.toml", &bad);
    let p: Vec<String> = loaded.problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(p.len(), 2, "{p:#?}");
    assert!(
        p[0].starts_with(&format!("x.toml:{}:", line(&bad, "deadline = "))),
        "{p:?}"
    );
    assert!(p[0].contains("after the end of the scenario"), "{p:?}");
    assert!(
        p[1].contains("a post or reply is written for a platform"),
        "{p:?}"
    );

    let empty = tempfile::tempdir().expect("tempdir");
    let out = sandpit(&[
        "scenarios",
        "validate",
        empty.path().to_str().expect("utf-8"),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("no scenario files (.toml)"),
        "{}",
        text(&out.stderr)
    );
}
