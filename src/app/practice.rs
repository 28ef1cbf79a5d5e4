//! Moving on and keeping up: the exercise to offer after a pass (the next one a self-learner
//! has not passed in the catalogue's order, or the next one open to a trainee in the trainer's
//! order), and the news of a class a trainee needs at once (an exercise locked or reopened, an
//! answer or the model answer shared), without anything of another trainee's but what the
//! trainer chose to share anonymously.

use std::collections::HashSet;

use serde::Serialize;

use super::{App, Learner};
use crate::catalog::exercises::{Exercise, by_level};
use crate::error::Result;

/// Of `order`, the first after `current` (going round to the start) that `open` allows and the
/// learner has not passed; `current` itself is never offered.
fn next_in<'a>(
    order: &[&'a Exercise],
    current: &str,
    passed: &HashSet<String>,
    open: impl Fn(&Exercise) -> bool,
) -> Option<&'a Exercise> {
    let at = order.iter().position(|e| e.id == current);
    let start = at.map_or(0, |i| i + 1);
    (0..order.len())
        .map(|k| order[(start + k) % order.len()])
        .find(|e| e.id != current && !passed.contains(&e.id) && open(e))
}

/// The state of one exercise of a class, as every trainee of the class may know it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewsItem {
    pub id: String,
    pub title: String,
    pub locked: bool,
    /// How many classmates' answers the trainer shares (without names).
    pub shared: usize,
    pub model_shared: bool,
    /// When the trainer last shared something for this exercise.
    pub last_shared_at: Option<String>,
}

/// What a trainee of a class may know of its state, and a version that changes when it does.
#[derive(Debug, Clone, Serialize)]
pub struct ClassNews {
    pub version: String,
    pub items: Vec<NewsItem>,
}

impl ClassNews {
    pub fn item(&self, exercise_id: &str) -> Option<&NewsItem> {
        self.items.iter().find(|i| i.id == exercise_id)
    }

    /// The exercises the trainer has locked, in the class's order.
    pub fn locked(&self) -> Vec<&NewsItem> {
        self.items.iter().filter(|i| i.locked).collect()
    }

    /// The exercises with something shared, the latest shared first.
    pub fn shared(&self) -> Vec<&NewsItem> {
        let mut out: Vec<&NewsItem> = self
            .items
            .iter()
            .filter(|i| i.shared > 0 || i.model_shared)
            .collect();
        out.sort_by(|a, b| b.last_shared_at.cmp(&a.last_shared_at));
        out
    }
}

impl App {
    /// The exercises `learner` (as attempts store it) has passed.
    pub async fn passed_exercises(&self, learner: &str) -> Result<HashSet<String>> {
        Ok(self
            .store
            .standings(learner)
            .await?
            .into_iter()
            .filter(|s| s.passed)
            .map(|s| s.exercise_id)
            .collect())
    }

    /// The exercise to offer after a pass at `current`: for a trainee, the next in the trainer's
    /// order that is open to them (not locked) and not passed yet; for a self-learner (and the
    /// trainer), the next in the catalogue's order (the order of the exercise list) not passed
    /// yet. None when there is nothing left to pass.
    pub async fn next_exercise(
        &self,
        learner: &Learner,
        current: &str,
    ) -> Result<Option<Exercise>> {
        let passed = self.passed_exercises(&learner.id).await?;
        let catalog = self.catalog();
        let next = match &learner.class_id {
            Some(class_id) => {
                let chosen = self.store.class_exercises(class_id).await?;
                let order: Vec<&Exercise> = chosen
                    .iter()
                    .filter_map(|ce| catalog.get(&ce.exercise_id))
                    .collect();
                next_in(&order, current, &passed, |e| {
                    chosen.iter().any(|ce| ce.exercise_id == e.id && !ce.locked)
                })
                .cloned()
            }
            None => {
                let order: Vec<&Exercise> = by_level(&catalog.exercises)
                    .into_iter()
                    .flat_map(|(_, exs)| exs)
                    .collect();
                next_in(&order, current, &passed, |_| true).cloned()
            }
        };
        Ok(next)
    }

    /// The news of a class for its trainees: each exercise in the trainer's order, locked or
    /// not, and what is shared for it. Nothing names a trainee.
    pub async fn class_news(&self, class_id: &str) -> Result<ClassNews> {
        let catalog = self.catalog();
        let reveals = self.store.reveals(class_id).await?;
        let items: Vec<NewsItem> = self
            .store
            .class_exercises(class_id)
            .await?
            .into_iter()
            .filter_map(|ce| {
                let ex = catalog.get(&ce.exercise_id)?;
                let mine: Vec<_> = reveals
                    .iter()
                    .filter(|r| r.exercise_id == ce.exercise_id)
                    .collect();
                Some(NewsItem {
                    id: ex.id.clone(),
                    title: ex.title.clone(),
                    locked: ce.locked,
                    shared: mine.iter().filter(|r| r.attempt_id.is_some()).count(),
                    model_shared: mine.iter().any(|r| r.attempt_id.is_none()),
                    last_shared_at: mine.iter().map(|r| r.created_at.clone()).max(),
                })
            })
            .collect();
        let parts: Vec<String> = items
            .iter()
            .map(|i| {
                format!(
                    "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{}",
                    i.id,
                    i.locked,
                    i.shared,
                    i.model_shared,
                    i.last_shared_at.as_deref().unwrap_or_default()
                )
            })
            .collect();
        let version = format!(
            "{:016x}",
            crate::text::stable_hash(parts.iter().map(String::as_bytes))
        );
        Ok(ClassNews { version, items })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::shipped;

    #[test]
    fn the_next_exercise_skips_what_is_passed_or_closed_and_goes_round() {
        let catalog = shipped();
        let order: Vec<&Exercise> = catalog.exercises.iter().take(4).collect();
        let id = |i: usize| order[i].id.clone();
        let none = HashSet::new();
        let next = |current: &str, passed: &HashSet<String>, closed: &[String]| {
            next_in(&order, current, passed, |e| !closed.contains(&e.id)).map(|e| e.id.clone())
        };
        assert_eq!(next(&id(0), &none, &[]), Some(id(1)));
        let passed: HashSet<String> = [id(1)].into();
        assert_eq!(next(&id(0), &passed, &[]), Some(id(2)));
        assert_eq!(next(&id(0), &passed, &[id(2)]), Some(id(3)));
        // From the last, round to the first not passed.
        assert_eq!(next(&id(3), &passed, &[]), Some(id(0)));
        // Never the current one, and nothing when all else is passed or closed.
        let all: HashSet<String> = [id(1), id(2)].into();
        assert_eq!(next(&id(0), &all, &[id(3)]), None);
        // An exercise outside the order starts from the beginning.
        assert_eq!(next("elsewhere", &none, &[]), Some(id(0)));
    }
}
