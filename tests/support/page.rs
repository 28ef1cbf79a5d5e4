//! Reading the exercise page as a browser shows it, for the tests of drafts and
//! refusals: the answer box, the box of a kept draft, the error summary's links and the stored
//! attempts of a learner.

use super::Server;

/// The text of the answer box (`<textarea id="answer" …>…</textarea>`) of a page.
pub fn answer_box(body: &str) -> Option<String> {
    let start = body.find("<textarea id=\"answer\"")?;
    let rest = &body[start..];
    let open = rest.find('>')? + 1;
    let close = rest.find("</textarea>")?;
    Some(rest[open..close].to_string())
}

/// The text of the read-only box of the page that gives an answer back.
pub fn kept_box(body: &str) -> Option<String> {
    let start = body.find("<textarea id=\"draft\"")?;
    let rest = &body[start..];
    assert!(rest[..rest.find('>')?].contains("readonly"), "read-only");
    let open = rest.find('>')? + 1;
    let close = rest.find("</textarea>")?;
    Some(rest[open..close].to_string())
}

/// The error summary links to the field the message is about.
pub fn summary_links_to(body: &str, field: &str) -> bool {
    body.split("class=\"error-summary\"")
        .nth(1)
        .and_then(|rest| rest.split("</div>").next())
        .is_some_and(|summary| summary.contains(&format!("href=\"#{field}\"")))
}

pub fn attempts_url(ex: &str) -> String {
    format!("/exercises/{ex}/attempts")
}

pub async fn trainee_id(server: &Server, class: &str, name: &str) -> String {
    server
        .app
        .store
        .trainees(class)
        .await
        .expect("trainees")
        .into_iter()
        .find(|t| t.name == name)
        .expect("the trainee")
        .id
}

pub async fn stored_attempts(server: &Server, learner: &str) -> usize {
    server
        .app
        .store
        .attempts(learner, None)
        .await
        .expect("attempts")
        .len()
}
