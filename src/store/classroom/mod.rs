//! Classroom mode in the database: classes and their codes, trainees, login sessions, the
//! exercises of a class (order, lock), answers shared for the debrief, evaluations, uploaded
//! exercise files and the trainer's secret. Nothing of a class lives only in memory, so a
//! restart loses no one's work and no one has to join again.

mod board; // figures, standings and the export
mod classes; // classes and their codes
mod debrief; // answers shared with the class
mod evaluations; // trainees' evaluations
mod exercises; // the exercises of a class, order and locks
mod sessions; // the trainer's secret, tokens and sessions
mod trainees; // joining and who has joined
mod uploads; // uploaded exercise files

pub use board::{ClassAttempt, ExerciseFigures, TraineeStanding};
pub use classes::{CODE_LENGTH, Class, ClassSummary, new_code, normalise_code};
pub use debrief::Reveal;
pub use evaluations::Evaluation;
pub use exercises::ClassExercise;
pub use sessions::{SessionOwner, new_token, token_hash};
pub use trainees::{
    NAME_MAX, REJOIN_WORD_COUNT, Trainee, TraineeIdentity, TraineeRow, new_rejoin_word,
    normalise_name, normalise_rejoin_word,
};
pub use uploads::UploadedExercise;

/// A fresh in-memory store for the tests of every part.
#[cfg(test)]
async fn store() -> super::Store {
    super::Store::in_memory().await.expect("store")
}
