//! Transfer to the day job through HTTP (docs/programmes.md, "Your own topic", "Follow-up", "The
//! team view"): a learner builds a private corpus from a fixture feed on 127.0.0.1 and pasted
//! posts, writes a query, labels the samples and reads precision and the estimate of misses
//! computed from those labels; drafts a post checked by the rule packs and platform counts; a
//! peer (once the trainer allows it) and the trainer comment, and the learner sees both. The
//! end-of-session statement is asked again after the clock moves four weeks, and the trainer
//! sees the pair, the summary of change and the CSV. A team's needs are set, and the manager's
//! link shows the team's profile against them, with the gaps named and no names.

mod support;

use axum::Router;
use axum::routing::get;
use sandpit::app::App;
use sandpit::config::Config;
use support::classroom::PASSWORD;
use support::{Client, Resp, serve_router, token_in};

const PASS_ANA: &str = "kettle harbour blue lantern";
const PASS_BEN: &str = "seven quiet ferries sail";

/// Waste items (relevant to the topic): the first eight mention bins, the last two do not.
/// News items are not relevant; one of them mentions bins (a false positive of `bins`).
fn fixture_feed() -> String {
    let mut items = String::new();
    for i in 0..10 {
        let body = if i < 8 {
            format!("Marrowby bins are collected a day later in ward {i} this week.")
        } else {
            format!("Garden waste and recycling in ward {i} go out on Thursday.")
        };
        items.push_str(&format!(
            "<item><title>Waste: collection news {i}</title><guid>waste-{i}</guid><description>{body}</description><pubDate>Mon, 02 Mar 2026 0{}:00:00 GMT</pubDate></item>",
            i % 9
        ));
    }
    for i in 0..21 {
        let body = if i == 0 {
            "New benches and bins arrive in Marrowby Park for the summer.".to_string()
        } else {
            format!("Marrowby library story time number {i} on Saturday morning.")
        };
        items.push_str(&format!(
            "<item><title>News: town notice {i}</title><guid>news-{i}</guid><description>{body}</description><pubDate>Tue, 03 Mar 2026 0{}:00:00 GMT</pubDate></item>",
            i % 9
        ));
    }
    format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Marrowby Council news</title><link>https://marrowby.example/</link>{items}</channel></rss>"
    )
}

struct World {
    base: String,
    app: App,
    _dir: tempfile::TempDir,
}

/// A classroom server that may read feeds on loopback (the fixture) and whose clock moves.
async fn start() -> World {
    let dir = tempfile::tempdir().expect("tempdir");
    let database = support::database::database_for(dir.path()).expect("a test database");
    let mut config = Config::new(dir.path())
        .with_database_url(database)
        .with_classroom(Some(PASSWORD.to_string()))
        .expect("valid password");
    config.allow_private_feeds = true;
    config.test_clock = true;
    let app = App::open(config).await.expect("app opens");
    World {
        base: support::serve_app(&app).await,
        app,
        _dir: dir,
    }
}

async fn trainer(w: &World) -> Client {
    let key = w.app.store.trainer_secret(false).await.expect("secret");
    let mut c = Client::new(&w.base);
    let r = c.post("/trainer/login", &[("secret", &key)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    c
}

/// The learner of `link`, signed in after choosing `pass`.
async fn learner(w: &World, link: &str, pass: &str) -> Client {
    let mut c = Client::new(&w.base);
    let r = c
        .post(link, &[("passphrase", pass), ("confirm", pass)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    assert!(c.cookie.is_some());
    c
}

fn link_of(body: &str, name: &str) -> String {
    let cell = format!("<td>{name}</td><td><code class=\"link\">");
    let at = body.find(&cell).expect("a link");
    let rest = &body[at + cell.len()..];
    let url = &rest[..rest.find('<').expect("end of link")];
    url[url.find("/learn/").expect("a /learn/ link")..].to_string()
}

fn see_other(r: &Resp) -> String {
    assert_eq!(r.status, 303, "{}", r.body);
    r.location.clone()
}

/// Every capture of `pattern`'s first group in `body`.
fn all(pattern: &str, body: &str) -> Vec<String> {
    regex::Regex::new(pattern)
        .expect("regex")
        .captures_iter(body)
        .map(|c| c[1].to_string())
        .collect()
}

#[tokio::test]
async fn own_topic_review_follow_up_and_team_view() {
    let w = start().await;
    let feed = fixture_feed();
    let addr = serve_router(Router::new().route(
        "/news.xml",
        get(move || {
            let feed = feed.clone();
            async move { ([("content-type", "application/rss+xml")], feed) }
        }),
    ))
    .await;

    // A cohort of two in one team.
    let mut t = trainer(&w).await;
    let r = t
        .post("/trainer/programmes", &[("title", "Marrowby comms")])
        .await;
    let cohort = see_other(&r).rsplit('/').next().unwrap().to_string();
    let csv = "name,team\nAna Silva,Press office\nBen Okoro,press office\n";
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", "")],
            &[("csv", "cohort.csv", csv.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mut ana = learner(&w, &link_of(&r.body, "Ana Silva"), PASS_ANA).await;
    let mut ben = learner(&w, &link_of(&r.body, "Ben Okoro"), PASS_BEN).await;

    // Starting a topic: a title is needed.
    let r = ana.post("/programme/own-topic", &[("title", "  ")]).await;
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("Write a title for your topic"),
        "{}",
        r.body
    );
    let topic_url = see_other(
        &ana.post("/programme/own-topic", &[("title", "Marrowby bins")])
            .await,
    );
    let topic_id = topic_url.rsplit('/').next().unwrap().to_string();

    // Material: a bad address, then the fixture feed.
    let r = ana
        .post(&format!("{topic_url}/feed"), &[("url", "marrowby news")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("is not a web address"), "{}", r.body);
    let feed_url = format!("http://{addr}/news.xml");
    let to = see_other(
        &ana.post(&format!("{topic_url}/feed"), &[("url", &feed_url)])
            .await,
    );
    assert!(to.ends_with("done=material&added=31"), "{to}");
    // Pasted posts: a bad JSONL line refuses all, with its line; plain posts are added.
    let r = ana
        .post_multipart(
            &format!("{topic_url}/posts"),
            &[("posts", "{\"id\":\"x\",\"body\":\"no date\"}")],
            &[],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("pasted text:1:"), "{}", r.body);
    let posts = "Ferry to Tollwick delayed by fog.\n\nSwimming pool closed for repairs.\n\nMarket moves to the square on Friday.";
    let to = see_other(
        &ana.post_multipart(&format!("{topic_url}/posts"), &[("posts", posts)], &[])
            .await,
    );
    assert!(to.ends_with("added=3"), "{to}");
    // The corpus is private: no list of corpora shows it.
    let topic = w.app.store.own_topic(&topic_id).await.unwrap().unwrap();
    assert!(
        w.app
            .corpora()
            .await
            .unwrap()
            .iter()
            .all(|c| c.name != topic.corpus)
    );
    let search = ana.get("/search").await;
    assert!(!search.body.contains(&topic.corpus));
    // Nor can the search, the document page or the API read it, even by its name.
    let by_name = ana
        .get(&format!("/search?corpus={}&q=bins", topic.corpus))
        .await;
    assert!(
        !by_name.body.contains("collected a day later"),
        "{}",
        by_name.body
    );
    let api = t
        .get(&format!("/api/search?corpus={}&q=bins", topic.corpus))
        .await;
    assert_eq!(api.status, 404, "{}", api.body);

    // The query: an error names its column; then a query that finds 9 of 34.
    let r = ana
        .post(&format!("{topic_url}/query"), &[("query", "bins AND (")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Your query, column"), "{}", r.body);
    see_other(
        &ana.post(&format!("{topic_url}/query"), &[("query", "bins")])
            .await,
    );

    // Labelling: every sampled document, by the learner's own judgement (Waste is relevant).
    let r = ana.get(&format!("{topic_url}/label")).await;
    assert_eq!(r.status, 200);
    let docs = all(r#"name="doc:([^"]+)" value="relevant""#, &r.body);
    let titles = all(r"<legend>([^<]+) <span", &r.body);
    assert_eq!(docs.len(), 9 + 20, "all 9 results and 20 of the 25 outside");
    assert_eq!(docs.len(), titles.len());
    let mut form: Vec<(String, String)> = Vec::new();
    for (doc, title) in docs.iter().zip(&titles) {
        let label = if title.starts_with("Waste:") {
            "relevant"
        } else {
            "not-relevant"
        };
        form.push((format!("doc:{doc}"), label.to_string()));
    }
    let waste_outside = titles.iter().filter(|t| t.starts_with("Waste:")).count() - 8;
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let to = see_other(&ana.post(&format!("{topic_url}/label"), &pairs).await);
    assert!(to.ends_with("added=29"), "{to}");
    // A label of a document outside the samples is refused.
    let r = ana
        .post(
            &format!("{topic_url}/label"),
            &[("doc:not-sampled", "relevant")],
        )
        .await;
    assert_eq!(r.status, 400);

    // The figures, from those labels.
    let page = ana.get(&topic_url).await;
    assert!(
        page.body
            .contains("Your query finds 9 of the 34 documents; 25 are outside its results."),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("of the 9 results you labelled, 8 are relevant"),
        "{}",
        page.body
    );
    assert!(page.body.contains("exactly 89%"));
    let missed = (25.0 * waste_outside as f64 / 20.0).round();
    assert!(
        page.body.contains(&format!(
            "of the 20 documents outside the results you labelled, {waste_outside} are relevant. Scaled up to the 25 documents outside, the query misses about {missed:.0} (likely between"
        )),
        "{}",
        page.body
    );

    // The draft: a past date is refused; a good one is checked for each platform.
    let draft = |date: &'static str| {
        vec![
            ("announcement", "Bin days change over Easter"),
            ("date", date),
            ("platform", "x"),
            ("platform", "bluesky"),
            (
                "draft",
                "We will utilise new bin days over Easter. Check yours: https://marrowby.example/bins",
            ),
        ]
    };
    let r = ana
        .post(&format!("{topic_url}/draft"), &draft("2020-01-01"))
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("has passed"), "{}", r.body);
    assert!(r.body.contains("We will utilise"), "the draft is kept");
    see_other(
        &ana.post(&format!("{topic_url}/draft"), &draft("2099-04-01"))
            .await,
    );
    let page = ana.get(&topic_url).await;
    assert!(
        page.body.contains("<strong>X:</strong> You have")
            && page.body.contains("<strong>Bluesky:</strong>"),
        "{}",
        page.body
    );
    assert!(page.body.contains("utilise"));
    assert!(page.body.contains("finding-1"), "a rule pack finding");

    // Review: a peer sees nothing until the trainer allows it, then no documents.
    assert_eq!(ben.get(&topic_url).await.status, 404);
    see_other(
        &t.post(
            &format!("/trainer/programmes/{cohort}/peer-review"),
            &[("allowed", "1")],
        )
        .await,
    );
    let peer = ben.get(&topic_url).await;
    assert_eq!(peer.status, 200);
    assert!(peer.body.contains("Ana Silva") && peer.body.contains("bins"));
    assert!(
        !peer.body.contains("collected a day later"),
        "a peer does not see the documents"
    );
    assert_eq!(ben.get(&format!("{topic_url}/label")).await.status, 403);
    assert_eq!(
        ben.post(&format!("{topic_url}/query"), &[("query", "x")])
            .await
            .status,
        403
    );
    // Nor delete it, nor see its delete form.
    assert!(!peer.body.contains("Delete this topic"));
    assert_eq!(
        ben.post(&format!("{topic_url}/delete"), &[]).await.status,
        403
    );
    assert_eq!(ben.get(&topic_url).await.status, 200, "still there");
    see_other(
        &ben.post(
            &format!("{topic_url}/comments"),
            &[("body", "Try recycling OR bins")],
        )
        .await,
    );
    let listing = ben.get("/programme/transfer").await;
    assert!(listing.body.contains("Review a colleague"));
    // The trainer sees the cohort's topics and the documents, and comments.
    let cohort_page = t
        .get(&format!("/trainer/programmes/{cohort}/transfer"))
        .await;
    assert!(
        cohort_page.body.contains("Marrowby bins")
            && cohort_page.body.contains("89% of 9 labelled"),
        "{}",
        cohort_page.body
    );
    let review = t
        .get(&format!(
            "/trainer/programmes/{cohort}/own-topic/{topic_id}"
        ))
        .await;
    assert_eq!(review.status, 200);
    assert!(review.body.contains("collected a day later"));
    let r = t
        .post(
            &format!("/trainer/programmes/{cohort}/own-topic/{topic_id}/comments"),
            &[("body", "")],
        )
        .await;
    assert_eq!(r.status, 400);
    see_other(
        &t.post(
            &format!("/trainer/programmes/{cohort}/own-topic/{topic_id}/comments"),
            &[("body", "Good precision; look at garden waste")],
        )
        .await,
    );
    let page = ana.get(&topic_url).await;
    assert!(page.body.contains("Try recycling OR bins") && page.body.contains("(peer reviewer)"));
    assert!(page.body.contains("look at garden waste") && page.body.contains("(trainer)"));

    // A reflection after an attempt: offered on the feedback, refused before any attempt.
    let r = ana
        .post(
            "/programme/reflections/storm-17-rewrite-library",
            &[("body", "x")],
        )
        .await;
    assert_eq!(r.status, 403, "{}", r.body);
    assert!(
        r.body.contains("A reflection follows an attempt"),
        "{}",
        r.body
    );
    let r = ana
        .post(
            "/exercises/storm-17-rewrite-library/attempts",
            &[("answer", "The library opens on Saturday at 9am.")],
        )
        .await;
    let feedback = ana.get(&see_other(&r)).await;
    assert!(
        feedback
            .body
            .contains("/programme/reflections/storm-17-rewrite-library"),
        "{}",
        feedback.body
    );
    see_other(
        &ana.post(
            "/programme/reflections/storm-17-rewrite-library",
            &[("body", "I forgot the opening time.")],
        )
        .await,
    );
    let cohort_page = t
        .get(&format!("/trainer/programmes/{cohort}/transfer"))
        .await;
    assert!(cohort_page.body.contains("I forgot the opening time."));

    // The statement at the end of a session, and its follow-up four weeks on.
    assert_eq!(
        ana.post("/programme/evaluation", &[("comment", "x")])
            .await
            .status,
        400
    );
    see_other(
        &ana.post("/programme/evaluation", &[("effective", "4")])
            .await,
    );
    let statements = w
        .app
        .store
        .programme_evaluations(&topic.learner)
        .await
        .unwrap();
    let follow_up = format!("/programme/follow-up/{}", statements[0].id);
    let r = ana.get(&follow_up).await;
    assert_eq!(r.status, 400, "not yet: {}", r.body);
    assert!(r.body.contains("opens on"));
    let r = t.post("/trainer/test-clock", &[("days", "29")]).await;
    assert_eq!(r.status, 200, "{}", r.body);
    let home = ana.get("/programme/transfer").await;
    assert!(home.body.contains("A follow-up is waiting") && home.body.contains(&follow_up));
    let r = ana.post(&follow_up, &[("effective", "5")]).await;
    assert_eq!(r.status, 400);
    assert!(
        r.body
            .contains("Write what you have done differently since")
    );
    see_other(
        &ana.post(
            &follow_up,
            &[
                ("effective", "5"),
                ("done_differently", "A daily bins query"),
            ],
        )
        .await,
    );
    let cohort_page = t
        .get(&format!("/trainer/programmes/{cohort}/transfer"))
        .await;
    assert!(
        cohort_page.body.contains("4 (Agree)") && cohort_page.body.contains("5 (Strongly agree)"),
        "{}",
        cohort_page.body
    );
    assert!(
        cohort_page.body.contains(
            "4.0 out of 5 at the end of the session, 5.0 four to six weeks later (a change of +1.0)"
        ),
        "{}",
        cohort_page.body
    );
    let csv = t
        .get(&format!("/trainer/programmes/{cohort}/follow-up.csv"))
        .await;
    assert!(
        csv.body.contains(",4,,answered,5,1,A daily bins query,"),
        "{}",
        csv.body
    );

    // The team view: needs set by the trainer, a manager's link, the gaps without names.
    for (learner, level) in w
        .app
        .store
        .team_learners("press office")
        .await
        .unwrap()
        .iter()
        .zip([0.3, 0.5])
    {
        w.app
            .store
            .record_skill_levels(
                learner,
                &[("triage", level), ("operators", 0.9)],
                "placement",
                w.app.now(),
            )
            .await
            .unwrap();
    }
    let teams = t.get("/trainer/teams").await;
    let slug = all(r#"href="/trainer/teams/([0-9a-f]+)""#, &teams.body);
    assert_eq!(slug.len(), 1, "{}", teams.body);
    let team_url = format!("/trainer/teams/{}", slug[0]);
    let r = t
        .post(&format!("{team_url}/needs"), &[("triage", "lots")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("give a level from 0 to 100"));
    see_other(
        &t.post(
            &format!("{team_url}/needs"),
            &[("triage", "80"), ("operators", "70")],
        )
        .await,
    );
    let r = t.post(&format!("{team_url}/link"), &[]).await;
    let links = all(r"<code>https?://[^/]+(/team/[0-9a-f]{32})</code>", &r.body);
    assert_eq!(links.len(), 1, "{}", r.body);
    let mut manager = Client::new(&w.base);
    let view = manager.get(&links[0]).await;
    assert_eq!(view.status, 200, "{}", view.body);
    assert!(
        view.body
            .contains("Triage: the team needs 80% and is at 40% (2 of 2 measured below the need)"),
        "{}",
        view.body
    );
    assert!(!view.body.contains("Ana Silva") && !view.body.contains("Ben Okoro"));
    assert!(view.body.contains("<svg"));
    see_other(&manager.post(&links[0], &[("triage", "30")]).await);
    assert!(
        !manager
            .get(&links[0])
            .await
            .body
            .contains("Triage: the team needs")
    );
    // A new link replaces the old.
    t.post(&format!("{team_url}/link"), &[]).await;
    assert_eq!(manager.get(&links[0]).await.status, 404);
}
