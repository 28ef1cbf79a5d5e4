//! The load test's requests, as a browser makes them: forms with the page's Origin, the
//! session cookie, no redirect followed, every request bounded by a timeout. One request helper
//! serves one node and two: behind the proxy an answer names the node that gave it.

use std::time::{Duration, Instant};

/// No request may hang the run: each gives up after this long.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// The header HAProxy adds to every answer: the node that gave it (tests/support/proxy.rs).
const NODE_HEADER: &str = "x-sandpit-node";

/// The node an answer without that header came from: the one server of a single-node run.
pub const ONE_NODE: &str = "-";

pub fn builder() -> reqwest::ClientBuilder {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(REQUEST_TIMEOUT)
}

pub fn client() -> Result<reqwest::Client, String> {
    builder().build().map_err(|e| e.to_string())
}

pub fn form(pairs: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

/// One answer: its status, where it redirects, the session cookie it sets, its body, the node
/// that gave it and how long it took (sending to the last byte of the body).
pub struct Answer {
    pub status: u16,
    pub location: String,
    pub cookie: Option<String>,
    pub body: String,
    pub node: String,
    pub took: Duration,
}

/// A GET, or a form POST when `pairs` is given, with the session cookie when there is one.
pub async fn request(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: Option<&str>,
    pairs: Option<&[(String, String)]>,
) -> Result<Answer, String> {
    let (method, mut req) = match pairs {
        Some(pairs) => (
            "POST",
            http.post(format!("{base}{path}"))
                .header("origin", base)
                .header("content-type", "application/x-www-form-urlencoded")
                .body(form(pairs)),
        ),
        None => ("GET", http.get(format!("{base}{path}"))),
    };
    if let Some(c) = cookie {
        req = req.header("cookie", format!("sandpit_session={c}"));
    }
    let at = Instant::now();
    let r = req
        .send()
        .await
        .map_err(|e| format!("{method} {path}: {e}"))?;
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let location = header("location").unwrap_or_default();
    let node = header(NODE_HEADER).unwrap_or_else(|| ONE_NODE.into());
    let cookie = header("set-cookie").and_then(|c| {
        c.strip_prefix("sandpit_session=")
            .and_then(|rest| rest.split(';').next())
            .map(str::to_string)
    });
    let status = r.status().as_u16();
    let body = r
        .text()
        .await
        .map_err(|e| format!("{method} {path}: {e}"))?;
    Ok(Answer {
        status,
        location,
        cookie,
        body,
        node,
        took: at.elapsed(),
    })
}

pub async fn post(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: Option<&str>,
    pairs: &[(String, String)],
) -> Result<Answer, String> {
    request(http, base, path, cookie, Some(pairs)).await
}

pub async fn get(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: &str,
) -> Result<Answer, String> {
    request(http, base, path, Some(cookie), None).await
}
