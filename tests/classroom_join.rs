//! Getting into a class over HTTP on loopback: joining and rejoining with a code, leaving, the
//! rate limit on wrong codes, the trainer's sign-in by link or password, the session cookie,
//! and changes sent from another site refused.

mod support;

use support::classroom::{PASSWORD, class_with, rejoin, submit, trainer};
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

    // Before leaving, the page shows the rejoin word; leaving ends the session; the same name
    // and code with the rejoin word come back to the same work.
    let word = support::classroom::rejoin_word(&server, &code, "Kim Lee").await;
    let before = c.get("/leave").await;
    assert_eq!(before.status, 200);
    assert!(before.body.contains(&word), "the leave page shows the word");
    let r = c.post("/leave", &[]).await;
    assert_eq!((r.status, r.location.as_str()), (303, "/join?left=1"));
    assert!(r.set_cookie.unwrap_or_default().contains("Max-Age=0"));
    assert_eq!(c.get("/class").await.location, "/join");
    let mut again = rejoin(&server, &code, "kim lee").await;
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
    // Trainer sign-in is counted apart: a room's wrong codes never keep the trainer out, and
    // wrong keys are held in the same way.
    for _ in 0..sandpit::web::session::MAX_FAILURES {
        let r = c.post("/trainer/login", &[("secret", "guess")]).await;
        assert_eq!(r.status, 401);
    }
    let r = c.post("/trainer/login", &[("secret", PASSWORD)]).await;
    assert_eq!(r.status, 429, "even the right key waits now");
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

/// Behind a load balancer named by `--trusted-proxy`, each client is counted under the address
/// the balancer forwarded for: one room's wrong codes hold that room, not the organisation.
/// Without the trust, the header is ignored, so a guesser cannot dodge the hold by inventing
/// addresses.
#[tokio::test]
async fn behind_a_trusted_proxy_each_client_is_counted_apart() {
    async fn wrong_codes(server: &support::Server, forwarded_for: &str) -> Vec<u16> {
        let http = support::http_client();
        let mut statuses = Vec::new();
        for _ in 0..sandpit::web::session::MAX_FAILURES + 1 {
            let r = http
                .post(format!("{}/join", server.base))
                .header("origin", &server.base)
                .header("x-forwarded-for", forwarded_for)
                .header("content-type", "application/x-www-form-urlencoded")
                .body("code=ZZZZZZ&name=Guesser")
                .send()
                .await
                .expect("post");
            statuses.push(r.status().as_u16());
        }
        statuses
    }
    let behind = start(Setup {
        behind_proxy: true,
        ..Setup::CLASSROOM
    })
    .await;
    let first = wrong_codes(&behind, "10.0.0.1").await;
    assert_eq!(
        first.last(),
        Some(&429),
        "the guessing room is held: {first:?}"
    );
    let other = wrong_codes(&behind, "10.0.0.2").await;
    assert_eq!(other.first(), Some(&400), "another room is not: {other:?}");

    let direct = start(Setup::CLASSROOM).await;
    wrong_codes(&direct, "10.0.0.1").await;
    let spoofed = wrong_codes(&direct, "10.0.0.2").await;
    assert_eq!(
        spoofed.first(),
        Some(&429),
        "an untrusted X-Forwarded-For changes nothing: {spoofed:?}"
    );
}
