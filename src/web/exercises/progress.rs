//! The learner's progress page (docs/design.md, "Module map"): each exercise's standing, the
//! scores over time, and mastery.

use askama::Template;
use axum::extract::State;
use axum::response::Response;

use crate::app::mastery::{self, passed_words};
use crate::store::attempts::Attempt;
use crate::web::AppState;
use crate::web::error::{PageError, render};
use crate::web::learner::Learner;

pub struct ProgressRow {
    pub title: String,
    pub id: String,
    pub level: &'static str,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
    /// "Passed" or "Passed with 2 hints".
    pub passed_words: String,
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
    /// Passes counted with hints taken into account (`app::mastery`), e.g. "3.75".
    mastery: String,
    /// Whether the learner's exercises come back (`app::spaced`): link their practice page.
    practises: bool,
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
                passed_words: passed_words(s.hints_at_pass),
            })
        })
        .collect();
    let mastery = mastery::mastery(&standings);
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
        practises: crate::app::spaced::practises(&learner),
        in_class: learner.class_id.is_some(),
        name: learner.name,
        done,
        total,
        rows,
        attempts: graded.len(),
        dots,
        line,
        mastery: format!("{mastery:.2}")
            .trim_end_matches('0')
            .trim_end_matches('.')
            .to_string(),
    }))
}
