//! The load test's requests, as a browser makes them: forms with the page's Origin, the
//! session cookie, no redirect followed, every request bounded by a timeout.

use std::time::Duration;

/// No request may hang the run: each gives up after this long.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

pub fn client() -> Result<reqwest::Client, String> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(REQUEST_TIMEOUT)
        .build()
        .map_err(|e| e.to_string())
}

pub fn form(pairs: &[(String, String)]) -> String {
    url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(pairs)
        .finish()
}

pub struct Posted {
    pub status: u16,
    pub location: String,
    pub cookie: Option<String>,
}

pub async fn post(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: Option<&str>,
    pairs: &[(String, String)],
) -> Result<Posted, String> {
    let mut req = http
        .post(format!("{base}{path}"))
        .header("origin", base)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form(pairs));
    if let Some(c) = cookie {
        req = req.header("cookie", format!("sandpit_session={c}"));
    }
    let r = req.send().await.map_err(|e| format!("POST {path}: {e}"))?;
    let header = |name: &str| {
        r.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string)
    };
    let location = header("location").unwrap_or_default();
    let cookie = header("set-cookie").and_then(|c| {
        c.strip_prefix("sandpit_session=")
            .and_then(|rest| rest.split(';').next())
            .map(str::to_string)
    });
    let status = r.status().as_u16();
    let _ = r.bytes().await;
    Ok(Posted {
        status,
        location,
        cookie,
    })
}

pub async fn get(
    http: &reqwest::Client,
    base: &str,
    path: &str,
    cookie: &str,
) -> Result<(u16, String), String> {
    let r = http
        .get(format!("{base}{path}"))
        .header("cookie", format!("sandpit_session={cookie}"))
        .send()
        .await
        .map_err(|e| format!("GET {path}: {e}"))?;
    let status = r.status().as_u16();
    let body = r.text().await.map_err(|e| format!("GET {path}: {e}"))?;
    Ok((status, body))
}
