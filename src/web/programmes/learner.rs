//! The learner's pages under `/learn` (docs/programmes.md): first use of a link, signing in by
//! name or link, signing out, the learner's home.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use axum::{Extension, Form, Router};
use serde::Deserialize;

use crate::app::classroom::Refused;
use crate::app::programmes::{
    LEARNER_SESSION_HOURS, LinkState, PASSPHRASE_CHARS, PASSPHRASE_WORDS,
};
use crate::error::FieldError;
use crate::store::classroom::SessionOwner;
use crate::store::programmes::ProgrammeLearner;
use crate::web::AppState;
use crate::web::error::{FieldErrors, PageError, render};
use crate::web::session::{
    ClientIp, Who, classroom_off, clear_cookie, cookie_for_hours, refusal, too_many,
};

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/learn", get(learner_home))
        .route("/learn/sign-in", get(sign_in_form).post(sign_in))
        .route("/learn/sign-out", post(sign_out))
        .route("/learn/{token}", get(link_page).post(use_link))
}

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

impl FieldErrors for SignInPage {
    fn field_errors(&self) -> &[FieldError] {
        &self.errors
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
