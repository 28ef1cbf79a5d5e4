//! "Write it for": the search page's plain form field and the monitoring feedback's form show a
//! query written for another tool, with its warnings, and work without JavaScript.

mod support;

use support::{Setup, http_client, start};

async fn get(url: &str) -> (u16, String) {
    let r = reqwest::get(url).await.expect("request");
    let status = r.status().as_u16();
    (status, r.text().await.expect("body"))
}

#[tokio::test]
async fn the_search_page_writes_the_query_for_the_chosen_tool() {
    let s = start(Setup::MINI).await;
    // No tool chosen: the control is there, no translation.
    let (status, body) = get(&format!("{}/search?corpus=mini&q=storm", s.base)).await;
    assert_eq!(status, 200);
    assert!(
        body.contains("<label for=\"to\">Write it for</label>"),
        "{body}"
    );
    assert!(
        body.contains("<option value=\"pulsar\">Pulsar</option>"),
        "{body}"
    );
    assert!(!body.contains("id=\"dialect\""), "{body}");

    let (status, body) = get(&format!(
        "{}/search?corpus=mini&q=storm+NEAR%2F9+flood+-football&to=pulsar",
        s.base
    ))
    .await;
    assert_eq!(status, 200);
    assert!(
        body.contains("<option value=\"pulsar\" selected>Pulsar</option>"),
        "{body}"
    );
    assert!(
        body.contains("<h2 id=\"dialect-title\">Written for Pulsar</h2>"),
        "{body}"
    );
    assert!(
        body.contains("<code>(storm NEAR/7 flood) AND -football</code>"),
        "{body}"
    );
    assert!(
        body.contains("Column 1: Pulsar allows a NEAR distance of at most 7"),
        "{body}"
    );
    // Paging keeps the choice.
    assert!(
        !body.contains("page=2") || body.contains("&#38;to=pulsar"),
        "{body}"
    );

    // A query that cannot be written says so.
    let (_, body) = get(&format!(
        "{}/search?corpus=mini&q=evacuat*&to=google",
        s.base
    ))
    .await;
    assert!(body.contains("cannot be written for Google"), "{body}");
    assert!(
        body.contains("Google has no wildcard within a word"),
        "{body}"
    );

    // Same meaning: says so.
    let (_, body) = get(&format!(
        "{}/search?corpus=mini&q=storm+OR+flood&to=brandwatch",
        s.base
    ))
    .await;
    assert!(body.contains("<code>storm OR flood</code>"), "{body}");
    assert!(
        body.contains("It means the same there as in Sandpit."),
        "{body}"
    );

    // An unknown tool is a note, not a failure; a bad query shows its error only.
    let (status, body) = get(&format!(
        "{}/search?corpus=mini&q=storm&to=hootsuite",
        s.base
    ))
    .await;
    assert_eq!(status, 200);
    assert!(
        body.contains("Sandpit cannot write queries for that tool"),
        "{body}"
    );
    let (status, body) = get(&format!(
        "{}/search?corpus=mini&q=storm+%28&to=pulsar",
        s.base
    ))
    .await;
    assert_eq!(status, 400);
    assert!(!body.contains("Written for Pulsar"), "{body}");
}

#[tokio::test]
async fn monitoring_feedback_writes_the_attempt_for_the_chosen_tool() {
    const EXERCISE: &str = "storm-01-sandbags";
    let s = start(Setup::MINI).await;
    // The exercise's corpus, so that the attempt is graded.
    sandpit::app::ensure_shipped(&s.app)
        .await
        .expect("shipped corpora load");
    let client = http_client();
    let url = format!("{}/exercises/{EXERCISE}", s.base);
    let r = client
        .post(format!("{url}/attempts"))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("answer=sandbag+OR+sandb*+OR+%22sand+bags%22%7E2")
        .send()
        .await
        .expect("attempt");
    assert_eq!(r.status().as_u16(), 303);
    let (_, page) = get(&url).await;
    assert!(page.contains("class=\"dialect-form\""), "{page}");
    assert!(!page.contains("Written for"), "{page}");
    let (_, page) = get(&format!("{url}?to=youscan")).await;
    assert!(page.contains("Written for YouScan"), "{page}");
    assert!(page.contains("sandb*"), "{page}");
    assert!(page.contains("sand /3 bags"), "{page}");
    assert!(page.contains("YouScan counts the distance"), "{page}");
}
