//! The exercise pages: the list, one exercise with its form, hints, feedback on an attempt and the
//! model answer when earned, and the learner's progress. A trainee works on the exercises the
//! trainer chose for their class, and sees a model answer when they pass or at the debrief.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::AppState;
use super::classroom::{ClassItem, class_items};
use super::error::{PageError, render};
use super::learner::Learner;
use super::text::{Block, blocks};
use crate::app::Answer;
use crate::app::access::{ModelRule, REVEAL_AFTER, not_in_class};
use crate::catalog::exercises::{Exercise, Label, Level, Task};
use crate::error::Error;
use crate::grade::Grade;
use crate::ingest::Document;
use crate::store::attempts::{Attempt, Standing};

pub struct Row {
    pub ex: Exercise,
    pub standing: Option<Standing>,
}

#[derive(Template)]
#[template(path = "exercises.html")]
struct ListPage {
    groups: Vec<(Level, Vec<Row>)>,
    /// A trainee's list: the exercises of their class, in the trainer's order.
    class: Option<Vec<ClassItem>>,
}

impl ListPage {
    fn score(&self, s: &Option<f64>) -> String {
        s.map(|s| format!("{s:.0}")).unwrap_or_else(|| "–".into())
    }
}

pub async fn list(State(state): State<AppState>, learner: Learner) -> Result<Response, PageError> {
    if let Some(class_id) = &learner.class_id {
        let items = class_items(&state.app, class_id, &learner.id).await?;
        return Ok(render(&ListPage {
            groups: Vec::new(),
            class: Some(items),
        }));
    }
    let standings: HashMap<String, Standing> = state
        .app
        .store
        .standings(&learner.id)
        .await?
        .into_iter()
        .map(|s| (s.exercise_id.clone(), s))
        .collect();
    let catalog = state.app.catalog();
    let groups = crate::catalog::exercises::by_level(&catalog.exercises)
        .into_iter()
        .map(|(level, exs)| {
            (
                level,
                exs.into_iter()
                    .map(|e| Row {
                        standing: standings.get(&e.id).cloned(),
                        ex: e.clone(),
                    })
                    .collect(),
            )
        })
        .collect();
    Ok(render(&ListPage {
        groups,
        class: None,
    }))
}

/// One document of a triage exercise, shown in full.
pub struct TriageDoc {
    pub doc: Document,
    pub given: Option<Label>,
}

#[derive(Template)]
#[template(path = "exercise.html")]
struct ExercisePage {
    ex: Exercise,
    brief: Vec<Block>,
    source: Vec<Block>,
    hints: Vec<String>,
    hints_left: usize,
    attempts: usize,
    answer: String,
    /// The platform of the last post, for rewrites with several.
    platform: Option<String>,
    triage_docs: Vec<TriageDoc>,
    labels: [Label; 3],
    attempt: Option<Attempt>,
    grade: Option<Grade>,
    grade_error: Option<String>,
    passed_ever: bool,
    can_reveal: bool,
    show_model: bool,
    model_rule: ModelRule,
    reveal_after: usize,
    /// False when the trainer has closed the exercise, or taken it out of the class.
    takes_attempts: bool,
    /// Why, for a trainee, the exercise takes no attempts.
    closed: Option<&'static str>,
}

impl ExercisePage {
    fn pct(&self, x: &f64) -> String {
        format!("{:.0}%", x * 100.0)
    }
}

#[derive(Deserialize)]
pub struct ShowQuery {
    attempt: Option<String>,
}

pub async fn show(
    State(state): State<AppState>,
    learner: Learner,
    Path(id): Path<String>,
    Query(q): Query<ShowQuery>,
) -> Result<Response, PageError> {
    let app = &state.app;
    let ex = app.exercise(&id)?;
    let history = app.store.attempts(&learner.id, Some(&id)).await?;
    let class = app.in_class(&learner, &id).await?;
    if class.is_some_and(|c| !c.may_open(history.len())) {
        return Err(not_in_class().into());
    }
    let exercise_state = app.store.exercise_state(&learner.id, &id).await?;
    let attempt = match q.attempt.as_deref() {
        Some(aid) => Some(
            history
                .iter()
                .find(|a| a.id == aid)
                .cloned()
                .ok_or_else(|| Error::not_found("no such attempt of yours"))?,
        ),
        None => None,
    };
    // The grade recorded when the attempt was submitted.
    let (grade, grade_error) = match &attempt {
        None => (None, None),
        Some(a) => match app.feedback(&ex, a).await? {
            Ok(g) => (Some(g), None),
            Err(ungraded) => (None, Some(capitalised(&ungraded.to_string()))),
        },
    };
    let given: HashMap<String, Label> = match (&attempt, ex.kind) {
        (Some(a), crate::catalog::exercises::Kind::Triage) => {
            serde_json::from_str(&a.answer).unwrap_or_default()
        }
        _ => HashMap::new(),
    };
    let triage_docs = match &ex.task {
        Task::Triage(t) => {
            let mut docs = Vec::new();
            for item in &t.items {
                if let Ok(doc) = app.document(&t.corpus, &item.id).await {
                    docs.push(TriageDoc {
                        given: given.get(&item.id).copied(),
                        doc,
                    });
                }
            }
            docs
        }
        _ => Vec::new(),
    };
    let source = match &ex.task {
        Task::Rewrite(r) => blocks(&r.source_text),
        _ => Vec::new(),
    };
    let passed_ever = history.iter().any(|a| a.passed == Some(true));
    let shown = (exercise_state.hints_shown.max(0) as usize).min(ex.hints.len());
    let (answer, platform) = match attempt
        .as_ref()
        .or(history.last())
        .map(|a| Answer::from_stored(&ex, &a.answer))
    {
        Some(Answer::Text(t)) => (t, None),
        Some(Answer::Post { platform, text }) => (text, platform),
        _ => (String::new(), None),
    };
    let model_rule = ModelRule::of(class.as_ref());
    let page = ExercisePage {
        brief: blocks(&ex.brief),
        source,
        hints: ex.hints[..shown].to_vec(),
        hints_left: ex.hints.len() - shown,
        attempts: history.len(),
        answer,
        platform,
        triage_docs,
        labels: Label::ALL,
        attempt,
        grade,
        grade_error,
        passed_ever,
        can_reveal: model_rule.may_reveal(history.len(), passed_ever),
        show_model: passed_ever
            || exercise_state.model_revealed
            || class.is_some_and(|c| c.model_shared),
        model_rule,
        reveal_after: REVEAL_AFTER,
        takes_attempts: class.is_none_or(|c| c.takes_attempts()),
        closed: class.and_then(|c| c.closed()),
        ex,
    };
    Ok(render(&page))
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub async fn submit(
    State(state): State<AppState>,
    learner: Learner,
    Path(id): Path<String>,
    Form(form): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ex = state.app.exercise(&id)?;
    let answer = match &ex.task {
        Task::Triage(t) => {
            let mut labels = HashMap::new();
            for (key, value) in &form {
                if let Some(doc) = key.strip_prefix("label:")
                    && t.items.iter().any(|i| i.id == doc)
                {
                    let label = Label::parse(value).ok_or_else(|| {
                        Error::invalid(format!("{value:?} is not a triage label"))
                    })?;
                    labels.insert(doc.to_string(), label);
                }
            }
            Answer::Labels(labels)
        }
        _ => {
            let text = form
                .iter()
                .find(|(k, _)| k == "answer")
                .map(|(_, v)| v.clone())
                .unwrap_or_default();
            if text.trim().is_empty() {
                return Err(Error::invalid(match ex.kind {
                    crate::catalog::exercises::Kind::Monitor => "Write a query before you submit.",
                    _ => "Write your post before you submit.",
                })
                .into());
            }
            if text.len() > 100_000 {
                return Err(
                    Error::invalid("That answer is too long (over 100,000 characters).").into(),
                );
            }
            match &ex.task {
                Task::Rewrite(r) => Answer::Post {
                    platform: form
                        .iter()
                        .find(|(k, _)| k == "platform")
                        .map(|(_, v)| v.clone())
                        .filter(|p| r.platforms.contains(p))
                        .or_else(|| r.platforms.first().cloned()),
                    text,
                },
                _ => Answer::Text(text),
            }
        }
    };
    let submitted = state.app.submit(&learner, &id, answer).await?;
    Ok(Redirect::to(&format!(
        "/exercises/{}?attempt={}#feedback",
        super::pages::urlencode(&id),
        submitted.attempt_id
    ))
    .into_response())
}

pub async fn hint(
    State(state): State<AppState>,
    learner: Learner,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    state.app.unlock_hint(&learner, &id).await?;
    Ok(Redirect::to(&format!(
        "/exercises/{}#hints",
        super::pages::urlencode(&id)
    ))
    .into_response())
}

pub async fn reveal(
    State(state): State<AppState>,
    learner: Learner,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    state.app.reveal_model(&learner, &id).await?;
    Ok(Redirect::to(&format!(
        "/exercises/{}#model",
        super::pages::urlencode(&id)
    ))
    .into_response())
}

pub struct ProgressRow {
    pub title: String,
    pub id: String,
    pub level: &'static str,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
}

pub struct Dot {
    pub x: f32,
    pub y: f32,
    pub label: String,
    pub passed: bool,
}

#[derive(Template)]
#[template(path = "progress.html")]
struct ProgressPage {
    name: String,
    /// A trainee's figures count the exercises of their class.
    in_class: bool,
    rows: Vec<ProgressRow>,
    done: usize,
    total: usize,
    dots: Vec<Dot>,
    line: String,
    attempts: usize,
}

pub async fn progress(
    State(state): State<AppState>,
    learner: Learner,
) -> Result<Response, PageError> {
    let catalog = state.app.catalog();
    let standings = state.app.store.standings(&learner.id).await?;
    let attempts = state.app.store.attempts(&learner.id, None).await?;
    let rows: Vec<ProgressRow> = standings
        .iter()
        .filter_map(|s| {
            let ex = catalog.get(&s.exercise_id)?;
            Some(ProgressRow {
                title: ex.title.clone(),
                id: ex.id.clone(),
                level: ex.level.name(),
                attempts: s.attempts,
                best: s.best,
                passed: s.passed,
            })
        })
        .collect();
    let graded: Vec<&Attempt> = attempts.iter().filter(|a| a.score.is_some()).collect();
    let n = graded.len().max(2) as f32 - 1.0;
    let dots: Vec<Dot> = graded
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let score = a.score.unwrap_or(0.0) as f32;
            Dot {
                x: 20.0 + 600.0 * i as f32 / n,
                y: 150.0 - 1.3 * score,
                label: format!(
                    "{} on {}: {:.0}",
                    catalog
                        .get(&a.exercise_id)
                        .map(|e| e.title.as_str())
                        .unwrap_or(&a.exercise_id),
                    a.created_at.get(..10).unwrap_or_default(),
                    score
                ),
                passed: a.passed == Some(true),
            }
        })
        .collect();
    let line = dots
        .iter()
        .map(|d| format!("{:.1},{:.1}", d.x, d.y))
        .collect::<Vec<_>>()
        .join(" ");
    // A trainee counts against the exercises of their class, not the whole catalogue.
    let (done, total) = match &learner.class_id {
        Some(class_id) => {
            let chosen = state.app.store.class_exercises(class_id).await?;
            let passed = chosen
                .iter()
                .filter(|ce| rows.iter().any(|r| r.passed && r.id == ce.exercise_id))
                .count();
            (passed, chosen.len())
        }
        None => (
            rows.iter().filter(|r| r.passed).count(),
            catalog.exercises.len(),
        ),
    };
    Ok(render(&ProgressPage {
        in_class: learner.class_id.is_some(),
        name: learner.name,
        done,
        total,
        rows,
        attempts: graded.len(),
        dots,
        line,
    }))
}
