//! The class's results, attempts and evaluations as CSV files for the trainer's records.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::Response;
use axum::routing::get;

use crate::app::mastery::pass_credit;
use crate::store::classroom::Class;
use crate::web::AppState;
use crate::web::classroom::{AGREEMENT, EFFECTIVE_QUESTION, answer_text};
use crate::web::csv;
use crate::web::error::PageError;
use crate::web::session::Trainer;

fn csv_response(class: &Class, what: &str, body: String) -> Response {
    csv::download(
        &body,
        &format!("sandpit-{}-{what}.csv", class.code.to_lowercase()),
    )
}

fn score_text(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.1}")).unwrap_or_default()
}

/// One row per trainee and exercise of the class (and any other exercise they tried).
pub async fn results_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let catalog = state.app.catalog();
    let order: Vec<String> = store
        .class_exercises(&class.id)
        .await?
        .into_iter()
        .map(|e| e.exercise_id)
        .collect();
    let standings = store.class_standings(&class.id).await?;
    let mut out = csv::line(
        &[
            "Trainee",
            "Exercise id",
            "Exercise",
            "Position in class",
            "Attempts",
            "Best score",
            "Passed",
            "Hints opened",
            "Hints at the pass",
            "Mastery",
            "First attempt",
            "Last attempt",
        ]
        .map(String::from),
    );
    for t in store.trainees(&class.id).await? {
        let mine: Vec<_> = standings.iter().filter(|s| s.trainee_id == t.id).collect();
        let mut ids: Vec<&str> = order.iter().map(String::as_str).collect();
        for s in &mine {
            if !ids.contains(&s.exercise_id.as_str()) {
                ids.push(&s.exercise_id);
            }
        }
        for ex in ids {
            let s = mine.iter().find(|s| s.exercise_id == ex);
            out.push_str(&csv::line(&[
                t.name.clone(),
                ex.to_string(),
                catalog.get(ex).map(|e| e.title.clone()).unwrap_or_default(),
                order
                    .iter()
                    .position(|o| o == ex)
                    .map(|p| (p + 1).to_string())
                    .unwrap_or_default(),
                s.map(|s| s.attempts).unwrap_or(0).to_string(),
                score_text(s.and_then(|s| s.best)),
                if s.is_some_and(|s| s.passed) {
                    "yes"
                } else {
                    "no"
                }
                .into(),
                s.map(|s| s.hints).unwrap_or(0).to_string(),
                s.and_then(|s| s.hints_at_pass)
                    .map(|h| h.to_string())
                    .unwrap_or_default(),
                pass_credit(s.is_some_and(|s| s.passed), s.and_then(|s| s.hints_at_pass))
                    .to_string(),
                s.map(|s| s.first_at.clone()).unwrap_or_default(),
                s.map(|s| s.last_at.clone()).unwrap_or_default(),
            ]));
        }
    }
    Ok(csv_response(&class, "results", out))
}

/// Every attempt of the class with its answer.
pub async fn attempts_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let mut out = csv::line(
        &[
            "Trainee",
            "Exercise id",
            "Attempt id",
            "Made at",
            "Score",
            "Passed",
            "Hints opened",
            "Answer",
        ]
        .map(String::from),
    );
    for a in store.class_attempts(&class.id).await? {
        out.push_str(&csv::line(&[
            a.name,
            a.exercise_id,
            a.id,
            a.created_at,
            score_text(a.score),
            match a.passed {
                Some(true) => "yes",
                Some(false) => "no",
                None => "not graded",
            }
            .into(),
            a.hints_used.to_string(),
            answer_text(&a.answer),
        ]));
    }
    Ok(csv_response(&class, "attempts", out))
}

/// The evaluations, without names.
pub async fn evaluations_csv(
    _t: Trainer,
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let store = &state.app.store;
    let class = store.require_class(&id).await?;
    let mut out = csv::line(&[
        format!("{EFFECTIVE_QUESTION} (1 strongly disagree to 5 strongly agree)"),
        "In words".into(),
        "What I will do differently".into(),
        "Comments".into(),
    ]);
    for e in store.evaluations(&class.id).await? {
        let words = usize::try_from(e.effective - 1)
            .ok()
            .and_then(|i| AGREEMENT.get(i))
            .copied()
            .unwrap_or_default();
        out.push_str(&csv::line(&[
            e.effective.to_string(),
            words.into(),
            e.do_differently,
            e.comments,
        ]));
    }
    Ok(csv_response(&class, "evaluations", out))
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/trainer/classes/{class}/results.csv", get(results_csv))
        .route("/trainer/classes/{class}/attempts.csv", get(attempts_csv))
        .route(
            "/trainer/classes/{class}/evaluations.csv",
            get(evaluations_csv),
        )
}
