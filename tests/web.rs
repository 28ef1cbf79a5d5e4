//! The web interface over HTTP on 127.0.0.1: the fixed routes of DESIGN.md, errors shown on the
//! page with status 400, and untrusted document text that cannot inject markup.

mod support;

use sandpit::app::App;
use support::{Setup, http_client, open_app, start};

async fn get(url: &str) -> (u16, String, reqwest::header::HeaderMap) {
    let r = reqwest::get(url).await.expect("request");
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    (status, r.text().await.expect("body"), headers)
}

#[tokio::test]
async fn health_home_and_security_headers() {
    let s = start(Setup::MINI).await;
    let (status, body, _) = get(&format!("{}/healthz", s.base)).await;
    assert_eq!(status, 200, "{body}");
    let health: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (health["status"].as_str(), health["index"].as_str()),
        (Some("ok"), Some("ok"))
    );
    let (status, body, headers) = get(&format!("{}/", s.base)).await;
    assert_eq!(status, 200);
    assert!(body.contains("href=\"/search?corpus=mini\""), "{body}");
    let csp = headers["content-security-policy"]
        .to_str()
        .unwrap_or_default();
    assert!(
        csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
}

#[tokio::test]
async fn search_page_shows_hits_chart_and_sources() {
    let s = start(Setup::MINI).await;
    let (status, body, _) = get(&format!("{}/search?corpus=mini&q=storm+OR+flood", s.base)).await;
    assert_eq!(status, 200);
    assert!(body.contains("3 documents match"), "{body}");
    assert!(body.contains("<svg"), "volume chart drawn");
    assert!(body.contains("Top sources"));
    assert!(
        body.contains("<table class=\"table compact\">"),
        "chart has a table alternative"
    );
    assert!(body.contains("/doc?corpus=mini&#38;id=m1"), "{body}");
}

#[tokio::test]
async fn query_errors_are_400_with_the_column_beside_the_box() {
    let s = start(Setup::MINI).await;
    let (status, body, _) = get(&format!(
        "{}/search?corpus=mini&q=flood+AND+%28rain",
        s.base
    ))
    .await;
    assert_eq!(status, 400);
    assert!(body.contains("There is a problem with the query"));
    assert!(body.contains("Column 11:"), "{body}");
    assert!(body.contains("<mark>(</mark>"), "{body}");
    assert!(body.contains("href=\"#q\""));
}

#[tokio::test]
async fn document_text_cannot_inject_markup() {
    let s = start(Setup::MINI).await;
    let (status, body, _) = get(&format!("{}/search?corpus=mini&q=flood", s.base)).await;
    assert_eq!(status, 200);
    assert!(!body.contains("<script>alert"), "title escaped in results");
    assert!(body.contains("&#60;script&#62;"), "{body}");
    let (status, body, _) = get(&format!("{}/doc?corpus=mini&id=m3&q=flood", s.base)).await;
    assert_eq!(status, 200);
    assert!(
        !body.contains("<script>alert") && !body.contains("<img src=x"),
        "{body}"
    );
    assert!(
        !body.contains("href=\"javascript:"),
        "unsafe URL not linked: {body}"
    );
}

#[tokio::test]
async fn api_search_shape_paging_and_errors() {
    let s = start(Setup::MINI).await;
    let (status, body, _) = get(&format!(
        "{}/api/search?corpus=mini&q=storm+OR+flood&limit=2&offset=0",
        s.base
    ))
    .await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(v["total"], 3);
    assert_eq!(v["hits"].as_array().map(Vec::len), Some(2));
    let (_, body2, _) = get(&format!(
        "{}/api/search?corpus=mini&q=storm+OR+flood&limit=2&offset=2",
        s.base
    ))
    .await;
    let v2: serde_json::Value = serde_json::from_str(&body2).expect("json");
    assert_eq!(v2["hits"].as_array().map(Vec::len), Some(1));
    assert_ne!(v["hits"][0]["id"], v2["hits"][0]["id"]);

    let (status, body, _) = get(&format!("{}/api/search?corpus=mini&q=%22open", s.base)).await;
    assert_eq!(status, 400);
    let e: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(e["error"]["column"], 1);
    let (status, _, _) = get(&format!("{}/api/search?corpus=nosuch&q=x", s.base)).await;
    assert_eq!(status, 404);
    let (status, _, _) = get(&format!("{}/api/search?corpus=mini&q=x&limit=lots", s.base)).await;
    assert_eq!(status, 400);
    let long = "flood+".repeat(1000);
    let (status, _, _) = get(&format!("{}/api/search?corpus=mini&q={long}", s.base)).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn unknown_document_is_404() {
    let s = start(Setup::MINI).await;
    let (status, body, _) = get(&format!("{}/doc?corpus=mini&id=nope", s.base)).await;
    assert_eq!(status, 404);
    assert!(body.contains("has no document"), "{body}");
}

/// The hrefs of the site's main navigation in a page.
fn main_nav(body: &str) -> Vec<String> {
    let nav = body
        .split("<nav aria-label=\"Main\">")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .unwrap_or_default();
    regex::Regex::new(r#"<a href="([^"]*)""#)
        .expect("regex")
        .captures_iter(nav)
        .map(|c| c[1].to_string())
        .collect()
}

#[tokio::test]
async fn self_learner_navigation_and_the_model_answer_after_three_attempts() {
    const EXERCISE: &str = "storm-17-rewrite-library";
    let s = start(Setup::MINI).await;
    let (_, body, _) = get(&format!("{}/", s.base)).await;
    assert_eq!(
        main_nav(&body),
        [
            "/programme",
            "/search",
            "/compose",
            "/exercises",
            "/progress",
            "/feeds"
        ],
        "no class, no join, no trainer"
    );
    let (_, body, _) = get(&format!("{}/progress", s.base)).await;
    assert!(body.contains("<a href=\"/progress\" aria-current=\"page\">Your progress</a>"));

    // Without a class the model answer opens after three attempts, as it always has.
    let client = http_client();
    let url = |path: &str| format!("{}/exercises/{EXERCISE}{path}", s.base);
    let reveal = || client.post(url("/reveal")).send();
    let r = reveal().await.expect("reveal");
    assert_eq!(r.status().as_u16(), 400, "not before any attempt");
    assert!(r.text().await.expect("body").contains("after 3 attempts"));
    for _ in 0..3 {
        let r = client
            .post(url("/attempts"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body("answer=library")
            .send()
            .await
            .expect("attempt");
        assert_eq!(r.status().as_u16(), 303);
    }
    let (_, page, _) = get(&url("")).await;
    assert!(page.contains(&format!("action=\"/exercises/{EXERCISE}/reveal\"")));
    assert!(!page.contains("debrief"), "no trainer to wait for");
    let r = reveal().await.expect("reveal");
    assert_eq!(r.status().as_u16(), 303);
    let (_, page, _) = get(&url("")).await;
    assert!(
        page.contains("but our staff carried 3,000"),
        "the model answer"
    );
}

/// The result cache answers a repeated search, and never with results from before an import
/// or a replacement.
#[tokio::test]
async fn repeated_searches_see_every_import_and_replacement() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = open_app(dir.path(), Setup::MINI).await;
    let total = |app: App| async move {
        app.search(sandpit::app::SearchParams {
            corpus: "mini".into(),
            query: "storm OR flood".into(),
            order: Default::default(),
            limit: 10,
            offset: 0,
            facets: true,
        })
        .await
        .expect("search")
        .results
        .total
    };
    let before = total(app.clone()).await;
    assert_eq!(total(app.clone()).await, before);
    assert_eq!(
        app.search_cache.len(),
        1,
        "the repeat was answered from the cache"
    );

    let doc = |body: &str| {
        let line = serde_json::json!({
            "id": "cache-1", "source": "test", "published": "2026-01-12T09:00:00Z",
            "title": "Update", "body": body,
        })
        .to_string();
        sandpit::ingest::jsonl::parse_line(&line, 1, "test")
            .expect("parses")
            .expect("a document")
    };
    app.import_documents(
        "mini",
        vec![doc("Flood warning for the harbour")],
        Vec::new(),
        Vec::new(),
    )
    .await
    .expect("import");
    assert_eq!(total(app.clone()).await, before + 1);
    // Replaced by a version that no longer matches.
    app.import_documents("mini", vec![doc("All calm today")], Vec::new(), Vec::new())
        .await
        .expect("import");
    assert_eq!(total(app.clone()).await, before);
}

/// The rewrite feedback names each key fact stated wrongly, quotes the post's own words, and
/// says why the post cannot pass whatever it scores.
#[tokio::test]
async fn rewrite_feedback_quotes_a_fact_stated_wrongly() {
    let s = start(Setup::MINI).await;
    let r = http_client()
        .post(format!("{}/exercises/storm-13-rewrite-ferry/attempts", s.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body("platform=x&answer=From+16+Feb+there+are+3+sailings+a+day.+Drivers+do+not+need+to+book.")
        .send()
        .await
        .expect("attempt");
    assert_eq!(r.status().as_u16(), 303);
    let location = r.headers()["location"].to_str().expect("ascii").to_string();
    let (status, page, _) = get(&format!("{}{location}", s.base)).await;
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("This post cannot pass yet"), "{page}");
    assert!(
        page.contains(
            "<span class=\"tag fail\">Wrong</span> vehicles must be booked: you wrote “Drivers do not need to book.”"
        ),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"tag pass\">Found</span> when the reduced timetable starts (“From 16 Feb there are 3 sailings a day.”)"),
        "{page}"
    );
    assert!(
        page.contains("<span class=\"tag fail\">Missing</span> where to find times and book"),
        "{page}"
    );
}
