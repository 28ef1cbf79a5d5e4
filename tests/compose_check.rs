//! The post checker from the outside: platform counts (graphemes for Bluesky and Mastodon),
//! the `check` API, every built-in rule with a hit and a near miss, bad input, and the
//! `sandpit check` / `sandpit rules test` commands.

use std::io::Write;
use std::process::{Command, Stdio};

use sandpit::compose::{self, Platform, Profile, packs};

fn len(p: Platform, text: &str) -> usize {
    compose::count(text, p.profile()).length
}

const FAMILY: &str = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
const FLAG_GB: &str = "\u{1F1EC}\u{1F1E7}";
const WAVE_DARK: &str = "\u{1F44B}\u{1F3FF}";
const SCOTLAND: &str = "\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}";
const KEYCAP: &str = "1\u{FE0F}\u{20E3}";

#[test]
fn bluesky_and_mastodon_count_graphemes() {
    for p in [Platform::Bluesky, Platform::Mastodon, Platform::Threads] {
        assert_eq!(len(p, FAMILY), 1, "{p} ZWJ family");
        assert_eq!(len(p, FLAG_GB), 1, "{p} flag");
        assert_eq!(len(p, WAVE_DARK), 1, "{p} skin tone");
        assert_eq!(len(p, SCOTLAND), 1, "{p} tag sequence");
        assert_eq!(len(p, KEYCAP), 1, "{p} keycap");
        assert_eq!(len(p, "Cafe\u{301}"), 4, "{p} combining mark");
        assert_eq!(len(p, "\u{1112}\u{1161}\u{11AB}"), 1, "{p} Hangul jamo");
        assert_eq!(
            len(p, "\u{928}\u{92E}\u{938}\u{94D}\u{924}\u{947}"),
            3,
            "{p} Devanagari conjunct"
        );
    }
    // X weighs the same text differently.
    assert_eq!(len(Platform::X, FAMILY), 2);
    assert_eq!(len(Platform::X, "Cafe\u{301}"), 4);
}

#[test]
fn limits_and_overflow_offsets() {
    let text = format!("{}{}", "a".repeat(299), FAMILY);
    let c = compose::count(&text, Platform::Bluesky.profile());
    assert!(c.valid);
    assert_eq!(c.length, 300);
    let text = format!("{}{}b", "a".repeat(299), FAMILY);
    let c = compose::count(&text, Platform::Bluesky.profile());
    assert!(!c.valid);
    // The overflow is the "b", after the seven scalars of the family.
    assert_eq!(
        c.overflow.map(|o| (o.char, o.byte)),
        Some((306, 299 + FAMILY.len()))
    );

    let mastodon = Profile {
        platform: Platform::Mastodon,
        limit: 11,
    };
    let c = compose::count("@someone@example.social hi", mastodon);
    assert_eq!(c.length, 11);
    assert!(c.valid);

    let x = compose::count(
        &format!("{} https://example.com", "x".repeat(257)),
        Platform::X.profile(),
    );
    assert_eq!((x.length, x.valid), (281, false));
    assert_eq!(x.overflow.map(|o| o.char), Some(258));
}

#[test]
fn check_api_serialises() {
    let packs = packs::builtin().unwrap();
    let r = compose::check(
        "We will utilise the park. #parkrun",
        &[Platform::X.profile(), Platform::Bluesky.profile()],
        &packs,
    );
    assert_eq!(r.counts.len(), 2);
    let v = serde_json::to_value(&r).unwrap();
    assert_eq!(v["counts"][0]["platform"], "x");
    let f = &v["findings"][0];
    assert_eq!(f["rule"], "govuk-plain-english.words-to-avoid");
    assert_eq!(f["span"]["start"]["char"], 8);
    assert_eq!(f["span"]["start"]["byte"], 8);
    assert_eq!(f["fix"], "use");
    assert!(v["readability"]["flesch_kincaid_grade"].is_number());
}

/// Every built-in rule, with a draft that should raise it and a near miss that should not.
const CASES: &[(&str, &str, &str)] = &[
    (
        "govuk-plain-english.words-to-avoid",
        "We will leverage our partners.",
        "Pick up the key to the building.",
    ),
    (
        "govuk-plain-english.words-to-avoid",
        "Key stakeholders met today.",
        "Volunteers deliver leaflets to every house.",
    ),
    (
        "govuk-plain-english.sentence-length",
        "The council has today announced that the temporary traffic lights on the high street will remain in place until the end of next week while engineers finish the work.",
        "The lights stay until Friday. Engineers are still at work.",
    ),
    (
        "govuk-plain-english.passive-voice",
        "The road was closed by the council.",
        "The team is based in Leeds.",
    ),
    (
        "govuk-plain-english.there-is",
        "There are three ways to pay.",
        "Therefore you can pay online.",
    ),
    (
        "govuk-plain-english.latin",
        "Bring ID, e.g. a passport.",
        "Bring eggs and a tie.",
    ),
    (
        "govuk-plain-english.ampersand",
        "Roads & paths are shut.",
        "Go to A&E if it is urgent.",
    ),
    (
        "govuk-plain-english.repeated-words",
        "Apply by the the end of May.",
        "He had had enough.",
    ),
    (
        "govuk-plain-english.reading-grade",
        "Notwithstanding the aforementioned considerations, the municipality's comprehensive infrastructural reconfiguration necessitates substantial intergovernmental collaboration. Consequently, numerous organisational responsibilities will necessarily be redistributed.",
        "Put your bins out by 7am on Friday. If we miss yours, tell us and we will come back the same day.",
    ),
    (
        "social-accessible.hashtag-case",
        "Travel news #roadsafetyweek",
        "Travel news #RoadSafetyWeek #london",
    ),
    (
        "social-accessible.hashtag-count",
        "News #One #Two #Three",
        "News #One #Two",
    ),
    (
        "social-accessible.hashtag-position",
        "Join our #LibraryWeek events.",
        "Join our events. #LibraryWeek",
    ),
    (
        "social-accessible.emoji-count",
        "Fun \u{1F389}\u{1F388}\u{1F31E}\u{1F366}",
        "Fun \u{1F389}",
    ),
    (
        "social-accessible.emoji-position",
        "The \u{1F333} park is open.",
        "The park is open \u{1F333}",
    ),
    (
        "social-accessible.emoji-repeated",
        "Well done \u{1F44F}\u{1F44F}",
        "Well done \u{1F44F}\u{1F389}",
    ),
    (
        "social-accessible.fancy-text",
        "\u{1D401}\u{1D428}\u{1D425}\u{1D41D} news",
        "Bold news, naïve café",
    ),
    (
        "social-accessible.all-caps",
        "IMPORTANT NOTICE: pool closed.",
        "The NHS and DVLA agree.",
    ),
    (
        "social-accessible.click-here",
        "Click here to apply.",
        "Click and collect is open.",
    ),
    (
        "social-accessible.link-count",
        "See gov.uk/a and example.org/b",
        "See gov.uk/a",
    ),
    (
        "social-accessible.emoticons",
        "See you there :)",
        "Doors open at 10:30 (see below).",
    ),
];

#[test]
fn every_builtin_rule_hits_and_near_misses() {
    let packs = packs::builtin().unwrap();
    let fired = |text: &str| -> Vec<String> {
        compose::check(text, &[], &packs)
            .findings
            .into_iter()
            .map(|f| f.rule)
            .collect()
    };
    for (rule, hit, miss) in CASES {
        assert!(
            fired(hit).iter().any(|r| r == rule),
            "{rule} should fire on {hit:?}"
        );
        assert!(
            !fired(miss).iter().any(|r| r == rule),
            "{rule} should not fire on {miss:?}: {:?}",
            fired(miss)
        );
    }
    // Every built-in rule appears in the table.
    for pack in &packs {
        for r in &pack.rules {
            assert!(
                CASES.iter().any(|(id, _, _)| *id == r.id),
                "{} has no case here",
                r.id
            );
        }
    }
}

#[test]
fn bad_input_never_panics() {
    let packs = packs::builtin().unwrap();
    let all: Vec<Profile> = Platform::ALL.iter().map(|p| p.profile()).collect();
    let r = compose::check("", &all, &packs);
    assert!(r.counts.iter().all(|c| !c.valid));
    assert!(r.readability.is_none());
    for weird in [
        "\u{FEFF}",
        "\u{FFFF}\u{FFFE}",
        "#",
        "@",
        "http://",
        ".",
        "\u{301}\u{301}",
        "\0",
        "..........",
        "#\u{FE0F}",
    ] {
        let _ = compose::check(weird, &all, &packs);
    }
    // A megabyte of mixed text completes.
    let big = "Roads & paths e.g. #floodalert https://gov.uk/x \u{1F44F}\u{1F44F} ".repeat(16_000);
    let mut cut = 1_000_000;
    while !big.is_char_boundary(cut) {
        cut -= 1;
    }
    let r = compose::check(&big[..cut], &all, &packs);
    assert!(!r.counts[0].valid);
}

fn sandpit(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .args(args)
        .env("SANDPIT_DATA", "/nonexistent/sandpit-data")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    pipe.write_all(stdin.unwrap_or("").as_bytes()).unwrap();
    drop(pipe);
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn cli_check_json_and_report() {
    let (code, out, _) = sandpit(
        &[
            "check",
            "--platform",
            "twitter",
            "--json",
            "Hi http://test.co",
        ],
        None,
    );
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        (
            v["platform"].as_str(),
            v["length"].as_u64(),
            v["limit"].as_u64()
        ),
        (Some("x"), Some(26), Some(280))
    );
    assert_eq!(v["valid"], true);
    assert!(v["findings"].is_array());

    let (code, out, _) = sandpit(
        &[
            "check",
            "-p",
            "bluesky,x",
            "--rules",
            "govuk-plain-english",
            "We will utilise it.",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(out.contains("Bluesky: 19 of 300"), "{out}");
    assert!(out.contains("Why:"), "{out}");

    let (code, out, _) = sandpit(&["check", "-p", "x", "--json", "-"], Some("from stdin"));
    assert_eq!(code, 0);
    assert!(out.contains("\"length\": 10"), "{out}");
}

#[test]
fn cli_check_jsonl() {
    let input = "\"one draft\"\n{\"not\": \"a string\"}\n\"two the the drafts\"\n";
    let (code, out, err) = sandpit(&["check", "--platform", "mastodon", "--jsonl"], Some(input));
    assert_eq!(code, 1, "a bad line makes the exit status 1");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["length"], 9);
    assert_eq!(lines[1]["line"], 2);
    assert!(lines[1]["error"].as_str().unwrap().contains("line 2"));
    assert_eq!(
        lines[2]["findings"][0]["rule"],
        "govuk-plain-english.repeated-words"
    );
    assert!(err.contains("1 of 3 lines"));

    let (code, out, _) = sandpit(&["check", "-p", "x", "--jsonl"], Some("\"fine\"\n"));
    assert_eq!((code, out.lines().count()), (0, 1));
}

#[test]
fn cli_errors_say_what_and_where() {
    let (code, _, err) = sandpit(&["check", "--platform", "myspace", "hi"], None);
    assert_eq!(code, 1);
    assert!(err.contains("unknown platform \"myspace\""), "{err}");

    let (code, _, err) = sandpit(&["check", "--platform", "x"], None);
    assert_eq!(code, 2, "{err}");

    let (code, _, err) = sandpit(&["check", "-p", "x", "--rules", "no-such-pack", "hi"], None);
    assert_eq!(code, 1);
    assert!(err.contains("unknown rule pack"), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.toml");
    std::fs::write(
        &bad,
        "[pack]\nid = \"mine\"\n\n[[rule]]\nid = \"r\"\nkind = \"pattern\"\npattern = \"([a-z\"\n",
    )
    .unwrap();
    let bad = bad.to_string_lossy().into_owned();
    let (code, _, err) = sandpit(&["check", "-p", "x", "--rules", &bad, "hi"], None);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("{bad}:7:11: bad pattern")), "{err}");

    let (code, _, err) = sandpit(&["check", "-p", "x", "-"], Some(&"x".repeat(1_100_000)));
    assert_eq!(code, 1);
    assert!(err.contains("1 MiB"), "{err}");
}

#[test]
fn cli_rules_test() {
    let (code, out, _) = sandpit(
        &["rules", "test", "govuk-plain-english", "social-accessible"],
        None,
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(" passed, 0 failed"), "{out}");

    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("mine.toml");
    std::fs::write(
        &pack,
        r#"[pack]
id = "mine"
extends = ["govuk-plain-english"]

[[rule]]
id = "who-can-apply"
kind = "require"
any_of = ["who can apply"]
message = "Say who can apply"

[[rule.test]]
text = "Apply now."
expect = ["who-can-apply"]

[[rule.test]]
text = "Find out who can apply."
expect = ["who-can-apply"]
"#,
    )
    .unwrap();
    let (code, out, _) = sandpit(&["rules", "test", &pack.to_string_lossy()], None);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("mine.toml:15"), "{out}");
    assert!(out.contains("25 passed, 1 failed"), "{out}");
}
