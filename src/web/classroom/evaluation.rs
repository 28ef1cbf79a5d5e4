//! The end-of-session evaluation (docs/design.md, "Module map"): a trainee says on a five-point
//! scale whether the session will make them more effective at work, what they would do
//! differently, and anything else.

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use crate::error::FieldError;
use crate::store::classroom::Evaluation;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::session::TraineeOnly;
use axum::Router;
use axum::routing::get;

/// The evaluation's form and where it is sent.
pub fn routes() -> Router<AppState> {
    Router::new().route(
        "/class/evaluation",
        get(evaluation_form).post(save_evaluation),
    )
}

/// The answers on the evaluation form's agreement scale, from 1 to 5.
pub const AGREEMENT: [&str; 5] = [
    "Strongly disagree",
    "Disagree",
    "Neither agree nor disagree",
    "Agree",
    "Strongly agree",
];

/// The question trainers care most about, worded the same on the form, the board and the export.
pub const EFFECTIVE_QUESTION: &str = "I will be more effective at work as a result of this session";
#[derive(Template)]
#[template(path = "evaluation.html")]
struct EvaluationPage {
    question: &'static str,
    scale: Vec<(i64, &'static str)>,
    chosen: i64,
    do_differently: String,
    comments: String,
    errors: Vec<FieldError>,
    saved: bool,
}

impl EvaluationPage {
    /// The error summary's links: the scale's link goes to its first choice.
    fn error_links(&self) -> Vec<(String, String)> {
        self.errors
            .iter()
            .map(|e| {
                let id = if e.field == "effective" {
                    "effective-1".to_string()
                } else {
                    e.field.to_string()
                };
                (id, e.message.clone())
            })
            .collect()
    }
}

#[derive(Deserialize)]
pub struct SavedQuery {
    saved: Option<String>,
}

fn scale() -> Vec<(i64, &'static str)> {
    AGREEMENT
        .iter()
        .enumerate()
        .map(|(i, w)| (i as i64 + 1, *w))
        .collect()
}

pub async fn evaluation_form(
    State(state): State<AppState>,
    TraineeOnly(trainee, _): TraineeOnly,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    let previous: Option<Evaluation> = state.app.store.evaluation(&trainee.id).await?;
    Ok(render(&EvaluationPage {
        question: EFFECTIVE_QUESTION,
        scale: scale(),
        chosen: previous.as_ref().map(|e| e.effective).unwrap_or(0),
        do_differently: previous
            .as_ref()
            .map(|e| e.do_differently.clone())
            .unwrap_or_default(),
        comments: previous.map(|e| e.comments).unwrap_or_default(),
        errors: Vec::new(),
        saved: q.saved.is_some(),
    }))
}

#[derive(Deserialize)]
pub struct EvaluationForm {
    effective: Option<String>,
    #[serde(default)]
    do_differently: String,
    #[serde(default)]
    comments: String,
}

/// Longest free-text answer on the evaluation, in characters.
const TEXT_MAX: usize = 2000;

pub async fn save_evaluation(
    State(state): State<AppState>,
    TraineeOnly(trainee, _): TraineeOnly,
    Form(form): Form<EvaluationForm>,
) -> Result<Response, PageError> {
    let effective = form
        .effective
        .as_deref()
        .and_then(|v| v.parse::<i64>().ok())
        .filter(|v| (1..=5).contains(v));
    let mut errors = Vec::new();
    if effective.is_none() {
        errors.push(FieldError {
            field: "effective",
            message: "Choose how far you agree with the statement".into(),
        });
    }
    for (field, text, what) in [
        (
            "do_differently",
            &form.do_differently,
            "What you will do differently",
        ),
        ("comments", &form.comments, "Your comments"),
    ] {
        if text.chars().count() > TEXT_MAX {
            errors.push(FieldError {
                field,
                message: format!("{what} must be {TEXT_MAX} characters or fewer"),
            });
        }
    }
    match effective {
        Some(effective) if errors.is_empty() => {
            state
                .app
                .store
                .save_evaluation(
                    &trainee,
                    effective,
                    form.do_differently.trim(),
                    form.comments.trim(),
                )
                .await?;
            Ok(Redirect::to("/class/evaluation?saved=1").into_response())
        }
        _ => {
            let page = EvaluationPage {
                question: EFFECTIVE_QUESTION,
                scale: scale(),
                chosen: effective.unwrap_or(0),
                do_differently: form.do_differently,
                comments: form.comments,
                errors,
                saved: false,
            };
            Ok((StatusCode::BAD_REQUEST, render(&page)).into_response())
        }
    }
}
