//! The trainer's side of a drill over HTTP (issue 18): making a drill for a class, the clock's
//! controls (the trainer's only), who answered what with marks stored when first looked at,
//! alerts, an observer who watches and notes by link but cannot move the clock, notes, and the
//! after-action review with its HTML and CSV downloads; the trainer changing a mark (an
//! observer and a trainee cannot), shown in the review and its CSV. Time is a manual clock, so
//! the drill's minutes take none. On PostgreSQL too when `SANDPIT_TEST_DATABASE_URL` names a server.

mod support;

use chrono::Duration;
use sandpit::app::clock::Clock;
use sandpit::store::drill_work::{NewResponse, NewSearch};
use support::Client;
use support::classroom::class_with;
use support::drill_world::{parse_csv, signed_in, t0, world};

const SCENARIO: &str = "brightwell-recall-morning";

#[tokio::test]
async fn a_trainer_and_an_observer_run_a_drill_through_to_the_review() {
    let w = world().await;
    let key = w.app.store.trainer_secret(false).await.unwrap();
    let mut t = signed_in(&w.base, "/trainer/login", &[("secret", &key)]).await;
    let (class, code) = class_with(&mut t, &[]).await;
    let mut alice = signed_in(
        &w.base,
        "/join",
        &[("code", &code), ("name", "Alice Drill")],
    )
    .await;
    let _bob = signed_in(&w.base, "/join", &[("code", &code), ("name", "Bob Drill")]).await;
    let trainees = w.app.store.trainees(&class).await.unwrap();
    let id_of = |name: &str| trainees.iter().find(|x| x.name == name).unwrap().id.clone();
    let (alice_id, bob_id) = (id_of("Alice Drill"), id_of("Bob Drill"));

    // The list offers the shipped scenarios and the class; a drill is made for it.
    let list = t.get("/trainer/drills").await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains(SCENARIO), "{}", list.body);
    assert!(list.body.contains(&class));
    let bad = t
        .post(
            "/trainer/drills",
            &[("scenario", "no-such"), ("class", &class)],
        )
        .await;
    assert_eq!(
        bad.status, 404,
        "an unknown scenario is named: {}",
        bad.body
    );
    assert!(bad.body.contains("brightwell-recall-morning"));
    let made = t
        .post(
            "/trainer/drills",
            &[("scenario", SCENARIO), ("class", &class)],
        )
        .await;
    assert_eq!(made.status, 303, "{}", made.body);
    let page_url = made.location.clone();
    let drill = page_url
        .strip_prefix("/trainer/drills/")
        .unwrap()
        .to_string();
    assert!(t.get("/trainer/drills").await.body.contains(&page_url));

    // The clock: the trainer starts it; a trainee cannot touch it.
    let clock = format!("{page_url}/clock");
    let r = alice.post(&clock, &[("action", "start")]).await;
    assert_eq!(r.status, 403);
    let r = t.post(&clock, &[("action", "start")]).await;
    assert_eq!((r.status, r.location.as_str()), (303, page_url.as_str()));
    let r = t.post(&clock, &[("action", "start")]).await;
    assert_eq!(r.status, 400, "already running: {}", r.body);
    let r = t.post(&clock, &[("action", "fly")]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("start, pause, speed, next or end"));
    let r = t.post(&clock, &[("action", "speed"), ("speed", "2")]).await;
    assert_eq!(r.status, 303);
    w.clock.advance(Duration::minutes(10)); // 20 drill minutes at 2x
    let d = w.app.drill(&drill).await.unwrap();
    assert_eq!(d.at_ms(), 20 * 60_000);

    // Nobody has answered the brief (due T+00:10): the page says so, with what is coming.
    let page = t.get(&page_url).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("recall-brief"));
    assert!(page.body.contains("Not yet, and past due"), "{}", page.body);
    assert!(page.body.contains("Coming next"));
    assert!(page.body.contains("/static/drill-live.js"));

    // Alice answers the brief with every fact, ten minutes late; Bob with a wrong number.
    let good = "Stop using BX410, BX420 and BX430 heaters and unplug them. Call 0800 555 0177 for a refund. No receipt needed.";
    let wrong = "Stop using BX410, BX420 and BX430 heaters now. Call 0800 555 0171.";
    let publish = |learner: &str, name: &str, text: &str, key: &str| {
        let (drill, learner, name, text, key) = (
            drill.clone(),
            learner.to_string(),
            name.to_string(),
            text.to_string(),
            key.to_string(),
        );
        let app = w.app.clone();
        async move {
            app.store
                .publish_drill_response(&NewResponse {
                    drill_id: &drill,
                    learner: &learner,
                    author_name: &name,
                    inject_id: Some("recall-brief"),
                    deliverable: "post",
                    platform: Some("x"),
                    text: &text,
                    drill_ms: 20 * 60_000,
                    published_at: t0(),
                    submission: Some(&key),
                })
                .await
                .unwrap()
                .0
        }
    };
    let alice_response = publish(&alice_id, "Alice Drill", good, "k1").await;
    publish(&bob_id, "Bob Drill", wrong, "k2").await;
    // Alice's alert is in place before the fake refund site's posts (from T+00:21).
    w.app
        .store
        .save_drill_search(&NewSearch {
            drill_id: &drill,
            learner: &alice_id,
            name: "Scam watch",
            query: "\"refund portal\"",
            rule: "{}",
            created_ms: 20 * 60_000,
            at: t0(),
        })
        .await
        .unwrap();
    w.clock.advance(Duration::minutes(10)); // T+00:40

    // Looking at the page marks the responses and stores the marks.
    assert_eq!(
        w.app
            .store
            .drill_response(&alice_response)
            .await
            .unwrap()
            .unwrap()
            .score,
        None
    );
    let page = t.get(&page_url).await;
    assert!(page.body.contains("Alice Drill") && page.body.contains("Bob Drill"));
    assert!(page.body.contains("Scam watch"));
    let stored = w
        .app
        .store
        .drill_response(&alice_response)
        .await
        .unwrap()
        .unwrap();
    let score = stored.score.expect("marked when first looked at");
    assert!(stored.mark.unwrap().contains("\"late_ms\":600000"));
    let board = w.app.drill_board(&drill).await.unwrap();
    let bob_mark = board
        .responses
        .iter()
        .find(|m| m.response.learner == bob_id)
        .unwrap();
    assert!(
        bob_mark.mark.score < score,
        "a wrong number costs more than lateness"
    );
    let caught: Vec<_> = board
        .catches
        .iter()
        .filter(|c| c.learner == alice_id && c.caught_ms.is_some())
        .collect();
    assert!(
        !caught.is_empty(),
        "Alice's alert caught the scam: {:?}",
        board.catches
    );
    assert!(
        board
            .catches
            .iter()
            .filter(|c| c.learner == bob_id)
            .all(|c| c.caught_ms.is_none()),
        "Bob saved no search"
    );

    // An observer: a link of their own, shown once; they watch and note, never the clock.
    let r = t
        .post(
            &format!("{page_url}/observers"),
            &[("name", "Olu Observer")],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let token = r
        .body
        .split("/observe/")
        .nth(1)
        .and_then(|s| s.get(..32))
        .expect("the link is shown")
        .to_string();
    let stored = w.app.store.drill_observers(&drill).await.unwrap();
    assert_eq!(stored.len(), 1);
    let mut o = Client::new(&w.base);
    let view = o.get(&format!("/observe/{token}")).await;
    assert_eq!(view.status, 200, "{}", view.body);
    assert!(view.body.contains("You are observing this drill as"));
    assert!(view.body.contains("Alice Drill"));
    assert!(
        !view.body.contains("/clock"),
        "no clock controls for an observer"
    );
    let r = o.post(&clock, &[("action", "end")]).await;
    assert_eq!((r.status, r.location.as_str()), (303, "/trainer/login"));
    let r = o
        .post(&format!("/observe/{token}/clock"), &[("action", "end")])
        .await;
    assert!(
        [303, 404, 405].contains(&r.status),
        "no clock behind an observer's link: {}",
        r.status
    );
    assert_ne!(
        w.app.drill(&drill).await.unwrap().state().id(),
        "ended",
        "the observer did not end the drill"
    );
    let r = o
        .post(
            &format!("/observe/{token}/notes"),
            &[
                ("inject", "recall-brief"),
                ("learner", &alice_id),
                ("text", "Alice checked the number twice before posting."),
            ],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = o
        .post(&format!("/observe/{token}/notes"), &[("text", "  ")])
        .await;
    assert_eq!(r.status, 400);
    let r = o
        .post(
            &format!("/observe/{token}/notes"),
            &[("inject", "no-such"), ("text", "x")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("no-such"));

    // The trainer's note, formula-looking, for the CSV.
    let r = t
        .post(
            &format!("{page_url}/notes"),
            &[
                ("learner", &bob_id),
                ("text", "=HYPERLINK(\"x\") Bob hesitated"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    let notes = w.app.store.drill_notes(&drill).await.unwrap();
    assert_eq!(notes.len(), 2);
    let olu = notes
        .iter()
        .find(|n| n.author_name == "Olu Observer")
        .expect("the observer's note, under their name");
    assert_eq!(olu.drill_ms, 40 * 60_000, "stamped with the drill time");
    assert_eq!(olu.inject_id.as_deref(), Some("recall-brief"));
    assert_eq!(olu.learner.as_deref(), Some(alice_id.as_str()));

    // Closing the link shuts the observer out.
    let observer = &stored[0].id;
    let r = t
        .post(&format!("{page_url}/observers/{observer}/close"), &[])
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(o.get(&format!("/observe/{token}")).await.status, 404);

    // The end, and the review.
    let r = t.post(&clock, &[("action", "end")]).await;
    assert_eq!(r.status, 303);
    let review = t.get(&format!("{page_url}/review")).await;
    assert_eq!(review.status, 200);
    for s in [
        "After-action review",
        "Alice Drill",
        "Bob Drill",
        "Alice checked the number twice",
        "recall-brief",
        "Everyone",
        "missed-alert",
    ] {
        assert!(review.body.contains(s), "the review shows {s:?}");
    }
    let html = t.get(&format!("{page_url}/review.html")).await;
    assert_eq!(html.status, 200);
    let disposition = html.headers["content-disposition"].to_str().unwrap();
    assert!(disposition.starts_with("attachment;") && disposition.contains(".html"));
    assert!(html.body.contains("<style>") && !html.body.contains("/static/"));
    assert!(html.body.contains("Alice checked the number twice"));

    let csv = t.get(&format!("{page_url}/review.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let rows = parse_csv(csv.body.trim_start_matches('\u{feff}'));
    assert_eq!(
        rows[0],
        [
            "Drill time",
            "Drill seconds",
            "Kind",
            "Trainee",
            "Inject",
            "What",
            "Score",
            "Automatic score",
            "Mark changed by",
            "Reason for the change"
        ]
    );
    assert!(rows.iter().skip(1).all(|r| r.len() == 10), "{rows:?}");
    let review = w.app.drill_review(&drill).await.unwrap();
    assert_eq!(rows.len() - 1, review.events.len());
    let alice_row = rows
        .iter()
        .find(|r| r[2] == "response" && r[3] == "Alice Drill")
        .expect("Alice's response");
    assert_eq!(alice_row[4], "recall-brief");
    assert_eq!(alice_row[6], format!("{score:.1}"));
    let note = rows
        .iter()
        .find(|r| r[2] == "note" && r[3] == "Bob Drill")
        .unwrap();
    assert!(note[5].starts_with("Trainer noted: =HYPERLINK"), "{note:?}");
    assert!(
        rows.iter().all(|r| r.iter().all(|f| !f.starts_with('='))),
        "no field starts a formula"
    );
    assert!(
        rows.iter()
            .any(|r| r[2] == "clock" && r[5].starts_with("start"))
    );
    let secs: Vec<i64> = rows.iter().skip(1).map(|r| r[1].parse().unwrap()).collect();
    assert!(secs.windows(2).all(|p| p[0] <= p[1]), "in drill-time order");
}

#[tokio::test]
async fn the_trainer_changes_a_mark_and_the_review_shows_it() {
    let w = world().await;
    let key = w.app.store.trainer_secret(false).await.unwrap();
    let mut t = signed_in(&w.base, "/trainer/login", &[("secret", &key)]).await;
    let (class, code) = class_with(&mut t, &[]).await;
    let mut alice = signed_in(
        &w.base,
        "/join",
        &[("code", &code), ("name", "Alice Drill")],
    )
    .await;
    let alice_id = w.app.store.trainees(&class).await.unwrap()[0].id.clone();
    let made = t
        .post(
            "/trainer/drills",
            &[("scenario", SCENARIO), ("class", &class)],
        )
        .await;
    let page_url = made.location.clone();
    let drill = page_url.trim_start_matches("/trainer/drills/").to_string();
    t.post(&format!("{page_url}/clock"), &[("action", "start")])
        .await;
    w.clock.advance(Duration::minutes(8));
    // The helpline's number in words: the checker misses that fact.
    let (response, _) = w
        .app
        .store
        .publish_drill_response(&NewResponse {
            drill_id: &drill,
            learner: &alice_id,
            author_name: "Alice Drill",
            inject_id: Some("recall-brief"),
            deliverable: "post",
            platform: Some("x"),
            text: "Stop using BX410, BX420 and BX430 heaters and unplug them. Ring oh-eight-hundred 555 0177 for a refund. No receipt needed.",
            drill_ms: 8 * 60_000,
            published_at: t0(),
            submission: Some("k1"),
        })
        .await
        .unwrap();
    let mark_url = format!("{page_url}/responses/{response}/mark");
    // A post on Alice's own initiative, to no inject: listed apart, with its form too.
    let (own, _) = w
        .app
        .store
        .publish_drill_response(&NewResponse {
            drill_id: &drill,
            learner: &alice_id,
            author_name: "Alice Drill",
            inject_id: None,
            deliverable: "post",
            platform: Some("x"),
            text: "Our helpline is open until 8pm today.",
            drill_ms: 8 * 60_000,
            published_at: t0(),
            submission: Some("k2"),
        })
        .await
        .unwrap();

    // The board offers the form; the observer's copy of it does not.
    let board = t.get(&page_url).await;
    assert!(
        board.body.contains(&format!("action=\"{mark_url}\"")),
        "{}",
        board.body
    );
    assert!(board.body.contains("Change the mark"));
    assert!(board.body.contains("Other responses"));
    assert!(
        board
            .body
            .contains(&format!("action=\"{page_url}/responses/{own}/mark\""))
    );
    let automatic = w
        .app
        .store
        .drill_response(&response)
        .await
        .unwrap()
        .unwrap()
        .score
        .expect("marked on the board");
    assert!(automatic < 100.0, "{automatic}");
    let r = t
        .post(
            &format!("{page_url}/observers"),
            &[("name", "Olu Observer")],
        )
        .await;
    let token = r.body.split("/observe/").nth(1).unwrap()[..32].to_string();
    let mut o = Client::new(&w.base);
    let view = o.get(&format!("/observe/{token}")).await;
    assert_eq!(view.status, 200);
    assert!(!view.body.contains(&mark_url), "no form for an observer");

    // Bad input: a clear message, nothing stored.
    let reason = "=The number is there, in words";
    for (form, says) in [
        (
            vec![("score", "150"), ("reason", reason)],
            "outside 0 to 100",
        ),
        (
            vec![("score", "ninety"), ("reason", reason)],
            "not a whole number",
        ),
        (
            vec![("score", "100"), ("reason", "  ")],
            "the reason is empty",
        ),
        (
            vec![("action", "fly"), ("score", "100"), ("reason", reason)],
            "change or automatic",
        ),
    ] {
        let r = t.post(&mark_url, &form).await;
        assert_eq!(r.status, 400, "{says}: {}", r.body);
        assert!(r.body.contains(says), "{says}: {}", r.body);
    }
    let r = t
        .post(
            &format!("{page_url}/responses/no-such/mark"),
            &[("score", "100"), ("reason", reason)],
        )
        .await;
    assert_eq!(r.status, 404);
    // Only the trainer: an observer (no session) is sent to sign in, a trainee refused.
    let form = [("action", "change"), ("score", "100"), ("reason", reason)];
    let r = o.post(&mark_url, &form).await;
    assert_eq!((r.status, r.location.as_str()), (303, "/trainer/login"));
    let r = o
        .post(
            &format!("/observe/{token}/responses/{response}/mark"),
            &form,
        )
        .await;
    assert!(
        [303, 404, 405].contains(&r.status),
        "no marks behind an observer's link: {}",
        r.status
    );
    let r = alice.post(&mark_url, &form).await;
    assert_eq!(r.status, 403);
    assert!(
        w.app
            .store
            .drill_response_overrides(&response)
            .await
            .unwrap()
            .is_empty()
    );

    // The trainer changes it: the board shows the new score, the automatic one and the reason.
    w.clock.advance(Duration::minutes(2));
    let r = t.post(&mark_url, &form).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.location, format!("{page_url}#r-{response}"));
    let board = t.get(&page_url).await;
    assert!(board.body.contains("100.0"), "{}", board.body);
    assert!(board.body.contains(&format!("automatic {automatic:.1}")));
    assert!(board.body.contains("The number is there, in words"));
    assert!(board.body.contains("Go back to the automatic mark"));

    // The review, its HTML file and its CSV count the trainer's score.
    let review = t.get(&format!("{page_url}/review")).await;
    assert!(review.body.contains("100.0 out of 100"), "{}", review.body);
    assert!(
        review
            .body
            .contains(&format!("the automatic mark was {automatic:.1}"))
    );
    let html = t.get(&format!("{page_url}/review.html")).await;
    assert!(html.body.contains("Mark changed by Trainer at T+00:10"));
    let csv = t.get(&format!("{page_url}/review.csv")).await;
    let rows = parse_csv(csv.body.trim_start_matches('\u{feff}'));
    let row = rows
        .iter()
        .find(|r| r[2] == "response" && r[4] == "recall-brief")
        .expect("Alice's response");
    assert_eq!(row[6], "100.0");
    assert_eq!(row[7], format!("{automatic:.1}"));
    assert_eq!(row[8], "Trainer at T+00:10");
    assert_eq!(row[9], "'=The number is there, in words", "formula-safe");
    assert!(rows.iter().skip(1).all(|r| r.len() == 10));
    let others: Vec<_> = rows.iter().skip(1).filter(|r| r != &row).collect();
    assert!(
        others.len() > 1,
        "the inject, the other response, the clock"
    );
    assert!(
        others
            .iter()
            .all(|r| r[7].is_empty() && r[8].is_empty() && r[9].is_empty())
    );

    // Back to the automatic mark.
    let r = t.post(&mark_url, &[("action", "automatic")]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = t.post(&mark_url, &[("action", "automatic")]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("already the automatic one"), "{}", r.body);
    let csv = t.get(&format!("{page_url}/review.csv")).await;
    let rows = parse_csv(csv.body.trim_start_matches('\u{feff}'));
    let row = rows
        .iter()
        .find(|r| r[2] == "response" && r[4] == "recall-brief")
        .unwrap();
    assert_eq!(
        (row[6].clone(), row[7].clone()),
        (format!("{automatic:.1}"), String::new())
    );
    let history = w
        .app
        .store
        .drill_response_overrides(&response)
        .await
        .unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!((history[1].score, history[1].from_score), (None, 100.0));
}
