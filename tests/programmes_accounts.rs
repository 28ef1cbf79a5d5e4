//! Programmes' learner accounts through HTTP (docs/programmes.md): the trainer adds a cohort
//! from a CSV file (a bad row refused with its line, nothing half-added), a learner opens their
//! link, chooses a passphrase and reaches their home; signs out and in again by name and
//! passphrase on a second device, and with the link; wrong passphrases are held; a reissued
//! link revokes the old one and ends the learner's sessions; and a learner's session survives a
//! restart of the real server on the same data directory.

mod support;

use std::process::Stdio;
use std::time::Duration;

use support::classroom::{class_with, join, trainer};
use support::process::start_classroom;
use support::{Client, Resp, Setup, start, token_in};

const PASS_ANA: &str = "kettle harbour blue lantern";
const PASS_BEN: &str = "seven quiet ferries";

/// The personal link of `name` on a page of new links.
fn link_of(body: &str, name: &str) -> String {
    let cell = format!("<td>{name}</td><td><code class=\"link\">");
    let at = body
        .find(&cell)
        .unwrap_or_else(|| panic!("no link for {name}: {body}"));
    let rest = &body[at + cell.len()..];
    let url = &rest[..rest.find('<').expect("end of link")];
    let path = &url[url.find("/learn/").expect("a /learn/ link")..];
    assert_eq!(path.len(), "/learn/".len() + 32, "{path}");
    path.to_string()
}

/// Takes the session cookie a sign-in set.
fn signed_in(c: &mut Client, r: &Resp) {
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/learn"),
        "{}",
        r.body
    );
    let cookie = r.set_cookie.as_deref().expect("a cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("Max-Age=2592000"),
        "{cookie}"
    );
    c.cookie = token_in(cookie);
    assert!(c.cookie.is_some());
}

async fn new_cohort(t: &mut Client, title: &str) -> String {
    let r = t.post("/trainer/programmes", &[("title", title)]).await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.location
        .strip_prefix("/trainer/programmes/")
        .expect("cohort page")
        .to_string()
}

#[tokio::test]
async fn cohort_links_passphrases_sign_in_and_reissue() {
    let server = start(Setup::CLASSROOM).await;
    let mut t = trainer(&server).await;
    let cohort = new_cohort(&mut t, "Tollwick press office").await;

    // A CSV with a bad row: refused with its line, and nobody is added.
    let bad =
        "name,email,team\nAna Silva,ana@tollwick.example,Press\nBen Okoro,not-an-email,Digital\n";
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", "")],
            &[("csv", "cohort.csv", bad.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 400, "{}", r.body);
    assert!(
        r.body
            .contains("cohort.csv, line 3: `not-an-email` is not an email address"),
        "{}",
        r.body
    );
    let page = t.get(&format!("/trainer/programmes/{cohort}")).await;
    assert!(!page.body.contains("Ana Silva"), "nothing half-added");

    // The corrected file, with a name typed beside it.
    let good = "name,email,team\nAna Silva,ana@tollwick.example,Press\nBen Okoro,,Digital\n";
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", "Cy Dale")],
            &[("csv", "cohort.csv", good.as_bytes())],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    assert!(r.body.contains("3 learners added"), "{}", r.body);
    let ana_link = link_of(&r.body, "Ana Silva");
    let ben_link = link_of(&r.body, "Ben Okoro");
    // A name already in the cohort is refused with its line.
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", "Dee Marsh\nana silva")],
            &[],
        )
        .await;
    assert_eq!(r.status, 400);
    assert!(
        r.body
            .contains("names, line 2: ana silva is already in this cohort"),
        "{}",
        r.body
    );
    let page = t.get(&format!("/trainer/programmes/{cohort}")).await;
    assert!(page.body.contains("Link not used yet") && !page.body.contains("Dee Marsh"));

    // First use of the link: a passphrase that breaks the rules, then a good one.
    let mut ana = Client::new(&server.base);
    let r = ana.get(&ana_link).await;
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Welcome, Ana Silva") && r.body.contains("Tollwick press office"));
    for (pass, confirm, why) in [
        ("short", "short", "at least 12 characters"),
        (
            "silva by the sea",
            "silva by the sea",
            "must not contain your name",
        ),
        (PASS_ANA, "something else", "not the same"),
    ] {
        let r = ana
            .post(&ana_link, &[("passphrase", pass), ("confirm", confirm)])
            .await;
        assert_eq!(r.status, 400, "{pass}");
        assert!(r.body.contains(why), "{why}: {}", r.body);
    }
    let r = ana
        .post(
            &ana_link,
            &[("passphrase", PASS_ANA), ("confirm", PASS_ANA)],
        )
        .await;
    signed_in(&mut ana, &r);
    let home = ana.get("/learn").await;
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Hello, Ana Silva") && home.body.contains("Tollwick press office"));

    // The passphrase is stored as an Argon2id PHC string, never as typed.
    let learners = server
        .app
        .store
        .learners_named("ana silva")
        .await
        .expect("named");
    assert!(learners[0].1.starts_with("$argon2id$"), "{}", learners[0].1);
    assert!(!learners[0].1.contains(PASS_ANA));

    // Practice is recorded under the learner's id, and the progress page is theirs.
    let r = ana
        .post(
            "/exercises/storm-17-rewrite-library/attempts",
            &[("answer", "The library reopens on Saturday at 9am")],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let ana_id = learners[0].0.id.clone();
    let attempts = server
        .app
        .store
        .attempts(&ana_id, None)
        .await
        .expect("attempts");
    assert_eq!(attempts.len(), 1);
    assert_eq!(ana.get("/progress").await.status, 200);

    // A learner is not the trainer, nor a trainee.
    assert_eq!(ana.get("/trainer/programmes").await.status, 403);
    let r = ana.get("/class").await;
    assert_eq!((r.status, r.location.as_str()), (303, "/learn"));

    // Signing out, then in again on a second device by name and passphrase.
    let r = ana.post("/learn/sign-out", &[]).await;
    assert_eq!(
        (r.status, r.location.as_str()),
        (303, "/learn/sign-in?left=1")
    );
    let r = ana.get("/learn").await;
    assert_eq!((r.status, r.location.as_str()), (303, "/learn/sign-in"));
    let mut second = Client::new(&server.base);
    let r = second
        .post(
            "/learn/sign-in",
            &[("name", "ana  SILVA"), ("passphrase", PASS_ANA)],
        )
        .await;
    signed_in(&mut second, &r);
    assert!(second.get("/learn").await.body.contains("Hello, Ana Silva"));
    // …and with the link again, which now asks for the passphrase.
    let mut third = Client::new(&server.base);
    let r = third.get(&ana_link).await;
    assert!(r.body.contains("Sign in, Ana Silva"), "{}", r.body);
    let r = third
        .post(&ana_link, &[("passphrase", "wrong but long enough")])
        .await;
    assert_eq!(r.status, 400);
    let r = third.post(&ana_link, &[("passphrase", PASS_ANA)]).await;
    signed_in(&mut third, &r);

    // Wrong passphrases for one learner are held after five, even the right one after that.
    let mut ben = Client::new(&server.base);
    let r = ben
        .post(
            &ben_link,
            &[("passphrase", PASS_BEN), ("confirm", PASS_BEN)],
        )
        .await;
    signed_in(&mut ben, &r);
    let mut guesser = Client::new(&server.base);
    for i in 0..5 {
        let r = guesser
            .post(
                "/learn/sign-in",
                &[
                    ("name", "Ben Okoro"),
                    ("passphrase", &format!("guess number {i}")),
                ],
            )
            .await;
        assert_eq!(r.status, 401, "{}", r.body);
        assert!(r.body.contains("do not match"), "{}", r.body);
    }
    let r = guesser
        .post(
            "/learn/sign-in",
            &[("name", "Ben Okoro"), ("passphrase", PASS_BEN)],
        )
        .await;
    assert_eq!(r.status, 401);
    assert!(r.body.contains("Too many wrong passphrases"), "{}", r.body);
    // An unknown name answers as a wrong passphrase does: names are not given away.
    let r = Client::new(&server.base)
        .post(
            "/learn/sign-in",
            &[("name", "Nobody Here"), ("passphrase", PASS_BEN)],
        )
        .await;
    assert!(r.body.contains("do not match"), "{}", r.body);

    // Reissuing Ana's link: the old link is replaced, her sessions end, the new link lets her
    // choose a new passphrase.
    let r = t
        .post(
            &format!("/trainer/programmes/{cohort}/learners/{ana_id}/link"),
            &[],
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let new_link = link_of(&r.body, "Ana Silva");
    assert_ne!(new_link, ana_link);
    assert_eq!(Client::new(&server.base).get(&ana_link).await.status, 410);
    let r = second.get("/learn").await;
    assert_eq!((r.status, r.location.as_str()), (303, "/learn/sign-in"));
    let r = Client::new(&server.base).get(&new_link).await;
    assert!(r.body.contains("replaces your old one"), "{}", r.body);
    let page = t.get(&format!("/trainer/programmes/{cohort}")).await;
    assert!(page.body.contains("New link not used yet"), "{}", page.body);

    // The export for a mail merge: new links for those who have not started, none for the rest.
    let r = t
        .post(&format!("/trainer/programmes/{cohort}/links.csv"), &[])
        .await;
    assert_eq!(r.status, 200);
    assert!(
        r.headers["content-type"]
            .to_str()
            .unwrap_or_default()
            .starts_with("text/csv")
    );
    // A byte-order mark first, so spreadsheets read accented names right.
    let body = r.body.strip_prefix('\u{feff}').expect("a byte-order mark");
    let rows: Vec<&str> = body.lines().collect();
    assert_eq!(rows[0], "name,email,team,link,status");
    let cy = rows
        .iter()
        .find(|l| l.starts_with("Cy Dale,"))
        .expect("Cy's row");
    assert!(
        cy.contains("/learn/") && cy.contains("choose a passphrase"),
        "{cy}"
    );
    let ben_row = rows
        .iter()
        .find(|l| l.starts_with("Ben Okoro,"))
        .expect("Ben's row");
    assert!(ben_row.contains("/learn/sign-in"), "{ben_row}");

    // A trainee of a class has no programme page.
    let (_, code) = class_with(&mut t, &["storm-17-rewrite-library"]).await;
    let mut trainee = join(&server, &code, "Eve Trainee").await;
    assert_eq!(trainee.get("/learn").await.status, 403);
}

#[tokio::test]
async fn programmes_need_classroom_mode() {
    let server = start(Setup::MINI).await;
    let mut c = Client::new(&server.base);
    for path in ["/trainer/programmes", "/learn", "/learn/sign-in"] {
        assert_eq!(c.get(path).await.status, 404, "{path}");
    }
    // The self-learner keeps working without an account.
    assert_eq!(c.get("/exercises").await.status, 200);
}

#[tokio::test]
async fn a_learner_session_survives_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wait = Duration::from_secs(120);
    let (server, base, key) = start_classroom(dir.path(), Stdio::null(), wait).expect("starts");
    let mut t = Client::new(&base);
    let r = t.post("/trainer/login", &[("secret", &key)]).await;
    t.cookie = r.set_cookie.as_deref().and_then(token_in);
    let cohort = new_cohort(&mut t, "Restart cohort").await;
    let r = t
        .post_multipart(
            &format!("/trainer/programmes/{cohort}/learners"),
            &[("names", "Ana Silva")],
            &[],
        )
        .await;
    let link = link_of(&r.body, "Ana Silva");
    let mut ana = Client::new(&base);
    let r = ana
        .post(&link, &[("passphrase", PASS_ANA), ("confirm", PASS_ANA)])
        .await;
    signed_in(&mut ana, &r);
    drop(server); // SIGKILL

    let (_server, base, _) = start_classroom(dir.path(), Stdio::null(), wait).expect("again");
    ana.base = base.clone();
    ana.origin = Some(base.clone());
    let home = ana.get("/learn").await;
    assert_eq!(home.status, 200, "{} {}", home.location, home.body);
    assert!(home.body.contains("Hello, Ana Silva"));
    let mut other = Client::new(&base);
    let r = other
        .post(
            "/learn/sign-in",
            &[("name", "Ana Silva"), ("passphrase", PASS_ANA)],
        )
        .await;
    signed_in(&mut other, &r);
}
