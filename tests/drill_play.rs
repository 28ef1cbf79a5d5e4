//! The players' drill pages in process (issue 18): the self-learner starts a drill and runs its
//! clock (a manual clock: ninety minutes in an instant), the page shows only what is released,
//! never an expectation or a flag; search with errors by column; saved searches and their
//! alerts; publishing once for a form sent twice, late answers to an enquiry; the events of the
//! live stream with `Last-Event-ID`; another class's drill refused.

mod support;

use std::time::Duration as StdDuration;

use chrono::Duration;
use sandpit::app::clock::Clock;
use support::drill_world::world_with;
use support::{Client, Setup};

const SCENARIO: &str = "brightwell-recall-morning";

/// Starts a drill as the self-learner; returns its id.
async fn start_drill(c: &mut Client) -> String {
    let list = c.get("/drills").await;
    assert_eq!(list.status, 200, "{}", list.body);
    assert!(list.body.contains("Start a drill"), "{}", list.body);
    let r = c.post("/drills", &[("scenario", SCENARIO)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.location.strip_prefix("/drills/").unwrap().to_string()
}

fn submission_of(body: &str) -> String {
    body.split("name=\"submission\" value=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .expect("the publish form has its key")
        .to_string()
}

#[tokio::test]
async fn the_self_learner_plays_a_drill_page_search_alerts_and_publishing() {
    let s = world_with(Setup::EMPTY).await;
    let mut c = Client::new(&s.base);
    let id = start_drill(&mut c).await;

    let page = c.get(&format!("/drills/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Not started"));
    assert!(page.body.contains("Start the clock"));
    assert!(page.body.contains("Responses open when the clock starts"));
    // The brief at T+00:00 is in the inbox, to its role by name.
    assert!(page.body.contains("Brief"), "{}", page.body);

    // Publishing before the start is refused with a reason.
    let early = c
        .post(
            &format!("/drills/{id}/responses"),
            &[
                ("deliverable", "post"),
                ("platform", "x"),
                ("text", "Hello"),
            ],
        )
        .await;
    assert_eq!(early.status, 400);
    assert!(early.body.contains("has not started"));

    let r = c
        .post(&format!("/drills/{id}/clock"), &[("action", "start")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    s.clock.advance(Duration::minutes(10));
    let page = c.get(&format!("/drills/{id}")).await;
    assert!(
        page.body.contains("T+00:10"),
        "the clock stands at ten minutes"
    );
    assert!(
        page.body.contains("class=\"drill-post ch-"),
        "posts are out"
    );
    // Nothing of the trainer's: no expectation, no flag, no model answer.
    assert!(!page.body.contains("reaction"));
    assert!(
        !page
            .body
            .contains("Product Safety Caldria has had 14 reports")
    );
    assert!(!page.body.contains("personal-data"));
    // Nothing before its moment: the enquiry comes at T+00:18, the scam at T+00:21.
    assert!(!page.body.contains("Norbury Echo"));
    assert!(!page.body.to_lowercase().contains("refund portal"));
    // The channel filter shows one channel.
    let forum = c.get(&format!("/drills/{id}?channel=forum")).await;
    assert_eq!(forum.status, 200);
    assert!(!forum.body.contains("class=\"drill-post ch-microblog"));
    let bad = c.get(&format!("/drills/{id}?channel=tv")).await;
    assert_eq!(bad.status, 400);
    assert!(bad.body.contains("is not a channel"), "{}", bad.body);

    // A search with a mistake says the column; a good one finds only released posts.
    let err = c
        .get(&format!("/drills/{id}/search?q=recall%20AND%20("))
        .await;
    assert_eq!(err.status, 400);
    assert!(err.body.contains("column"), "{}", err.body);
    let none = c
        .get(&format!("/drills/{id}/search?q=%22refund%20portal%22"))
        .await;
    assert!(none.body.contains("0 posts match"), "{}", none.body);

    // Save that search with a threshold alert: 3 posts in 5 minutes.
    let r = c
        .post(
            &format!("/drills/{id}/searches"),
            &[
                ("name", "Refund scam"),
                ("query", "refund"),
                ("rule", "at_least"),
                ("window", "5"),
                ("k", ""),
                ("min", ""),
                ("count", "3"),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let bad_rule = c
        .post(
            &format!("/drills/{id}/searches"),
            &[("query", "refund"), ("rule", "spike"), ("window", "0")],
        )
        .await;
    assert_eq!(bad_rule.status, 400);
    assert!(bad_rule.body.contains("window"));
    let page = c.get(&format!("/drills/{id}")).await;
    assert!(
        page.body
            .contains("alerts when 3 or more posts match in 5 minutes")
    );
    assert!(page.body.contains("No alert yet"));

    // Twenty minutes on: the scam wave is out and the alert has fired.
    s.clock.advance(Duration::minutes(20));
    let page = c.get(&format!("/drills/{id}")).await;
    assert!(
        page.body.contains("<strong>Alert</strong> at T+00:"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("Norbury Echo"),
        "the enquiry is in the inbox"
    );
    assert!(page.body.contains("min left"), "its deadline counts down");
    let found = c.get(&format!("/drills/{id}/search?q=refund")).await;
    assert!(!found.body.contains(" 0 posts match"));

    // Publish an answer to the enquiry; the same form sent twice publishes once.
    let key = submission_of(&page.body);
    let form = [
        ("inject", "echo-enquiry"),
        ("deliverable", "statement"),
        ("platform", ""),
        (
            "text",
            "We have had 14 reports of these heaters overheating. Three caught fire.",
        ),
        ("submission", key.as_str()),
        ("action", "publish"),
    ];
    let first = c.post(&format!("/drills/{id}/responses"), &form).await;
    assert_eq!(first.status, 303, "{}", first.body);
    let again = c.post(&format!("/drills/{id}/responses"), &form).await;
    assert_eq!(
        again.location, first.location,
        "the same response both times"
    );
    assert_eq!(
        s.app.store.drill_responses(&id, None).await.unwrap().len(),
        1
    );
    let shown = c.get(&first.location).await;
    assert!(
        shown.body.contains("Published at T+00:30"),
        "{}",
        shown.body
    );
    assert!(shown.body.contains("Our account"));
    assert!(shown.body.contains("The composer's check"));

    // Check shows the counts without publishing; a post too long for X is refused.
    let long = "Word ".repeat(80);
    let check = c
        .post(
            &format!("/drills/{id}/responses"),
            &[
                ("deliverable", "post"),
                ("platform", "x"),
                ("text", &long),
                ("action", "check"),
            ],
        )
        .await;
    assert_eq!(check.status, 200);
    assert!(check.body.contains("too long"), "{}", check.body);
    let refused = c
        .post(
            &format!("/drills/{id}/responses"),
            &[("deliverable", "post"), ("platform", "x"), ("text", &long)],
        )
        .await;
    assert_eq!(refused.status, 400);
    assert!(refused.body.contains("Nothing was published"));
    let unknown = c
        .post(
            &format!("/drills/{id}/responses"),
            &[
                ("inject", "tagblatt"),
                ("deliverable", "reply"),
                ("platform", "x"),
                ("text", "Hi"),
            ],
        )
        .await;
    assert_eq!(unknown.status, 400, "T+00:38's article is not out yet");
    assert_eq!(
        s.app.store.drill_responses(&id, None).await.unwrap().len(),
        1
    );

    // After the deadline (T+00:50) the answer is still taken, and shown as late.
    s.clock.advance(Duration::minutes(25));
    let page = c.get(&format!("/drills/{id}")).await;
    assert!(page.body.contains("Deadline passed"));
    let late = c
        .post(
            &format!("/drills/{id}/responses"),
            &[
                ("inject", "echo-enquiry"),
                ("deliverable", "statement"),
                ("text", "Fourteen reports, three fires."),
                ("submission", &submission_of(&page.body)),
            ],
        )
        .await;
    assert_eq!(late.status, 303, "{}", late.body);
    let shown = c.get(&late.location).await;
    assert!(
        shown.body.contains("Late: after the enquiry"),
        "{}",
        shown.body
    );
}

/// Reads server-sent events until `want` appears in the text (or the time runs out).
async fn read_events(mut r: reqwest::Response, want: &str, within: StdDuration) -> String {
    let mut seen = String::new();
    let deadline = tokio::time::Instant::now() + within;
    while !seen.to_lowercase().contains(&want.to_lowercase()) {
        match tokio::time::timeout_at(deadline, r.chunk()).await {
            Ok(Ok(Some(bytes))) => seen.push_str(&String::from_utf8_lossy(&bytes)),
            _ => break,
        }
    }
    seen
}

#[tokio::test]
async fn the_events_push_what_the_clock_releases_and_resume_from_last_event_id() {
    let s = world_with(Setup::EMPTY).await;
    let mut c = Client::new(&s.base);
    let id = start_drill(&mut c).await;
    c.post(&format!("/drills/{id}/clock"), &[("action", "start")])
        .await;
    let http = support::http_client();
    let url = format!("{}/drills/{id}/events", s.base);
    let r = http.get(&url).send().await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(
        r.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/event-stream")
    );
    s.clock.advance(Duration::minutes(19));
    let seen = read_events(r, "Norbury Echo", StdDuration::from_secs(10)).await;
    assert!(seen.contains("event: batch"), "{seen}");
    assert!(
        seen.contains("inject-echo-enquiry"),
        "the enquiry is pushed: {seen}"
    );
    assert!(!seen.contains("refund portal"), "not before T+00:21");
    let last_id = seen
        .lines()
        .rev()
        .find_map(|l| l.strip_prefix("id: "))
        .unwrap()
        .to_string();

    // Disconnected; the drill runs on and a response is published. A reconnect with its last
    // id gets what it missed: the scam post and the response, and not the enquiry again.
    s.clock.advance(Duration::minutes(3));
    let page = c.get(&format!("/drills/{id}")).await;
    let r = c
        .post(
            &format!("/drills/{id}/responses"),
            &[
                ("deliverable", "post"),
                ("platform", "x"),
                ("text", "MARKER42 Do not use refund links."),
                ("submission", &submission_of(&page.body)),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = http
        .get(&url)
        .header("Last-Event-ID", &last_id)
        .send()
        .await
        .unwrap();
    // Three drill minutes of a busy stream come in batches, oldest first.
    let seen = read_events(r, "refund portal", StdDuration::from_secs(10)).await;
    assert!(seen.contains("MARKER42"), "{seen}");
    assert!(seen.to_lowercase().contains("refund portal"), "{seen}");
    assert!(
        !seen.contains("inject-echo-enquiry"),
        "the enquiry is not sent twice"
    );
}

/// The trends section follows the clock live: the events send it again as the drill moves on,
/// with the same markup the page renders at that moment.
#[tokio::test]
async fn the_events_send_the_trends_as_the_drill_moves_on() {
    let s = world_with(Setup::EMPTY).await;
    let mut c = Client::new(&s.base);
    let id = start_drill(&mut c).await;
    c.post(&format!("/drills/{id}/clock"), &[("action", "start")])
        .await;
    let page = c.get(&format!("/drills/{id}")).await;
    assert!(page.body.contains("to T+00:00"), "{}", page.body);
    let r = support::http_client()
        .get(format!("{}/drills/{id}/events", s.base))
        .send()
        .await
        .unwrap();
    s.clock.advance(Duration::minutes(20));
    let seen = read_events(r, "to T+00:20", StdDuration::from_secs(10)).await;
    let pushed: Vec<String> = seen
        .lines()
        .filter_map(|l| l.strip_prefix("data: "))
        .filter_map(|d| serde_json::from_str::<serde_json::Value>(d).ok())
        .filter_map(|d| d["trends"].as_str().map(str::to_string))
        .filter(|t| !t.is_empty())
        .collect();
    let last = pushed.last().expect("the trends were sent");
    assert!(last.contains("to T+00:20"), "{last}");
    assert!(
        last.contains("Rising in the last fifteen minutes"),
        "{last}"
    );
    let page = c.get(&format!("/drills/{id}")).await;
    let on_page = page
        .body
        .split("<div id=\"drill-trends\">")
        .nth(1)
        .and_then(|t| t.split("</div>").next())
        .expect("the page's trends");
    assert_eq!(on_page, last, "the same markup as the page at T+00:20");
    assert!(
        !on_page.contains("Nothing is rising yet"),
        "twenty minutes in, something rises: {on_page}"
    );
}

#[tokio::test]
async fn a_trainee_sees_only_their_class_drills() {
    let server = support::start(Setup::CLASSROOM).await;
    let mut t = support::classroom::trainer(&server).await;
    let (class_a, code_a) =
        support::classroom::class_with(&mut t, &["storm-17-rewrite-library"]).await;
    let (_class_b, code_b) =
        support::classroom::class_with(&mut t, &["storm-17-rewrite-library"]).await;
    let drill = server
        .app
        .create_drill(SCENARIO, Some(&class_a))
        .await
        .unwrap();
    let mut alice = support::classroom::join(&server, &code_a, "Alice Player").await;
    let mut bob = support::classroom::join(&server, &code_b, "Bob Player").await;

    let class = alice.get("/class").await;
    assert!(
        class
            .body
            .contains(&format!("href=\"/drills/{}\"", drill.id)),
        "the class page links the class's drill"
    );
    let list = alice.get("/drills").await;
    assert!(list.body.contains(&format!("/drills/{}", drill.id)));
    assert!(
        !list.body.contains("Start a drill"),
        "trainees do not start drills"
    );
    assert_eq!(
        alice.get(&format!("/drills/{}", drill.id)).await.status,
        200
    );

    let list = bob.get("/drills").await;
    assert!(!list.body.contains(&drill.id));
    for path in ["", "/events", "/search?q=recall"] {
        let r = bob.get(&format!("/drills/{}{path}", drill.id)).await;
        assert_eq!(r.status, 403, "{path}");
        assert!(r.body.contains("This drill is not yours"), "{path}");
    }
    let r = bob
        .post(
            &format!("/drills/{}/responses", drill.id),
            &[("deliverable", "nothing")],
        )
        .await;
    assert_eq!(r.status, 403);
    // A trainee does not run a class drill's clock, nor start drills.
    let r = alice
        .post(
            &format!("/drills/{}/clock", drill.id),
            &[("action", "start")],
        )
        .await;
    assert_eq!(r.status, 403);
    let r = alice.post("/drills", &[("scenario", SCENARIO)]).await;
    assert_eq!(r.status, 400);
}
