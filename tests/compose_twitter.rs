//! The X profile against twitter-text's own conformance data (`tests/data/twitter-text/`):
//! every counting and validity case of validate.yml with the configuration its group names,
//! and the URL extraction cases of extract.yml and tlds.yml.

use std::path::PathBuf;

use sandpit::compose::twitter::{self, Config};
use serde_yaml::Value;

fn spec(name: &str) -> Value {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/twitter-text")
        .join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn group<'a>(doc: &'a Value, name: &str) -> &'a Vec<Value> {
    doc["tests"][name]
        .as_sequence()
        .unwrap_or_else(|| panic!("no group {name}"))
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

#[test]
fn configurations_match_the_spec_files() {
    for (file, ours) in [("v2.json", Config::v2()), ("v3.json", Config::v3())] {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data/twitter-text")
            .join(file);
        let theirs: Config = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        assert_eq!(theirs, ours, "{file}");
    }
}

/// Builds the configuration a group of cases is written for.
type MakeConfig = fn() -> Config;

/// Each weighted-counting group and the configuration it is written for.
const WEIGHTED: &[(&str, MakeConfig)] = &[
    ("WeightedTweetsCounterTest", Config::v2),
    ("WeightedTweetsWithDiscountedEmojiCounterTest", Config::v3),
    ("UnicodeDirectionalMarkerCounterTest", Config::v3),
];

#[test]
fn weighted_counting_cases() {
    let doc = spec("validate.yml");
    let mut checked = 0;
    let mut failures = Vec::new();
    for (name, config) in WEIGHTED {
        let config = config();
        for case in group(&doc, name) {
            let text = s(&case["text"]);
            let want = &case["expected"];
            let got = twitter::parse(text, &config);
            let expect = |k: &str| want[k].as_u64().unwrap_or(u64::MAX);
            let ok = u64::from(got.weighted_length) == expect("weightedLength")
                && want["valid"].as_bool() == Some(got.valid)
                && u64::from(got.permillage) == expect("permillage")
                && expect("displayRangeStart") == 0
                && got.display_range_end as u64 == expect("displayRangeEnd")
                && expect("validRangeStart") == 0
                && Some(got.valid_range_end) == want["validRangeEnd"].as_i64();
            if !ok {
                failures.push(format!(
                    "{name}: {}: got {got:?}, want {want:?}",
                    s(&case["description"])
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(checked, 44);
}

#[test]
fn tweet_validity_cases() {
    // The `tweets` group is the old 140-character validity check (configuration version 1).
    let doc = spec("validate.yml");
    let v1 = Config::v1();
    for case in group(&doc, "tweets") {
        let got = twitter::parse(s(&case["text"]), &v1);
        assert_eq!(
            Some(got.valid),
            case["expected"].as_bool(),
            "{}",
            s(&case["description"])
        );
    }
}

fn check_urls(file: &str, groups: &[&str]) -> usize {
    let doc = spec(file);
    let mut checked = 0;
    let mut failures = Vec::new();
    for name in groups {
        let Some(cases) = doc["tests"][*name].as_sequence() else {
            continue;
        };
        for case in cases {
            let text = s(&case["text"]);
            let got = twitter::extract_urls(text);
            let want: Vec<(String, Option<(u64, u64)>)> = case["expected"]
                .as_sequence()
                .map(|v| {
                    v.iter()
                        .map(|e| match e {
                            Value::String(u) => (u.clone(), None),
                            other => {
                                let i = &other["indices"];
                                (
                                    s(&other["url"]).to_string(),
                                    Some((i[0].as_u64().unwrap_or(0), i[1].as_u64().unwrap_or(0))),
                                )
                            }
                        })
                        .collect()
                })
                .unwrap_or_default();
            // Indices in the data count UTF-16 code units.
            let to_u16 = |c: usize| text.chars().take(c).map(char::len_utf16).sum::<usize>() as u64;
            let same = got.len() == want.len()
                && got.iter().zip(&want).all(|(g, (url, idx))| {
                    g.url == *url
                        && idx.is_none_or(|(a, b)| (to_u16(g.start), to_u16(g.end)) == (a, b))
                });
            if !same {
                let got: Vec<_> = got
                    .iter()
                    .map(|g| (g.url.clone(), to_u16(g.start), to_u16(g.end)))
                    .collect();
                failures.push(format!(
                    "{file} {name}: {}: {text:?}\n  got  {got:?}\n  want {want:?}",
                    s(&case["description"])
                ));
            }
            checked += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {checked} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    checked
}

#[test]
fn url_extraction_cases() {
    let n = check_urls(
        "extract.yml",
        &[
            "urls",
            "urls_with_indices",
            "urls_with_directional_markers",
            "tco_urls_with_params",
        ],
    );
    assert!(n > 100, "{n}");
}

#[test]
fn every_top_level_domain() {
    assert_eq!(check_urls("tlds.yml", &["country", "generic"]), 1574);
}
