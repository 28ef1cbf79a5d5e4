//! Who is asking, in classroom mode: the session cookie and its row in the database, the gate
//! that keeps everything but joining and signing in behind a session, the same-origin rule for
//! changes of state, the `Trainer` and `Trainee` extractors, and the rate limit on joins and
//! trainer sign-ins. Self-learner mode (no `--classroom`) passes through all of this untouched.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts, Request, State};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

use super::AppState;
use super::error::{ErrorPage, render};
use super::nav::{self, Viewer};
use crate::store::classroom::{SessionOwner, Trainee};

/// The cookie's name. One cookie for both roles: a browser is one person at a time.
pub const COOKIE: &str = "sandpit_session";
pub use crate::app::classroom::SESSION_HOURS;

/// Paths reachable without a session in classroom mode: the ways in, and what they need.
pub fn is_public(path: &str) -> bool {
    matches!(
        path,
        "/join" | "/trainer/login" | "/healthz" | "/learn/sign-in"
    ) || path.starts_with("/static/")
        || ["/learn/", "/team/"].iter().any(|prefix| {
            path.strip_prefix(prefix).is_some_and(|token| {
                token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
            })
        })
        || is_observer_link(path)
        || is_calendar_address(path)
}

/// A learner's private calendar address (`/calendar/{token}.ics`, `web::programmes::calendar`):
/// calendar programs fetch it without a session; the address is the key.
fn is_calendar_address(path: &str) -> bool {
    path.strip_prefix("/calendar/")
        .and_then(|rest| rest.strip_suffix(".ics"))
        .is_some_and(|token| token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A drill observer's pages (`/observe/{token}` and its notes form): the link is the key, so
/// they need no session (`web::drill_observe`).
fn is_observer_link(path: &str) -> bool {
    let Some(rest) = path.strip_prefix("/observe/") else {
        return false;
    };
    let token = rest.strip_suffix("/notes").unwrap_or(rest);
    token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit())
}

/// A programme's learner's pages: without a session they lead to the learner's sign-in page.
fn is_learner_page(path: &str) -> bool {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    under("/learn") || under("/programme")
}

/// Paths for the trainer only in classroom mode, whatever their handlers check: the trainer's
/// pages and the live feeds, which reach out to the internet on the class's behalf.
pub fn is_trainer_only(path: &str) -> bool {
    let under = |prefix: &str| path == prefix || path.starts_with(&format!("{prefix}/"));
    (under("/trainer") && path != "/trainer/login") || under("/feeds")
}

/// The forms of an exercise page, which carry the learner's answer: without a session they
/// still reach their handlers, which give the answer back with a way to join again instead of
/// sending the browser to `/join` and losing it (see `exercises::draft::session_ended`).
pub fn keeps_draft(method: &Method, path: &str) -> bool {
    if *method != Method::POST {
        return false;
    }
    let parts: Vec<&str> = path.split('/').collect();
    matches!(
        parts.as_slice(),
        ["", "exercises", id, "attempts" | "hint" | "reveal"] if !id.is_empty()
    )
}

/// The session of a request, put in the request's extensions by [`classroom_gate`].
#[derive(Debug, Clone)]
pub struct Who {
    pub owner: SessionOwner,
    /// The cookie's token, to end this session on leaving.
    pub token: String,
}

/// The session token sent with a request, if any.
pub fn token_of(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE)
        .map(|(_, value)| value.trim().to_string())
        // Tokens are 32 hex digits: anything else is not worth a database look-up.
        .filter(|v| v.len() == 32 && v.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// The Set-Cookie value for a new session. HttpOnly: no script reads it. SameSite=Lax: another
/// site's form cannot send it. No `Secure`: the classroom runs over plain HTTP on the room's
/// network, where a Secure cookie would never be sent back.
/// Where a new session goes: to `page`, with the session's cookie set.
pub fn signed_in(token: &str, page: &str) -> Response {
    let mut response = axum::response::Redirect::to(page).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, session_cookie(token));
    response
}

pub fn session_cookie(token: &str) -> HeaderValue {
    cookie_for_hours(token, SESSION_HOURS)
}

/// A session cookie kept for `hours` (a programme's learner's lasts a month).
pub fn cookie_for_hours(token: &str, hours: i64) -> HeaderValue {
    let value = format!(
        "{COOKIE}={token}; HttpOnly; SameSite=Lax; Path=/; Max-Age={}",
        hours * 3600
    );
    HeaderValue::from_str(&value).unwrap_or_else(|_| clear_cookie())
}

pub fn clear_cookie() -> HeaderValue {
    HeaderValue::from_static("sandpit_session=; HttpOnly; SameSite=Lax; Path=/; Max-Age=0")
}

/// True for requests that want JSON rather than a page.
fn wants_json(path: &str) -> bool {
    path.starts_with("/api/")
}

/// What a request without a session gets: the join page, or a 401 for the API.
pub fn sign_in_first(path: &str) -> Response {
    if is_learner_page(path) {
        Redirect::to("/learn/sign-in").into_response()
    } else if wants_json(path) {
        let body = serde_json::json!({ "error": { "message":
            "Join the class first: open /join and enter the class code and your name." } });
        (StatusCode::UNAUTHORIZED, axum::Json(body)).into_response()
    } else {
        Redirect::to("/join").into_response()
    }
}

/// A page saying why not.
pub fn refusal(status: StatusCode, title: &str, message: &str) -> Response {
    let page = ErrorPage {
        title: title.to_string(),
        message: message.to_string(),
    };
    (status, render(&page)).into_response()
}

/// In classroom mode, looks up the session and puts it in the request; a request without one
/// reaches only the public paths. Every route behind the gate can rely on a session being there.
/// In every mode it also says who is viewing, for the navigation of whatever page is rendered
/// for this request, the gate's own refusals included.
pub async fn classroom_gate(
    State(state): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path().to_string();
    if !state.app.config.classroom {
        return nav::viewing(Viewer::SelfLearner, path, next.run(req)).await;
    }
    // Assets and the health check never need to know who asks: no database look-up for them.
    let anyone = path.starts_with("/static/") || path == "/healthz";
    if let Some(token) = token_of(req.headers()).filter(|_| !anyone) {
        match state.app.store.session(&token).await {
            Ok(Some(owner)) => {
                req.extensions_mut().insert(Who { owner, token });
            }
            Ok(None) => {}
            Err(e) => {
                tracing::error!("session look-up failed: {e:#}");
                return nav::viewing(Viewer::Visitor, path, async {
                    refusal(
                        StatusCode::INTERNAL_SERVER_ERROR,
                        "Something went wrong",
                        "Sandpit could not check who you are. Try again in a moment.",
                    )
                })
                .await;
            }
        }
    }
    let viewer = match req.extensions().get::<Who>().map(|w| &w.owner) {
        Some(SessionOwner::Trainer) => Viewer::Trainer,
        Some(SessionOwner::Trainee(_)) => Viewer::Trainee,
        Some(SessionOwner::Learner(_)) => Viewer::Learner,
        None => Viewer::Visitor,
    };
    nav::viewing(viewer, path.clone(), async move {
        let owner = req.extensions().get::<Who>().map(|w| &w.owner);
        if is_trainer_only(&path) {
            match owner {
                Some(SessionOwner::Trainer) => {}
                Some(SessionOwner::Trainee(_)) => return not_for_trainees(),
                Some(SessionOwner::Learner(_)) => return not_for_learners(),
                None => return Redirect::to("/trainer/login").into_response(),
            }
        } else if owner.is_none() && !is_public(&path) && !keeps_draft(req.method(), &path) {
            return sign_in_first(&path);
        }
        next.run(req).await
    })
    .await
}

/// Refuses a change of state (POST, PUT, PATCH, DELETE) sent from another site. Browsers say
/// where a request comes from: `Sec-Fetch-Site`, else `Origin`, else `Referer`. A request
/// with none of them is not from a browser, so it cannot carry a victim's cookie.
pub async fn same_origin(req: Request, next: Next) -> Response {
    if matches!(
        *req.method(),
        Method::GET | Method::HEAD | Method::OPTIONS | Method::TRACE
    ) {
        return next.run(req).await;
    }
    if cross_origin(req.headers(), req.uri().authority().map(|a| a.as_str())) {
        return refusal(
            StatusCode::FORBIDDEN,
            "Forbidden",
            "This form was sent from another site or page address, so Sandpit refused it. \
             Go back to the page in Sandpit, reload it and send the form again.",
        );
    }
    next.run(req).await
}

/// True when the headers show the request comes from another origin than the one it was sent to.
pub fn cross_origin(headers: &HeaderMap, uri_authority: Option<&str>) -> bool {
    let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    if let Some(site) = text("sec-fetch-site") {
        return !matches!(site, "same-origin" | "none");
    }
    let Some(host) = text("host").or(uri_authority).and_then(authority_of_host) else {
        // No Host at all (HTTP/1.0): only a request without browser headers gets through.
        return text("origin").is_some() || text("referer").is_some();
    };
    let from = text("origin").or_else(|| text("referer"));
    match from {
        None => false,
        Some(from) => authority_of_url(from) != Some(host),
    }
}

/// (host, port) of a Host header, with the HTTP default port filled in.
fn authority_of_host(host: &str) -> Option<(String, u16)> {
    authority_of_url(&format!("http://{host}/"))
}

/// (host, port) of an http(s) URL; None for `null` and anything unparseable.
fn authority_of_url(url: &str) -> Option<(String, u16)> {
    let url = url::Url::parse(url).ok()?;
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    Some((
        url.host_str()?.to_ascii_lowercase(),
        url.port_or_known_default()?,
    ))
}

/// The trainer, signed in. Classroom mode off: there is no trainer, so the trainer's pages
/// are not found. No session: the sign-in page. A trainee: refused.
pub struct Trainer;

impl FromRequestParts<AppState> for Trainer {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if !state.app.config.classroom {
            return Err(classroom_off());
        }
        match parts.extensions.get::<Who>().map(|w| &w.owner) {
            Some(SessionOwner::Trainer) => Ok(Trainer),
            Some(SessionOwner::Trainee(_)) => Err(not_for_trainees()),
            Some(SessionOwner::Learner(_)) => Err(not_for_learners()),
            None => Err(Redirect::to("/trainer/login").into_response()),
        }
    }
}

/// A trainee, signed in. The trainer has no class page of their own and goes to theirs.
pub struct TraineeOnly(pub Trainee, pub String);

impl FromRequestParts<AppState> for TraineeOnly {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if !state.app.config.classroom {
            return Err(classroom_off());
        }
        match parts.extensions.get::<Who>() {
            Some(Who {
                owner: SessionOwner::Trainee(t),
                token,
            }) => Ok(TraineeOnly(t.clone(), token.clone())),
            Some(Who {
                owner: SessionOwner::Learner(_),
                ..
            }) => Err(Redirect::to("/learn").into_response()),
            Some(_) => Err(Redirect::to("/trainer").into_response()),
            None => Err(sign_in_first(parts.uri.path())),
        }
    }
}

fn not_for_learners() -> Response {
    refusal(
        StatusCode::FORBIDDEN,
        "This page is for the trainer",
        "You are signed in as a learner of a programme. Your page is /learn.",
    )
}

fn not_for_trainees() -> Response {
    refusal(
        StatusCode::FORBIDDEN,
        "This page is for the trainer",
        "You are signed in as a trainee. Your exercises are on your class page, /class.",
    )
}

/// The 404 of classroom pages when Sandpit runs for a self-learner.
pub fn classroom_off() -> Response {
    refusal(
        StatusCode::NOT_FOUND,
        "Not found",
        "Classroom pages exist only when Sandpit runs with `sandpit serve --classroom`.",
    )
}

/// The address a request came from (unspecified when the server was built without it).
pub fn client_ip(parts_extensions: &axum::http::Extensions) -> IpAddr {
    parts_extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED))
}

/// The address of the client, as an extractor: the connection's address, or, when that is a
/// proxy named by `--trusted-proxy`, the address the proxy says it forwarded for (so the holds
/// on the ways in count each Chromebook's address, not the load balancer's).
pub struct ClientIp(pub IpAddr);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer = client_ip(&parts.extensions);
        let trusted = &state.app.config.trusted_proxies;
        Ok(ClientIp(forwarded_client(peer, &parts.headers, trusted)))
    }
}

/// The client behind trusted proxies: `X-Forwarded-For` is read from the right (the entry the
/// nearest proxy added) past every address in `trusted`; the first address that is not a
/// trusted proxy is the client. A header from anyone else is ignored, so a client cannot pick
/// the address it is counted under; an entry that is not an address stops the walk at the last
/// trusted hop.
pub fn forwarded_client(peer: IpAddr, headers: &HeaderMap, trusted: &[IpAddr]) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let entries: Vec<&str> = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .map(str::trim)
        .collect();
    let mut client = peer;
    for entry in entries.iter().rev() {
        match entry.parse::<IpAddr>() {
            Ok(ip) if trusted.contains(&ip) => client = ip,
            Ok(ip) => return ip,
            Err(_) => break,
        }
    }
    client
}

pub use crate::app::classroom::{LIMIT_WINDOW, MAX_FAILURES, MAX_TRIES};

/// The page for an address that has tried too often.
pub fn too_many(wait_seconds: u64) -> Response {
    let minutes = wait_seconds.div_ceil(60);
    let mut response = refusal(
        StatusCode::TOO_MANY_REQUESTS,
        "Too many tries",
        &format!(
            "This computer has tried too many times. Wait {minutes} minute{} and try again, \
             or ask your trainer.",
            if minutes == 1 { "" } else { "s" }
        ),
    );
    if let Ok(v) = HeaderValue::from_str(&wait_seconds.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, v);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_behind_trusted_proxies() {
        let lb: IpAddr = "10.1.0.5".parse().unwrap();
        let edge: IpAddr = "10.1.0.9".parse().unwrap();
        let trusted = [lb, edge];
        let headers = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert("x-forwarded-for", HeaderValue::from_str(v).unwrap());
            h
        };
        let client: IpAddr = "192.168.4.20".parse().unwrap();
        // From the balancer: the address it forwarded for.
        assert_eq!(
            forwarded_client(lb, &headers("192.168.4.20"), &trusted),
            client
        );
        // Two proxies: read from the right past the trusted ones; what the client wrote
        // itself (the leftmost entry) is not believed.
        assert_eq!(
            forwarded_client(lb, &headers("6.6.6.6, 192.168.4.20, 10.1.0.9"), &trusted),
            client
        );
        // From anyone else, the header is ignored.
        assert_eq!(
            forwarded_client(client, &headers("6.6.6.6"), &trusted),
            client
        );
        // No header, or rubbish: the proxy's own address (or the last trusted hop).
        assert_eq!(forwarded_client(lb, &HeaderMap::new(), &trusted), lb);
        assert_eq!(
            forwarded_client(lb, &headers("junk, 10.1.0.9"), &trusted),
            edge
        );
        // IPv6 clients too.
        let v6: IpAddr = "2001:db8::7".parse().unwrap();
        assert_eq!(forwarded_client(lb, &headers("2001:db8::7"), &trusted), v6);
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(*k, HeaderValue::from_str(v).expect("header"));
        }
        h
    }

    #[test]
    fn same_origin_rules() {
        let host = ("host", "192.168.1.20:8080");
        // Browsers' fetch metadata decides first.
        assert!(!cross_origin(
            &headers(&[host, ("sec-fetch-site", "same-origin")]),
            None
        ));
        assert!(cross_origin(
            &headers(&[host, ("sec-fetch-site", "cross-site")]),
            None
        ));
        assert!(cross_origin(
            &headers(&[host, ("sec-fetch-site", "same-site")]),
            None
        ));
        // Then Origin.
        assert!(!cross_origin(
            &headers(&[host, ("origin", "http://192.168.1.20:8080")]),
            None
        ));
        assert!(cross_origin(
            &headers(&[host, ("origin", "http://192.168.1.20:8081")]),
            None
        ));
        assert!(cross_origin(
            &headers(&[host, ("origin", "http://evil.example")]),
            None
        ));
        assert!(cross_origin(&headers(&[host, ("origin", "null")]), None));
        // Then Referer.
        assert!(!cross_origin(
            &headers(&[host, ("referer", "http://192.168.1.20:8080/exercises/x")]),
            None
        ));
        assert!(cross_origin(
            &headers(&[host, ("referer", "http://evil.example/form")]),
            None
        ));
        // Default ports and case.
        assert!(!cross_origin(
            &headers(&[
                ("host", "Sandpit.local"),
                ("origin", "http://sandpit.local:80")
            ]),
            None
        ));
        // No browser headers: a script, not a browser carrying someone's cookie.
        assert!(!cross_origin(&headers(&[host]), None));
    }

    #[test]
    fn cookie_parsing_takes_only_well_formed_tokens() {
        let token = "0123456789abcdef0123456789abcdef";
        let h = headers(&[("cookie", &format!("a=b; {COOKIE}={token}; c=d"))]);
        assert_eq!(token_of(&h).as_deref(), Some(token));
        let h = headers(&[("cookie", &format!("{COOKIE}=' OR 1=1 --"))]);
        assert_eq!(token_of(&h), None);
        assert_eq!(token_of(&HeaderMap::new()), None);
        let cookie = session_cookie(token);
        let cookie = cookie.to_str().expect("ascii");
        for part in ["HttpOnly", "SameSite=Lax", "Path=/"] {
            assert!(cookie.contains(part), "{cookie}");
        }
    }

    #[test]
    fn public_paths_are_the_ways_in() {
        for p in ["/join", "/trainer/login", "/healthz", "/static/sandpit.css"] {
            assert!(is_public(p), "{p}");
        }
        for p in [
            "/",
            "/trainer",
            "/class",
            "/exercises",
            "/api/search",
            "/join/x",
        ] {
            assert!(!is_public(p), "{p}");
        }
        for p in ["/trainer", "/trainer/classes/x", "/feeds", "/feeds/add"] {
            assert!(is_trainer_only(p), "{p}");
        }
        for p in ["/trainer/login", "/trainers", "/feedsx", "/class", "/join"] {
            assert!(!is_trainer_only(p), "{p}");
        }
        for p in [
            "/exercises/x/attempts",
            "/exercises/x/hint",
            "/exercises/x/reveal",
        ] {
            assert!(keeps_draft(&Method::POST, p), "{p}");
            assert!(!keeps_draft(&Method::GET, p), "{p}");
        }
        for p in [
            "/exercises/x",
            "/exercises//attempts",
            "/exercises/x/attempts/y",
            "/leave",
        ] {
            assert!(!keeps_draft(&Method::POST, p), "{p}");
        }
    }
}
