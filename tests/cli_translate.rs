//! `sandpit translate`: a query written for another tool, as text and as JSON, and the exit
//! status 2 with a clear message for an unknown tool or a query that does not parse.

use std::process::{Command, Output};

fn translate(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_sandpit"))
        .arg("--data-dir")
        .arg(dir.path().join("never-created"))
        .arg("translate")
        .args(args)
        .env("SANDPIT_LOG", "warn")
        .output()
        .expect("sandpit runs");
    // Translating needs no data directory, and makes none.
    assert!(!dir.path().join("never-created").exists());
    out
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn text_output_gives_the_query_and_warnings_with_columns() {
    let out = translate(&["--to", "pulsar", "flood NEAR/9 warning -football"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Pulsar: (flood NEAR/7 warning) AND -football\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("  column 1: Pulsar allows a NEAR distance of at most 7"),
        "{stdout}"
    );

    let out = translate(&["--to", "Google", "evacuat* flood"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("Google: this query cannot be written there."),
        "{stdout}"
    );
    assert!(
        stdout.contains("column 1: Google has no wildcard within a word"),
        "{stdout}"
    );
}

#[test]
fn json_output() {
    let out = translate(&["--to", "youscan", "--json", "coca NEAR/0 cola <<<drinks>>>"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(v["dialect"], "youscan");
    assert_eq!(v["query"], "coca NEAR/0 cola <<<drinks>>>");
    assert_eq!(v["translated"], "coca /1 cola");
    let warnings = v["warnings"].as_array().expect("warnings");
    let columns: Vec<u64> = warnings
        .iter()
        .map(|w| w["column"].as_u64().unwrap())
        .collect();
    assert_eq!(columns, [1, 18]);
    assert!(
        warnings[1]["message"]
            .as_str()
            .unwrap()
            .contains("<<<comments>>>")
    );

    let out = translate(&["--to", "pulsar", "--json", "eva* flood"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(v["translated"].is_null());
    assert_eq!(v["warnings"][0]["column"], 1);
}

#[test]
fn an_unknown_tool_is_refused_with_the_list() {
    let out = translate(&["--to", "hootsuite", "flood"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("`hootsuite` is not a tool"), "{stderr}");
    assert!(
        stderr.contains("brandwatch, talkwalker, meltwater, pulsar, youscan, google"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
}

#[test]
fn a_bad_query_is_refused_with_its_column() {
    let out = translate(&["--to", "brandwatch", "flood NEAR/x warning"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("flood NEAR/x warning\n      ^\n"),
        "{stderr}"
    );
    assert!(stderr.contains("error: column 7:"), "{stderr}");

    let out = translate(&["--to", "brandwatch", "--json", "flood\nAND (warning"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("AND (warning\n    ^\n"), "{stderr}");
    assert!(stderr.contains("error: line 2, column 5:"), "{stderr}");
}
