//! The query that explains itself, over HTTP: the tree and variants on the search page only when
//! asked, "did you mean" and operators in capitals, a bar of the volume chart filtering the hits,
//! comparing queries, and a monitoring attempt explained against its labels.

mod support;

use sandpit::app::{Answer, Learner};
use support::{Setup, start};

async fn get(url: &str) -> (u16, String) {
    let r = reqwest::get(url).await.expect("request");
    let status = r.status().as_u16();
    (status, r.text().await.expect("body"))
}

#[tokio::test]
async fn the_tree_and_variants_come_only_when_asked() {
    let s = start(Setup::MINI).await;
    let plain = format!("{}/search?corpus=mini&q=storm+harriet+-rovers", s.base);
    let (status, body) = get(&plain).await;
    assert_eq!(status, 200);
    assert!(body.contains(">Explain this query</a>"), "{body}");
    assert!(
        !body.contains("How your query works"),
        "not on every search"
    );

    let (status, body) = get(&format!("{plain}&explain=1")).await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("How your query works"), "{body}");
    assert!(body.contains("<ul class=\"query-tree\">"));
    // mini.jsonl: `storm` is in m1 and m6, `harriet` in m1, m2 and m4, `rovers` in m2; the
    // whole query finds m1 alone.
    for (label, hits) in [
        ("AND", "1 document"),
        ("storm", "2 documents"),
        ("harriet", "3 documents"),
        ("NOT rovers", "excludes 1 document"),
    ] {
        let row = format!("{label}</span>");
        let at = body.find(&row).unwrap_or_else(|| panic!("{row} in {body}"));
        let rest = &body[at..];
        let end = rest
            .find("</li>")
            .or_else(|| rest.find("<ul>"))
            .unwrap_or(rest.len());
        assert!(
            rest[..end].contains(&format!("<span class=\"branch-hits\">{hits}</span>")),
            "{label}: {}",
            &rest[..end]
        );
    }
    // The variants: AND to NEAR/5, a dropped clause; without labels, hits and a link to run each.
    assert!(body.contains("Variants of your query"));
    assert!(body.contains("Leave out"), "{body}");
    assert!(body.contains("NEAR/5"), "{body}");
    assert!(body.contains("Search with this variant"));
    assert!(
        !body.contains("Precision against recall"),
        "no plot without labels"
    );
}

#[tokio::test]
async fn did_you_mean_and_operators_in_capitals() {
    let s = start(Setup::MINI).await;
    let (status, body) = get(&format!("{}/search?corpus=mini&q=Harriett", s.base)).await;
    assert_eq!(status, 200);
    assert!(body.contains("0 documents match"), "{body}");
    assert!(body.contains("Did you mean"), "{body}");
    assert!(
        body.contains("href=\"/search?corpus=mini&#38;q=harriet\""),
        "{body}"
    );
    // A word the corpus holds gets no suggestion.
    let (_, body) = get(&format!("{}/search?corpus=mini&q=harriet", s.base)).await;
    assert!(!body.contains("Did you mean"));

    let (_, body) = get(&format!(
        "{}/search?corpus=mini&q=storm+and+harbour",
        s.base
    ))
    .await;
    assert!(body.contains("Operators in capitals"), "{body}");
    assert!(
        body.contains("href=\"/search?corpus=mini&#38;q=storm+AND+harbour\""),
        "{body}"
    );
    let (_, body) = get(&format!(
        "{}/search?corpus=mini&q=storm+AND+harbour",
        s.base
    ))
    .await;
    assert!(!body.contains("Operators in capitals"));
}

#[tokio::test]
async fn a_bar_of_the_volume_chart_filters_the_hits() {
    let s = start(Setup::MINI).await;
    let (_, body) = get(&format!("{}/search?corpus=mini&q=storm", s.base)).await;
    assert!(body.contains("2 documents match"), "{body}");
    assert!(body.contains("class=\"bar-link\""), "{body}");
    // m1 was published in the hour from `from`: the first bar with a hit links to it alone.
    let at = body.find("&#38;from=").expect("a bar link");
    let rest = &body[at + "&#38;from=".len()..];
    let from: i64 = rest[..rest.find('&').unwrap()].parse().unwrap();
    let until = from + 3600;
    let (status, body) = get(&format!(
        "{}/search?corpus=mini&q=storm&from={from}&until={until}",
        s.base
    ))
    .await;
    assert_eq!(status, 200);
    assert!(body.contains("1 document match"), "{body}");
    assert!(body.contains("Showing only the documents published"));
    assert!(body.contains(">Show every date</a>"));
    // A broken filter is a 400 that says what is wrong.
    let (status, body) = get(&format!(
        "{}/search?corpus=mini&q=storm&from={until}&until={from}",
        s.base
    ))
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("before it starts"), "{body}");
    let (status, body) = get(&format!("{}/search?corpus=mini&q=storm&from=soon", s.base)).await;
    assert_eq!(status, 400, "{body}");
}

#[tokio::test]
async fn queries_compared_side_by_side() {
    let s = start(Setup::MINI).await;
    let (status, body) = get(&format!("{}/search/compare", s.base)).await;
    assert_eq!(status, 200);
    assert!(body.contains("id=\"q4\""), "four boxes");
    let (status, body) = get(&format!(
        "{}/search/compare?corpus=mini&q1=storm&q2=harriet&q3=&q4=flood",
        s.base
    ))
    .await;
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("Volume over time"));
    assert_eq!(body.matches("<polyline").count(), 3, "one line per query");
    // storm: m1, m6; harriet: m1, m2, m4; flood: m3 (and m1's "flooding" is another word).
    assert!(
        body.contains("Query 1 and query 2</td><td class=\"num\">1<"),
        "{body}"
    );
    assert!(
        body.contains("Query 1 and query 3</td><td class=\"num\">0<"),
        "{body}"
    );
    assert!(body.contains("Top sources"));
    assert!(body.contains("kerrow-council: 1"), "{body}");
    let (status, body) = get(&format!(
        "{}/search/compare?corpus=mini&q1=storm&q2=flood+AND",
        s.base
    ))
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("query 2:"), "{body}");
}

const MONITOR_TOML: &str = r#"id = "mini-harriet-explain"
title = "Harriet the storm"
kind = "monitor"
level = "beginner"
summary = "Fixture."
brief = "Find the posts about Storm Harriet."

[monitor]
corpus = "mini"
relevant = ["m1", "m4"]
model_query = 'harriet NOT #HarrietRovers'
pass_mark = 0.8
"#;

#[tokio::test]
async fn a_monitoring_attempt_explained_against_its_labels() {
    let s = start(Setup::MINI).await;
    let added = s
        .app
        .add_exercise_file("explain.toml", MONITOR_TOML.as_bytes().to_vec())
        .await
        .unwrap();
    assert!(added.is_ok(), "{added:?}");
    let url = format!("{}/exercises/mini-harriet-explain/explain", s.base);
    let (status, _) = get(&url).await;
    assert_eq!(status, 404, "no attempt yet");
    let submitted = s
        .app
        .submit(
            &Learner::local(),
            "mini-harriet-explain",
            Answer::Text("harriet storm".into()),
        )
        .await
        .unwrap();
    let (status, page) = get(&format!(
        "{}/exercises/mini-harriet-explain?attempt={}",
        s.base, submitted.attempt_id
    ))
    .await;
    assert_eq!(status, 200);
    assert!(
        page.contains("/exercises/mini-harriet-explain/explain?attempt="),
        "{page}"
    );

    let (status, body) = get(&url).await;
    assert_eq!(status, 200, "{body}");
    // harriet AND storm finds m1 only: one of the two relevant, nothing false.
    assert!(
        body.contains("precision 100%, recall 50% of the 2 relevant"),
        "{body}"
    );
    // harriet alone: m1, m2, m4, two relevant and one false hit; storm: m1 and m6.
    assert!(
        body.contains("(2 relevant, 1 false hit, 0 missed)"),
        "{body}"
    );
    assert!(
        body.contains("(1 relevant, 1 false hit, 1 missed)"),
        "{body}"
    );
    // Leaving out `storm` pays: precision 67%, recall 100%.
    assert!(body.contains("Precision against recall"));
    assert!(body.contains("<circle"), "variants plotted");
    assert!(body.contains("class=\"variant-pays\""), "{body}");
    assert!(body.contains("67%"), "{body}");

    let (status, _) = get(&format!("{url}?attempt=not-mine")).await;
    assert_eq!(status, 404);
    let (status, body) = get(&format!(
        "{}/exercises/storm-17-rewrite-library/explain",
        s.base
    ))
    .await;
    assert_eq!(status, 400, "{body}");
}
