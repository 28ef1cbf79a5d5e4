//! The authorisation matrix of classroom mode. Every route of the web layer (read from the
//! files of `src/web` themselves, so a new route cannot be missed) is requested, with each of its methods, by an
//! anonymous visitor, trainee A, trainee B (another trainee of the same class) and the trainer.
//! Nothing of the trainer's and nothing of another trainee's may be reachable: each role gets
//! the status its access allows, no response carries another's name, answer or evaluation, and
//! refused changes of state leave the database as it was.

mod support;

use support::classroom::{class_with, join, rejoin, submit, trainer};
use support::routes::routes;
use support::{Client, Resp, Setup, start};

#[derive(Debug, Clone, Copy, PartialEq)]
enum Access {
    /// The ways in: no session needed.
    Public,
    /// Any session: a trainee's own work, or the trainer trying things out.
    Learner,
    /// A trainee's class page and evaluation.
    Trainee,
    /// The trainer only.
    Trainer,
    /// An exercise the trainer did not choose for the class: the trainer may try it, trainees
    /// may not.
    OutsideClass,
    /// A programme's learner's own pages: neither trainees nor the trainer (docs/programmes.md).
    Programme,
}

/// Who may use each route. A route not listed here fails the test: decide its access.
fn access(path: &str) -> Option<Access> {
    use Access::*;
    Some(match path {
        "/join" | "/trainer/login" | "/healthz" | "/static/{name}" => Public,
        "/learn/sign-in" | "/learn/{token}" => Public,
        // A manager's link to a team's view: the token is the key (docs/programmes.md).
        "/team/{token}" => Public,
        // A drill observer's link is its own key (docs/design.md, "Drills", observers).
        "/observe/{token}" | "/observe/{token}/notes" => Public,
        // A learner's private calendar address, fetched by calendar programs (docs/programmes.md).
        "/calendar/{file}" => Public,
        "/learn" | "/learn/sign-out" => Programme,
        p if p == "/programme" || p.starts_with("/programme/") => Programme,
        // A drill's players: who may see which drill is a rule in app (a trainee their class's).
        p if p == "/drills" || p.starts_with("/drills/") => Learner,
        "/class" | "/class/evaluation" | "/class/news" => Trainee,
        "/leave" => Learner,
        "/"
        | "/search"
        | "/search/compare"
        | "/doc"
        | "/api/search"
        | "/api/check"
        | "/compose"
        | "/compose/result"
        | "/exercises"
        | "/exercises/{id}"
        | "/exercises/{id}/attempts"
        | "/exercises/{id}/hint"
        | "/exercises/{id}/reveal"
        | "/exercises/{id}/explain"
        | "/progress" => Learner,
        // The trainer's own drill scenarios (the self-learner's too, without --classroom).
        "/trainer/scenarios" | "/trainer/scenarios/{scenario}/delete" => Trainer,
        // Changing a drill's mark is the trainer's alone: not an observer's, not a trainee's
        // (docs/design.md, "Drills", "Changing a mark").
        "/trainer/drills/{id}/responses/{response}/mark" => Trainer,
        p if p == "/trainer" || p.starts_with("/trainer/") => Trainer,
        p if p == "/feeds" || p.starts_with("/feeds/") => Trainer,
        _ => return None,
    })
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Role {
    Anonymous,
    TraineeA,
    TraineeB,
    Trainer,
}

const ALICE: &str = "Alice Marker";
const BOB: &str = "Bob Marker";
/// A programme's learner: the trainer's to see, no trainee's.
const LEARNER: &str = "Learner Marker";
const ALICE_ANSWER: &str = "ALICEANSWER42 The library reopens on Saturday at 9am";
const BOB_ANSWER: &str = "BOBANSWER77 Library open again Saturday";
const ALICE_EVAL: &str = "ALICEEVAL31 plan posts ahead";
const BOB_EVAL: &str = "BOBEVAL58 check hashtags";
const REWRITE: &str = "storm-17-rewrite-library";
const MONITOR: &str = "mini-harriet-auth";
/// A shipped exercise that is not in the class.
const OUTSIDE: &str = "storm-13-rewrite-ferry";

/// A monitoring exercise on the fixture corpus, uploaded by the trainer during set-up.
const MONITOR_TOML: &str = r#"id = "mini-harriet-auth"
title = "Harriet the storm"
kind = "monitor"
level = "beginner"
summary = "Fixture."
brief = "Find the posts about Storm Harriet."

[monitor]
corpus = "mini"
relevant = ["m1", "m4"]
model_query = 'harriet NOT #HarrietRovers'
pass_mark = 0.8
"#;

struct World {
    class: String,
    code: String,
    key: String,
    alice_attempt: String,
    reveal: String,
    cohort: String,
    learner: String,
}

impl World {
    fn url(&self, path: &str, variant: usize) -> String {
        // The third variant of an exercise's routes is an exercise outside the class.
        let exercise = if variant == 2 { OUTSIDE } else { REWRITE };
        let url = path
            .replace("{class}", &self.class)
            .replace("{exercise}", REWRITE)
            .replace("{reveal}", &self.reveal)
            .replace("{name}", "sandpit.css")
            .replace("{cohort}", &self.cohort)
            // No such uploaded scenario: the trainer's delete answers "not found".
            .replace("{scenario}", "matrix-no-such-scenario")
            .replace("{learner}", &self.learner)
            // An assignment of no plan: the trainer's change answers "not found" or "invalid".
            .replace("{assignment}", "0123456789abcdef01234567")
            // A drill response of no drill: the trainer's change answers "not found".
            .replace("{response}", "0123456789abcdef01234567")
            // A link Sandpit never issued: the public page must still answer sensibly.
            .replace("{token}", "0123456789abcdef0123456789abcdef")
            .replace("{file}", "0123456789abcdef0123456789abcdef.ics")
            .replace("{id}", exercise);
        let query = match path {
            "/search" => "?corpus=mini&q=storm",
            "/search/compare" => "?corpus=mini&q1=storm&q2=harriet",
            "/api/search" => "?corpus=mini&q=storm",
            "/doc" => "?corpus=mini&id=m1",
            _ => "",
        };
        // The second variant of an exercise page asks for trainee A's attempt.
        if path == "/exercises/{id}" && variant == 1 {
            return format!("{url}?attempt={}", self.alice_attempt);
        }
        format!("{url}{query}")
    }

    /// A form that would do harm if the wrong person could send it.
    fn form(&self, path: &str) -> Vec<(&'static str, String)> {
        let s = |v: &str| v.to_string();
        match path {
            "/join" => vec![("code", s("")), ("name", s(""))],
            "/trainer/login" => vec![("secret", s("not-the-key"))],
            "/class/evaluation" => {
                vec![("effective", s("1")), ("do_differently", s("overwritten"))]
            }
            "/exercises/{id}/attempts" => vec![("answer", s("matrix answer"))],
            "/compose" | "/compose/result" => vec![("text", s("hello")), ("platform", s("x"))],
            "/trainer/classes" => vec![("title", s("Intruder class"))],
            "/trainer/classes/{class}/open" => vec![("open", s("0"))],
            "/trainer/classes/{class}/exercises" => Vec::new(),
            "/trainer/drills/{id}/responses/{response}/mark" => {
                vec![("score", s("100")), ("reason", s("matrix"))]
            }
            "/trainer/classes/{class}/exercises/{exercise}/move" => vec![("direction", s("down"))],
            "/trainer/classes/{class}/exercises/{exercise}/lock" => vec![("locked", s("1"))],
            "/trainer/classes/{class}/reveals" => {
                vec![
                    ("exercise", s(REWRITE)),
                    ("attempt", self.alice_attempt.clone()),
                ]
            }
            _ => Vec::new(),
        }
    }
}

/// What a role must never see, in any body or redirect.
fn forbidden(role: Role, w: &World) -> Vec<String> {
    let all = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match role {
        Role::Anonymous => {
            let mut v = all(&[
                ALICE,
                BOB,
                ALICE_ANSWER,
                BOB_ANSWER,
                ALICE_EVAL,
                BOB_EVAL,
                LEARNER,
            ]);
            v.push(w.code.clone());
            v.push(w.key.clone());
            v
        }
        Role::TraineeA => {
            let mut v = all(&[BOB, BOB_ANSWER, BOB_EVAL, LEARNER]);
            v.push(w.key.clone());
            v
        }
        Role::TraineeB => {
            let mut v = all(&[ALICE, ALICE_ANSWER, ALICE_EVAL, LEARNER]);
            v.push(w.key.clone());
            v
        }
        Role::Trainer => Vec::new(),
    }
}

fn check(role: Role, access: Access, method: &str, url: &str, r: &Resp) -> Result<(), String> {
    let refused = matches!(r.status, 401 | 403);
    let to_join = r.status == 303 && r.location == "/join";
    let to_login = r.status == 303 && r.location == "/trainer/login";
    let fail = |why: &str| {
        Err(format!(
            "{role:?} {method} {url} ({access:?}): {why}; got {} {} {}",
            r.status,
            r.location,
            r.body.chars().take(300).collect::<String>()
        ))
    };
    if r.status >= 500 {
        return fail("server error");
    }
    // The forms of an exercise page carry the learner's answer: without a session they answer
    // 401 with that answer and a way to join again, instead of a redirect that would lose it.
    let keeps_draft = method == "POST"
        && url.starts_with("/exercises/")
        && ["/attempts", "/hint", "/reveal"]
            .iter()
            .any(|end| url.ends_with(end));
    let ok = match (role, access) {
        (_, Access::Public) => r.status != 403,
        (Role::Anonymous, Access::Learner | Access::OutsideClass) if keeps_draft => {
            r.status == 401 && r.body.contains("action=\"/join\"")
        }
        (Role::Anonymous, Access::Learner) if url.starts_with("/api/") => r.status == 401,
        (Role::Anonymous, Access::Learner | Access::Trainee) => to_join,
        (Role::Anonymous, Access::Trainer) => to_login,
        (Role::TraineeA | Role::TraineeB, Access::Learner | Access::Trainee) => {
            !refused && !to_join && !to_login
        }
        (Role::TraineeA | Role::TraineeB, Access::Trainer) => r.status == 403,
        (Role::Trainer, Access::Trainee) => r.status == 303 && r.location == "/trainer",
        (Role::Trainer, Access::Learner | Access::Trainer) => !refused && !to_join && !to_login,
        (Role::Anonymous, Access::OutsideClass) => to_join,
        (Role::TraineeA | Role::TraineeB, Access::OutsideClass) => r.status == 403,
        (Role::Trainer, Access::OutsideClass) => !refused && !to_join && !to_login,
        (Role::Anonymous, Access::Programme) => r.status == 303 && r.location == "/learn/sign-in",
        (_, Access::Programme) => r.status == 403,
    };
    if !ok {
        return fail("wrong access");
    }
    Ok(())
}

async fn set_up() -> (support::Server, World, Client, Client, Client) {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let up = t
        .post_multipart(
            "/trainer/upload/exercises",
            &[],
            &[("files", "auth.toml", MONITOR_TOML.as_bytes())],
        )
        .await;
    assert_eq!(up.status, 200, "{}", up.body);
    let (class, code) = class_with(&mut t, &[REWRITE, MONITOR]).await;
    let mut a = join(&server, &code, ALICE).await;
    let mut b = join(&server, &code, BOB).await;
    let alice_attempt = submit(&mut a, REWRITE, ALICE_ANSWER).await;
    submit(&mut b, REWRITE, BOB_ANSWER).await;
    submit(&mut a, MONITOR, "harriet").await;
    for (c, text) in [(&mut a, ALICE_EVAL), (&mut b, BOB_EVAL)] {
        let r = c
            .post(
                "/class/evaluation",
                &[("effective", "5"), ("do_differently", text)],
            )
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    // The model answer shared gives a reveal to stop sharing.
    let r = t
        .post(
            &format!("/trainer/classes/{class}/reveals"),
            &[("exercise", REWRITE)],
        )
        .await;
    assert_eq!(r.status, 303);
    let reveal = server
        .app
        .store
        .reveals(&class)
        .await
        .expect("reveals")
        .first()
        .expect("one reveal")
        .id
        .clone();
    let key = server.app.store.trainer_secret(false).await.expect("key");
    // A programme's cohort with one learner, for the trainer's programme routes.
    let r = t
        .post("/trainer/programmes", &[("title", "Matrix cohort")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let cohort = r
        .location
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .to_string();
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", LEARNER)],
            &[],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let cohort_row = server
        .app
        .store
        .cohort_learners(&cohort)
        .await
        .expect("learners");
    let learner = cohort_row.first().expect("one learner").id.clone();
    let world = World {
        cohort,
        learner,
        class,
        code,
        key,
        alice_attempt,
        reveal,
    };
    (server, world, t, a, b)
}

/// Routes that end the session they are sent with: tried last, on a session of their own.
fn ends_session(path: &str, method: &str) -> bool {
    method == "POST" && matches!(path, "/leave" | "/trainer/logout")
}

#[tokio::test]
async fn every_route_for_every_role() {
    let (server, w, t, a, b) = set_up().await;
    let mut table = routes();
    assert!(table.len() >= 30, "the route table was read: {table:?}");
    let unclassified: Vec<&String> = table
        .iter()
        .map(|(p, _)| p)
        .filter(|p| access(p).is_none())
        .collect();
    assert!(
        unclassified.is_empty(),
        "routes missing from the authorisation matrix (decide who may use them): {unclassified:?}"
    );
    table.sort_by_key(|(p, m)| ends_session(p, m));

    let mut failures = Vec::new();
    let mut requests = 0;
    for role in [
        Role::Anonymous,
        Role::TraineeA,
        Role::TraineeB,
        Role::Trainer,
    ] {
        let client = match role {
            Role::Anonymous => Client::new(&server.base),
            Role::TraineeA => a.clone(),
            Role::TraineeB => b.clone(),
            Role::Trainer => t.clone(),
        };
        let banned = forbidden(role, &w);
        for (path, method) in &table {
            let access = access(path).unwrap_or(Access::Trainer);
            let mut c = if ends_session(path, method) {
                // A second session of the same person, so the others stay signed in.
                match role {
                    Role::Anonymous => client.clone(),
                    Role::TraineeA => rejoin(&server, &w.code, ALICE).await,
                    Role::TraineeB => rejoin(&server, &w.code, BOB).await,
                    Role::Trainer => trainer(&server).await,
                }
            } else {
                client.clone()
            };
            // 0: the route as it is; 1: trainee A's attempt on the exercise page; 2: an
            // exercise outside the class, on every route of one exercise.
            let mut variants = vec![0];
            if path == "/exercises/{id}" && method == "GET" {
                variants.push(1);
            }
            if path.starts_with("/exercises/{id}") {
                variants.push(2);
            }
            for variant in variants {
                let url = w.url(path, variant);
                let access = if variant == 2 {
                    Access::OutsideClass
                } else {
                    access
                };
                let r = match method.as_str() {
                    "GET" => c.get(&url).await,
                    _ => {
                        let form = w.form(path);
                        let pairs: Vec<(&str, &str)> =
                            form.iter().map(|(k, v)| (*k, v.as_str())).collect();
                        c.post(&url, &pairs).await
                    }
                };
                requests += 1;
                if ends_session(path, method) && role != Role::Anonymous {
                    // Signing out: the trainer back to the sign-in page, a trainee to /join
                    // (a trainee cannot use the trainer's sign-out), and the session is over.
                    let expected = match (role, path.as_str()) {
                        (Role::Trainer, _) => (303, "/trainer/login"),
                        (_, "/leave") => (303, "/join?left=1"),
                        _ => (403, ""),
                    };
                    if (r.status, r.location.as_str()) != expected {
                        failures.push(format!(
                            "{role:?} {method} {url}: {} {}",
                            r.status, r.location
                        ));
                    }
                    let after = c.get("/progress").await;
                    let signed_out = after.status == 303 && after.location == "/join";
                    if signed_out != (expected.0 == 303) {
                        failures.push(format!(
                            "{role:?} {method} {url}: session over is {signed_out}"
                        ));
                    }
                } else if let Err(e) = check(role, access, method, &url, &r) {
                    failures.push(e);
                }
                for b in &banned {
                    if r.body.contains(b.as_str()) || r.location.contains(b.as_str()) {
                        failures.push(format!("{role:?} {method} {url}: the response shows {b:?}"));
                    }
                }
                // Another trainee's attempt is not found, not shown.
                if role == Role::TraineeB && variant == 1 && r.status != 404 {
                    failures.push(format!("B read A's attempt at {url}: {}", r.status));
                }
                // The matrix can see a leak: A's own page does show A's answer.
                if role == Role::TraineeA && variant == 1 && !r.body.contains("ALICEANSWER42") {
                    failures.push(format!("A cannot see A's own attempt at {url}"));
                }
            }
        }
        if role == Role::TraineeB {
            // Nobody but the trainer has changed anything of the trainer's.
            let store = &server.app.store;
            let classes = store.classes().await.expect("classes");
            assert_eq!(
                classes.len(),
                1,
                "no class started by a trainee or a stranger"
            );
            assert!(classes[0].open, "the class is still open");
            let exercises: Vec<(String, bool)> = store
                .class_exercises(&w.class)
                .await
                .expect("exercises")
                .into_iter()
                .map(|e| (e.exercise_id, e.locked))
                .collect();
            assert_eq!(
                exercises,
                vec![(REWRITE.to_string(), false), (MONITOR.to_string(), false)],
                "order and locks unchanged"
            );
            let reveals = store.reveals(&w.class).await.expect("reveals");
            assert_eq!(
                reveals.len(),
                1,
                "no answer shared by anyone but the trainer"
            );
            assert!(reveals[0].attempt_id.is_none());
            assert!(store.uploaded_exercises().await.expect("uploads").len() == 1);
            let ev = store.evaluations(&w.class).await.expect("evaluations");
            // A and B each replaced their own; a stranger added none.
            assert_eq!(ev.len(), 2, "{ev:?}");
            let outside = store.class_attempts(&w.class).await.expect("attempts");
            assert!(
                outside.iter().all(|a| a.exercise_id != OUTSIDE),
                "no trainee attempt at an exercise outside the class: {outside:?}"
            );
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {requests} requests broke the rules:\n{}",
        failures.len(),
        failures.join("\n")
    );
    // The trainer did see the class (the matrix checks refusals, this checks it is not empty).
    let mut t = t;
    let page = t.get(&format!("/trainer/classes/{}", w.class)).await;
    assert!(page.body.contains(ALICE) && page.body.contains(BOB));
}

#[tokio::test]
async fn the_route_table_is_read_whole() {
    let table = routes();
    for expected in [
        ("/join", "POST"),
        ("/trainer/classes/{class}/board/{exercise}", "GET"),
        ("/exercises/{id}/attempts", "POST"),
        ("/healthz", "GET"),
    ] {
        assert!(
            table
                .iter()
                .any(|(p, m)| p == expected.0 && m == expected.1),
            "{expected:?} in {table:?}"
        );
    }
}

#[tokio::test]
async fn self_learner_mode_has_no_login_and_no_classroom() {
    let server = start(Setup::MINI).await;
    let mut c = Client::new(&server.base);
    assert_eq!(c.get("/").await.status, 200);
    assert_eq!(c.get("/exercises").await.status, 200);
    let r = c
        .post(
            &format!("/exercises/{REWRITE}/attempts"),
            &[("answer", "Library open Saturday")],
        )
        .await;
    assert_eq!(r.status, 303, "a self-learner submits with no login");
    for path in ["/join", "/class", "/trainer", "/trainer/login"] {
        assert_eq!(c.get(path).await.status, 404, "{path}");
    }
    // The one trainer's page a self-learner has: their own drill scenarios.
    assert_eq!(c.get("/trainer/scenarios").await.status, 200);
    let attempts = server
        .app
        .store
        .attempts("local", None)
        .await
        .expect("attempts");
    assert_eq!(attempts.len(), 1);
}
