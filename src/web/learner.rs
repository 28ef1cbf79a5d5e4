//! Who is working: the learner an attempt belongs to. On localhost (self-learner mode) there is
//! one learner, `local`, and no login. In classroom mode the learner is the trainee of the
//! request's session (see `session.rs`); the trainer, trying exercises out, is `trainer`; a
//! request without a session is sent to join (pages) or refused with 401 (the API).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::response::Response;

use super::AppState;
use super::session::{Who, sign_in_first};
use crate::store::classroom::SessionOwner;

pub use crate::app::Learner;

impl FromRequestParts<AppState> for Learner {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        learner_of(state.app.config.classroom, parts.extensions.get::<Who>())
            .ok_or_else(|| sign_in_first(parts.uri.path()))
    }
}

/// The learner of a request: the self-learner when Sandpit runs without `--classroom`, else
/// the session's trainee or the trainer; None for a request without a session (which reaches
/// only the routes that keep a draft, see `session::keeps_draft`).
pub fn learner_of(classroom: bool, who: Option<&Who>) -> Option<Learner> {
    if !classroom {
        return Some(Learner::local());
    }
    match who.map(|w| &w.owner) {
        Some(SessionOwner::Trainee(t)) => Some(Learner {
            id: t.id.clone(),
            name: t.name.clone(),
            class_id: Some(t.class_id.clone()),
        }),
        Some(SessionOwner::Trainer) => Some(Learner::trainer()),
        // A programme's learner works as a self-learner does, under their own id, so their
        // attempts and progress last as long as their account.
        Some(SessionOwner::Learner(l)) => Some(Learner {
            id: l.id.clone(),
            name: l.name.clone(),
            class_id: None,
        }),
        None => None,
    }
}
