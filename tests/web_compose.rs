//! The post composer over HTTP: `POST /api/check` (its shape, counts for several platforms, and a
//! clear JSON error for every bad body) and the composer page with and without a posted draft
//! (findings marked in the draft, everything the trainee typed escaped).

mod support;

use serde_json::Value;
use support::Setup;

/// A server with nothing imported, and a client for its composer.
struct Composer {
    base: String,
    client: reqwest::Client,
    _server: support::Server,
}

async fn start() -> Composer {
    let server = support::start(Setup::EMPTY).await;
    Composer {
        base: server.base.clone(),
        client: reqwest::Client::new(),
        _server: server,
    }
}

impl Composer {
    async fn api(&self, body: impl Into<reqwest::Body>) -> (u16, Value) {
        let r = self
            .client
            .post(format!("{}/api/check", self.base))
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request");
        let status = r.status().as_u16();
        let text = r.text().await.expect("body");
        let v = serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"));
        (status, v)
    }

    async fn api_json(&self, body: Value) -> (u16, Value) {
        self.api(body.to_string()).await
    }

    async fn form(&self, pairs: &[(&str, &str)]) -> (u16, String) {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let r = self
            .client
            .post(format!("{}/compose", self.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body)
            .send()
            .await
            .expect("request");
        (r.status().as_u16(), r.text().await.expect("body"))
    }
}

fn error_message(v: &Value) -> &str {
    v["error"]["message"].as_str().unwrap_or_default()
}

#[tokio::test]
async fn api_counts_every_platform_asked_for() {
    let s = start().await;
    let (status, v) = s
        .api_json(serde_json::json!({
            "text": "Apply by Friday: gov.uk/apply",
            "platforms": ["x", "bluesky", "mastodon", "facebook"],
        }))
        .await;
    assert_eq!(status, 200, "{v}");
    let results = v["results"].as_array().expect("results");
    let ids: Vec<&str> = results
        .iter()
        .map(|r| r["platform"].as_str().unwrap_or_default())
        .collect();
    assert_eq!(ids, ["x", "bluesky", "mastodon", "facebook"]);
    // X counts the link as 23: 17 + 23.
    assert_eq!(results[0]["length"], 40);
    assert_eq!(results[0]["limit"], 280);
    assert_eq!(results[0]["remaining"], 240);
    assert_eq!(results[0]["valid"], true);
    assert_eq!(results[0]["overflow"], Value::Null);
    // Bluesky counts graphemes: 29 as typed.
    assert_eq!(results[1]["length"], 29);
    assert_eq!(results[1]["limit"], 300);
    assert!(
        results[2]["notes"]
            .as_array()
            .is_some_and(|n| !n.is_empty())
    );
    assert_eq!(results[3]["limit"], 63_206);
    for key in ["name", "unit", "fold"] {
        assert!(results[0].get(key).is_some(), "{key} missing: {v}");
    }
    assert!(v["findings"].is_array());
    assert!(v["readability"]["flesch_reading_ease"].is_number(), "{v}");
    assert_eq!(
        v["rules"],
        serde_json::json!(["govuk-plain-english", "social-accessible"])
    );
}

#[tokio::test]
async fn api_defaults_to_x_and_reports_overflow_and_findings() {
    let s = start().await;
    let text = format!("We will utilise the new scheme. {}", "a".repeat(300));
    let (status, v) = s.api_json(serde_json::json!({ "text": text })).await;
    assert_eq!(status, 200, "{v}");
    let x = &v["results"][0];
    assert_eq!(x["platform"], "x");
    assert_eq!(x["valid"], false);
    assert_eq!(x["remaining"], 280 - text.chars().count() as i64);
    assert_eq!(x["overflow"]["char"], 280);
    let findings = v["findings"].as_array().expect("findings");
    let utilise = findings
        .iter()
        .find(|f| f["span"]["text"] == "utilise")
        .unwrap_or_else(|| panic!("utilise is found: {v}"));
    assert_eq!(utilise["span"]["start"]["char"], 8);
    assert!(utilise["why"].as_str().is_some_and(|w| !w.is_empty()));

    // `rules: []` counts only.
    let (status, v) = s
        .api_json(serde_json::json!({ "text": text, "rules": [] }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(v["findings"], serde_json::json!([]));
    // One pack by name.
    let (status, v) = s
        .api_json(serde_json::json!({ "text": text, "rules": ["govuk-plain-english"] }))
        .await;
    assert_eq!(status, 200);
    assert_eq!(v["rules"], serde_json::json!(["govuk-plain-english"]));
    // Mastodon's limit is per server.
    let (status, v) = s
        .api_json(
            serde_json::json!({ "text": "hello", "platforms": ["mastodon"], "mastodon_limit": 4 }),
        )
        .await;
    assert_eq!(status, 200);
    assert_eq!(v["results"][0]["remaining"], -1);
}

#[tokio::test]
async fn api_empty_text_is_counted_and_said_to_be_empty() {
    let s = start().await;
    let (status, v) = s.api_json(serde_json::json!({ "text": "" })).await;
    assert_eq!(status, 200, "{v}");
    assert_eq!(v["results"][0]["valid"], false);
    assert!(
        v["results"][0]["notes"][0]
            .as_str()
            .is_some_and(|n| n.contains("empty")),
        "{v}"
    );
    assert_eq!(v["readability"], Value::Null);
    // No text at all is a mistake in the request.
    let (status, v) = s.api_json(serde_json::json!({ "platforms": ["x"] })).await;
    assert_eq!(status, 400);
    assert!(error_message(&v).contains("\"text\" is missing"), "{v}");
}

#[tokio::test]
async fn api_bad_bodies_get_json_errors() {
    let s = start().await;
    // Over 1 MB of draft.
    let big = "a".repeat((1 << 20) + 1);
    let (status, v) = s.api_json(serde_json::json!({ "text": big })).await;
    assert_eq!(status, 413, "{v}");
    assert!(error_message(&v).contains("up to 1 MB"), "{v}");
    // A body bigger than the routes read at all: the refusal reaches the client every time,
    // though the server stopped reading part-way (it drains the rest before answering).
    for _ in 0..5 {
        let (status, v) = s.api(vec![b'a'; 9 << 20]).await;
        assert_eq!(status, 413, "{v}");
        assert!(error_message(&v).contains("over 8 MB"), "{v}");
    }
    // Not UTF-8.
    let mut bytes = br#"{"text":"caf"#.to_vec();
    bytes.extend_from_slice(&[0xC3, 0x28]);
    bytes.extend_from_slice(br#""}"#);
    let (status, v) = s.api(bytes).await;
    assert_eq!(status, 400);
    assert!(error_message(&v).contains("not valid UTF-8"), "{v}");
    assert!(error_message(&v).contains("offset 12"), "{v}");
    // Not JSON, the wrong JSON, an unknown field.
    for (body, says) in [
        ("{\"text\": ", "not the JSON"),
        ("[1,2]", "not the JSON"),
        ("{\"text\": 3}", "not the JSON"),
        (
            "{\"text\": \"hi\", \"platform\": \"x\"}",
            "unknown field `platform`",
        ),
        ("", "not the JSON"),
    ] {
        let (status, v) = s.api(body.to_string()).await;
        assert_eq!(status, 400, "{body}: {v}");
        assert!(error_message(&v).contains(says), "{body}: {v}");
    }
}

#[tokio::test]
async fn api_unknown_platform_or_pack_is_named() {
    let s = start().await;
    let (status, v) = s
        .api_json(serde_json::json!({ "text": "hi", "platforms": ["x", "myspace"] }))
        .await;
    assert_eq!(status, 400);
    assert!(error_message(&v).contains("\"myspace\""), "{v}");
    assert!(
        error_message(&v).contains("bluesky"),
        "lists the known ones: {v}"
    );
    let (status, v) = s
        .api_json(serde_json::json!({ "text": "hi", "platforms": [] }))
        .await;
    assert_eq!(status, 400);
    assert!(error_message(&v).contains("at least one platform"), "{v}");
    let (status, v) = s
        .api_json(serde_json::json!({ "text": "hi", "rules": ["house-style"] }))
        .await;
    assert_eq!(status, 400);
    assert!(error_message(&v).contains("\"house-style\""), "{v}");
    // Never a file on the server, even one that exists.
    let pack = format!(
        "{}/src/compose/packs/govuk-plain-english.toml",
        env!("CARGO_MANIFEST_DIR")
    );
    let (status, v) = s
        .api_json(serde_json::json!({ "text": "hi", "rules": [pack] }))
        .await;
    assert_eq!(status, 400);
    assert!(error_message(&v).contains("files cannot be loaded"), "{v}");
}

#[tokio::test]
async fn composer_page_without_a_draft() {
    let s = start().await;
    let r = reqwest::get(format!("{}/compose", s.base))
        .await
        .expect("request");
    assert_eq!(r.status().as_u16(), 200);
    let body = r.text().await.expect("body");
    assert!(body.contains("<label for=\"text\">"), "{body}");
    assert!(
        body.contains(r#"id="platform-x" name="platforms" value="x" checked"#),
        "X chosen by default: {body}"
    );
    assert!(
        body.contains(r#"id="platform-bluesky" name="platforms" value="bluesky">"#),
        "{body}"
    );
    assert!(body.contains(r#"<script src="/static/compose.js" defer></script>"#));
    assert!(body.contains(r#"aria-live="polite""#));
    assert!(
        !body.contains("<h2>Length</h2>"),
        "no result before a draft"
    );
    let js = reqwest::get(format!("{}/static/compose.js", s.base))
        .await
        .expect("request");
    assert_eq!(js.status().as_u16(), 200);
}

#[tokio::test]
async fn composer_page_with_a_posted_draft_marks_findings_and_escapes() {
    let s = start().await;
    let draft = format!(
        "We will utilise <script>alert(1)</script> the scheme & more. {}",
        "b".repeat(300)
    );
    let (status, body) = s
        .form(&[
            ("platforms", "x"),
            ("platforms", "facebook"),
            ("rules", "govuk-plain-english"),
            ("rules", "social-accessible"),
            ("text", &draft),
        ])
        .await;
    assert_eq!(status, 200, "{body}");
    assert!(!body.contains("<script>alert"), "draft escaped: {body}");
    assert!(
        body.contains("&#60;script&#62;alert(1)&#60;/script&#62;"),
        "{body}"
    );
    // Counts for both platforms, in the character count component's words.
    assert!(body.contains("<strong>X:</strong> You have "), "{body}");
    assert!(body.contains("weighted characters too many"), "{body}");
    assert!(
        body.contains("<strong>Facebook:</strong> You have "),
        "{body}"
    );
    assert!(body.contains("characters remaining"), "{body}");
    // The finding marked in the draft, numbered, linked to its entry with its why.
    assert!(
        body.contains(r#"<mark class="m-"#) && body.contains(">utilise</mark>"),
        "{body}"
    );
    assert!(
        body.contains(r##"<a class="fnum" href="#finding-1">"##),
        "{body}"
    );
    assert!(
        body.contains(r#"<li id="finding-1" class="finding"#),
        "{body}"
    );
    assert!(body.contains("<strong>Why:</strong>"), "{body}");
    // The overflow past X's limit.
    assert!(body.contains(r#"<span class="overflow">"#), "{body}");
    assert!(body.contains("too long from here"), "{body}");
    assert!(body.contains("Reading ease"), "{body}");
    // The choices are kept.
    assert!(body.contains(r#"value="facebook" checked"#), "{body}");
}

#[tokio::test]
async fn composer_form_mistakes_are_shown_beside_the_fields() {
    let s = start().await;
    let (status, body) = s.form(&[("platforms", "x"), ("text", "   ")]).await;
    assert_eq!(status, 400);
    assert!(body.contains("There is a problem"), "{body}");
    assert!(
        body.contains(r##"<a href="#text">Enter your draft post</a>"##),
        "{body}"
    );
    let (status, body) = s.form(&[("text", "Hello")]).await;
    assert_eq!(status, 400);
    assert!(body.contains("Choose at least one platform"), "{body}");
    assert!(
        body.contains(">Hello</textarea>"),
        "the draft is kept: {body}"
    );
    let (status, body) = s.form(&[("platforms", "myspace"), ("text", "Hello")]).await;
    assert_eq!(status, 400);
    assert!(body.contains("&#34;myspace&#34;"), "{body}");
    let big = "a".repeat((1 << 20) + 10);
    let (status, body) = s.form(&[("platforms", "x"), ("text", &big)]).await;
    assert_eq!(status, 400);
    assert!(body.contains("up to 1 MB"), "{body}");
    assert!(body.len() < 100_000, "the huge draft is not sent back");
}

#[tokio::test]
async fn an_oversized_form_gets_the_page_with_the_message() {
    let s = start().await;
    // Bigger than the route reads at all: the refusal still reaches the browser, many times.
    let big = "a".repeat(9 << 20);
    for _ in 0..5 {
        let (status, body) = s.form(&[("text", &big)]).await;
        assert_eq!(status, 413);
        assert!(body.contains("over 8 MB"), "{body}");
        assert!(body.contains("up to 1 MB"), "{body}");
    }
}

/// The fragment the page's script swaps in is the page's own result, rendered by the same
/// template: the same counts, marks and findings as the posted form, and what is missing said
/// on the line under the box rather than as an error.
#[tokio::test]
async fn result_fragment_is_the_pages_result() {
    let s = start().await;
    let draft = "We will utilise the new scheme. Click here: https://www.gov.uk/flood-alerts";
    let pairs = [
        ("platforms", "x"),
        ("platforms", "facebook"),
        ("rules", "govuk-plain-english"),
        ("rules", "social-accessible"),
        ("text", draft),
    ];
    let (status, page) = s.form(&pairs).await;
    assert_eq!(status, 200, "{page}");
    let fragment = |pairs: &[(&str, &str)]| {
        let body: String = url::form_urlencoded::Serializer::new(String::new())
            .extend_pairs(pairs)
            .finish();
        let request = s
            .client
            .post(format!("{}/compose/result", s.base))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(body);
        async move {
            let r = request.send().await.expect("request");
            (r.status().as_u16(), r.text().await.expect("body"))
        }
    };
    let (status, part) = fragment(&pairs).await;
    assert_eq!(status, 200, "{part}");
    let inner = |html: &str| -> String {
        let start = html.find("<h2>Length</h2>").expect("a result");
        let end = html[start..]
            .find("</div>\n</div>")
            .or_else(|| html[start..].rfind("</div>"))
            .expect("end");
        html[start..start + end].trim().to_string()
    };
    let from_page = inner(&page);
    let from_fragment = inner(&part);
    assert!(from_page.contains("<mark class=\"m-"), "{from_page}");
    assert_eq!(
        from_page.lines().next(),
        from_fragment.lines().next(),
        "same first line"
    );
    assert_eq!(
        from_page.matches("<li id=\"finding-").count(),
        from_fragment.matches("<li id=\"finding-").count(),
        "same findings"
    );
    assert!(
        part.contains("data-summary=\"X: You have "),
        "the line under the box: {part}"
    );
    assert!(!part.contains("<html"), "a fragment, not a page");

    // Still typing: nothing to show, and no error.
    let (status, part) = fragment(&[("platforms", "x"), ("text", "  ")]).await;
    assert_eq!(status, 200);
    assert!(!part.contains("<h2>"), "{part}");
    let (status, part) = fragment(&[("text", "Hello")]).await;
    assert_eq!(status, 200);
    assert!(
        part.contains("data-summary=\"Choose at least one platform\""),
        "{part}"
    );
}
