//! Who may do what with an exercise: the learner (a self-learner, the trainer trying exercises,
//! or a trainee in a class) and the class's rules. A trainee works on the exercises the trainer
//! chose; a locked exercise takes no new attempts; the model answer opens after a pass, or, in a
//! class, at the debrief. Every caller (the pages, the API, the command line) gets the same
//! answer from here.

use super::App;
use crate::error::{Error, Refusal, Result};
use crate::store::attempts::Attempt;

/// After this many attempts a self-learner can ask for the model answer.
pub const REVEAL_AFTER: usize = 3;

/// The learner an attempt belongs to.
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
    /// The self-learner on localhost.
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

/// Whether the exercise page shows the model answer: to a learner who has passed, who opened it
/// (see `ModelRule`), or whose trainer shared it with the class.
pub fn shows_model(passed_ever: bool, revealed: bool, class: Option<InClass>) -> bool {
    passed_ever || revealed || class.is_some_and(|c| c.model_shared)
}

/// Where an exercise stands in a trainee's class.
#[derive(Debug, Clone, Copy)]
pub struct InClass {
    /// The trainer chose it for the class.
    pub chosen: bool,
    /// The trainer has closed it to new attempts (for the debrief).
    pub locked: bool,
    /// The trainer has shared its model answer with the class.
    pub model_shared: bool,
}

impl InClass {
    /// The trainee may read the exercise: it is in their class, or they worked on it before the
    /// trainer took it out (their own answers stay theirs to read).
    pub fn may_open(&self, attempts: usize) -> bool {
        self.chosen || attempts > 0
    }

    /// The trainee may send an attempt.
    pub fn takes_attempts(&self) -> bool {
        self.chosen && !self.locked
    }

    /// Why the exercise takes no attempts from the trainee, if it does not.
    pub fn closed(&self) -> Option<&'static str> {
        if !self.chosen {
            Some(
                "This exercise is no longer part of your class. Your answers and feedback stay \
                 here, but it takes no new attempts.",
            )
        } else if self.locked {
            Some(
                "Your trainer has closed this exercise to new attempts for now. Your answers and \
                 feedback stay here.",
            )
        } else {
            None
        }
    }
}

/// The refusal of an exercise the trainer did not choose for the trainee's class.
pub fn not_in_class() -> Error {
    Error::refused(
        "This exercise is not part of your class",
        "Your trainer chose the exercises for this session, and this is not one of them. \
         Your exercises are on your class page, /class, and under Exercises.",
    )
}

/// When the model answer opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModelRule {
    /// On your own: after a passing attempt, or after [`REVEAL_AFTER`] attempts.
    SelfPaced,
    /// In a class: after a passing attempt, or once the trainer opens it for the debrief by
    /// closing the exercise to new attempts (or by sharing the model answer). Not after a number
    /// of attempts, which would give the answer away before the trainer's debrief.
    Debrief { open: bool },
}

impl ModelRule {
    pub fn of(class: Option<&InClass>) -> Self {
        match class {
            None => ModelRule::SelfPaced,
            Some(c) => ModelRule::Debrief {
                open: (c.chosen && c.locked) || c.model_shared,
            },
        }
    }

    /// True when the learner may ask to see the model answer.
    pub fn may_reveal(self, attempts: usize, passed: bool) -> bool {
        passed
            || match self {
                ModelRule::SelfPaced => attempts >= REVEAL_AFTER,
                ModelRule::Debrief { open } => open,
            }
    }

    /// Why the model answer is not open yet, in the learner's words.
    pub fn not_yet(self) -> String {
        match self {
            ModelRule::SelfPaced => format!(
                "The model answer opens after a passing attempt or after {REVEAL_AFTER} attempts."
            ),
            ModelRule::Debrief { .. } => "Your trainer will open the model answer in the debrief, \
                 when this exercise closes to new attempts. If you pass before then, it opens for \
                 you straight away."
                .into(),
        }
    }
}

impl App {
    /// The class of `learner` and this exercise; None for a self-learner and for the trainer,
    /// whom no class binds.
    pub async fn in_class(&self, learner: &Learner, exercise_id: &str) -> Result<Option<InClass>> {
        let Some(class_id) = &learner.class_id else {
            return Ok(None);
        };
        let here = self
            .store
            .class_exercises(class_id)
            .await?
            .into_iter()
            .find(|ce| ce.exercise_id == exercise_id);
        let model_shared = here.is_some()
            && self
                .store
                .reveals(class_id)
                .await?
                .iter()
                .any(|r| r.exercise_id == exercise_id && r.attempt_id.is_none());
        Ok(Some(InClass {
            chosen: here.is_some(),
            locked: here.is_some_and(|ce| ce.locked),
            model_shared,
        }))
    }

    /// What a learner may read of an exercise: their attempts at it (newest first, as the store
    /// gives them) and where it stands in their class. Refused when the class's rules keep it
    /// from them (see `InClass::may_open`).
    pub async fn open_exercise(
        &self,
        learner: &Learner,
        exercise_id: &str,
    ) -> Result<(Vec<Attempt>, Option<InClass>)> {
        let history = self.store.attempts(&learner.id, Some(exercise_id)).await?;
        let class = self.in_class(learner, exercise_id).await?;
        if class.is_some_and(|c| !c.may_open(history.len())) {
            return Err(not_in_class());
        }
        Ok((history, class))
    }

    /// Refuses an attempt the class's rules do not allow: an exercise outside the class, or one
    /// the trainer has locked.
    pub(super) async fn check_may_attempt(
        &self,
        learner: &Learner,
        exercise_id: &str,
    ) -> Result<()> {
        if let Some(class) = self.in_class(learner, exercise_id).await? {
            if !class.chosen {
                return Err(not_in_class());
            }
            if class.locked {
                return Err(Error::invalid(
                    "Your trainer has locked this exercise: it takes no new attempts for now.",
                ));
            }
        }
        Ok(())
    }

    /// Shows the learner the next hint, when they may work on the exercise.
    pub async fn unlock_hint(&self, learner: &Learner, exercise_id: &str) -> Result<()> {
        let exercise = self.exercise(exercise_id)?;
        if let Some(class) = self.in_class(learner, exercise_id).await?
            && !class.chosen
            && self
                .store
                .attempts(&learner.id, Some(exercise_id))
                .await?
                .is_empty()
        {
            return Err(not_in_class());
        }
        self.store
            .unlock_hint(&learner.id, exercise_id, exercise.hints.len())
            .await
    }

    /// Opens the model answer to the learner, when the rules allow it (see `ModelRule`).
    pub async fn reveal_model(&self, learner: &Learner, exercise_id: &str) -> Result<()> {
        self.exercise(exercise_id)?;
        let attempts = self.store.attempts(&learner.id, Some(exercise_id)).await?;
        let class = self.in_class(learner, exercise_id).await?;
        if class.is_some_and(|c| !c.may_open(attempts.len())) {
            return Err(not_in_class());
        }
        let rule = ModelRule::of(class.as_ref());
        let passed = attempts.iter().any(|a| a.passed == Some(true));
        if !rule.may_reveal(attempts.len(), passed) {
            return Err(Error::Refused {
                refusal: Refusal::NotYet,
                title: "The model answer is not open yet".into(),
                message: rule.not_yet(),
            });
        }
        self.store.reveal_model(&learner.id, exercise_id).await
    }
}
