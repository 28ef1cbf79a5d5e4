//! Programmes' accounts on the web (docs/programmes.md): the trainer's cohort pages under
//! `/trainer/programmes` (`trainer.rs`: create a cohort, add names or a CSV file, see each
//! learner's link, reissue a link, export the links for a mail merge) and the learner's pages
//! under `/learn` (`learner.rs`: first use of a link, signing in by name or link, the learner's
//! home). Classroom mode only: without `--classroom` there is one self-learner and no accounts,
//! and these pages are not found.

mod learner;
mod trainer;

use axum::Router;

use super::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(trainer::routes())
        .merge(learner::routes())
}
