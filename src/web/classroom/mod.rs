//! The trainee's side of classroom mode: joining a class with its code and a display name,
//! leaving (a shared Chromebook), the class page with the trainer's exercises in order and
//! the answers shared for the debrief, and the end-of-session evaluation.
//! This file: joining, leaving, the class page and its news, and the routes; the evaluation is
//! `evaluation.rs`.

mod evaluation;

pub use evaluation::{AGREEMENT, EFFECTIVE_QUESTION};

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;

use super::AppState;
use super::error::{FieldErrors, PageError, render};
use super::session::{
    ClientIp, TraineeOnly, Who, classroom_off, clear_cookie, signed_in, too_many,
};
use crate::app::App;
use crate::app::classroom::{JoinForm as Joining, Refused};
use crate::app::practice::ClassNews;
use crate::catalog::exercises::{Exercise, Task};
use crate::error::FieldError;
use crate::store::classroom::{CODE_LENGTH, NAME_MAX, SessionOwner};
use axum::Router;
use axum::routing::get;

/// The trainee's routes: joining, leaving, the class page and its news, and the evaluation.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/join", get(join_form).post(join))
        .route("/leave", get(leave_form).post(leave))
        .route("/class", get(class_page))
        .route("/class/news", get(news))
        .merge(evaluation::routes())
}

#[derive(Template)]
#[template(path = "join.html")]
struct JoinPage {
    code: String,
    name: String,
    errors: Vec<FieldError>,
    signed_in_as: Option<String>,
    left: bool,
    code_length: usize,
    name_max: usize,
    /// Ask for the rejoin word (open its field): the name is already in the class.
    ask_word: bool,
}

impl FieldErrors for JoinPage {
    fn field_errors(&self) -> &[FieldError] {
        &self.errors
    }
}

#[derive(Deserialize)]
pub struct JoinQuery {
    code: Option<String>,
    left: Option<String>,
}

pub async fn join_form(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
    Query(q): Query<JoinQuery>,
) -> Response {
    if !state.app.config.classroom {
        return classroom_off();
    }
    let signed_in_as = who.and_then(|Extension(w)| match w.owner {
        SessionOwner::Trainee(t) => Some(t.name),
        SessionOwner::Trainer | SessionOwner::Learner(_) => None,
    });
    render(&JoinPage {
        code: q.code.unwrap_or_default(),
        name: String::new(),
        errors: Vec::new(),
        signed_in_as,
        left: q.left.is_some(),
        code_length: CODE_LENGTH,
        name_max: NAME_MAX,
        ask_word: false,
    })
}

#[derive(Deserialize)]
pub struct JoinForm {
    #[serde(default)]
    code: String,
    #[serde(default)]
    name: String,
    /// The rejoin word, to come back as a name already in the class.
    #[serde(default)]
    rejoin: String,
    /// From the page of a session that ended with an answer unsent: the exercise and the
    /// answer to take back to it.
    #[serde(flatten)]
    carried: super::exercises::Carried,
}

pub async fn join(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    who: Option<Extension<Who>>,
    Form(form): Form<JoinForm>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let replacing = who.as_ref().map(|Extension(w)| w.token.as_str());
    match state
        .app
        .join_class(
            Joining {
                code: &form.code,
                name: &form.name,
                rejoin_word: &form.rejoin,
            },
            ip,
            replacing,
        )
        .await?
    {
        Ok(token) => {
            let page = super::exercises::after_join(&state.app, &token, &form.carried).await;
            Ok(signed_in(&token, page.as_deref().unwrap_or("/class")))
        }
        Err(Refused::Wait(wait)) => Ok(too_many(wait)),
        Err(Refused::Fields(errors)) if form.carried.exercise.is_some() => {
            let code = form.code.clone();
            let name = form.name.clone();
            Ok(super::exercises::rejoin_refused(
                &state.app,
                &form.carried,
                code,
                name,
                errors.clone(),
            )
            .unwrap_or_else(|| join_refused(form.code, form.name, errors)))
        }
        Err(Refused::Fields(errors)) => Ok(join_refused(form.code, form.name, errors)),
    }
}

#[derive(Template)]
#[template(path = "leave.html")]
struct LeavePage {
    name: String,
    rejoin_word: String,
}

/// Before a trainee leaves a shared Chromebook: their rejoin word, to note down, and the button
/// that ends the session. The trainer signs out from their own pages.
pub async fn leave_form(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    match who.map(|Extension(w)| w.owner) {
        Some(SessionOwner::Trainee(t)) => {
            let rejoin_word = state
                .app
                .store
                .rejoin_word(&t.id)
                .await?
                .unwrap_or_default();
            Ok(render(&LeavePage {
                name: t.name,
                rejoin_word,
            }))
        }
        Some(SessionOwner::Trainer) => Ok(Redirect::to("/trainer").into_response()),
        Some(SessionOwner::Learner(_)) => Ok(Redirect::to("/learn").into_response()),
        None => Ok(Redirect::to("/join").into_response()),
    }
}

/// The join page again, with what was wrong.
fn join_refused(code: String, name: String, errors: Vec<FieldError>) -> Response {
    let ask_word = errors.iter().any(|e| e.field == "rejoin");
    let page = JoinPage {
        code,
        name,
        ask_word,
        errors,
        signed_in_as: None,
        left: false,
        code_length: CODE_LENGTH,
        name_max: NAME_MAX,
    };
    (StatusCode::BAD_REQUEST, render(&page)).into_response()
}

/// Ends this browser's session (trainee or trainer) and forgets the cookie.
pub async fn leave(
    State(state): State<AppState>,
    who: Option<Extension<Who>>,
) -> Result<Response, PageError> {
    if !state.app.config.classroom {
        return Ok(classroom_off());
    }
    let to = match &who {
        Some(Extension(Who {
            owner: SessionOwner::Trainer,
            ..
        })) => "/trainer/login",
        Some(Extension(Who {
            owner: SessionOwner::Learner(_),
            ..
        })) => "/learn/sign-in?left=1",
        _ => "/join?left=1",
    };
    if let Some(Extension(w)) = who {
        state.app.store.delete_session(&w.token).await?;
    }
    let mut response = Redirect::to(to).into_response();
    response
        .headers_mut()
        .insert(header::SET_COOKIE, clear_cookie());
    Ok(response)
}

/// An exercise of the class as the trainee sees it.
pub struct ClassItem {
    pub number: usize,
    pub ex: Exercise,
    pub locked: bool,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
    /// Answers the trainer shares, without names: (answer, score).
    pub shared: Vec<(String, Option<f64>)>,
    /// The model answer, when the trainer shares it.
    pub model: Option<String>,
}

#[derive(Template)]
#[template(path = "class.html")]
struct ClassPage {
    name: String,
    rejoin_word: String,
    class_title: String,
    items: Vec<ClassItem>,
    evaluated: bool,
    /// What the trainer has locked and shared, for the notice at the top and the live script.
    news: ClassNews,
    /// The class's current drill (id, title), linked from the page.
    drill: Option<(String, String)>,
}

impl ClassPage {
    /// The number of an exercise in the class's order.
    fn number_of(&self, id: &str) -> usize {
        self.items
            .iter()
            .find(|i| i.ex.id == id)
            .map_or(0, |i| i.number)
    }
}

impl ClassPage {
    fn score(&self, s: &Option<f64>) -> String {
        crate::web::text::score(*s)
    }
}

/// The model answer of an exercise, in words a trainee can read.
pub fn model_answer(ex: &Exercise) -> String {
    match &ex.task {
        Task::Monitor(m) => m.model_query.clone(),
        Task::Rewrite(r) => r.model_answers.first().cloned().unwrap_or_default(),
        Task::Triage(t) => t
            .items
            .iter()
            .map(|i| {
                if i.why.is_empty() {
                    format!("{}: {}", i.id, i.label.words())
                } else {
                    format!("{}: {} ({})", i.id, i.label.words(), i.why)
                }
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// An answer as stored, as text to show: a post's text, triage labels one a line.
pub fn answer_text(stored: &str) -> String {
    match serde_json::from_str::<serde_json::Value>(stored) {
        Ok(serde_json::Value::Object(map)) => {
            if let Some(text) = map.get("text").and_then(|t| t.as_str()) {
                return text.to_string();
            }
            // One post a platform: each under its platform's name, a blank line between.
            if let Some(serde_json::Value::Object(posts)) = map.get("posts") {
                // A single platform's post needs no label: it reads as the post itself.
                if let [(_, text)] = posts.iter().collect::<Vec<_>>()[..] {
                    return text.as_str().unwrap_or_default().to_string();
                }
                return posts
                    .iter()
                    .filter_map(|(p, t)| {
                        let t = t.as_str()?.trim();
                        let name = p
                            .parse::<crate::compose::Platform>()
                            .map_or_else(|_| p.clone(), |p| p.name().to_string());
                        Some(if t.is_empty() {
                            format!("{name}: (no post)")
                        } else {
                            format!("{name}: {t}")
                        })
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n");
            }
            // a triage sorting: labels, and routes for the escalated posts
            if let Some(serde_json::Value::Object(labels)) = map.get("labels") {
                let routes = map.get("routes").and_then(|r| r.as_object());
                let mut lines: Vec<String> = labels
                    .iter()
                    .map(|(k, v)| {
                        let label = v.as_str().unwrap_or_default();
                        match routes.and_then(|r| r.get(k)).and_then(|r| r.as_str()) {
                            Some(route) => format!("{k}: {label} to {route}"),
                            None => format!("{k}: {label}"),
                        }
                    })
                    .collect();
                lines.sort();
                return lines.join("\n");
            }
            let mut lines: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{k}: {}", v.as_str().unwrap_or_default()))
                .collect();
            lines.sort();
            lines.join("\n")
        }
        _ => stored.to_string(),
    }
}

/// The exercises of a class in the trainer's order, with this learner's standing on each and
/// what the trainer shared: the class page and a trainee's exercise list both show these.
pub async fn class_items(
    app: &App,
    class_id: &str,
    learner_id: &str,
) -> crate::error::Result<Vec<ClassItem>> {
    let store = &app.store;
    let catalog = app.catalog();
    let standings: HashMap<String, _> = store
        .standings(learner_id)
        .await?
        .into_iter()
        .map(|s| (s.exercise_id.clone(), s))
        .collect();
    let reveals = store.reveals(class_id).await?;
    let items = store
        .class_exercises(class_id)
        .await?
        .into_iter()
        .filter_map(|ce| {
            let ex = catalog.get(&ce.exercise_id)?.clone();
            let standing = standings.get(&ce.exercise_id);
            let mine = reveals.iter().filter(|r| r.exercise_id == ce.exercise_id);
            let shared = mine
                .clone()
                .filter_map(|r| Some((answer_text(r.answer.as_deref()?), r.score)))
                .collect();
            let model = mine
                .clone()
                .any(|r| r.attempt_id.is_none())
                .then(|| model_answer(&ex));
            Some((ce.locked, ex, standing.cloned(), shared, model))
        })
        .enumerate()
        .map(|(i, (locked, ex, standing, shared, model))| ClassItem {
            number: i + 1,
            locked,
            attempts: standing.as_ref().map(|s| s.attempts).unwrap_or(0),
            best: standing.as_ref().and_then(|s| s.best),
            passed: standing.as_ref().is_some_and(|s| s.passed),
            shared,
            model,
            ex,
        })
        .collect();
    Ok(items)
}

pub async fn class_page(
    State(state): State<AppState>,
    TraineeOnly(trainee, _): TraineeOnly,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&trainee.class_id).await?;
    let items = class_items(&state.app, &class.id, &trainee.id).await?;
    let evaluated = store.evaluation(&trainee.id).await?.is_some();
    let rejoin_word = store.rejoin_word(&trainee.id).await?.unwrap_or_default();
    let news = state.app.class_news(&class.id).await?;
    let drill = state.app.current_class_drill(&class.id).await?;
    Ok(render(&ClassPage {
        name: trainee.name,
        rejoin_word,
        class_title: class.title,
        items,
        evaluated,
        news,
        drill,
    }))
}

/// The class's news as JSON, for the script that tells a trainee at once when an exercise is
/// locked or an answer shared (`static/class-news.js`). The same for every trainee of the class:
/// exercise titles, locks and how many answers are shared, never a name or an answer.
pub async fn news(
    State(state): State<AppState>,
    TraineeOnly(trainee, _): TraineeOnly,
) -> Result<Response, PageError> {
    let news = state.app.class_news(&trainee.class_id).await?;
    let mut response = axum::Json(news).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        axum::http::HeaderValue::from_static("no-store"),
    );
    Ok(response)
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_answers_read_as_text() {
        assert_eq!(answer_text("flood AND rain"), "flood AND rain");
        assert_eq!(
            answer_text(r#"{"platform":"x","text":"Roads closed"}"#),
            "Roads closed"
        );
        assert_eq!(
            answer_text(r#"{"d2":"escalate","d1":"relevant"}"#),
            "d1: relevant\nd2: escalate"
        );
        assert_eq!(
            answer_text(
                r#"{"labels":{"d2":"escalate","d1":"relevant"},"routes":{"d2":"press office"}}"#
            ),
            "d1: relevant\nd2: escalate to press office"
        );
        assert_eq!(answer_text("[1,2]"), "[1,2]");
        assert_eq!(
            answer_text(r#"{"posts":{"facebook":"Grants open","x":""}}"#),
            "Facebook: Grants open\n\nX: (no post)"
        );
        assert_eq!(
            answer_text(r#"{"posts":{"x":"Roads closed"}}"#),
            "Roads closed"
        );
    }
}
