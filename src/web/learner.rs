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

/// The learner of the current request.
#[derive(Debug, Clone)]
pub struct Learner {
    /// Stored with attempts: `local`, `trainer`, or a trainee id.
    pub id: String,
    /// Shown on pages.
    pub name: String,
    /// A trainee's class: the trainer's choice of exercises and their rules apply.
    pub class_id: Option<String>,
}

impl Learner {
    pub fn local() -> Self {
        Learner {
            id: "local".into(),
            name: "You".into(),
            class_id: None,
        }
    }

    /// The trainer's own tries at exercises, kept apart from every trainee's.
    pub fn trainer() -> Self {
        Learner {
            id: "trainer".into(),
            name: "Trainer".into(),
            class_id: None,
        }
    }
}

impl FromRequestParts<AppState> for Learner {
    type Rejection = Response;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if !state.app.config.classroom {
            return Ok(Learner::local());
        }
        match parts.extensions.get::<Who>().map(|w| &w.owner) {
            Some(SessionOwner::Trainee(t)) => Ok(Learner {
                id: t.id.clone(),
                name: t.name.clone(),
                class_id: Some(t.class_id.clone()),
            }),
            Some(SessionOwner::Trainer) => Ok(Learner::trainer()),
            None => Err(sign_in_first(parts.uri.path())),
        }
    }
}
