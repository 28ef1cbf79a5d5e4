//! The monitoring query language pinned case by case (DESIGN.md, "Normative: the monitoring
//! query language"): each query is run on the fixture corpus through the index and must match
//! exactly the listed document ids; each is also checked document by document with
//! `ParsedQuery::matches_document`, so the index and the reference agree. Errors are pinned in
//! `query_errors.rs`, what the index does beyond matching in `query_index.rs`.

mod support;

use sandpit::query::parse;
use support::query::check;

#[test]
fn words_match_title_or_body_case_insensitively() {
    check("storm", &["h01", "f2", "w1", "k1"]);
    check("STORM", &["h01", "f2", "w1", "k1"]);
    check("Isla", &["w1"]);
    // author is not searched by a bare word
    check("marsh", &[]);
}

#[test]
fn implicit_and_explicit_and() {
    check("storm harriet", &["h01", "f2", "k1"]);
    check("storm AND harriet", &["h01", "f2", "k1"]);
    check("storm isla", &["w1"]);
}

#[test]
fn or_and_precedence() {
    check("storm OR isla", &["h01", "f2", "w1", "k1"]);
    // AND binds tighter: rovers OR (storm AND harriet)
    check("rovers OR storm harriet", &["f1", "f2", "r1", "h01", "k1"]);
    check(
        "rovers OR (storm harriet)",
        &["f1", "f2", "r1", "h01", "k1"],
    );
    check("(rovers OR storm) harriet", &["f1", "f2", "h01", "k1"]);
    let p = parse("rovers OR storm harriet").unwrap();
    assert_eq!(p.display(), "rovers OR (storm AND harriet)");
    assert!(
        p.warnings
            .iter()
            .any(|w| w.contains("rovers OR (storm AND harriet)")),
        "{:?}",
        p.warnings
    );
    assert!(
        parse("(rovers OR storm) harriet")
            .unwrap()
            .warnings
            .is_empty()
    );
}

#[test]
fn not_and_minus_exclude() {
    check("harriet -rovers", &["h01", "p1", "e1", "k1"]);
    check("harriet NOT rovers", &["h01", "p1", "e1", "k1"]);
    check("harriet AND NOT rovers", &["h01", "p1", "e1", "k1"]);
    check("storm -harriet", &["w1"]);
    check("storm NOT (harriet OR isla)", &[]);
    check("storm -(harriet football)", &["h01", "w1", "k1"]);
    check("isla OR (harriet -rovers -storm)", &["w1", "p1", "e1"]);
    // two negations cancel, with a warning
    check("harriet NOT NOT rovers", &["f1", "f2"]);
    assert!(!parse("harriet NOT NOT rovers").unwrap().warnings.is_empty());
}

#[test]
fn phrases_are_consecutive_in_one_field() {
    check("\"storm harriet\"", &["h01", "f2", "k1"]);
    check("\"storm harriet\" -football", &["h01", "k1"]);
    check("\"rest centre\"", &["h01"]);
    check("rest centre", &["h01", "h06"]);
    // punctuation inside quotes is ignored, as in the text
    check("\"Rest, Centre!\"", &["h01"]);
    check("“rest centre”", &["h01"]);
    // a phrase cannot run from the title into the body
    check("\"ellis heavy\"", &[]);
    check("\"flood\"", &["h04"]);
}

#[test]
fn words_with_punctuation_are_phrases() {
    check("covid-19", &["c1"]);
    check("\"covid 19\"", &["c1"]);
    check("covid 19", &["c1", "c2"]);
    check("covid19", &["c3"]);
    check("covid", &["c1", "c2"]);
    check("2-0", &["f1"]);
    check("port_council", &["h03"]);
}

#[test]
fn wildcards_within_one_token() {
    check("evacuat*", &["h03"]);
    check("evacuat?d", &["h03"]);
    check("evacuation*", &["h03"]);
    check("ev*tion", &["h03"]);
    check("flood?", &["h02", "g3"]);
    check("flo?d", &["h04"]);
    check("flood*", &["h01", "h02", "h04", "h05", "g3", "t1", "t2"]);
    check("wom?n", &["m1"]);
    check("sandbag?", &["n1", "n2", "n3", "n4", "n5", "n6", "n8"]);
    check(
        "sandbag*",
        &["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"],
    );
    check(
        "SANDBAG*",
        &["n1", "n2", "n3", "n4", "n5", "n6", "n7", "n8"],
    );
}

#[test]
fn accents_are_not_folded() {
    check("école", &["e1"]);
    check("École", &["e1"]);
    check("ecole", &["e2"]);
    check("éc*", &["e1"]);
    check("fermée", &["e1"]);
    check("fermee", &[]);
}

#[test]
fn text_fields() {
    check("flooding", &["h01", "h05"]);
    check("title:flooding", &["h01"]);
    check("body:flooding", &["h01", "h05"]);
    check("title:\"storm harriet\"", &["h01", "f2", "k1"]);
    check("body:\"storm harriet\"", &["h01"]);
    check("author:marsh", &["h01", "a1"]);
    check("author:\"port ellis council\"", &["h03"]);
    check("author:flo*", &["a1"]);
    check("Title:sandbag*", &["n2", "n5", "n6"]);
    check("title:sandbags -body:depot", &["n5"]);
    check("title:sandbags -title:depot", &["n2", "n6"]);
}

#[test]
fn source_is_exact_and_case_insensitive() {
    check("source:kerrow-gazette", &["h02", "h05"]);
    check("source:KERROW-GAZETTE", &["h02", "h05"]);
    check("source:\"Kerrow-Gazette\"", &["h02", "h05"]);
    check("source:kerrow", &[]);
    check("source:kerrow-sport", &["f1", "f2", "r1"]);
}

#[test]
fn site_matches_the_host_and_its_subdomains() {
    check("site:gov.uk", &["h03", "h04", "p1", "g1", "g3"]);
    check("site:GOV.UK", &["h03", "h04", "p1", "g1", "g3"]);
    check("site:dft.gov.uk", &["g1"]);
    check("site:www.dft.gov.uk", &["g1"]);
    check("site:notgov.uk", &["g2"]);
    check("site:uk", &["h03", "h04", "p1", "g1", "g2", "g3"]);
    check("site:v.uk", &[]);
    check("site:.gov.uk", &["h03", "h04", "p1", "g1", "g3"]);
}

#[test]
fn lang() {
    check("lang:fr", &["e1"]);
    check("lang:FR", &["e1"]);
    check("lang:cy", &["k1"]);
    check("harriet lang:en", &["h01", "f1", "f2", "p1"]);
}

#[test]
fn hashtags_and_mentions() {
    check("#floodalert", &["t1"]);
    check("#FLOODALERT", &["t1"]);
    check("floodalert", &["t1", "t2"]);
    check("#stormharriet", &["h01"]);
    check("#harriet", &[]);
    check("#Kerrow_Strong", &["t3"]);
    check("#flood*", &["t1"]);
    check("@port_council", &["h03"]);
    check("@Port_Council", &["h03"]);
    check("@kerrow_fire", &["t3"]);
    check("@kerrow*", &["t3"]);
    check("#stormharriet OR @port_council", &["h01", "h03"]);
}

#[test]
fn dates_are_midnight_utc_boundaries() {
    // h01 is published at exactly 2025-03-01T00:00:00Z, h02 a second before.
    check("after:2025-03-01", &["h01", "h03", "h04"]);
    check("storm before:2025-03-01", &["f2", "w1", "k1"]);
    check("floods before:2025-03-01", &["h02", "g3"]);
    check("after:2025-03-01 before:2025-03-02", &["h01"]);
    check("after:2025-03-02 before:2025-03-03", &["h03"]);
    check("after:2025-02-28 before:2025-03-01", &["h02"]);
    check("after:2025-03-04", &[]);
    // Bounds in one group make one range: the latest after: and the earliest before: win.
    check("after:2025-03-02 before:2025-03-01", &[]);
    check("after:2025-03-01 before:2025-03-01", &[]);
    check(
        "after:2025-02-28 after:2025-03-01 before:2025-03-03 before:2025-03-02",
        &["h01"],
    );
}

#[test]
fn near_counts_the_tokens_between() {
    // n2: 3 tokens between; n3: 4 (depot first); n1: 5; n4, n5: 0; n6: different fields.
    check("sandbags NEAR/3 depot", &["n2", "n4", "n5"]);
    check("sandbags NEAR/4 depot", &["n2", "n3", "n4", "n5"]);
    check("sandbags NEAR/5 depot", &["n1", "n2", "n3", "n4", "n5"]);
    check("sandbags NEAR/0 depot", &["n4", "n5"]);
    check("sandbags NEAR/100 depot", &["n1", "n2", "n3", "n4", "n5"]);
    check("sandbags depot", &["n1", "n2", "n3", "n4", "n5", "n6"]);
}

#[test]
fn near_f_keeps_the_order() {
    check("sandbags NEAR/4f depot", &["n2", "n5"]);
    check("depot NEAR/4f sandbags", &["n3", "n4"]);
    check("sandbags NEAR/0f depot", &["n5"]);
    check("depot NEAR/0f sandbags", &["n4"]);
}

#[test]
fn near_in_restricted_fields() {
    check("title:sandbags NEAR/0 depot", &["n5"]);
    check("body:sandbags NEAR/0 depot", &["n4"]);
    // per field: the title alternative only counts in the title
    check(
        "(title:harriet OR lane) NEAR/0 (rovers OR appointed)",
        &["f1", "p1"],
    );
    check("author:ann NEAR/0 author:marsh", &["h01"]);
}

#[test]
fn near_with_phrases_groups_and_wildcards() {
    check("\"main depot\" NEAR/2 sandbags", &["n2"]);
    check("\"main depot\" NEAR/1 sandbags", &[]);
    check("flooding NEAR/4 \"rest centre\"", &["h01"]);
    check("flooding NEAR/3 \"rest centre\"", &[]);
    check("\"rest centre\" NEAR/4 flooding", &["h01"]);
    check("\"rest centre\" NEAR/4f flooding", &[]);
    check("sandbag* NEAR/0 depot*", &["n4", "n5", "n7"]);
    check(
        "(sandbag OR sandbags) NEAR/0 (depot OR depots)",
        &["n4", "n5", "n7"],
    );
    check(
        "(flooding OR floods) NEAR/5 (evacuat* OR \"rest centre\")",
        &["h01"],
    );
    check("harriet NEAR/0 rovers", &["f1"]);
    check("covid-19 NEAR/0 cases", &["c1"]);
}

#[test]
fn near_matches_do_not_overlap_and_chain_left_to_right() {
    check("sandbags NEAR/1 sandbags", &["n8"]);
    check("sandbags NEAR/0 sandbags", &[]);
    check("sandbags NEAR/3 sandbag*", &["n8"]);
    check("collect NEAR/0 sandbags NEAR/3 depot", &["n2"]);
    check("collect NEAR/0 sandbags NEAR/2 depot", &[]);
    check("(sandbags NEAR/3 depot) main", &["n2"]);
    check("sandbags NEAR/3 depot -main", &["n4", "n5"]);
}

#[test]
fn lower_case_operators_are_words_with_a_warning() {
    check("storm or isla", &[]);
    let p = parse("storm or isla").unwrap();
    assert!(
        p.warnings
            .iter()
            .any(|w| w.contains("capitals") && w.contains("OR"))
    );
    let p = parse("storm not harriet").unwrap();
    assert!(p.warnings.iter().any(|w| w.contains("NOT")));
    assert!(parse("\"storm or isla\"").unwrap().warnings.is_empty());
}
