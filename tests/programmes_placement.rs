//! The placement diagnostic through HTTP (docs/programmes.md, "Placement"), for a programme's
//! learner in classroom mode and for the self-learner on localhost: the start page, one item
//! at a time with "item N of 18", a query that does not run refused with its column and kept in
//! the box, half the items answered, the application closed and opened again on the same data
//! directory and database, the placement resumed at the next item, a form for an old item
//! ignored, the last item skipped, and the profile: a picture of the levels, the same numbers
//! in a table, a starting point per skill, and after a retake both measurements in its history.

mod support;

use sandpit::app::App;
use sandpit::catalog::placement::{self, Answer, Item};
use support::{Client, Setup, open_app, token_in};

const PASS: &str = "kettle harbour blue lantern";

/// Sandpit on a free port over `dir`, until `stop` is sent.
struct Running {
    base: String,
    app: App,
    stop: tokio::sync::oneshot::Sender<()>,
    done: tokio::task::JoinHandle<()>,
}

async fn serve(dir: &std::path::Path, setup: Setup) -> Running {
    let app = open_app(dir, setup).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let base = format!("http://{}", listener.local_addr().expect("addr"));
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let done = tokio::spawn({
        let app = app.clone();
        async move {
            let _ = sandpit::web::run(app, listener, async move {
                let _ = stopped.await;
            })
            .await;
        }
    });
    Running {
        base,
        app,
        stop,
        done,
    }
}

impl Running {
    async fn close(self) {
        let _ = self.stop.send(());
        let _ = self.done.await;
        drop(self.app);
    }
}

/// The form a browser sends for `answer` to `item`.
fn form(item: &Item, answer: &Answer) -> Vec<(String, String)> {
    let mut out = vec![("item".to_string(), item.id.clone())];
    match answer {
        Answer::Text(t) => out.push(("text".into(), t.clone())),
        Answer::Picks(ids) => out.extend(ids.iter().map(|i| ("pick".to_string(), i.clone()))),
        Answer::Labels(l) => out.extend(
            l.iter()
                .map(|(id, label)| (format!("label:{id}"), label.id().to_string())),
        ),
    }
    out
}

async fn send(c: &mut Client, fields: &[(String, String)]) -> support::Resp {
    let pairs: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    c.post("/programme/placement/answer", &pairs).await
}

/// Answers items `from..to` (0-based) with their model answers, checking each page first.
async fn answer_models(c: &mut Client, from: usize, to: usize) {
    let items = &placement::shipped().expect("loads").items;
    for (i, item) in items.iter().enumerate().take(to).skip(from) {
        let page = c.get("/programme/placement").await;
        assert_eq!(page.status, 200, "{}", page.body);
        assert!(
            page.body.contains(&format!("item {} of 18", i + 1)) && page.body.contains(&item.title),
            "item {}: {}",
            i + 1,
            page.body
        );
        let r = send(c, &form(item, &item.model)).await;
        assert_eq!(r.status, 303, "{}: {}", item.id, r.body);
        let next = if i + 1 == items.len() {
            "/programme/profile"
        } else {
            "/programme/placement"
        };
        assert_eq!(r.location, next);
    }
}

/// A programme learner signed in through their link, in classroom mode.
async fn learner(run: &Running) -> Client {
    let key = run.app.store.trainer_secret(false).await.expect("secret");
    let mut t = Client::new(&run.base);
    let r = t.post("/trainer/login", &[("secret", &key)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    t.cookie = r.set_cookie.as_deref().and_then(token_in);
    let r = t
        .post("/trainer/programmes", &[("title", "Kerrow comms team")])
        .await;
    let cohort = r.location.clone();
    let r = t
        .post_multipart(
            &format!("{cohort}/learners"),
            &[("names", "Ana Silva")],
            &[],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let at = r.body.find("/learn/").expect("a link");
    let link = r.body[at..at + "/learn/".len() + 32].to_string();
    let mut ana = Client::new(&run.base);
    let r = ana
        .post(&link, &[("passphrase", PASS), ("confirm", PASS)])
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/learn"),
        "{}",
        r.body
    );
    ana.cookie = r.set_cookie.as_deref().and_then(token_in);
    ana
}

async fn whole_placement(setup: Setup) {
    let dir = tempfile::tempdir().expect("tempdir");
    let run = serve(dir.path(), setup).await;
    let mut c = if setup.classroom {
        learner(&run).await
    } else {
        Client::new(&run.base)
    };

    let profile = c.get("/programme/profile").await;
    assert_eq!(profile.status, 200, "{}", profile.body);
    assert!(
        profile.body.contains("Nothing measured yet"),
        "{}",
        profile.body
    );
    let start = c.get("/programme/placement").await;
    assert!(
        start.body.contains("18 short tasks") && start.body.contains("Start the placement"),
        "{}",
        start.body
    );
    let r = c.post("/programme/placement/start", &[]).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/programme/placement")
    );

    // A query that does not run: refused with its column, the query kept in the box.
    let items = &placement::shipped().expect("loads").items;
    let bad = vec![
        ("item".to_string(), items[0].id.clone()),
        ("text".to_string(), "sandbag OR".to_string()),
    ];
    let r = send(&mut c, &bad).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body
            .contains("Column 9: OR needs a search term after it.")
            && r.body.contains(">sandbag OR</textarea>"),
        "{}",
        r.body
    );
    assert!(r.body.contains("item 1 of 18"), "nothing moved on");

    answer_models(&mut c, 0, 9).await;

    // The application closes and opens again on the same data: the placement resumes.
    run.close().await;
    let run = serve(dir.path(), setup).await;
    let cookie = c.cookie.clone();
    let mut c = Client::new(&run.base);
    c.cookie = cookie;
    let page = c.get("/programme/placement").await;
    assert!(page.body.contains("item 10 of 18"), "{}", page.body);
    // A form for an item already answered (sent again, or from an old tab) changes nothing.
    let r = send(&mut c, &form(&items[0], &items[0].wrong)).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/programme/placement")
    );
    assert!(
        c.get("/programme/placement")
            .await
            .body
            .contains("item 10 of 18")
    );

    answer_models(&mut c, 9, 17).await;
    // The last item (accessibility, difficulty 3) skipped.
    let last = &items[17];
    let r = send(
        &mut c,
        &[
            ("item".to_string(), last.id.clone()),
            ("skip".to_string(), "1".to_string()),
        ],
    )
    .await;
    assert_eq!((r.status, r.location.as_str()), (303, "/programme/profile"));

    let profile = c.get("/programme/profile").await;
    assert_eq!(profile.status, 200);
    let body = &profile.body;
    assert!(body.contains("<svg role=\"img\""), "{body}");
    // Accessibility: two items of difficulty 1 and 2 done, the one of difficulty 3 skipped.
    assert!(
        body.contains("<th scope=\"row\">Accessible posts</th><td>50%</td><td>intermediate</td>"),
        "{body}"
    );
    assert!(
        body.contains("<th scope=\"row\">Monitoring queries</th><td>100%</td><td>advanced</td><td><a href=\"/exercises/"),
        "{body}"
    );
    assert!(
        body.contains("Emoji and capitals</strong> (Accessible posts): skipped"),
        "{body}"
    );
    assert_eq!(body.matches(" (placement)</th>").count(), 1, "{body}");

    if !setup.classroom {
        let history = run.app.store.skill_history("local").await.expect("history");
        assert_eq!(history.len(), 6);
        assert!(history.iter().all(|l| l.source == "placement"));
    }

    // A retake, everything skipped: a second measurement, the first kept.
    let r = c.post("/programme/placement/start", &[]).await;
    assert_eq!(r.status, 303);
    for item in items {
        send(
            &mut c,
            &[
                ("item".to_string(), item.id.clone()),
                ("skip".to_string(), "1".to_string()),
            ],
        )
        .await;
    }
    let body = c.get("/programme/profile").await.body;
    assert_eq!(body.matches(" (placement)</th>").count(), 2, "{body}");
    assert!(
        body.contains("<th scope=\"row\">Monitoring queries</th><td>0%</td><td>beginner</td>"),
        "{body}"
    );
    run.close().await;
}

#[tokio::test]
async fn a_self_learner_takes_the_placement_and_resumes_after_a_restart() {
    whole_placement(Setup::EMPTY).await;
}

#[tokio::test]
async fn a_programme_learner_takes_the_placement_and_resumes_after_a_restart() {
    whole_placement(Setup {
        classroom: true,
        ..Setup::EMPTY
    })
    .await;
}
