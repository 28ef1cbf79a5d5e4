//! The learner's reflections and the end-of-session statement with its follow-up
//! (docs/programmes.md, "Follow-up"): `/programme/reflections`, `/programme/evaluation`,
//! `/programme/follow-up/{statement}`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Form, Router};
use serde::Deserialize;

use crate::app::transfer::follow_up::{
    AGREEMENT, FollowUp, STATEMENT, STATEMENT_AGAIN, agreement_words,
};
use crate::error::Error;
use crate::web::AppState;
use crate::web::error::{PageError, render, status_of};
use crate::web::programmes::ProgrammeMember;

pub(super) fn routes() -> Router<AppState> {
    Router::new()
        .route("/programme/reflections", get(reflections))
        .route(
            "/programme/reflections/{id}",
            get(reflect_form).post(save_reflection),
        )
        .route(
            "/programme/evaluation",
            get(statement_form).post(save_statement),
        )
        .route(
            "/programme/follow-up/{statement}",
            get(follow_up_form).post(save_follow_up),
        )
}

fn scale() -> Vec<(i64, &'static str)> {
    AGREEMENT
        .iter()
        .enumerate()
        .map(|(i, w)| (i as i64 + 1, *w))
        .collect()
}

#[derive(Template)]
#[template(path = "programme_reflections.html")]
struct ReflectionsPage {
    /// (exercise id, title) of exercises tried.
    tried: Vec<(String, String)>,
    /// (exercise title, date, text).
    written: Vec<(String, String, String)>,
    saved: bool,
}

#[derive(Deserialize)]
struct Saved {
    saved: Option<String>,
}

async fn reflections(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Query(saved): Query<Saved>,
) -> Result<Response, PageError> {
    let catalog = state.app.catalog();
    let title = |id: &str| {
        catalog
            .exercises
            .iter()
            .find(|e| e.id == id)
            .map_or_else(|| id.to_string(), |e| e.title.clone())
    };
    let tried = state
        .app
        .store
        .standings(&m.learner)
        .await?
        .into_iter()
        .map(|s| (s.exercise_id.clone(), title(&s.exercise_id)))
        .collect();
    let written = state
        .app
        .reflections(&m.learner)
        .await?
        .into_iter()
        .map(|r| {
            (
                title(&r.exercise_id),
                r.created_at.get(..10).unwrap_or_default().to_string(),
                r.body,
            )
        })
        .collect();
    Ok(render(&ReflectionsPage {
        tried,
        written,
        saved: saved.saved.is_some(),
    }))
}

#[derive(Template)]
#[template(path = "programme_reflect.html")]
struct ReflectPage {
    id: String,
    title: String,
    body: String,
    error: Option<String>,
}

async fn reflect_page(
    state: &AppState,
    id: &str,
    body: String,
    error: Option<String>,
) -> Result<ReflectPage, PageError> {
    let catalog = state.app.catalog();
    let exercise = catalog
        .exercises
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::not_found(format!("There is no exercise {id:?}.")))?;
    Ok(ReflectPage {
        id: id.to_string(),
        title: exercise.title.clone(),
        body,
        error,
    })
}

async fn reflect_form(
    _m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    Ok(render(
        &reflect_page(&state, &id, String::new(), None).await?,
    ))
}

#[derive(Deserialize)]
struct ReflectForm {
    #[serde(default)]
    body: String,
}

async fn save_reflection(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<ReflectForm>,
) -> Result<Response, PageError> {
    match state.app.reflect(&m.learner, &id, &form.body).await {
        Ok(()) => Ok(Redirect::to("/programme/reflections?saved=1").into_response()),
        Err(e @ (Error::Invalid(_) | Error::Refused { .. })) => {
            let status = status_of(&e);
            let page = reflect_page(&state, &id, form.body, Some(e.to_string())).await?;
            Ok((status, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

/// A statement as the learner's list shows it.
struct StatementRow {
    id: String,
    asked: String,
    words: &'static str,
    state: String,
    due: bool,
}

#[derive(Template)]
#[template(path = "programme_statement.html")]
struct StatementPage {
    statement: &'static str,
    scale: Vec<(i64, &'static str)>,
    chosen: i64,
    comment: String,
    error: Option<String>,
    saved: bool,
    rows: Vec<StatementRow>,
}

async fn statement_page(
    state: &AppState,
    m: &ProgrammeMember,
    chosen: i64,
    comment: String,
    error: Option<String>,
    saved: bool,
) -> Result<StatementPage, PageError> {
    let rows = state
        .app
        .follow_ups(&m.learner)
        .await?
        .into_iter()
        .map(|(e, s)| {
            let (state, due) = match s {
                FollowUp::NotYet { opens } => (
                    format!("Asked again from {}", opens.format("%-d %B %Y")),
                    false,
                ),
                FollowUp::Due { closes } => (
                    format!("Asked again now, until {}", closes.format("%-d %B %Y")),
                    true,
                ),
                FollowUp::Answered => (
                    format!(
                        "Answered: {}",
                        agreement_words(e.follow_up_effective.unwrap_or(0))
                    ),
                    false,
                ),
                FollowUp::Missed => ("Follow-up closed without an answer".into(), false),
            };
            StatementRow {
                asked: e.asked_at.get(..10).unwrap_or_default().to_string(),
                words: agreement_words(e.effective),
                id: e.id,
                state,
                due,
            }
        })
        .collect();
    Ok(StatementPage {
        statement: STATEMENT,
        scale: scale(),
        chosen,
        comment,
        error,
        saved,
        rows,
    })
}

async fn statement_form(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Query(saved): Query<Saved>,
) -> Result<Response, PageError> {
    let page = statement_page(&state, &m, 0, String::new(), None, saved.saved.is_some()).await?;
    Ok(render(&page))
}

#[derive(Deserialize)]
struct StatementForm {
    effective: Option<String>,
    #[serde(default)]
    comment: String,
}

async fn save_statement(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Form(form): Form<StatementForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .record_session_statement(
            &m.learner,
            m.cohort_id.as_deref(),
            form.effective.as_deref(),
            &form.comment,
        )
        .await
    {
        Ok(_) => Ok(Redirect::to("/programme/evaluation?saved=1").into_response()),
        Err(e @ Error::Invalid(_)) => {
            let chosen = form
                .effective
                .as_deref()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let page = statement_page(&state, &m, chosen, form.comment, Some(e.to_string()), false)
                .await?;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Template)]
#[template(path = "programme_follow_up.html")]
struct FollowUpPage {
    id: String,
    statement: &'static str,
    again: &'static str,
    asked: String,
    before: &'static str,
    scale: Vec<(i64, &'static str)>,
    chosen: i64,
    done: String,
    error: Option<(String, String)>,
    closes: String,
}

impl FollowUpPage {
    fn error_at(&self, field: &str) -> Option<&str> {
        self.error
            .as_ref()
            .filter(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

async fn follow_up_page(
    state: &AppState,
    m: &ProgrammeMember,
    id: &str,
) -> Result<FollowUpPage, PageError> {
    let (e, s) = state.app.follow_up_of(&m.learner, id).await?;
    let closes = match s {
        FollowUp::Due { closes } => closes.format("%-d %B %Y").to_string(),
        FollowUp::NotYet { opens } => {
            return Err(Error::Refused {
                refusal: crate::error::Refusal::NotYet,
                title: "Not yet".into(),
                message: format!(
                    "This follow-up opens on {}, four weeks after the session.",
                    opens.format("%-d %B %Y")
                ),
            }
            .into());
        }
        FollowUp::Answered => {
            return Err(Error::refused(
                "Already answered",
                "You have answered this follow-up. Thank you.",
            )
            .into());
        }
        FollowUp::Missed => {
            return Err(Error::refused(
                "This follow-up has closed",
                "Follow-ups are taken from four to six weeks after the session.",
            )
            .into());
        }
    };
    Ok(FollowUpPage {
        id: e.id,
        statement: STATEMENT,
        again: STATEMENT_AGAIN,
        asked: e.asked_at.get(..10).unwrap_or_default().to_string(),
        before: agreement_words(e.effective),
        scale: scale(),
        chosen: 0,
        done: String::new(),
        error: None,
        closes,
    })
}

async fn follow_up_form(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    Ok(render(&follow_up_page(&state, &m, &id).await?))
}

#[derive(Deserialize)]
struct FollowUpForm {
    effective: Option<String>,
    #[serde(default)]
    done_differently: String,
}

async fn save_follow_up(
    m: ProgrammeMember,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Form(form): Form<FollowUpForm>,
) -> Result<Response, PageError> {
    match state
        .app
        .answer_follow_up(
            &m.learner,
            &id,
            form.effective.as_deref(),
            &form.done_differently,
        )
        .await
    {
        Ok(()) => Ok(Redirect::to("/programme/evaluation?saved=1").into_response()),
        Err(Error::Invalid(message)) => {
            let mut page = follow_up_page(&state, &m, &id).await?;
            let field = if message.contains("agree") {
                "effective-1"
            } else {
                "done_differently"
            };
            page.error = Some((field.to_string(), message));
            page.chosen = form
                .effective
                .as_deref()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            page.done = form.done_differently;
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
        Err(e) => Err(e.into()),
    }
}
