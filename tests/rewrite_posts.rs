//! A rewrite exercise over HTTP: one box a platform, the posts stored and marked together, a
//! missing post named in the feedback, a form with every box blank refused with the words kept,
//! and an answer in the older single-post form still taken and shown in its platform's box.

mod support;

use support::{Client, Setup, start};

const EXERCISE: &str = "storm-16-rewrite-consular";
const X: &str = "Marenne travel advice update: travel to most of the north coast is possible again. We still advise against all but essential travel to Port-Vallon. Read the full advice before you go: travel.foreign.gov.ex/marenne In Marenne and need help? Call +99 20 555 0100";

/// The text of the textarea with this element id.
fn box_text(body: &str, id: &str) -> Option<String> {
    let start = body.find(&format!("<textarea id=\"{id}\""))?;
    let rest = &body[start..];
    let open = rest.find('>')? + 1;
    let close = rest.find("</textarea>")?;
    Some(rest[open..close].to_string())
}

#[tokio::test]
async fn a_rewrite_takes_one_post_a_platform() {
    let server = start(Setup::EMPTY).await;
    let mut c = Client::new(&server.base);
    let attempts = format!("/exercises/{EXERCISE}/attempts");

    let page = c.get(&format!("/exercises/{EXERCISE}")).await;
    assert_eq!(page.status, 200);
    for field in ["name=\"post:x\"", "name=\"post:mastodon\""] {
        assert!(
            page.body.contains(field),
            "a box for each platform: {field}"
        );
    }
    assert!(
        page.body.contains("Up to 280 weighted characters on X."),
        "each box says its limit"
    );
    assert!(page.body.contains("Up to 500 characters on Mastodon."));

    // The X post alone: taken, marked, and the missing Mastodon post named.
    let r = c
        .post(&attempts, &[("post:x", X), ("post:mastodon", "  ")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = c.get(&r.location).await;
    assert!(page.body.contains("No post for Mastodon"), "{}", page.body);
    assert!(page.body.contains("id=\"post-feedback-x\""));
    assert!(
        page.body.contains("Not yet"),
        "a missing post fails the attempt"
    );
    assert_eq!(
        box_text(&page.body, "answer").as_deref(),
        Some(X),
        "the X post is back in its box"
    );

    // Both posts: each marked for its own platform, the attempt passes.
    let mastodon = format!("{X}\n\nIn Marenne and need help? Call the embassy, day or night.");
    let r = c
        .post(&attempts, &[("post:x", X), ("post:mastodon", &mastodon)])
        .await;
    assert_eq!(r.status, 303);
    let page = c.get(&r.location).await;
    assert!(page.body.contains("Passed:"), "{}", page.body);
    assert!(page.body.contains("id=\"post-feedback-mastodon\""));
    assert!(!page.body.contains("No post for"));

    // Every box blank: refused, with a message, nothing stored.
    let r = c
        .post(&attempts, &[("post:x", " "), ("post:mastodon", "")])
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body.contains("Write your posts before you submit"),
        "{}",
        r.body
    );

    // The single-post form of earlier versions is still taken, in its platform's box.
    let r = c
        .post(
            &attempts,
            &[("platform", "mastodon"), ("answer", &mastodon)],
        )
        .await;
    assert_eq!(r.status, 303);
    let page = c.get(&r.location).await;
    assert_eq!(
        box_text(&page.body, "post-mastodon").map(|t| t.replace("\r\n", "\n")),
        Some(mastodon.clone()),
        "an old-style post shows in its platform's box"
    );
    assert_eq!(box_text(&page.body, "answer").as_deref(), Some(""));
}
