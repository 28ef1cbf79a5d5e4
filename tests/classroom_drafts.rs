//! The trainee's exercise page as a real room uses it, over HTTP on loopback: no draft is lost
//! to any refusal of a submission (a lock, an exercise taken out of the class, an ended session,
//! bad or oversized input, a malformed form), the attempt history with its feedback, hints and
//! the model answer beside the latest feedback, the next exercise after a pass, and the news of
//! locks and shares on the pages and in `/class/news`.

mod support;

use support::classroom::{class_with, join, rejoin_word, submit, trainer};
use support::page::{
    answer_box, attempts_url, kept_box, stored_attempts, summary_links_to, trainee_id,
};
use support::{Client, Setup, start, token_in};

const REWRITE: &str = "storm-17-rewrite-library";
const FERRY: &str = "storm-13-rewrite-ferry";
const MONITOR: &str = "storm-01-sandbags";
const TRIAGE: &str = "storm-12-triage-consular-desk";
/// A post that passes the library exercise.
const GOOD: &str = "The library reopens on Saturday 10 May at 9am. Children's books are upstairs. \
                    No fines. Staff can help with flood grant forms. #PortEllisLibrary";
/// A draft with words found nowhere else on the page (and nothing HTML escapes).
const DRAFT: &str = "DRAFTWORDS Library open again from Saturday 9am";

#[tokio::test]
async fn a_lock_while_typing_keeps_the_draft_with_the_reason() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut a = join(&server, &code, "Typing Tess").await;
    submit(&mut a, REWRITE, "library").await;
    let tess = trainee_id(&server, &class, "Typing Tess").await;

    let lock = format!("/trainer/classes/{class}/exercises/{REWRITE}/lock");
    assert_eq!(t.post(&lock, &[("locked", "1")]).await.status, 303);
    let r = a.post(&attempts_url(REWRITE), &[("answer", DRAFT)]).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(
        answer_box(&r.body).as_deref(),
        Some(DRAFT),
        "the draft is in the box"
    );
    assert!(r.body.contains("locked this exercise"), "{}", r.body);
    assert!(summary_links_to(&r.body, "answer"), "{}", r.body);
    assert!(
        r.body.contains("id=\"answer-error\""),
        "the reason beside the box"
    );
    assert_eq!(
        stored_attempts(&server, &tess).await,
        1,
        "no attempt stored"
    );

    // Reloading the page (or coming back later) keeps it, marked as not sent.
    let page = a.get(&format!("/exercises/{REWRITE}")).await;
    assert_eq!(answer_box(&page.body).as_deref(), Some(DRAFT));
    assert!(page.body.contains("not sent yet"));
    assert!(page.body.contains("closed this exercise to new attempts"));

    // Reopened: the draft is sent, and the box shows the attempt, no longer a draft.
    assert_eq!(t.post(&lock, &[("locked", "0")]).await.status, 303);
    let page = a.get(&format!("/exercises/{REWRITE}")).await;
    assert_eq!(answer_box(&page.body).as_deref(), Some(DRAFT));
    submit(&mut a, REWRITE, DRAFT).await;
    let page = a.get(&format!("/exercises/{REWRITE}")).await;
    assert_eq!(answer_box(&page.body).as_deref(), Some(DRAFT));
    assert!(
        !page.body.contains("not sent yet"),
        "the draft became an attempt"
    );
}

#[tokio::test]
async fn an_exercise_taken_out_of_the_class_gives_the_draft_back() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE, FERRY]).await;
    let mut a = join(&server, &code, "Out Of Class").await;
    submit(&mut a, REWRITE, "library").await;
    // The trainer keeps only the monitoring exercise.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/exercises"),
            &[("exercise", MONITOR), ("position:storm-01-sandbags", "1")],
        )
        .await;
    assert_eq!(r.status, 303);

    // Tried before: the exercise page, with the draft and why.
    let r = a.post(&attempts_url(REWRITE), &[("answer", DRAFT)]).await;
    assert_eq!(r.status, 403);
    assert_eq!(answer_box(&r.body).as_deref(), Some(DRAFT));
    assert!(r.body.contains("not part of your class"), "{}", r.body);
    assert!(summary_links_to(&r.body, "answer"));

    // Never tried: the exercise is not theirs to open, but the words still come back.
    let r = a.post(&attempts_url(FERRY), &[("answer", DRAFT)]).await;
    assert_eq!(r.status, 403);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT), "{}", r.body);
    assert!(r.body.contains("not part of your class"));
    let who = trainee_id(&server, &class, "Out Of Class").await;
    assert_eq!(
        server.app.store.draft(&who, FERRY).await.expect("draft"),
        None,
        "nothing kept for an exercise outside the class"
    );
}

#[tokio::test]
async fn an_ended_session_gives_the_draft_back_and_joining_again_carries_it() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut a = join(&server, &code, "Left Tab").await;
    // Signed out in another tab.
    let mut other_tab = a.clone();
    assert_eq!(other_tab.post("/leave", &[]).await.status, 303);

    let r = a.post(&attempts_url(REWRITE), &[("answer", DRAFT)]).await;
    assert_eq!(r.status, 401, "{}", r.body);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT));
    assert!(r.body.contains("no longer signed in"), "{}", r.body);
    assert!(
        r.body
            .contains("name=\"exercise\" value=\"storm-17-rewrite-library\"")
    );
    assert!(r.body.contains("action=\"/join\""));
    assert_eq!(r.headers["cache-control"], "no-store");

    // No session at all (a new browser, or the server's data replaced): the same.
    let mut stranger = Client::new(&server.base);
    let r = stranger
        .post(&attempts_url(REWRITE), &[("answer", DRAFT)])
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT));
    // A hint asked for with no session: the same page, nothing opened.
    let r = stranger
        .post(&format!("/exercises/{REWRITE}/hint"), &[("answer", DRAFT)])
        .await;
    assert_eq!(r.status, 401);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT));

    // A mistyped code: the page again, with the reason and the draft still carried.
    let carried = [
        ("code", "ZZZZZZ"),
        ("name", "Left Tab"),
        ("exercise", REWRITE),
        ("draft", DRAFT),
    ];
    let r = stranger.post("/join", &carried).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT));
    assert!(r.body.contains("class=\"error-summary\""));
    assert!(
        r.body
            .contains(&format!("name=\"draft\" value=\"{DRAFT}\""))
    );

    // The name is in the class already: without its rejoin word, the page asks for it and
    // the draft is still carried.
    assert!(r.body.contains("name=\"rejoin\""), "{}", r.body);
    let without_word = [
        ("code", code.as_str()),
        ("name", "Left Tab"),
        ("exercise", REWRITE),
        ("draft", DRAFT),
    ];
    let r = stranger.post("/join", &without_word).await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT));
    assert!(r.body.contains("id=\"rejoin-error\""), "{}", r.body);

    // Joining again from that page with the word: back at the exercise, the draft in the box.
    let word = rejoin_word(&server, &code, "Left Tab").await;
    let carried = [
        ("code", code.as_str()),
        ("name", "Left Tab"),
        ("rejoin", word.as_str()),
        ("exercise", REWRITE),
        ("draft", DRAFT),
    ];
    let r = stranger.post("/join", &carried).await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(
        r.location,
        format!("/exercises/{REWRITE}#answer-form"),
        "back to the exercise"
    );
    stranger.cookie = r.set_cookie.as_deref().and_then(token_in);
    let page = stranger.get(&format!("/exercises/{REWRITE}")).await;
    assert_eq!(page.status, 200);
    assert_eq!(answer_box(&page.body).as_deref(), Some(DRAFT));
    assert!(page.body.contains("not sent yet"));
    let who = trainee_id(&server, &class, "Left Tab").await;
    assert_eq!(stored_attempts(&server, &who).await, 0, "nothing was sent");

    // An ordinary join still goes to the class page.
    let plain = join(&server, &code, "Plain Joiner").await;
    drop(plain);
}

#[tokio::test]
async fn bad_oversized_and_malformed_answers_keep_the_draft() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE, TRIAGE]).await;
    let mut a = join(&server, &code, "Careless Cal").await;
    let cal = trainee_id(&server, &class, "Careless Cal").await;

    // Empty.
    let r = a.post(&attempts_url(REWRITE), &[("answer", "  ")]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Write your post before you submit"));
    assert!(summary_links_to(&r.body, "answer"));

    // Over the limit: the whole answer comes back, with the reason.
    let long = format!("{DRAFT} {}", "word ".repeat(20_100));
    let r = a.post(&attempts_url(REWRITE), &[("answer", &long)]).await;
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("too long"),
        "{}",
        &r.body[..500.min(r.body.len())]
    );
    assert_eq!(answer_box(&r.body).as_deref(), Some(long.as_str()));
    assert!(
        r.body.contains("maxlength=\"100000\""),
        "the box says the limit"
    );

    // Larger than the server takes at all (2 MiB): a page that says why, not a bare 413.
    let huge = format!("answer={}", "a".repeat(3 * 1024 * 1024));
    let r = a
        .post_raw(
            &attempts_url(REWRITE),
            "application/x-www-form-urlencoded",
            huge.into_bytes(),
        )
        .await;
    assert_eq!(r.status, 400, "{}", &r.body[..300.min(r.body.len())]);
    assert!(
        r.body.contains("could not read what was sent"),
        "{}",
        r.body
    );
    assert_eq!(
        answer_box(&r.body).as_deref(),
        Some(long.as_str()),
        "the draft kept before stays in the box"
    );
    assert!(r.body.contains("class=\"error-summary\""));

    // Malformed: broken escapes and bytes that are not UTF-8 are read as well as they can be,
    // and the answer goes through.
    let r = a
        .post_raw(
            &attempts_url(REWRITE),
            "application/x-www-form-urlencoded",
            b"answer=Library+open+%ZZ+Saturday+\xff%E2".to_vec(),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    // A form sent with the wrong content type is read too.
    let r = a
        .post_raw(
            &attempts_url(REWRITE),
            "text/plain",
            format!("answer={}", DRAFT.replace(' ', "+")).into_bytes(),
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(stored_attempts(&server, &cal).await, 2);

    // A triage label that is not one: the labels that were good stay ticked.
    let r = a
        .post(
            &attempts_url(TRIAGE),
            &[("label:sh-0346", "escalate"), ("label:sh-0327", "maybe")],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("is not a triage label"));
    // The good label is kept as the draft (the test server has no storm corpus to show the
    // posts themselves; with it, the radio stays ticked: see the browser journeys).
    let kept = server
        .app
        .store
        .draft(&cal, TRIAGE)
        .await
        .expect("draft")
        .expect("a draft kept")
        .0;
    assert!(kept.contains("\"sh-0346\":\"escalate\""), "{kept}");
    assert!(!kept.contains("sh-0327"), "{kept}");
    assert!(
        summary_links_to(&r.body, "l-sh-0346-relevant"),
        "{}",
        r.body
    );
    // An unknown exercise: the answer comes back too.
    let r = a
        .post("/exercises/no-such-exercise/attempts", &[("answer", DRAFT)])
        .await;
    assert_eq!(r.status, 404);
    assert_eq!(kept_box(&r.body).as_deref(), Some(DRAFT));
    assert_eq!(
        stored_attempts(&server, &cal).await,
        2,
        "no refused attempt stored"
    );
}

#[tokio::test]
async fn history_and_hints_beside_the_latest_feedback() {
    let server = start(Setup::MINI).await;
    let mut me = Client::new(&server.base);
    let first = submit(&mut me, REWRITE, "FIRSTTRY library").await;
    let second = submit(&mut me, REWRITE, "SECONDTRY library Saturday").await;

    // The history: newest first, each with its score and time, each openable.
    let page = me.get(&format!("/exercises/{REWRITE}")).await;
    let history = page
        .body
        .split("id=\"history\"")
        .nth(1)
        .expect("a history section")
        .to_string();
    let (two, one) = (
        history.find("SECONDTRY").expect("second"),
        history.find("FIRSTTRY").expect("first"),
    );
    assert!(two < one, "newest first");
    assert!(history.contains(&format!("?attempt={first}#feedback")));
    assert!(history.contains("Attempt 1") && history.contains("Attempt 2"));
    assert!(history.contains("out of 100") && history.contains(" UTC"));
    // With no attempt named, the page shows the latest attempt's feedback.
    assert!(page.body.contains("id=\"feedback\""));
    assert!(page.body.contains("Your latest attempt"));
    let old = me
        .get(&format!("/exercises/{REWRITE}?attempt={first}"))
        .await;
    assert!(old.body.contains("An earlier attempt"));
    assert_eq!(answer_box(&old.body).as_deref(), Some("FIRSTTRY library"));
    assert!(!second.is_empty());

    // A hint asked for with words in the box: the hint, the latest feedback and the words.
    let r = me
        .post(&format!("/exercises/{REWRITE}/hint"), &[("answer", DRAFT)])
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/exercises/storm-17-rewrite-library#hints")
    );
    let page = me.get(&format!("/exercises/{REWRITE}")).await;
    assert!(page.body.contains("id=\"feedback\""), "the feedback stays");
    assert!(page.body.contains("Your latest attempt"));
    assert!(page.body.contains("Show a hint (") || page.body.contains("<ol><li>"));
    let hints = page.body.split("id=\"hints\"").nth(1).expect("hints");
    assert!(hints.contains("<li>"), "one hint shown");
    assert_eq!(answer_box(&page.body).as_deref(), Some(DRAFT));
    assert!(
        page.body
            .contains("formaction=\"/exercises/storm-17-rewrite-library/hint\"")
    );
    assert!(page.body.contains("form=\"answer-form\""));

    // The model answer too (after three attempts, for a self-learner).
    submit(&mut me, REWRITE, "THIRDTRY library").await;
    let r = me
        .post(
            &format!("/exercises/{REWRITE}/reveal"),
            &[("answer", DRAFT)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = me.get(&format!("/exercises/{REWRITE}")).await;
    assert!(
        page.body.contains("but our staff carried 3,000"),
        "the model answer"
    );
    assert!(page.body.contains("id=\"feedback\""), "beside the feedback");
    assert_eq!(answer_box(&page.body).as_deref(), Some(DRAFT));

    // A refused reveal keeps the draft too.
    let r = me
        .post(
            &format!("/exercises/{MONITOR}/reveal"),
            &[("answer", "sandbag")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("The model answer is not open yet"));
    assert_eq!(answer_box(&r.body).as_deref(), Some("sandbag"));
}

/// The exercise links of the self-learner's list, in the list's order.
fn listed(body: &str) -> Vec<String> {
    let link = regex::Regex::new(r#"href="/exercises/([a-z0-9-]+)""#).expect("regex");
    let mut out: Vec<String> = Vec::new();
    for c in link.captures_iter(body) {
        if !out.contains(&c[1].to_string()) {
            out.push(c[1].to_string());
        }
    }
    out
}

/// The exercise a passing page offers next.
fn offered(body: &str) -> Option<String> {
    let next = body.split("id=\"next\"").nth(1)?;
    let link = regex::Regex::new(r#"href="/exercises/([a-z0-9-]+)""#).expect("regex");
    link.captures(next.split("</div>").next()?)
        .map(|c| c[1].to_string())
}

#[tokio::test]
async fn a_pass_offers_the_next_exercise_for_a_self_learner() {
    let server = start(Setup::MINI).await;
    let mut me = Client::new(&server.base);
    let order = listed(&me.get("/exercises").await.body);
    let at = order.iter().position(|e| e == REWRITE).expect("listed");
    let after = &order[at + 1..];
    // The one straight after is passed already: it is skipped.
    let passed_next = after.first().expect("an exercise after").clone();
    let id = server
        .app
        .store
        .insert_attempt("local", &passed_next, "rewrite", "x", chrono::Utc::now())
        .await
        .expect("attempt");
    server
        .app
        .store
        .record_grade(&id, Some(100.0), Some(true), "{}")
        .await
        .expect("grade");

    let attempt = submit(&mut me, REWRITE, GOOD).await;
    let page = me
        .get(&format!("/exercises/{REWRITE}?attempt={attempt}"))
        .await;
    assert!(page.body.contains("tag pass"));
    assert_eq!(offered(&page.body).as_deref(), Some(after[1].as_str()));
    // A failing attempt offers nothing.
    let failing = submit(&mut me, REWRITE, "library").await;
    let page = me
        .get(&format!("/exercises/{REWRITE}?attempt={failing}"))
        .await;
    assert_eq!(offered(&page.body), None);
    assert!(!page.body.contains("id=\"next\""));
}

#[tokio::test]
async fn in_a_class_a_pass_offers_the_next_open_exercise_and_news_arrives() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE, FERRY, MONITOR]).await;
    let mut a = join(&server, &code, "Next Nia").await;
    let mut b = join(&server, &code, "Other Olu").await;
    let lock = format!("/trainer/classes/{class}/exercises/{FERRY}/lock");
    assert_eq!(t.post(&lock, &[("locked", "1")]).await.status, 303);

    // The next in the trainer's order that is open: the ferry is locked, so the sandbags.
    let attempt = submit(&mut a, REWRITE, GOOD).await;
    let page = a
        .get(&format!("/exercises/{REWRITE}?attempt={attempt}"))
        .await;
    assert_eq!(offered(&page.body).as_deref(), Some(MONITOR));
    // Reopened, the ferry comes next.
    assert_eq!(t.post(&lock, &[("locked", "0")]).await.status, 303);
    let page = a
        .get(&format!("/exercises/{REWRITE}?attempt={attempt}"))
        .await;
    assert_eq!(offered(&page.body).as_deref(), Some(FERRY));

    // News: the lock and a shared answer, on the class page, the exercise page and as JSON.
    let before = a.get("/class/news").await;
    assert_eq!(before.status, 200);
    assert_eq!(before.headers["cache-control"], "no-store");
    let before: serde_json::Value = serde_json::from_str(&before.body).expect("json");
    assert_eq!(t.post(&lock, &[("locked", "1")]).await.status, 303);
    let r = t
        .post(
            &format!("/trainer/classes/{class}/reveals"),
            &[("exercise", REWRITE), ("attempt", &attempt)],
        )
        .await;
    assert_eq!(r.status, 303);
    let after = b.get("/class/news").await;
    assert!(!after.body.contains("Next Nia"), "no name in the news");
    assert!(
        !after.body.contains("#PortEllisLibrary"),
        "no answer in the news"
    );
    let after: serde_json::Value = serde_json::from_str(&after.body).expect("json");
    assert_ne!(before["version"], after["version"], "the version moves");
    let item = |news: &serde_json::Value, id: &str| {
        news["items"]
            .as_array()
            .expect("items")
            .iter()
            .find(|i| i["id"] == id)
            .cloned()
            .expect("item")
    };
    assert_eq!(item(&after, FERRY)["locked"], true);
    assert_eq!(item(&after, REWRITE)["shared"], 1);
    assert_eq!(item(&before, REWRITE)["shared"], 0);

    let class_page = b.get("/class").await;
    assert!(
        class_page.body.contains("From your trainer"),
        "{}",
        class_page.body
    );
    assert!(class_page.body.contains("Locked for now"));
    assert!(
        class_page
            .body
            .contains("Shared for the debrief: 1 answer from the class")
    );
    assert!(class_page.body.contains("/static/class-news.js"));
    assert!(class_page.body.contains(&format!(
        "data-version=\"{}\"",
        after["version"].as_str().expect("version")
    )));
    let page = b.get(&format!("/exercises/{REWRITE}")).await;
    assert!(
        page.body
            .contains("Your trainer has shared 1 answer from the class for the debrief"),
        "{}",
        page.body
    );
    assert!(page.body.contains("/static/class-news.js"));
    assert!(
        page.body
            .contains("data-exercise=\"storm-17-rewrite-library\"")
    );
    let page = a.get(&format!("/exercises/{FERRY}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("closed this exercise to new attempts"));
    let page = t.get(&format!("/exercises/{REWRITE}")).await;
    assert!(
        !page.body.contains("class-news.js"),
        "the trainer has no class news"
    );
}
