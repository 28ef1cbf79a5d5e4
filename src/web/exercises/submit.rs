//! Sending from an exercise's page (docs/design.md, "Module map"): an answer, or the request
//! for a hint or the model answer. The form is read leniently so that nothing typed is lost: a
//! refusal shows the page again with the words in the box, kept as the learner's draft.

use axum::Extension;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection};
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect, Response};

use super::draft::{DraftPage, draft_page, session_ended, unknown_exercise};
use super::page::{Refusal, exercise_page};
use crate::app::drafts::read_form;
use crate::app::{Answer, App};
use crate::catalog::exercises::{Exercise, Label, Task};
use crate::error::Error;
use crate::web::AppState;
use crate::web::classroom::answer_text;
use crate::web::error::{PageError, public_message, render, status_of};
use crate::web::learner::{Learner, learner_of};
use crate::web::session::Who;

/// The fields of a form body, read leniently: bad percent-escapes and bytes that are not UTF-8
/// become replacement characters instead of refusing the whole form (and the answer with it).
fn fields_of(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body)
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}

/// True when the form carried an answer (the exercise's own form, not a bare button).
fn carries_answer(fields: &[(String, String)]) -> bool {
    fields.iter().any(|(k, _)| {
        k == "answer"
            || k.starts_with("label:")
            || k.starts_with("route:")
            || k.starts_with("post:")
    })
}

/// The field a refusal's message links to: the answer box, or the first post to sort.
fn answer_field(ex: &Exercise) -> String {
    match &ex.task {
        Task::Triage(t) => t
            .items
            .first()
            .map(|i| format!("l-{}-{}", i.id, Label::ALL[0].id()))
            .unwrap_or_else(|| "answer-form".into()),
        _ => "answer".into(),
    }
}

/// The refusal of `e` as the page says it.
fn refusal_of(ex: &Exercise, e: &Error) -> Refusal {
    let (title, message) = match e {
        Error::Refused { title, message, .. } => (title.clone(), message.clone()),
        other => (
            "Your answer was not sent".to_string(),
            public_message(other),
        ),
    };
    Refusal {
        title,
        message,
        field: answer_field(ex),
    }
}

/// The request's learner and the form it sent, read so that nothing typed is thrown away.
struct Sent {
    learner: Option<Learner>,
    fields: Vec<(String, String)>,
    /// Why the body itself could not be taken (too large), if so.
    unreadable: Option<Error>,
}

fn sent(
    state: &AppState,
    who: Option<Extension<Who>>,
    body: Result<Bytes, BytesRejection>,
) -> Sent {
    let learner = learner_of(state.app.config.classroom, who.as_ref().map(|w| &w.0));
    match body {
        Ok(bytes) => Sent {
            learner,
            fields: fields_of(&bytes),
            unreadable: None,
        },
        Err(rejection) => Sent {
            learner,
            fields: Vec::new(),
            unreadable: Some(Error::invalid(format!(
                "Sandpit could not read what was sent ({}). Answers are at most 100,000 \
                 characters: shorten yours and submit again.",
                rejection.body_text().to_lowercase().trim_end_matches('.')
            ))),
        },
    }
}

/// The exercise page again, with the learner's answer in the box and why it was refused; kept
/// as their draft too, so reloading the page keeps it. When the page itself cannot be shown
/// (an exercise outside their class, or the database down), a plain page still gives the
/// words back.
async fn refused(
    app: &App,
    learner: &Learner,
    ex: &Exercise,
    answer: Answer,
    carried: bool,
    e: Error,
) -> Response {
    let status = status_of(&e);
    let refusal = refusal_of(ex, &e);
    if carried && let Err(err) = app.keep_draft(learner, &ex.id, &answer).await {
        tracing::error!("keeping a draft failed: {err:#}");
    }
    let message = refusal.message.clone();
    let title = refusal.title.clone();
    let shown = carried.then(|| answer.clone());
    match exercise_page(app, learner, &ex.id, None, Some((shown, refusal))).await {
        Ok(page) => (status, render(&page)).into_response(),
        Err(_) => draft_page(DraftPage {
            status,
            title,
            message,
            ex: Some(ex.clone()),
            draft: carried
                .then(|| answer_text(&answer.stored()))
                .filter(|d| !d.trim().is_empty()),
            carry: None,
            errors: Vec::new(),
            code: String::new(),
            name: String::new(),
        }),
    }
}

/// The answer form's hidden field that carries the page's submission key.
const SUBMISSION_FIELD: &str = "submission";

pub async fn submit(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    let sent = sent(&state, who, body);
    let app = &state.app;
    let Some(ex) = id.ok().and_then(|Path(id)| app.exercise(&id).ok()) else {
        return unknown_exercise(&sent.fields);
    };
    let read = read_form(&ex, &sent.fields);
    let Some(learner) = sent.learner else {
        return session_ended(&ex, &read.answer);
    };
    // A body that could not be read carries nothing: the kept draft stays as it was.
    let carried = sent.unreadable.is_none();
    if let Some(e) = sent.unreadable.or(read.problem) {
        return refused(app, &learner, &ex, read.answer, carried, e).await;
    }
    let key = sent
        .fields
        .iter()
        .find(|(k, _)| k == SUBMISSION_FIELD)
        .map(|(_, v)| v.as_str());
    match app
        .submit_once(&learner, &ex.id, read.answer.clone(), key)
        .await
    {
        Ok(submitted) => Redirect::to(&format!(
            "/exercises/{}?attempt={}#feedback",
            crate::web::pages::urlencode(&ex.id),
            submitted.attempt_id
        ))
        .into_response(),
        Err(e) => refused(app, &learner, &ex, read.answer, true, e).await,
    }
}

/// A hint or the model answer: the page's answer form is sent with the button, so the words in
/// the box are kept as the learner's draft and are there when the page comes back.
async fn open_help(
    state: AppState,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
    hint: bool,
) -> Response {
    let sent = sent(&state, who, body);
    let app = &state.app;
    let Some(ex) = id.ok().and_then(|Path(id)| app.exercise(&id).ok()) else {
        return unknown_exercise(&sent.fields);
    };
    let read = read_form(&ex, &sent.fields);
    let carried = carries_answer(&sent.fields);
    let Some(learner) = sent.learner else {
        return session_ended(&ex, &read.answer);
    };
    let opened = if hint {
        app.unlock_hint(&learner, &ex.id).await
    } else {
        app.reveal_model(&learner, &ex.id).await
    };
    if let Err(e) = opened {
        return refused(app, &learner, &ex, read.answer, carried, e).await;
    }
    if carried && let Err(e) = app.keep_draft(&learner, &ex.id, &read.answer).await {
        return PageError(e).into_response();
    }
    Redirect::to(&format!(
        "/exercises/{}#{}",
        crate::web::pages::urlencode(&ex.id),
        if hint { "hints" } else { "model" }
    ))
    .into_response()
}

pub async fn hint(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    open_help(state, who, id, body, true).await
}

pub async fn reveal(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    id: Result<Path<String>, PathRejection>,
    body: Result<Bytes, BytesRejection>,
) -> Response {
    open_help(state, who, id, body, false).await
}
