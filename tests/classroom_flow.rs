//! A class as trainees and the trainer move through it, over HTTP on loopback: the navigation
//! each role sees, a trainee working on the exercises of their class (and only those), and the
//! model answer that waits for the trainer's debrief.

mod support;

use support::classroom::{class_with, join, submit, trainer};
use support::{Client, Setup, start};

const REWRITE: &str = "storm-17-rewrite-library";
const TRIAGE: &str = "storm-12-triage-consular-desk";

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
    assert!(!page.body.contains("Submit my post"));
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
        !page.body.contains("Submit my post"),
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
