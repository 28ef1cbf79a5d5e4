//! Who is working: the learner an attempt belongs to. On localhost (self-learner mode) there is
//! one learner, `local`; classroom mode identifies trainees by their session.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use super::AppState;

/// The learner of the current request.
#[derive(Debug, Clone)]
pub struct Learner {
    /// Stored with attempts: `local`, or a trainee id.
    pub id: String,
    /// Shown on pages.
    pub name: String,
}

impl Learner {
    pub fn local() -> Self {
        Learner {
            id: "local".into(),
            name: "You".into(),
        }
    }
}

impl FromRequestParts<AppState> for Learner {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(_parts: &mut Parts, _state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(Learner::local())
    }
}
