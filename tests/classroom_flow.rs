//! Classroom mode end to end over HTTP on loopback: joining and rejoining, the rate limit,
//! signing in as the trainer, cookies, same-origin POST, locking, anonymous sharing, the board,
//! evaluations and exports, and uploads with the CLI's messages.

mod support;

use support::classroom::{PASSWORD, class_with, join, submit, trainer};
use support::{Client, Setup, start, token_in};

const REWRITE: &str = "storm-17-rewrite-library";
const TRIAGE: &str = "storm-12-triage-consular-desk";

#[tokio::test]
async fn joining_rejoining_and_leaving() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE, TRIAGE]).await;

    let mut c = Client::new(&server.base);
    let r = c.post("/join", &[("code", ""), ("name", "")]).await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("There is a problem"), "error summary");
    assert!(r.body.contains("href=\"#code\"") && r.body.contains("href=\"#name\""));
    let r = c
        .post("/join", &[("code", "ABCDEF"), ("name", "Kim")])
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("There is no class with that code"),
        "{}",
        r.body
    );

    // Codes are typed forgivingly; the cookie is HttpOnly, SameSite and for the whole site.
    let typed = format!("{}-{}", &code[..3].to_lowercase(), &code[3..]);
    let r = c
        .post("/join", &[("code", &typed), ("name", "Kim  Lee")])
        .await;
    assert_eq!((r.status, r.location.as_str()), (303, "/class"));
    let cookie = r.set_cookie.clone().expect("a session cookie");
    for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
        assert!(cookie.contains(part), "{cookie}");
    }
    let token = token_in(&cookie).expect("token");
    assert_eq!(token.len(), 32, "128 bits, hex");
    c.cookie = Some(token.clone());
    let page = c.get("/class").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Kim Lee"));
    assert!(
        page.body
            .contains(&format!("href=\"/exercises/{REWRITE}\""))
    );
    let first = page.body.find(REWRITE).expect("rewrite listed");
    let second = page.body.find(TRIAGE).expect("triage listed");
    assert!(first < second, "the trainer's order");
    submit(&mut c, REWRITE, "Library open on Saturday").await;

    // Leaving ends the session; the same name and code come back to the same work.
    let r = c.post("/leave", &[]).await;
    assert_eq!((r.status, r.location.as_str()), (303, "/join?left=1"));
    assert!(r.set_cookie.unwrap_or_default().contains("Max-Age=0"));
    assert_eq!(c.get("/class").await.location, "/join");
    let mut again = join(&server, &code, "kim lee").await;
    let page = again.get("/class").await;
    assert!(page.body.contains("1 attempt"), "{}", page.body);
    assert_eq!(
        server
            .app
            .store
            .trainees(&class)
            .await
            .expect("trainees")
            .len(),
        1
    );

    // A closed class takes no one new, but whoever is in stays in.
    let r = t
        .post(&format!("/trainer/classes/{class}/open"), &[("open", "0")])
        .await;
    assert_eq!(r.status, 303);
    let mut newcomer = Client::new(&server.base);
    let r = newcomer
        .post("/join", &[("code", &code), ("name", "Sam")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("closed"));
    assert_eq!(again.get("/class").await.status, 200);
}

#[tokio::test]
async fn wrong_codes_are_rate_limited() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (_, code) = class_with(&mut t, &[REWRITE]).await;
    let mut c = Client::new(&server.base);
    for _ in 0..sandpit::web::session::MAX_FAILURES {
        let r = c
            .post("/join", &[("code", "ZZZZZZ"), ("name", "Guesser")])
            .await;
        assert_eq!(r.status, 400);
    }
    let r = c
        .post("/join", &[("code", &code), ("name", "Guesser")])
        .await;
    assert_eq!(r.status, 429, "even the right code waits now");
    assert!(r.headers.contains_key("retry-after"));
    assert!(r.body.contains("tried too many times"));
    // Trainer sign-in shares the count: no guessing the key either.
    let r = c.post("/trainer/login", &[("secret", "guess")]).await;
    assert_eq!(r.status, 429);
}

#[tokio::test]
async fn trainer_sign_in_by_link_or_password() {
    let server = start(Setup::CLASSROOM).await;
    let key = server.app.store.trainer_secret(false).await.expect("key");
    let mut c = Client::new(&server.base);
    let page = c.get(&format!("/trainer/login?key={key}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!("value=\"{key}\"")),
        "the link fills the form"
    );
    let r = c.post("/trainer/login", &[("secret", "wrong")]).await;
    assert_eq!(r.status, 401);
    assert!(r.body.contains("not the trainer key or password"));
    let r = c.post("/trainer/login", &[("secret", PASSWORD)]).await;
    assert_eq!((r.status, r.location.as_str()), (303, "/trainer"));
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    let home = c.get("/trainer").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Start the class"));
}

#[tokio::test]
async fn changes_from_another_site_are_refused() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    t.origin = Some("http://evil.example".into());
    let r = t.post("/trainer/classes", &[("title", "Forged")]).await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("sent from another site"));
    t.origin = Some("null".into());
    assert_eq!(t.post("/trainer/classes", &[]).await.status, 403);
    assert!(
        server
            .app
            .store
            .classes()
            .await
            .expect("classes")
            .is_empty()
    );
    // A form from Sandpit's own page goes through.
    t.origin = Some(server.base.clone());
    assert_eq!(t.post("/trainer/classes", &[]).await.status, 303);
    // So does a script with no browser headers (it cannot carry anyone's cookie).
    t.origin = None;
    assert_eq!(t.post("/trainer/classes", &[]).await.status, 303);
}

#[tokio::test]
async fn locks_sharing_board_evaluation_and_exports() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut a = join(&server, &code, "Ana").await;
    let mut b = join(&server, &code, "=Bob").await;
    let good = "The library reopens on Saturday 10 May at 9am. Children's books are upstairs. \
                No fines. Staff can help with flood grant forms. #PortEllisLibrary";
    let a_attempt = submit(&mut a, REWRITE, good).await;
    submit(&mut b, REWRITE, "library").await;

    // Lock: no new attempts, none stored; reopen: attempts again.
    let lock = format!("/trainer/classes/{class}/exercises/{REWRITE}/lock");
    assert_eq!(t.post(&lock, &[("locked", "1")]).await.status, 303);
    let r = b
        .post(
            &format!("/exercises/{REWRITE}/attempts"),
            &[("answer", "more")],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("locked"), "{}", r.body);
    assert!(b.get("/class").await.body.contains("Locked"));
    assert_eq!(t.post(&lock, &[("locked", "0")]).await.status, 303);
    submit(&mut b, REWRITE, "Library reopens Saturday").await;
    let stored = server
        .app
        .store
        .class_attempts(&class)
        .await
        .expect("attempts");
    assert_eq!(stored.len(), 3, "the refused attempt was not stored");

    // The board: who tried, and the answers with their authors, for the trainer.
    let board = t.get(&format!("/trainer/classes/{class}/board")).await;
    assert_eq!(board.status, 200);
    assert!(board.body.contains("2 of 2"), "two of two tried");
    assert!(board.body.contains("/static/board.js"));
    assert_eq!(board.headers["cache-control"], "no-store");
    let detail = t
        .get(&format!("/trainer/classes/{class}/board/{REWRITE}"))
        .await;
    assert_eq!(detail.status, 200);
    assert!(detail.body.contains("Common mistakes"));
    assert!(detail.body.contains("Leaves out:"), "{}", detail.body);
    assert!(detail.body.contains("Ana") && detail.body.contains("#PortEllisLibrary"));

    // Sharing: B sees A's answer, never A's name.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/reveals"),
            &[("exercise", REWRITE), ("attempt", &a_attempt)],
        )
        .await;
    assert_eq!(r.status, 303);
    let seen = b.get("/class").await.body;
    assert!(seen.contains("#PortEllisLibrary"), "shared answer shown");
    assert!(seen.contains("A classmate&#39;s answer") || seen.contains("A classmate's answer"));
    assert!(!seen.contains("Ana"), "no name with it");

    // Evaluation: the question, a clear error, then saved.
    let form = a.get("/class/evaluation").await;
    assert!(
        form.body
            .contains("I will be more effective at work as a result of this session")
    );
    assert!(form.body.contains("Strongly disagree") && form.body.contains("Strongly agree"));
    let r = a
        .post("/class/evaluation", &[("do_differently", "x")])
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("Choose how far you agree"));
    let r = a
        .post(
            "/class/evaluation",
            &[
                ("effective", "5"),
                ("do_differently", "Put the date in the first line"),
            ],
        )
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/class/evaluation?saved=1")
    );
    let r = b
        .post(
            "/class/evaluation",
            &[("effective", "2"), ("do_differently", "")],
        )
        .await;
    assert_eq!(r.status, 303);
    let page = t.get(&format!("/trainer/classes/{class}")).await;
    assert!(
        page.body.contains("50% agree or strongly agree"),
        "{}",
        page.body
    );
    assert!(page.body.contains("Put the date in the first line"));

    // Exports: results and attempts by name (a formula-like name defused), evaluations without.
    let results = t
        .get(&format!("/trainer/classes/{class}/results.csv"))
        .await;
    assert_eq!(results.status, 200);
    assert!(
        results.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    assert!(
        results.headers["content-disposition"]
            .to_str()
            .unwrap_or_default()
            .contains("results.csv")
    );
    assert!(results.body.contains("Trainee,Exercise id,Exercise"));
    assert!(results.body.contains(&format!("Ana,{REWRITE},")));
    assert!(
        results.body.contains(&format!("'=Bob,{REWRITE},")),
        "{}",
        results.body
    );
    let attempts = t
        .get(&format!("/trainer/classes/{class}/attempts.csv"))
        .await;
    assert_eq!(attempts.body.matches(REWRITE).count(), 3);
    let evaluations = t
        .get(&format!("/trainer/classes/{class}/evaluations.csv"))
        .await;
    assert!(
        evaluations
            .body
            .contains("5,Strongly agree,Put the date in the first line")
    );
    assert!(evaluations.body.contains("2,Disagree"));
    assert!(!evaluations.body.contains("Ana") && !evaluations.body.contains("Bob"));

    let qr = t.get(&format!("/trainer/classes/{class}/qr.svg")).await;
    assert_eq!(qr.headers["content-type"], "image/svg+xml");
    assert!(qr.body.contains("<svg"));
}

#[tokio::test]
async fn uploads_report_problems_like_the_cli() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let jsonl = concat!(
        r#"{"id":"u1","title":"Ferry cancelled","body":"The ferry is cancelled.","published":"2025-03-01T10:00:00Z","source":"port"}"#,
        "\n",
        "not json at all\n",
        r#"{"id":"u3","title":"Ferry back","body":"The ferry runs again.","published":"2025-03-02T10:00:00Z","source":"port"}"#,
        "\n"
    );
    let r = t
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "ferry-news")],
            &[("files", "ferry.jsonl", jsonl.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(
        r.body
            .contains("ferry-news: 2 added, 0 replaced, 1 rejected"),
        "{}",
        r.body
    );
    assert!(
        r.body.contains("rejected: ferry.jsonl:2:"),
        "file and line: {}",
        r.body
    );
    assert!(
        !r.body.contains("sandpit-upload-"),
        "no temporary paths shown"
    );

    // Over the upload limit: the page says so, though the server stopped reading part-way.
    let huge = vec![b'x'; 65 << 20];
    let r = t
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "ferry-news")],
            &[("files", "huge.jsonl", &huge)],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(r.body.contains("at most 64 MB"), "{}", r.body);
    drop(huge);

    let r = t
        .post_multipart(
            "/trainer/upload/corpus",
            &[("corpus", "Bad Name")],
            &[("files", "ferry.jsonl", jsonl.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("corpus name"), "{}", r.body);

    // An exercise with a mistake: not added, the problem with its line.
    let broken = "id = \"ferry-watch\"\ntitle = \"Ferry\"\nkind = \"monitor\"\nlevel = \"beginner\"\nbrief = \"Find the ferry news.\"\n\n[monitor]\ncorpus = \"ferry-news\"\nrelevant = [\"u1\", \"u9\"]\nmodel_query = 'ferry'\npass_mark = 0.5\n";
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[],
            &[("files", "ferry.toml", broken.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body.contains("ferry.toml:9:"),
        "line of the unknown id: {}",
        r.body
    );
    assert!(r.body.contains("u9"));
    assert!(
        server
            .app
            .store
            .uploaded_exercises()
            .await
            .expect("uploads")
            .is_empty()
    );

    let fixed = broken.replace(", \"u9\"", ", \"u3\"");
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[("text", "")],
            &[("files", "ferry.toml", fixed.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("Exercises added"));
    assert!(server.app.exercise("ferry-watch").is_ok());
    assert_eq!(
        server
            .app
            .store
            .uploaded_exercises()
            .await
            .expect("uploads")
            .len(),
        1
    );
    // Again: the id is taken.
    let r = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[],
            &[("files", "ferry.toml", fixed.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(r.body.contains("already used"));
}

/// The site's main navigation in a page: its links as (href, label, aria-current).
fn main_nav(body: &str) -> Vec<(String, String, Option<String>)> {
    let Some(nav) = body
        .split("<nav aria-label=\"Main\">")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
    else {
        return Vec::new();
    };
    let link = regex::Regex::new(r#"<a href="([^"]*)"(?: aria-current="([^"]*)")?>([^<]*)</a>"#)
        .expect("regex");
    link.captures_iter(nav)
        .map(|c| {
            (
                c[1].to_string(),
                c[3].to_string(),
                c.get(2).map(|m| m.as_str().to_string()),
            )
        })
        .collect()
}

fn hrefs(nav: &[(String, String, Option<String>)]) -> Vec<&str> {
    nav.iter().map(|(h, _, _)| h.as_str()).collect()
}

#[tokio::test]
async fn the_navigation_shows_each_role_what_it_can_use() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (_, code) = class_with(&mut t, &[REWRITE]).await;

    // A visitor: only the way in, on every page they can reach.
    let mut visitor = Client::new(&server.base);
    let nav = main_nav(&visitor.get("/join").await.body);
    assert_eq!(hrefs(&nav), ["/join"], "{nav:?}");
    assert_eq!(nav[0].2.as_deref(), Some("page"));
    assert_eq!(
        hrefs(&main_nav(&visitor.get("/trainer/login").await.body)),
        ["/join"]
    );

    // A trainee: their class and progress, never the trainer's live feeds.
    let mut a = join(&server, &code, "Nav Trainee").await;
    let page = a.get("/class").await;
    assert_eq!(page.status, 200);
    let nav = main_nav(&page.body);
    assert_eq!(
        nav.iter()
            .map(|(h, l, _)| (h.as_str(), l.as_str()))
            .collect::<Vec<_>>(),
        [
            ("/search", "Monitoring search"),
            ("/compose", "Post composer"),
            ("/class", "Your class"),
            ("/exercises", "Exercises"),
            ("/progress", "Your progress"),
        ]
    );
    let current: Vec<_> = nav.iter().filter(|(_, _, c)| c.is_some()).collect();
    assert_eq!(current.len(), 1);
    assert_eq!(
        (current[0].0.as_str(), current[0].2.as_deref()),
        ("/class", Some("page"))
    );
    let nav = main_nav(&a.get(&format!("/exercises/{REWRITE}")).await.body);
    assert!(
        nav.iter()
            .any(|(h, _, c)| h == "/exercises" && c.as_deref() == Some("true")),
        "an exercise is within Exercises: {nav:?}"
    );
    // The refusal of a trainer's page, rendered by the gate, has the trainee's navigation too.
    let refused = a.get("/feeds").await;
    assert_eq!(refused.status, 403);
    let nav = main_nav(&refused.body);
    assert!(hrefs(&nav).contains(&"/class"), "{nav:?}");
    assert!(!hrefs(&nav).contains(&"/feeds"));
    assert!(!refused.body.contains("Live feeds"), "{}", refused.body);
    // So has the refusal of a form sent from another site.
    let mut forged = a.clone();
    forged.origin = Some("http://evil.example".into());
    let refused = forged
        .post("/class/evaluation", &[("effective", "1")])
        .await;
    assert_eq!(refused.status, 403);
    assert!(hrefs(&main_nav(&refused.body)).contains(&"/class"));

    // The trainer: their classes and the live feeds.
    let home = t.get("/trainer").await;
    let nav = main_nav(&home.body);
    assert!(
        nav.iter().any(|(h, l, c)| h == "/trainer"
            && l == "Your classes"
            && c.as_deref() == Some("page")),
        "{nav:?}"
    );
    assert!(hrefs(&nav).contains(&"/feeds"));
    assert!(!hrefs(&nav).contains(&"/class") && !hrefs(&nav).contains(&"/join"));
    let nav = main_nav(&t.get("/feeds").await.body);
    assert!(
        nav.iter()
            .any(|(h, _, c)| h == "/feeds" && c.as_deref() == Some("page"))
    );
}

/// The exercise links of the main table of a trainee's exercise list, in order.
fn listed_exercises(body: &str) -> Vec<String> {
    let table = body
        .split("<tbody>")
        .nth(1)
        .and_then(|rest| rest.split("</tbody>").next())
        .unwrap_or_default();
    regex::Regex::new(r#"href="/exercises/([^"?#]+)""#)
        .expect("regex")
        .captures_iter(table)
        .map(|c| c[1].to_string())
        .collect()
}

#[tokio::test]
async fn a_trainee_works_on_the_exercises_of_their_class() {
    const MONITOR: &str = "storm-01-sandbags";
    const ELSEWHERE: &str = "storm-13-rewrite-ferry";
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[]).await;
    let mut a = join(&server, &code, "Lister").await;

    // Nothing chosen yet: said plainly, and no catalogue instead.
    let page = a.get("/exercises").await;
    assert_eq!(page.status, 200);
    assert!(
        page.body
            .contains("Your trainer has not chosen the exercises for this class yet"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("href=\"/exercises/"), "{}", page.body);

    // The trainer's choice, in the trainer's order (not the catalogue's).
    let form = [
        ("exercise", TRIAGE),
        ("position:storm-12-triage-consular-desk", "1"),
        ("exercise", REWRITE),
        ("position:storm-17-rewrite-library", "2"),
        ("exercise", MONITOR),
        ("position:storm-01-sandbags", "3"),
    ];
    let r = t
        .post(&format!("/trainer/classes/{class}/exercises"), &form)
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    submit(&mut a, REWRITE, "library").await;
    let page = a.get("/exercises").await;
    assert_eq!(listed_exercises(&page.body), [TRIAGE, REWRITE, MONITOR]);
    assert!(page.body.contains("Not started") && page.body.contains("Tried"));
    // Up and down on the trainer's page reorder the trainee's list too.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/exercises/{MONITOR}/move"),
            &[("direction", "up")],
        )
        .await;
    assert_eq!(r.status, 303);
    let page = a.get("/exercises").await;
    assert_eq!(listed_exercises(&page.body), [TRIAGE, MONITOR, REWRITE]);
    // The trainer still sees the whole catalogue.
    let all = t.get("/exercises").await;
    assert!(
        all.body
            .contains(&format!("href=\"/exercises/{ELSEWHERE}\""))
    );

    // An exercise the trainer did not choose: a page that says why, and no attempt stored.
    let r = a.get(&format!("/exercises/{ELSEWHERE}")).await;
    assert_eq!(r.status, 403);
    assert!(
        r.body.contains("This exercise is not part of your class"),
        "{}",
        r.body
    );
    let r = a
        .post(
            &format!("/exercises/{ELSEWHERE}/attempts"),
            &[("answer", "Ferry runs again")],
        )
        .await;
    assert_eq!(r.status, 403);
    assert!(r.body.contains("not part of your class"));
    for action in ["hint", "reveal"] {
        let r = a
            .post(&format!("/exercises/{ELSEWHERE}/{action}"), &[])
            .await;
        assert_eq!(r.status, 403, "{action}");
    }
    let mine = server
        .app
        .store
        .attempts(&a_id(&server, &class).await, None)
        .await
        .expect("attempts");
    assert_eq!(mine.len(), 1, "only the attempt at the class's exercise");

    // Taken out of the class after an attempt: the trainee still reads their own answers, but
    // the exercise takes no more.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/exercises"),
            &[
                ("exercise", TRIAGE),
                ("position:storm-12-triage-consular-desk", "1"),
            ],
        )
        .await;
    assert_eq!(r.status, 303);
    assert_eq!(listed_exercises(&a.get("/exercises").await.body), [TRIAGE]);
    let page = a.get(&format!("/exercises/{REWRITE}")).await;
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("no longer part of your class"),
        "{}",
        page.body
    );
    assert!(!page.body.contains("Submit post"));
    let r = a
        .post(
            &format!("/exercises/{REWRITE}/attempts"),
            &[("answer", "more")],
        )
        .await;
    assert_eq!(r.status, 403);
}

/// The id of the only trainee of a class.
async fn a_id(server: &support::Server, class: &str) -> String {
    let trainees = server.app.store.trainees(class).await.expect("trainees");
    assert_eq!(trainees.len(), 1);
    trainees[0].id.clone()
}

#[tokio::test]
async fn in_a_class_the_model_answer_waits_for_the_debrief() {
    // A line of the model answer that is not in the press release and that HTML does not escape.
    const MODEL_LINE: &str = "but our staff carried 3,000";
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let (class, code) = class_with(&mut t, &[REWRITE]).await;
    let mut a = join(&server, &code, "Tries Hard").await;
    for _ in 0..3 {
        submit(&mut a, REWRITE, "library").await;
    }
    let attempts = server
        .app
        .store
        .attempts(&a_id(&server, &class).await, Some(REWRITE))
        .await
        .expect("attempts");
    assert!(
        attempts.len() == 3 && attempts.iter().all(|x| x.passed == Some(false)),
        "three failed attempts: {attempts:?}"
    );

    // Three attempts are not enough in a class: the page says when it opens, and the POST
    // is refused with the same words.
    let page = a.get(&format!("/exercises/{REWRITE}")).await;
    assert!(
        page.body
            .contains("Your trainer will open the model answer in the debrief"),
        "{}",
        page.body
    );
    assert!(
        !page
            .body
            .contains(&format!("action=\"/exercises/{REWRITE}/reveal\""))
    );
    assert!(!page.body.contains(MODEL_LINE));
    let r = a.post(&format!("/exercises/{REWRITE}/reveal"), &[]).await;
    assert_eq!(r.status, 400);
    assert!(
        r.body.contains("The model answer is not open yet"),
        "{}",
        r.body
    );
    assert!(
        r.body
            .contains("Your trainer will open the model answer in the debrief")
    );
    assert!(
        !a.get(&format!("/exercises/{REWRITE}"))
            .await
            .body
            .contains(MODEL_LINE)
    );

    // The trainer locks the exercise for the debrief: now it opens.
    let lock = format!("/trainer/classes/{class}/exercises/{REWRITE}/lock");
    assert_eq!(t.post(&lock, &[("locked", "1")]).await.status, 303);
    let page = a.get(&format!("/exercises/{REWRITE}")).await;
    assert!(
        page.body.contains("closed this exercise for the debrief"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains(&format!("action=\"/exercises/{REWRITE}/reveal\""))
    );
    assert!(page.body.contains("closed this exercise to new attempts"));
    assert!(
        !page.body.contains("Submit post"),
        "no form for a locked exercise"
    );
    let r = a.post(&format!("/exercises/{REWRITE}/reveal"), &[]).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/exercises/storm-17-rewrite-library#model")
    );
    assert!(
        a.get(&format!("/exercises/{REWRITE}"))
            .await
            .body
            .contains(MODEL_LINE)
    );

    // A trainee who passes sees it at once, lock or no lock.
    assert_eq!(t.post(&lock, &[("locked", "0")]).await.status, 303);
    let mut b = join(&server, &code, "Gets It").await;
    let good = "The library reopens on Saturday 10 May at 9am. Children's books are upstairs. \
                No fines. Staff can help with flood grant forms. #PortEllisLibrary";
    submit(&mut b, REWRITE, good).await;
    let page = b.get(&format!("/exercises/{REWRITE}")).await;
    assert!(page.body.contains("tag pass"), "the good answer passes");
    assert!(page.body.contains(MODEL_LINE));
}
