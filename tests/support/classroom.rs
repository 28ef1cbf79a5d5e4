//! The steps of a class as the tests take them: the trainer signed in, a class started with
//! its exercises, trainees who joined, and answers submitted.

use super::client::{Client, token_in};
use super::server::Server;

pub const PASSWORD: &str = "correct horse battery";

/// A client signed in as the trainer with the secret key.
pub async fn trainer(server: &Server) -> Client {
    let key = server
        .app
        .store
        .trainer_secret(false)
        .await
        .expect("secret");
    signed_in(server, "/trainer/login", &[("secret", &key)], "/trainer").await
}

/// A client signed in by a form that must answer 303 to `to` with a session cookie.
async fn signed_in(server: &Server, path: &str, form: &[(&str, &str)], to: &str) -> Client {
    let mut c = Client::new(&server.base);
    let r = c.post(path, form).await;
    assert_eq!((r.status, r.location.as_str()), (303, to), "{}", r.body);
    c.cookie = r.set_cookie.as_deref().and_then(token_in);
    assert!(c.cookie.is_some());
    c
}

/// Starts a class with these exercises; returns (class id, code).
pub async fn class_with(trainer: &mut Client, exercises: &[&str]) -> (String, String) {
    let r = trainer
        .post("/trainer/classes", &[("title", "Test class")])
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let id = r
        .location
        .strip_prefix("/trainer/classes/")
        .expect("class page")
        .to_string();
    let mut form: Vec<(String, String)> = Vec::new();
    for (i, e) in exercises.iter().enumerate() {
        form.push(("exercise".into(), e.to_string()));
        form.push((format!("position:{e}"), (i + 1).to_string()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let r = trainer
        .post(&format!("/trainer/classes/{id}/exercises"), &pairs)
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    let page = trainer.get(&format!("/trainer/classes/{id}")).await;
    let code = page
        .body
        .split("class-code\" aria-label=\"Class code ")
        .nth(1)
        .and_then(|rest| rest.get(..6))
        .expect("the class page shows the code")
        .to_string();
    (id, code)
}

/// A trainee who has joined.
pub async fn join(server: &Server, code: &str, name: &str) -> Client {
    signed_in(server, "/join", &[("code", code), ("name", name)], "/class").await
}

/// The rejoin word of the trainee of this name (tidied as joining tidies it) in the class with
/// this code, read from the database.
pub async fn rejoin_word(server: &Server, code: &str, name: &str) -> String {
    let store = &server.app.store;
    let class = store
        .class_by_code(code)
        .await
        .expect("lookup")
        .expect("the class");
    let (_, key) = sandpit::store::classroom::normalise_name(name).expect("a valid name");
    store
        .trainee_by_name(&class.id, &key)
        .await
        .expect("lookup")
        .expect("the trainee has joined")
        .1
}

/// A trainee already in the class, coming back on another browser with their rejoin word.
pub async fn rejoin(server: &Server, code: &str, name: &str) -> Client {
    let word = rejoin_word(server, code, name).await;
    signed_in(
        server,
        "/join",
        &[("code", code), ("name", name), ("rejoin", &word)],
        "/class",
    )
    .await
}

/// Submits an answer; returns the attempt id from the redirect to its feedback.
pub async fn submit(client: &mut Client, exercise: &str, answer: &str) -> String {
    let r = client
        .post(
            &format!("/exercises/{exercise}/attempts"),
            &[("answer", answer)],
        )
        .await;
    assert_eq!(r.status, 303, "{}", r.body);
    r.location
        .split("attempt=")
        .nth(1)
        .and_then(|rest| rest.split('#').next())
        .expect("attempt id in the redirect")
        .to_string()
}
