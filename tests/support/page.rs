//! Reading and posting the exercise page as a browser does, for the tests of drafts and
//! refusals: the answer box, the box of a kept draft, the error summary's links, the stored
//! attempts of a learner, and a raw POST with any content type.

use super::{Client, Resp, Server, http_client};

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

/// A POST with a raw body and content type, as a broken client or a proxy might send it.
pub async fn post_raw(c: &Client, path: &str, content_type: &str, body: Vec<u8>) -> Resp {
    let mut req = http_client()
        .post(format!("{}{path}", c.base))
        .header("content-type", content_type)
        .body(body);
    if let Some(cookie) = &c.cookie {
        req = req.header("cookie", format!("sandpit_session={cookie}"));
    }
    let r = req.send().await.expect("request");
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let location = headers
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    Resp {
        status,
        location,
        set_cookie: None,
        body: r.text().await.expect("body"),
        headers,
    }
}
