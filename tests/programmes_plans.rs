//! Plans through HTTP (docs/programmes.md "Plans", "The cohort view", "Calendar"): a learner of a
//! cohort sees the placement's link and a proposal at beginner level, starts a plan, cannot
//! change it themselves; the trainer sees them on track, then (the clock moved past week 1)
//! stuck with work overdue, moves a due date and swaps an exercise, and downloads the cohort's
//! CSV; the learner's home shows what is overdue and the calendar file carries each deadline
//! with a stable UID. A self-learner starts and changes their own plan.

mod support;

use chrono::Duration;
use support::classroom::trainer;
use support::{Client, Resp, Setup, start, token_in};

const PASS: &str = "harbour lantern kettle blue";

fn link_of(body: &str, name: &str) -> String {
    let cell = format!("<td>{name}</td><td><code class=\"link\">");
    let at = body
        .find(&cell)
        .unwrap_or_else(|| panic!("no link: {body}"));
    let rest = &body[at + cell.len()..];
    let url = &rest[..rest.find('<').expect("end of link")];
    url[url.find("/learn/").expect("a /learn/ link")..].to_string()
}

/// The ids of the assignments on a plan page, in order (from their change forms).
fn assignment_ids(body: &str, action: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let needle = format!("action=\"{action}/assignments/");
    for part in body.split(&needle).skip(1) {
        let id = part[..part.find('"').expect("end")].to_string();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

fn see(r: &Resp, what: &str) {
    assert!(r.body.contains(what), "{what:?} not in: {}", r.body);
}

#[tokio::test]
async fn a_learners_plan_the_trainers_changes_and_the_cohort_view() {
    let server = start(Setup {
        test_clock: true,
        ..Setup::CLASSROOM
    })
    .await;
    let mut t = trainer(&server).await;
    let r = t
        .post("/trainer/programmes", &[("title", "Brindle comms")])
        .await;
    let cohort = r.location.rsplit('/').next().unwrap().to_string();
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", "Ana Silva\nBen Okoro")],
            &[],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let link = link_of(&r.body, "Ana Silva");
    let mut ana = Client::new(&server.base);
    let r = ana
        .post(&link, &[("passphrase", PASS), ("confirm", PASS)])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    ana.cookie = r.set_cookie.as_deref().and_then(token_in);

    // The learner's home links the programme; the programme links the placement.
    see(&ana.get("/learn").await, "href=\"/programme\"");
    let home = ana.get("/programme").await;
    assert_eq!(home.status, 200);
    see(&home, "href=\"/programme/placement\"");
    see(&home, "You have no plan yet");
    let proposal = ana.get("/programme/plan").await;
    see(&proposal, "starts at beginner level");
    let proposal = ana.get("/programme/plan?weeks=5&weekday=2").await;
    assert_eq!(
        proposal.body.matches("<tr><td>5</td>").count(),
        2,
        "two in week 5"
    );
    let bad = ana.get("/programme/plan?weeks=13&weekday=2").await;
    assert_eq!(bad.status, 400);
    see(&bad, "A plan lasts 4 to 12 weeks: `13` is not one of those");

    // Starting the plan.
    let r = ana
        .post("/programme/plan", &[("weeks", "4"), ("weekday", "5")])
        .await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/programme"),
        "{}",
        r.body
    );
    let home = ana.get("/programme").await;
    see(&home, "Week 1 of 4");
    see(&home, "This week");
    assert!(!home.body.contains("Overdue"));
    let plan = ana.get("/programme/plan").await;
    see(&plan, "Your trainer can move a date");
    assert!(
        assignment_ids(&plan.body, "/programme/plan").is_empty(),
        "no change forms"
    );

    // The learner cannot change it: the trainer does.
    let address = format!(
        "/trainer/programmes/{cohort}/learners/{}/plan",
        server
            .app
            .store
            .cohort_learners(&cohort)
            .await
            .unwrap()
            .iter()
            .find(|l| l.name == "Ana Silva")
            .unwrap()
            .id
    );
    let page = t.get(&address).await;
    assert_eq!(page.status, 200, "{}", page.body);
    let ids = assignment_ids(&page.body, &address);
    assert_eq!(ids.len(), 8, "{}", page.body);
    let r = ana
        .post(
            &format!("/programme/plan/assignments/{}", ids[0]),
            &[("action", "remove")],
        )
        .await;
    assert_eq!(r.status, 403);
    see(&r, "Ask your trainer");

    // The cohort view: Ana on track, Ben without a plan.
    let progress = t
        .get(&format!("/trainer/programmes/{cohort}/progress"))
        .await;
    assert_eq!(progress.status, 200);
    see(&progress, "1 on track, 0 behind, 0 stuck, 1 without a plan");
    see(&progress, "Nothing overdue; 0 of 8 assignments done");

    // The calendar: one event an assignment, each line within 75 octets.
    let ics = ana.get("/programme/calendar.ics").await;
    assert_eq!(ics.status, 200);
    assert_eq!(
        ics.headers["content-type"].to_str().unwrap(),
        "text/calendar; charset=utf-8"
    );
    assert_eq!(ics.body.matches("BEGIN:VEVENT\r\n").count(), 8);
    assert!(ics.body.split("\r\n").all(|l| l.len() <= 75));
    see(&ics, "DTSTART;VALUE=DATE:");
    see(&ics, &format!("UID:plan-{}@127.0.0.1", ids[0]));

    // Past week 1's due date (at most 10 days on), with no attempt: stuck, week 1 overdue.
    server.app.clock().advance(Duration::days(11));
    let home = ana.get("/programme").await;
    see(&home, "Overdue");
    let progress = t
        .get(&format!("/trainer/programmes/{cohort}/progress"))
        .await;
    see(&progress, "0 on track, 0 behind, 1 stuck, 1 without a plan");
    see(&progress, "2 overdue");
    see(&progress, "0/2 done, 2 overdue");

    // The trainer moves one of them a fortnight on, and refuses a date that is not one.
    let r = t
        .post(
            &format!("{address}/assignments/{}", ids[0]),
            &[("action", "move"), ("due", "2026-02-30")],
        )
        .await;
    assert_eq!(r.status, 400);
    see(&r, "`2026-02-30` is not a date");
    let later = (server.app.now() + Duration::days(14))
        .date_naive()
        .to_string();
    let r = t
        .post(
            &format!("{address}/assignments/{}", ids[0]),
            &[("action", "move"), ("due", &later)],
        )
        .await;
    assert_eq!((r.status, r.location.as_str()), (303, address.as_str()));
    // And swaps the other for a named exercise, without hints.
    let exercise = server.app.catalog().exercises.last().unwrap().id.clone();
    for form in [
        [("action", "swap"), ("exercise", exercise.as_str())],
        [("action", "goal"), ("goal", "no-hints")],
    ] {
        let r = t
            .post(&format!("{address}/assignments/{}", ids[1]), &form)
            .await;
        assert_eq!(r.status, 303, "{}", r.body);
    }
    let page = t.get(&address).await;
    let title = server.app.catalog().exercises.last().unwrap().title.clone();
    see(
        &page,
        &format!(
            "Pass &#39;{}&#39; without hints",
            title.replace('\'', "&#39;")
        ),
    );
    let progress = t
        .get(&format!("/trainer/programmes/{cohort}/progress"))
        .await;
    see(&progress, "1 overdue");

    // The calendar follows: the moved event keeps its UID and counts a revision.
    let ics = ana.get("/programme/calendar.ics").await;
    let unfolded = ics.body.replace("\r\n ", "");
    let moved = unfolded
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:plan-{}@", ids[0])))
        .unwrap();
    assert!(moved.contains("SEQUENCE:1"), "{moved}");
    assert!(moved.contains(&format!("DTSTART;VALUE=DATE:{}", later.replace('-', ""))));

    // A private address a calendar program subscribes to, without a session: it follows the
    // plan too. A new address stops the old one; stopping it stops it.
    let made = ana.post("/programme/calendar", &[("action", "make")]).await;
    assert_eq!(made.status, 200, "{}", made.body);
    let address = made
        .body
        .split("<code class=\"link\">")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .expect("the address is shown")
        .to_string();
    let path = address
        .strip_prefix(server.base.as_str())
        .expect("on this server");
    let mut calendar_app = Client::new(&server.base);
    let feed = calendar_app.get(path).await;
    assert_eq!(feed.status, 200, "{}", feed.body);
    assert_eq!(feed.body.matches("BEGIN:VEVENT\r\n").count(), 8);
    assert!(feed.body.replace("\r\n ", "").contains("SEQUENCE:1"));
    assert!(!feed.headers.contains_key("content-disposition"));
    let again = ana.get("/programme/calendar").await;
    assert!(!again.body.contains(path), "shown once only");
    see(&again, "Make a new address");
    let remade = ana.post("/programme/calendar", &[("action", "make")]).await;
    assert_eq!(
        calendar_app.get(path).await.status,
        404,
        "the old address stops"
    );
    let new_path = remade
        .body
        .split("<code class=\"link\">")
        .nth(1)
        .and_then(|s| s.split("</code>").next())
        .and_then(|a| a.strip_prefix(server.base.as_str()))
        .expect("a new address")
        .to_string();
    assert_eq!(calendar_app.get(&new_path).await.status, 200);
    let stopped = ana.post("/programme/calendar", &[("action", "stop")]).await;
    see(&stopped, "Your calendar address is stopped");
    assert_eq!(calendar_app.get(&new_path).await.status, 404);
    assert_eq!(
        calendar_app
            .get("/calendar/0123456789abcdef0123456789abcdef.ics")
            .await
            .status,
        404,
        "an address never made"
    );
    let bad = ana
        .post("/programme/calendar", &[("action", "share")])
        .await;
    assert_eq!(bad.status, 400, "{}", bad.body);

    // The CSV: one row a learner, formula-safe.
    let csv = t
        .get(&format!("/trainer/programmes/{cohort}/progress.csv"))
        .await;
    assert_eq!(csv.status, 200);
    assert!(
        csv.headers["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    let body = csv
        .body
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark");
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{}", csv.body);
    assert!(lines[0].starts_with("name,team,status,why,set,done,overdue,week_1,"));
    assert!(lines[0].contains("triage_level,triage_done"));
    let ana_row = lines.iter().find(|l| l.starts_with("Ana Silva,")).unwrap();
    assert!(ana_row.contains(",stuck,"), "{ana_row}");
    assert!(ana_row.contains(",8,0,1,"), "{ana_row}");
    let ben_row = lines.iter().find(|l| l.starts_with("Ben Okoro,")).unwrap();
    assert!(ben_row.contains(",no-plan,"), "{ben_row}");

    // A trainee's or a stranger's request for the cohort view is refused.
    let mut stranger = Client::new(&server.base);
    let r = stranger
        .get(&format!("/trainer/programmes/{cohort}/progress"))
        .await;
    assert_eq!((r.status, r.location.as_str()), (303, "/trainer/login"));
}

#[tokio::test]
async fn a_self_learner_runs_their_own_plan() {
    let server = start(Setup::EMPTY).await;
    let mut me = Client::new(&server.base);
    let home = me.get("/programme").await;
    assert_eq!(home.status, 200);
    see(
        &home,
        "<a href=\"/programme\" aria-current=\"page\">Your programme</a>",
    );
    see(&home, "No skill has been measured yet");
    // Two measurements: the chart of each skill measured, and the table of every figure.
    let now = server.app.now();
    let store = &server.app.store;
    store
        .record_skill_levels(
            "local",
            &[("triage", 0.3), ("platforms", 0.6)],
            "placement",
            now,
        )
        .await
        .unwrap();
    store
        .record_skill_levels(
            "local",
            &[("triage", 0.8)],
            "practice",
            now + Duration::days(3),
        )
        .await
        .unwrap();
    let home = me.get("/programme").await;
    assert!(
        !home.body.contains("href=\"/programme/placement\""),
        "a profile: no placement link"
    );
    see(&home, "<strong>Triage</strong>: 80% now");
    see(&home, "<strong>Writing for each platform</strong>: 60% now");
    assert_eq!(
        home.body.matches("<figure class=\"skill-line\">").count(),
        2
    );
    assert_eq!(home.body.matches("<circle ").count(), 3);
    see(
        &home,
        "<td>Triage</td><td class=\"num\">30%</td><td>placement</td>",
    );
    see(
        &home,
        "<td>Triage</td><td class=\"num\">80%</td><td>practice</td>",
    );
    // The proposal follows the profile: skills not measured count as 0 and come first, then
    // platforms (60%), then triage (80%).
    let proposal = me.get("/programme/plan").await;
    see(&proposal, "Proposed from your skill profile");
    let at = |what: &str| {
        proposal
            .body
            .find(what)
            .unwrap_or_else(|| panic!("{what} not in {}", proposal.body))
    };
    assert!(at("<li>Monitoring queries: ") < at("<li>Writing for each platform: "));
    assert!(at("<li>Writing for each platform: ") < at("<li>Triage: "));
    let r = me
        .post("/programme/plan", &[("weeks", "6"), ("weekday", "monday")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let plan = me.get("/programme/plan").await;
    let ids = assignment_ids(&plan.body, "/programme/plan");
    assert_eq!(ids.len(), 12, "{}", plan.body);
    let r = me
        .post(
            &format!("/programme/plan/assignments/{}", ids[0]),
            &[("action", "remove")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let r = me
        .post(
            "/programme/plan/assignments",
            &[
                ("exercise", "no-such-exercise"),
                ("due", "2026-12-24"),
                ("goal", "pass"),
            ],
        )
        .await;
    assert_eq!(r.status, 400);
    see(&r, "There is no exercise `no-such-exercise`");
    let plan = me.get("/programme/plan").await;
    assert_eq!(assignment_ids(&plan.body, "/programme/plan").len(), 11);
    let r = me
        .post(
            &format!("/programme/plan/assignments/{}", ids[1]),
            &[("action", "rename")],
        )
        .await;
    assert_eq!(r.status, 400);
    see(&r, "`rename` is not a change to an assignment");
}
