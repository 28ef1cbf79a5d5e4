//! The placement diagnostic's rules (docs/programmes.md, "Placement"): taking it one item at a
//! time (each answer stored as it is given, so a learner resumes where they stopped), the level
//! it measures in each skill, and the starting point that level gives: the exercise level to
//! start at and the first exercise to do. The items are `catalog::placement`, the marking of
//! one answer `grade::placement`, the storage `store::placement`.

use std::collections::{HashMap, HashSet};

use super::App;
use crate::catalog::exercises::{Catalog, Level};
use crate::catalog::placement::{self, Answer, Item, ItemKind, Placement};
use crate::catalog::skills::Skill;
use crate::error::{Error, Result};
use crate::grade::placement::grade;

/// The `source` of the levels a placement records.
pub const SOURCE: &str = "placement";
/// A level from which a learner starts at intermediate exercises.
pub const INTERMEDIATE_FROM: f64 = 0.4;
/// A level from which a learner starts at advanced exercises.
pub const ADVANCED_FROM: f64 = 0.75;
/// The most characters a written answer or a query may have.
pub const MAX_ANSWER_CHARS: usize = 4_096;

/// Where a learner stands in the placement.
#[derive(Debug, Clone)]
pub enum Status {
    /// No take under way: not started, or the last one finished.
    Idle { taken: usize },
    /// A take under way, at `item` (the `number`th of `total`).
    At {
        item: &'static Item,
        number: usize,
        total: usize,
        /// Minutes the items left should take, this one included.
        minutes_left: u32,
    },
}

/// What an answer did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answered {
    /// There is another item.
    Next,
    /// That was the last item: the levels are recorded.
    Finished,
}

/// The level measured in one skill, and where to start.
#[derive(Debug, Clone)]
pub struct StartingPoint {
    pub skill: Skill,
    /// 0 to 1; `None` when the skill was never measured.
    pub level: Option<f64>,
    pub start: Level,
    /// The first exercise to do (id, title): not passed yet, at `start` or the nearest level.
    pub exercise: Option<(String, String)>,
}

/// One item of the last finished take, as the profile reviews it.
#[derive(Debug, Clone)]
pub struct ItemReview {
    pub title: String,
    pub skill: Skill,
    pub score: f64,
    pub skipped: bool,
    pub notes: Vec<String>,
}

/// One measurement of the profile's history: the levels of one time, per skill.
#[derive(Debug, Clone)]
pub struct Measurement {
    pub measured_at: String,
    pub source: String,
    /// In the order of `Skill::ALL`.
    pub levels: Vec<Option<f64>>,
}

/// Everything the profile page shows.
#[derive(Debug, Clone)]
pub struct Profile {
    /// One per skill, in the order of `Skill::ALL`.
    pub skills: Vec<StartingPoint>,
    pub history: Vec<Measurement>,
    pub last_take: Vec<ItemReview>,
    /// A take is under way.
    pub in_progress: bool,
}

/// The level of each skill from the scores of one take (item id → 0..1): the mean of the
/// skill's item scores weighted by difficulty, so a hard item counts for more. An item not
/// answered counts 0. In the order of `Skill::ALL`.
pub fn levels(placement: &Placement, scores: &HashMap<String, f64>) -> Vec<(Skill, f64)> {
    Skill::ALL
        .into_iter()
        .map(|skill| {
            let (mut earned, mut weight) = (0.0, 0.0);
            for item in placement.items.iter().filter(|i| i.skill == skill) {
                let w = f64::from(item.difficulty);
                earned += w * scores.get(&item.id).copied().unwrap_or(0.0);
                weight += w;
            }
            let level = if weight > 0.0 { earned / weight } else { 0.0 };
            (skill, level)
        })
        .collect()
}

/// The exercise level a measured level starts at.
pub fn start_level(level: f64) -> Level {
    if level >= ADVANCED_FROM {
        Level::Advanced
    } else if level >= INTERMEDIATE_FROM {
        Level::Intermediate
    } else {
        Level::Beginner
    }
}

/// The first exercise to do for `skill` from `start`: an exercise that trains the skill, is
/// at that level and is not passed yet; else the same at the nearest level, harder first. Among
/// those, one not in `taken` (the first exercises of the skills before, so a profile does not
/// send three skills to one exercise when the catalog has others), then the one that names the
/// skill first (its main skill), then the first in the catalog's order.
pub fn first_exercise(
    catalog: &Catalog,
    skill: Skill,
    start: Level,
    passed: &HashSet<String>,
    taken: &HashSet<String>,
) -> Option<(String, String)> {
    let order = match start {
        Level::Beginner => [Level::Beginner, Level::Intermediate, Level::Advanced],
        Level::Intermediate => [Level::Intermediate, Level::Advanced, Level::Beginner],
        Level::Advanced => [Level::Advanced, Level::Intermediate, Level::Beginner],
    };
    order.into_iter().find_map(|level| {
        catalog
            .exercises
            .iter()
            .enumerate()
            .filter(|(_, e)| e.level == level && !passed.contains(&e.id))
            .filter_map(|(i, e)| {
                let main = Skill::of_exercise(e).iter().position(|s| *s == skill)?;
                Some(((taken.contains(&e.id), main, i), e))
            })
            .min_by_key(|(rank, _)| *rank)
            .map(|(_, e)| (e.id.clone(), e.title.clone()))
    })
}

/// The answer a submitted form gives to `item`: `text` for queries and written answers,
/// `pick` (once per ticked post) for picks, `label:ID` for sorting.
pub fn answer_from_form(item: &Item, form: &[(String, String)]) -> Result<Answer> {
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    match item.kind {
        ItemKind::Query | ItemKind::Write => {
            let text = field("text").unwrap_or("").trim();
            if text.is_empty() {
                let what = if item.kind == ItemKind::Query {
                    "a query"
                } else {
                    "your text"
                };
                return Err(Error::Invalid(format!(
                    "Write {what} before you send it, or skip this item."
                )));
            }
            if text.chars().count() > MAX_ANSWER_CHARS {
                return Err(Error::Invalid(format!(
                    "Your answer is over {MAX_ANSWER_CHARS} characters: shorten it."
                )));
            }
            Ok(Answer::Text(text.to_string()))
        }
        ItemKind::Pick => Ok(Answer::Picks(
            form.iter()
                .filter(|(k, v)| k == "pick" && item.posts.iter().any(|p| &p.id == v))
                .map(|(_, v)| v.clone())
                .collect(),
        )),
        ItemKind::Sort => {
            let mut labels = std::collections::BTreeMap::new();
            for post in &item.posts {
                let given = field(&format!("label:{}", post.id));
                match given.and_then(crate::catalog::exercises::Label::parse) {
                    Some(l) => {
                        labels.insert(post.id.clone(), l);
                    }
                    None => {
                        return Err(Error::Invalid(format!(
                            "Choose a pile for every post: “{}” has none.",
                            post.text
                        )));
                    }
                }
            }
            Ok(Answer::Labels(labels))
        }
    }
}

impl App {
    /// The shipped placement (a bad shipped file is an internal failure, its problems logged).
    pub fn placement(&self) -> Result<&'static Placement> {
        placement::shipped().map_err(|problems| {
            let all: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
            Error::Internal(anyhow::anyhow!(
                "the placement does not load: {}",
                all.join("; ")
            ))
        })
    }

    /// Where `learner` stands.
    pub async fn placement_status(&self, learner: &str) -> Result<Status> {
        let placement = self.placement()?;
        let takes = self.store.placements(learner).await?;
        let Some(open) = takes.iter().find(|t| t.finished_at.is_none()) else {
            return Ok(Status::Idle { taken: takes.len() });
        };
        let answered: HashSet<String> = self
            .store
            .placement_answers(&open.id)
            .await?
            .into_iter()
            .map(|a| a.item_id)
            .collect();
        let position = placement
            .items
            .iter()
            .position(|i| !answered.contains(&i.id));
        match position {
            Some(at) => Ok(Status::At {
                item: &placement.items[at],
                number: at + 1,
                total: placement.items.len(),
                minutes_left: placement.items[at..].iter().map(|i| i.minutes).sum(),
            }),
            // Every item answered but the take not marked finished (the server stopped between
            // the two): finish it now.
            None => {
                self.finish_take(learner, &open.id).await?;
                Ok(Status::Idle { taken: takes.len() })
            }
        }
    }

    /// Starts a take, unless one is under way (then it carries on).
    pub async fn start_placement(&self, learner: &str) -> Result<()> {
        let takes = self.store.placements(learner).await?;
        if takes.iter().all(|t| t.finished_at.is_some()) {
            self.store.start_placement(learner, self.now()).await?;
        }
        Ok(())
    }

    /// Answers the current item of `learner`'s take: `item_id` is the item the form was for
    /// (a form for another item, sent again or from an old page, changes nothing); `answer`
    /// is `None` to skip it. A query that does not run is refused with its column, and nothing
    /// is stored.
    pub async fn answer_placement(
        &self,
        learner: &str,
        item_id: &str,
        form: &[(String, String)],
        skip: bool,
    ) -> Result<Answered> {
        let Status::At { item, .. } = self.placement_status(learner).await? else {
            return Ok(Answered::Finished);
        };
        if item.id != item_id {
            return Ok(Answered::Next);
        }
        let (answer, mark) = if skip {
            (None, None)
        } else {
            let answer = answer_from_form(item, form)?;
            let mark = grade(item, &answer).map_err(Error::Query)?;
            (Some(answer), Some(mark))
        };
        let takes = self.store.placements(learner).await?;
        let Some(open) = takes.iter().find(|t| t.finished_at.is_none()) else {
            return Ok(Answered::Finished);
        };
        let (score, notes) = match &mark {
            Some(m) => (m.score, m.notes.clone()),
            None => (0.0, vec!["Skipped".to_string()]),
        };
        let answer_json = answer.as_ref().map(to_json);
        self.store
            .record_placement_answer(
                &open.id,
                &item.id,
                answer_json.as_deref(),
                score,
                &to_json(&notes),
                self.now(),
            )
            .await?;
        match self.placement_status(learner).await? {
            Status::At { .. } => Ok(Answered::Next),
            Status::Idle { .. } => Ok(Answered::Finished),
        }
    }

    /// Finishes a take whose items are all answered: the levels go to the learner's skill
    /// levels once.
    async fn finish_take(&self, learner: &str, take: &str) -> Result<()> {
        let placement = self.placement()?;
        let now = self.now();
        if !self.store.finish_placement(take, now).await? {
            return Ok(());
        }
        let scores: HashMap<String, f64> = self
            .store
            .placement_answers(take)
            .await?
            .into_iter()
            .map(|a| (a.item_id, a.score))
            .collect();
        let measured = levels(placement, &scores);
        let rows: Vec<(&str, f64)> = measured.iter().map(|(s, l)| (s.id(), *l)).collect();
        self.store
            .record_skill_levels(learner, &rows, SOURCE, now)
            .await
    }

    /// The learner's profile: the latest level of each skill and where to start, every
    /// measurement so far, and the items of the last finished take.
    pub async fn skill_profile(&self, learner: &str) -> Result<Profile> {
        let placement = self.placement()?;
        let history = self.store.skill_history(learner).await?;
        let latest: HashMap<String, f64> =
            history.iter().map(|l| (l.skill.clone(), l.level)).collect();
        let passed = self.passed_exercises(learner).await?;
        let catalog = self.catalog();
        let mut taken = HashSet::new();
        let skills = Skill::ALL
            .into_iter()
            .map(|skill| {
                let level = latest.get(skill.id()).copied();
                let start = start_level(level.unwrap_or(0.0));
                let exercise = first_exercise(&catalog, skill, start, &passed, &taken);
                if let Some((id, _)) = &exercise {
                    taken.insert(id.clone());
                }
                StartingPoint {
                    skill,
                    level,
                    start,
                    exercise,
                }
            })
            .collect();

        let mut measurements: Vec<Measurement> = Vec::new();
        for l in &history {
            let i = Skill::ALL.iter().position(|s| s.id() == l.skill);
            let same = measurements
                .last()
                .is_some_and(|m| m.measured_at == l.measured_at && m.source == l.source);
            if !same {
                measurements.push(Measurement {
                    measured_at: l.measured_at.clone(),
                    source: l.source.clone(),
                    levels: vec![None; Skill::ALL.len()],
                });
            }
            if let (Some(i), Some(m)) = (i, measurements.last_mut()) {
                m.levels[i] = Some(l.level);
            }
        }

        let takes = self.store.placements(learner).await?;
        let in_progress = takes.iter().any(|t| t.finished_at.is_none());
        let mut last_take = Vec::new();
        if let Some(done) = takes.iter().find(|t| t.finished_at.is_some()) {
            let answers: HashMap<String, _> = self
                .store
                .placement_answers(&done.id)
                .await?
                .into_iter()
                .map(|a| (a.item_id.clone(), a))
                .collect();
            for item in &placement.items {
                let Some(a) = answers.get(&item.id) else {
                    continue;
                };
                last_take.push(ItemReview {
                    title: item.title.clone(),
                    skill: item.skill,
                    score: a.score,
                    skipped: a.answer.is_none(),
                    notes: serde_json::from_str(&a.notes).unwrap_or_default(),
                });
            }
        }
        Ok(Profile {
            skills,
            history: measurements,
            last_take,
            in_progress,
        })
    }
}

/// A value stored as JSON text (answers and notes are plain strings, lists and tables, which
/// always serialise).
fn to_json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
#[path = "placement_tests.rs"]
mod tests;
