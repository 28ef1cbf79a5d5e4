//! Programmes' accounts on the web (docs/programmes.md): the trainer's cohort pages under
//! `/trainer/programmes` (create a cohort, add names or a CSV file, see each learner's link,
//! reissue a link, export the links for a mail merge) and the learner's pages under `/learn`
//! (first use of a link, signing in by name or link, the learner's home). Classroom mode only:
//! without `--classroom` there is one self-learner and no accounts, and these pages are not found.

use askama::Template;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::Deserialize;

use super::AppState;
use super::error::{PageError, render};
use super::session::{
    ClientIp, Trainer, Who, classroom_off, clear_cookie, cookie_for_hours, refusal, too_many,
};
use super::trainer::join_base;
use crate::app::classroom::Refused;
use crate::app::programmes::{
    Added, LEARNER_SESSION_HOURS, LinkState, PASSPHRASE_CHARS, PASSPHRASE_WORDS,
};
use crate::error::{Error, FieldError};
use crate::store::classroom::SessionOwner;
use crate::store::programmes::{CohortSummary, LearnerStatus, ProgrammeLearner};

/// The largest CSV file of names taken: thousands of rows with emails and teams.
const CSV_MAX: usize = 1024 * 1024;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(
            "/trainer/programmes",
            get(programmes_home).post(create_cohort),
        )
        .route("/trainer/programmes/{cohort}", get(cohort_page))
        .route("/trainer/programmes/{cohort}/learners", post(add_learners))
        .route(
            "/trainer/programmes/{cohort}/learners/{learner}/link",
            post(reissue_link),
        )
        .route("/trainer/programmes/{cohort}/links.csv", post(export_links))
        .route("/learn", get(learner_home))
        .route("/learn/sign-in", get(sign_in_form).post(sign_in))
        .route("/learn/sign-out", post(sign_out))
        .route("/learn/{token}", get(link_page).post(use_link))
}

// ---------------------------------------------------------------- the trainer's pages

#[derive(Template)]
#[template(path = "programmes_home.html")]
struct HomePage {
    cohorts: Vec<CohortSummary>,
}

async fn programmes_home(
    _t: Trainer,
    State(state): State<AppState>,
) -> Result<Response, PageError> {
    Ok(render(&HomePage {
        cohorts: state.app.store.cohorts().await?,
    }))
}

#[derive(Deserialize)]
struct CohortForm {
    #[serde(default)]
    title: String,
}

async fn create_cohort(
    _t: Trainer,
    State(state): State<AppState>,
    Form(form): Form<CohortForm>,
) -> Result<Response, PageError> {
    let cohort = state.app.create_cohort(&form.title).await?;
    Ok(Redirect::to(&format!("/trainer/programmes/{}", cohort.id)).into_response())
}

#[derive(Template)]
#[template(path = "programmes_cohort.html")]
struct CohortPage {
    id: String,
    title: String,
    learners: Vec<LearnerStatus>,
    problems: Vec<String>,
    names: String,
    sign_in_url: String,
}

impl CohortPage {
    fn status(&self, l: &LearnerStatus) -> String {
        let day = |at: &str| at.get(..16).unwrap_or_default().replace('T', " ");
        match (&l.last_seen_at, l.passphrase_set, &l.link_used_at) {
            (_, true, None) => "New link not used yet (passphrase set before)".into(),
            (Some(seen), true, _) => format!("Passphrase set · last seen {}", day(seen)),
            (None, true, _) => "Passphrase set".into(),
            (_, false, _) => match &l.link_issued_at {
                Some(at) => format!("Link not used yet (issued {})", day(at)),
                None => "No link".into(),
            },
        }
    }
}

async fn cohort_view(
    state: &AppState,
    headers: &HeaderMap,
    id: &str,
    problems: Vec<String>,
    names: String,
) -> Result<CohortPage, PageError> {
    let cohort = state
        .app
        .store
        .cohort(id)
        .await?
        .ok_or_else(|| PageError(Error::not_found("There is no such cohort")))?;
    Ok(CohortPage {
        id: cohort.id,
        title: cohort.title,
        learners: state.app.store.cohort_learners(id).await?,
        problems,
        names,
        sign_in_url: format!("{}/learn/sign-in", join_base(state, headers)),
    })
}

async fn cohort_page(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    Ok(render(
        &cohort_view(&state, &headers, &id, Vec::new(), String::new()).await?,
    ))
}

/// New links, shown to the trainer once (only their hashes are kept).
#[derive(Template)]
#[template(path = "programmes_links.html")]
struct LinksPage {
    cohort_id: String,
    cohort_title: String,
    heading: String,
    links: Vec<(String, String)>,
}

async fn add_learners(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut names = String::new();
    let mut csv: Option<(String, String)> = None;
    let bad = |m: String| PageError(Error::invalid(m));
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| bad(format!("The form could not be read: {e}")))?
    {
        match field.name().unwrap_or_default() {
            "names" => {
                names = field
                    .text()
                    .await
                    .map_err(|e| bad(format!("The names could not be read: {e}")))?;
            }
            "csv" => {
                let file = field.file_name().unwrap_or("the CSV file").to_string();
                let bytes = field
                    .bytes()
                    .await
                    .map_err(|e| bad(format!("{file} could not be read: {e}")))?;
                if bytes.is_empty() {
                    continue;
                }
                if bytes.len() > CSV_MAX {
                    return Err(bad(format!("{file} is larger than 1 MB: split it")));
                }
                let text = String::from_utf8(bytes.to_vec()).map_err(|e| {
                    bad(format!(
                        "{file} is not UTF-8 text (byte {}): save it as \"CSV UTF-8\"",
                        e.utf8_error().valid_up_to() + 1
                    ))
                })?;
                csv = Some((file, text));
            }
            _ => {}
        }
    }
    let csv_ref = csv.as_ref().map(|(f, t)| (f.as_str(), t.as_str()));
    match state.app.add_learners(&id, &names, csv_ref).await? {
        Added::Learners(added) => {
            let cohort = state.app.store.cohort(&id).await?;
            let base = join_base(&state, &headers);
            Ok(render(&LinksPage {
                cohort_id: id,
                cohort_title: cohort.map(|c| c.title).unwrap_or_default(),
                heading: format!(
                    "{} learner{} added",
                    added.len(),
                    if added.len() == 1 { "" } else { "s" }
                ),
                links: added
                    .into_iter()
                    .map(|(l, token)| (l.name, format!("{base}/learn/{token}")))
                    .collect(),
            }))
        }
        Added::Problems(problems) => {
            let problems = problems.iter().map(|p| p.message.clone()).collect();
            let page = cohort_view(&state, &headers, &id, problems, names).await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
    }
}

async fn reissue_link(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path((cohort, learner)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let (l, token) = state.app.reissue_learner_link(&cohort, &learner).await?;
    let title = state
        .app
        .store
        .cohort(&cohort)
        .await?
        .map(|c| c.title)
        .unwrap_or_default();
    Ok(render(&LinksPage {
        cohort_id: cohort,
        cohort_title: title,
        heading: format!("A new link for {}", l.name),
        links: vec![(
            l.name,
            format!("{}/learn/{token}", join_base(&state, &headers)),
        )],
    }))
}

/// The links as CSV for a mail merge: `name,email,team,link,status`. Links are stored only as
/// hashes, so the export issues new links to the learners who have not set a passphrase yet
/// (their earlier, unused links stop working); learners who have set one sign in at the
/// sign-in address and get no link.
async fn export_links(
    _t: Trainer,
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    if state.app.store.cohort(&id).await?.is_none() {
        return Err(PageError(Error::not_found("There is no such cohort")));
    }
    let base = join_base(&state, &headers);
    let mut out = String::from("name,email,team,link,status\r\n");
    for l in state.app.store.cohort_learners(&id).await? {
        let (link, status) = if l.passphrase_set {
            (
                format!("{base}/learn/sign-in"),
                "passphrase set: sign in with your name and passphrase",
            )
        } else {
            let (_, token) = state.app.reissue_learner_link(&id, &l.id).await?;
            (
                format!("{base}/learn/{token}"),
                "new: open the link and choose a passphrase",
            )
        };
        let row: [&str; 5] = [&l.name, &l.email, &l.team, &link, status];
        out.push_str(
            &row.iter()
                .map(|f| csv_field(f))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    let mut response = out.into_response();
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"programme-links.csv\""),
    );
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

/// A CSV field, quoted when it must be; a leading `=`, `+`, `-` or `@` is prefixed with `'` so
/// a spreadsheet does not run a name as a formula.
fn csv_field(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

// ---------------------------------------------------------------- the learner's pages

/// The learner of the request, or the page to send anyone else to.
fn learner_only(state: &AppState, who: Option<&Who>) -> Result<ProgrammeLearner, Box<Response>> {
    if !state.app.config.classroom {
        return Err(Box::new(classroom_off()));
    }
    match who.map(|w| &w.owner) {
        Some(SessionOwner::Learner(l)) => Ok(l.clone()),
        None => Err(Box::new(Redirect::to("/learn/sign-in").into_response())),
        Some(_) => Err(Box::new(refusal(
            StatusCode::FORBIDDEN,
            "This page is for learners of a programme",
            "You are signed in to a class or as the trainer. Learners of a programme sign in \
             with their name and passphrase at /learn/sign-in.",
        ))),
    }
}

#[derive(Template)]
#[template(path = "learn_home.html")]
struct LearnerHome {
    name: String,
    cohort: String,
    passed: usize,
    tried: usize,
    total: usize,
    next: Vec<(String, String)>,
}

async fn learner_home(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
) -> Result<Response, PageError> {
    let learner = match learner_only(&state, who.as_deref()) {
        Ok(l) => l,
        Err(page) => return Ok(*page),
    };
    state.app.store.learner_seen(&learner.id).await?;
    let cohort = state
        .app
        .store
        .cohort(&learner.cohort_id)
        .await?
        .map(|c| c.title)
        .unwrap_or_default();
    let standings = state.app.store.standings(&learner.id).await?;
    let catalog = state.app.catalog();
    let passed_ids: std::collections::HashSet<&str> = standings
        .iter()
        .filter(|s| s.passed)
        .map(|s| s.exercise_id.as_str())
        .collect();
    let next = crate::catalog::exercises::by_level(&catalog.exercises)
        .into_iter()
        .flat_map(|(_, exs)| exs)
        .filter(|e| !passed_ids.contains(e.id.as_str()))
        .take(5)
        .map(|e| (e.id.clone(), e.title.clone()))
        .collect();
    Ok(render(&LearnerHome {
        name: learner.name,
        cohort,
        passed: passed_ids.len(),
        tried: standings.len(),
        total: catalog.exercises.len(),
        next,
    }))
}

#[derive(Template)]
#[template(path = "learn_sign_in.html")]
struct SignInPage {
    name: String,
    errors: Vec<FieldError>,
    left: bool,
}

impl SignInPage {
    fn error_links(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|e| (e.field.to_string(), e.message.clone()))
            .collect()
    }
    fn error_for(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| e.message.as_str())
    }
}

#[derive(Deserialize)]
struct SignInQuery {
    left: Option<String>,
}

async fn sign_in_form(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    Query(q): Query<SignInQuery>,
) -> Response {
    if !state.app.config.classroom {
        return classroom_off();
    }
    if matches!(
        who.as_deref().map(|w| &w.owner),
        Some(SessionOwner::Learner(_))
    ) {
        return Redirect::to("/learn").into_response();
    }
    render(&SignInPage {
        name: String::new(),
        errors: Vec::new(),
        left: q.left.is_some(),
    })
}

#[derive(Deserialize)]
struct SignInForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    passphrase: String,
    #[serde(default)]
    confirm: String,
}

/// Where a learner goes once signed in: their home, with a cookie that lasts as their session.
fn learner_signed_in(token: &str) -> Response {
    let mut response = Redirect::to("/learn").into_response();
    response.headers_mut().insert(
        header::SET_COOKIE,
        cookie_for_hours(token, LEARNER_SESSION_HOURS),
    );
    response
}

async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    who: Option<Extension<Who>>,
    Form(form): Form<SignInForm>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let replacing = who.as_deref().map(|w| w.token.as_str());
    Ok(
        match state
            .app
            .sign_in_learner(&form.name, &form.passphrase, ip, replacing)
            .await?
        {
            Ok(token) => learner_signed_in(&token),
            Err(Refused::Wait(wait)) => too_many(wait),
            Err(Refused::Fields(errors)) => (
                StatusCode::UNAUTHORIZED,
                render(&SignInPage {
                    name: form.name,
                    errors,
                    left: false,
                }),
            )
                .into_response(),
        },
    )
}

async fn sign_out(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
) -> Result<Response, PageError> {
    let learner = learner_only(&state, who.as_deref());
    if let Err(page) = learner {
        return Ok(*page);
    }
    if let Some(w) = who.as_deref() {
        state.app.store.delete_session(&w.token).await?;
    }
    let mut response = Redirect::to("/learn/sign-in?left=1").into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_cookie());
    Ok(response)
}

#[derive(Template)]
#[template(path = "learn_link.html")]
struct LinkPage {
    token: String,
    name: String,
    cohort: String,
    /// First use: choose a passphrase. Otherwise: sign in with it.
    choose: bool,
    /// The learner had a passphrase before this link (the trainer reissued it).
    replacing: bool,
    error: Option<String>,
    min_chars: usize,
    min_words: usize,
}

/// A link that leads nowhere: unknown or replaced.
fn dead_link(replaced: bool) -> Response {
    if replaced {
        refusal(
            StatusCode::GONE,
            "This link has been replaced",
            "Your trainer issued a newer link for you, so this one no longer works. Use the \
             newest link, or sign in with your name and passphrase at /learn/sign-in.",
        )
    } else {
        refusal(
            StatusCode::NOT_FOUND,
            "This link does not work",
            "Check that the whole link was copied. If it still does not work, ask your trainer \
             for a new one.",
        )
    }
}

async fn link_view(
    state: &AppState,
    token: &str,
    error: Option<String>,
) -> Result<Result<LinkPage, Response>, PageError> {
    Ok(match state.app.link_state(token).await? {
        LinkState::Unknown => Err(dead_link(false)),
        LinkState::Replaced => Err(dead_link(true)),
        LinkState::SetPassphrase(t) => Ok(LinkPage {
            token: token.to_string(),
            name: t.learner.name,
            cohort: t.cohort_title,
            choose: true,
            replacing: t.passphrase_hash.is_some(),
            error,
            min_chars: PASSPHRASE_CHARS,
            min_words: PASSPHRASE_WORDS,
        }),
        LinkState::SignIn(t) => Ok(LinkPage {
            token: token.to_string(),
            name: t.learner.name,
            cohort: t.cohort_title,
            choose: false,
            replacing: false,
            error,
            min_chars: PASSPHRASE_CHARS,
            min_words: PASSPHRASE_WORDS,
        }),
    })
}

async fn link_page(
    State(state): State<AppState>,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    Ok(match link_view(&state, &token, None).await? {
        Ok(page) => {
            let mut response = render(&page);
            // The link is a secret: not kept by caches, not sent on as a referrer.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        Err(page) => page,
    })
}

async fn use_link(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    who: Option<Extension<Who>>,
    Path(token): Path<String>,
    Form(form): Form<SignInForm>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let replacing = who.as_deref().map(|w| w.token.as_str());
    let outcome = match state.app.link_state(&token).await? {
        LinkState::SetPassphrase(_) => {
            state
                .app
                .set_learner_passphrase(&token, &form.passphrase, &form.confirm, replacing)
                .await?
        }
        LinkState::SignIn(_) => {
            state
                .app
                .sign_in_learner_by_link(&token, &form.passphrase, ip, replacing)
                .await?
        }
        LinkState::Unknown => return Ok(dead_link(false)),
        LinkState::Replaced => return Ok(dead_link(true)),
    };
    Ok(match outcome {
        Ok(session) => learner_signed_in(&session),
        Err(Refused::Wait(wait)) => too_many(wait),
        Err(Refused::Fields(errors)) => {
            let message = errors.into_iter().next().map(|e| e.message);
            match link_view(&state, &token, message).await? {
                Ok(page) => (StatusCode::BAD_REQUEST, render(&page)).into_response(),
                Err(page) => page,
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_fields_are_quoted_and_defused() {
        assert_eq!(csv_field("Ana"), "Ana");
        assert_eq!(csv_field("Silva, Ana"), "\"Silva, Ana\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=SUM(A1)"), "'=SUM(A1)");
    }
}
