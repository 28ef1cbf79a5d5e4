//! The exercise pages (docs/design.md, "Module map"): the list, one exercise with its form,
//! hints, feedback on an attempt and the model answer when earned, and the learner's progress. A
//! trainee works on the exercises the trainer chose for their class, and sees a model answer when
//! they pass or at the debrief. This file: the list, and the routes of each part. One exercise's
//! page is `page.rs`; sending an answer, a hint or the model answer `submit.rs`; the page that
//! gives an answer back when the exercise page cannot be shown `draft.rs`; progress `progress.rs`.

mod draft;
mod page;
mod progress;
mod submit;

use std::collections::HashMap;

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::{get, post};

pub use draft::{Carried, after_join, rejoin_refused};

use super::AppState;
use super::classroom::{ClassItem, class_items};
use super::error::{PageError, render};
use super::learner::Learner;
use crate::catalog::exercises::{Exercise, Level};
use crate::store::attempts::Standing;

/// The exercise routes: the list, one exercise and what it takes (answers, hints, the model
/// answer), and progress. The explanation of an attempt is `web/explain.rs`'s.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/exercises", get(list))
        .route("/exercises/{id}", get(page::show))
        .route("/exercises/{id}/attempts", post(submit::submit))
        .route("/exercises/{id}/hint", post(submit::hint))
        .route("/exercises/{id}/reveal", post(submit::reveal))
        .route("/progress", get(progress::progress))
}

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
        crate::web::text::score(*s)
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
