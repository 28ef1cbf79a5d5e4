//! Programmes' accounts on the web (docs/programmes.md): the trainer's cohort pages under
//! `/trainer/programmes` (`trainer.rs`: create a cohort, add names or a CSV file, see each
//! learner's link, reissue a link, export the links for a mail merge) and the learner's pages
//! under `/learn` (`learner.rs`: first use of a link, signing in by name or link, the learner's
//! home); plans (`plan.rs`: the learner's `/programme` home, plan and calendar; `progress.rs`:
//! the trainer's cohort view and each learner's plan; `skill_chart.rs`). Accounts are classroom
//! mode only: without `--classroom` there is one self-learner and no accounts,
//! and these pages are not found.

mod calendar; // the plan's deadlines as a calendar file and a private address to subscribe to
mod learner;
mod placement; // the placement diagnostic and the skill profile
mod plan; // the learner's programme home and plan (/programme)
mod practice; // practice that comes back and mastery per skill, /programme/practice
mod progress; // the trainer's cohort view and a learner's plan
mod skill_chart;
mod trainer;
mod transfer; // own topics, reflections, the follow-up, the team view

use axum::Router;
use axum::extract::FromRequestParts;
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use super::AppState;
use super::session::{Who, refusal};
use crate::store::classroom::SessionOwner;

/// Who a programme page is for: the pages under `/programme/…` (placement, plan, practice that
/// comes back, own-topic work). In classroom mode a programme's learner, signed in (anyone else
/// is refused, and a visitor sent to `/learn/sign-in`); for a self-learner on localhost, the
/// self-learner (`local`), who runs a programme for themselves.
#[derive(Debug, Clone)]
pub struct ProgrammeMember {
    /// As attempts store it: `local`, or the programme learner's id.
    pub learner: String,
    pub name: String,
    /// The learner's cohort (none for the self-learner).
    pub cohort_id: Option<String>,
}

impl FromRequestParts<AppState> for ProgrammeMember {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if !state.app.config.classroom {
            let local = crate::app::Learner::local();
            return Ok(ProgrammeMember {
                learner: local.id,
                name: local.name,
                cohort_id: None,
            });
        }
        match parts.extensions.get::<Who>().map(|w| &w.owner) {
            Some(SessionOwner::Learner(l)) => Ok(ProgrammeMember {
                learner: l.id.clone(),
                name: l.name.clone(),
                cohort_id: Some(l.cohort_id.clone()),
            }),
            None => Err(Redirect::to("/learn/sign-in").into_response()),
            Some(_) => Err(refusal(
                StatusCode::FORBIDDEN,
                "This page is for learners of a programme",
                "You are signed in to a class or as the trainer. Learners of a programme sign \
                 in with their name and passphrase at /learn/sign-in.",
            )),
        }
    }
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(trainer::routes())
        .merge(learner::routes())
        .merge(practice::routes())
        .merge(plan::routes())
        .merge(calendar::routes())
        .merge(progress::routes())
        .merge(transfer::routes())
        .merge(placement::routes())
}
