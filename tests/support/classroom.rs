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
