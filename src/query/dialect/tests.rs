//! One table per tool: a Sandpit query, what it becomes there (`None`: it cannot be written),
//! and the columns of the warnings with a piece of each message.

use super::*;

/// (query, translation, [(column, words in the warning)])
type Case = (
    &'static str,
    Option<&'static str>,
    &'static [(usize, &'static str)],
);

fn check(vendor: Vendor, cases: &[Case]) {
    for (query, want, warnings) in cases {
        let parsed = crate::query::parse(query).unwrap_or_else(|e| panic!("{query:?}: {e}"));
        let t = translate(&parsed, vendor);
        assert_eq!(
            t.translated.as_deref(),
            *want,
            "{vendor:?} {query:?}: {:?}",
            t.warnings
        );
        let got: Vec<usize> = t.warnings.iter().map(|w| w.column).collect();
        let expected: Vec<usize> = warnings.iter().map(|w| w.0).collect();
        assert_eq!(got, expected, "{vendor:?} {query:?}: {:?}", t.warnings);
        for (w, (_, words)) in t.warnings.iter().zip(warnings.iter()) {
            assert!(
                w.message.contains(words),
                "{vendor:?} {query:?}: {:?} lacks {words:?}",
                w.message
            );
        }
    }
}

#[test]
fn brandwatch() {
    check(
        Vendor::Brandwatch,
        &[
            ("flood -football", Some("flood AND NOT football"), &[]),
            ("-football flood", Some("flood AND NOT football"), &[]),
            (
                "(flood OR floods) NEAR/5f (evacuat* OR \"rest centre\")",
                Some("(flood OR floods) NEAR/5f (evacuat* OR \"rest centre\")"),
                &[],
            ),
            ("{Kerrow} council", Some("{Kerrow} AND council"), &[]),
            (
                "flood OR storm warning",
                Some("flood OR (storm AND warning)"),
                &[],
            ),
            (
                "title:flood site:gov.ex lang:en",
                Some("title:flood AND site:gov.ex"),
                &[(25, "language")],
            ),
            (
                "flood after:2025-03-01 source:kerrow-news",
                Some("flood"),
                &[(7, "date range"), (24, "sources")],
            ),
            (
                "after:2025-03-01 -football flood",
                Some("flood AND NOT football"),
                &[(1, "date")],
            ),
            (
                "\"flood warning\"~5 <<<rivers next>>>",
                Some("flood NEAR/5 warning"),
                &[(19, "<<<comments>>>")],
            ),
            (
                "a NEAR/3 b NEAR/2 c",
                Some("(a NEAR/3 b) NEAR/2 c"),
                &[(1, "chain")],
            ),
            (
                "#FloodAlert @Kerrow_Council",
                Some("#floodalert AND @kerrow_council"),
                &[],
            ),
            (
                "source:kerrow-news",
                None,
                &[(1, "sources"), (1, "Nothing is left")],
            ),
        ],
    );
}

#[test]
fn talkwalker() {
    check(
        Vendor::Talkwalker,
        &[
            (
                "flood warning kerrow",
                Some("flood AND warning AND kerrow"),
                &[(7, "side by side")],
            ),
            ("flood AND warning", Some("flood AND warning"), &[]),
            ("NHS", Some("nhs"), &[(1, "capitals")]),
            ("a NEAR/2f b", Some("a ONEAR/2 b"), &[]),
            ("{Kerrow}", Some("kerrow"), &[(1, "letter case")]),
            (
                "site:gov.ex flood",
                Some("flood"),
                &[(1, "site filter"), (13, "side by side")],
            ),
        ],
    );
}

#[test]
fn meltwater() {
    check(
        Vendor::Meltwater,
        &[
            ("a NEAR/3 b", Some("a NEAR/3 b"), &[]),
            ("a NEAR/3f b", Some("a NEAR/3 b"), &[(1, "order")]),
            (
                "flood internationa*",
                Some("flood AND internationa*"),
                &[(7, "internati*")],
            ),
            ("title:flood", Some("flood"), &[(1, "title")]),
        ],
    );
}

#[test]
fn pulsar() {
    check(
        Vendor::Pulsar,
        &[
            ("flood NEAR/5 warning", Some("(flood NEAR/5 warning)"), &[]),
            (
                "flood NEAR/9 warning",
                Some("(flood NEAR/7 warning)"),
                &[(1, "at most 7")],
            ),
            ("flood -football", Some("flood AND -football"), &[]),
            ("evacuat* flood", Some("evacuat* AND flood"), &[]),
            ("evac* flood", Some("evac* AND flood"), &[]),
            ("eva* flood", None, &[(1, "at least 4")]),
            ("evacuat*", None, &[(1, "beside a word")]),
            ("wom?n flood", None, &[(1, "`?`")]),
            ("fl*od flood", None, &[(1, "end of a word")]),
            ("evacuat* NEAR/3 flood", None, &[(1, "inside NEAR")]),
            (
                "flood aaaa* bbbb* cccc* dddd* eeee* ffff*",
                None,
                &[(37, "at most 5")],
            ),
            ("{NASA} rocket", Some("!\"NASA\" AND rocket"), &[]),
            (
                "flood OR storm warning",
                Some("flood OR (storm AND warning)"),
                &[],
            ),
        ],
    );
}

#[test]
fn youscan() {
    check(
        Vendor::YouScan,
        &[
            ("coca NEAR/0 cola", Some("coca /1 cola"), &[(1, "/1")]),
            (
                "hand NEAR/1f cream",
                Some("hand /2 cream"),
                &[(1, "/2"), (1, "order")],
            ),
            ("comp* flood", Some("comp* AND flood"), &[]),
            ("com* flood", None, &[(1, "at least 4")]),
            ("flood -movie", Some("flood AND NOT movie"), &[]),
            ("flood <<<note>>>", Some("flood"), &[(7, "add them back")]),
        ],
    );
}

#[test]
fn google() {
    check(
        Vendor::Google,
        &[
            (
                "flood warning",
                Some("\"flood\" \"warning\""),
                &[(1, "other forms")],
            ),
            (
                "\"rest centre\" -football",
                Some("\"rest centre\" -\"football\""),
                &[(16, "other forms")],
            ),
            (
                "flood -(football OR rugby)",
                Some("\"flood\" -\"football\" -\"rugby\""),
                &[(1, "other forms")],
            ),
            ("flood NEAR/0f warning", Some("\"flood warning\""), &[]),
            (
                "flood NEAR/5 warning",
                Some("\"flood\" \"warning\""),
                &[(1, "no NEAR"), (1, "other forms")],
            ),
            (
                "evacuat* flood",
                None,
                &[(1, "no wildcard"), (10, "other forms")],
            ),
            (
                "title:flood site:gov.ex after:2025-03-01 before:2025-03-08",
                Some("intitle:\"flood\" site:gov.ex after:2025-03-01 before:2025-03-08"),
                &[(1, "other forms")],
            ),
            (
                "author:smith flood",
                Some("\"flood\""),
                &[(1, "author filter"), (14, "other forms")],
            ),
            (
                "(flood OR floods) (warning OR alert)",
                Some("(\"flood\" OR \"floods\") (\"warning\" OR \"alert\")"),
                &[(2, "other forms")],
            ),
        ],
    );
}

#[test]
fn vendors_by_name() {
    assert_eq!(Vendor::from_name("YouScan"), Some(Vendor::YouScan));
    assert_eq!(Vendor::from_name(" pulsar "), Some(Vendor::Pulsar));
    assert_eq!(Vendor::from_name("hootsuite"), None);
    for v in Vendor::ALL {
        assert_eq!(Vendor::from_name(v.name()), Some(v));
    }
}

#[test]
fn json_shape() {
    let parsed = crate::query::parse("eva* flood").unwrap();
    let j = translate(&parsed, Vendor::Pulsar).to_json();
    assert_eq!(j["dialect"], "pulsar");
    assert_eq!(j["query"], "eva* flood");
    assert!(j["translated"].is_null());
    assert_eq!(j["warnings"][0]["column"], 1);
    assert!(
        j["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("4 letters")
    );
}
