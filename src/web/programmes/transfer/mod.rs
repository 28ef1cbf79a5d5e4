//! Transfer to the day job on the web (docs/programmes.md, "Your own topic", "Follow-up", "The
//! team view"): the learner's pages under `/programme/…` (`home.rs`, `own_topic.rs`, `follow_up.rs`), the
//! trainer's under `/trainer/programmes/{cohort}/…` and `/trainer/teams` (`trainer.rs`,
//! `teams.rs`), and the manager's page `/team/{token}` (`teams.rs`). Rules are in
//! `app::transfer`; these handlers read the request, call the app and render.

mod follow_up;
mod home;
mod own_topic;
mod teams;
mod trainer;
mod view;

use axum::Router;

use crate::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .merge(home::routes())
        .merge(own_topic::routes())
        .merge(follow_up::routes())
        .merge(trainer::routes())
        .merge(teams::routes())
}
