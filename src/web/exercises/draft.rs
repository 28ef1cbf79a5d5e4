//! The page that gives an answer back when the exercise page cannot be shown (docs/design.md,
//! "Module map"): the session has ended (joining again from it carries the answer back to the
//! exercise's box), or the exercise is unknown.

use askama::Template;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

use crate::app::drafts::is_empty;
use crate::app::{Answer, App};
use crate::catalog::exercises::Exercise;
use crate::error::FieldError;
use crate::web::classroom::answer_text;
use crate::web::error::{FieldErrors, render};
use crate::web::learner::learner_of;
use crate::web::session::Who;

/// The page that gives back an answer when the exercise page cannot be shown: the session has
/// ended (a join form carries the answer back to the exercise), or the exercise is unknown.
#[derive(Template)]
#[template(path = "draft_kept.html")]
pub struct DraftPage {
    pub(super) status: StatusCode,
    pub(super) title: String,
    pub(super) message: String,
    pub(super) ex: Option<Exercise>,
    /// The answer as text, to read and copy.
    pub(super) draft: Option<String>,
    /// The answer as stored, carried through joining again (None: no join form).
    pub(super) carry: Option<String>,
    pub(super) errors: Vec<FieldError>,
    pub(super) code: String,
    pub(super) name: String,
}

impl FieldErrors for DraftPage {
    fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }
}

pub(super) fn draft_page(page: DraftPage) -> Response {
    let status = page.status;
    let mut response = (status, render(&page)).into_response();
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Nobody is signed in on this browser any more (the session expired, the trainee left in
/// another tab, the server's data was replaced): the answer is shown to copy, and joining again
/// from this page puts it back in the exercise's box.
pub fn session_ended(ex: &Exercise, answer: &Answer) -> Response {
    let stored = (!is_empty(answer)).then(|| answer.stored());
    draft_page(DraftPage {
        status: StatusCode::UNAUTHORIZED,
        title: "Join the class again to send your answer".into(),
        message: "This computer is no longer signed in to the class (you may have left in \
                  another tab, or the session ended), so your answer was not sent. It is \
                  below: join again and it goes back in the box, ready to submit."
            .into(),
        draft: stored.as_deref().map(answer_text),
        carry: Some(stored.unwrap_or_default()),
        ex: Some(ex.clone()),
        errors: Vec::new(),
        code: String::new(),
        name: String::new(),
    })
}

pub(super) fn unknown_exercise(fields: &[(String, String)]) -> Response {
    // The answer box, else a rewrite's posts (each under its platform's field name).
    let draft = fields
        .iter()
        .find(|(k, _)| k == "answer")
        .map(|(_, v)| v.clone())
        .filter(|v| !v.trim().is_empty())
        .or_else(|| {
            let posts: Vec<String> = fields
                .iter()
                .filter(|(k, v)| k.starts_with("post:") && !v.trim().is_empty())
                .map(|(k, v)| format!("{}: {v}", &k["post:".len()..]))
                .collect();
            (!posts.is_empty()).then(|| posts.join("\n\n"))
        });
    draft_page(DraftPage {
        status: StatusCode::NOT_FOUND,
        title: "There is no such exercise".into(),
        message: "Sandpit has no exercise at this address, so your answer was not sent. \
                  Copy it from below, then choose the exercise from the list."
            .into(),
        draft,
        carry: None,
        ex: None,
        errors: Vec::new(),
        code: String::new(),
        name: String::new(),
    })
}

/// The fields the session-ended page adds to the join form.
#[derive(Deserialize, Default)]
pub struct Carried {
    /// The exercise to go back to.
    #[serde(default)]
    pub exercise: Option<String>,
    /// The answer as stored.
    #[serde(default)]
    pub draft: Option<String>,
}

/// After joining from the session-ended page: the carried answer becomes the trainee's draft
/// of the exercise, and the exercise is where they go. None when nothing was carried.
pub async fn after_join(app: &App, token: &str, carried: &Carried) -> Option<String> {
    let ex = app.exercise(carried.exercise.as_deref()?).ok()?;
    if let Some(draft) = carried.draft.as_deref().filter(|d| !d.trim().is_empty())
        && let Ok(Some(owner)) = app.store.session(token).await
        && let Some(learner) = learner_of(
            true,
            Some(&Who {
                owner,
                token: token.to_string(),
            }),
        )
    {
        let answer = Answer::from_stored(&ex, draft);
        if let Err(e) = app.keep_draft(&learner, &ex.id, &answer).await {
            tracing::error!("keeping a carried draft failed: {e:#}");
        }
    }
    Some(format!(
        "/exercises/{}#answer-form",
        crate::web::pages::urlencode(&ex.id)
    ))
}

/// Joining from the session-ended page was refused: the same page again, with the reasons and
/// the answer still carried.
pub fn rejoin_refused(
    app: &App,
    carried: &Carried,
    code: String,
    name: String,
    errors: Vec<FieldError>,
) -> Option<Response> {
    let ex = app.exercise(carried.exercise.as_deref()?).ok()?;
    let stored = carried.draft.clone().unwrap_or_default();
    let answer = Answer::from_stored(&ex, &stored);
    Some(draft_page(DraftPage {
        status: StatusCode::BAD_REQUEST,
        title: "Join the class again to send your answer".into(),
        message: "Your answer was not sent. It is below: join again and it goes back in the \
                  box, ready to submit."
            .into(),
        draft: (!is_empty(&answer)).then(|| answer_text(&answer.stored())),
        carry: Some(stored),
        ex: Some(ex),
        errors,
        code,
        name,
    }))
}
