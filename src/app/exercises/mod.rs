//! Exercises in the application: the catalog, submitting an attempt (stored before it is
//! graded), grading against the index, and validating exercises against the corpora.
//!
//! This file: answers, the catalog in use and the exercise files trainers upload. Submitting
//! and grading are `grading.rs`; checking the exercises against the corpora `validate.rs`.

mod grading;
mod validate;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::App;
use crate::catalog::exercises::{self, Catalog, Exercise, Label, Sorting, Task};
use crate::config::Config;
use crate::error::{Error, Result};
use crate::grade::Grade;

/// A learner's answer to an exercise.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A monitoring query.
    Text(String),
    /// A post, for one of the exercise's platforms (None: checked against all of them).
    Post {
        platform: Option<String>,
        text: String,
    },
    /// One post a platform for a rewrite (platform id → text), stored as
    /// `{"posts":{"facebook":"…","x":"…"}}`.
    Posts { posts: BTreeMap<String, String> },
    /// Triage labels (and routes) by document id.
    Labels(Sorting),
}

impl Answer {
    /// The answer of a stored attempt at `exercise`, as submitted.
    pub fn from_stored(exercise: &Exercise, stored: &str) -> Answer {
        match exercise.task {
            // attempts stored before routes were a bare map of labels
            Task::Triage(_) => Answer::Labels(
                serde_json::from_str::<Sorting>(stored)
                    .or_else(|_| {
                        serde_json::from_str::<HashMap<String, Label>>(stored).map(|labels| {
                            Sorting {
                                labels,
                                routes: HashMap::new(),
                            }
                        })
                    })
                    .unwrap_or_default(),
            ),
            // Attempts made before one post a platform are single posts, `{"platform","text"}`
            // or the bare text: they read back as they were made, and grade as they were.
            Task::Rewrite(_) => serde_json::from_str::<Answer>(stored)
                .ok()
                .filter(|a| matches!(a, Answer::Post { .. } | Answer::Posts { .. }))
                .unwrap_or_else(|| Answer::Post {
                    platform: None,
                    text: stored.to_string(),
                }),
            Task::Monitor(_) => Answer::Text(stored.to_string()),
        }
    }

    /// How the answer is stored: the text itself, or the labels as JSON.
    pub fn stored(&self) -> String {
        match self {
            Answer::Text(text) => text.clone(),
            Answer::Post { .. } | Answer::Posts { .. } => {
                serde_json::to_string(self).unwrap_or_default()
            }
            Answer::Labels(labels) => serde_json::to_string(labels).unwrap_or_default(),
        }
    }
}

/// An attempt as stored and graded.
#[derive(Debug, Clone, Serialize)]
pub struct Submitted {
    pub attempt_id: String,
    /// The grade, or why it could not be graded (e.g. the query does not parse).
    pub grade: std::result::Result<Grade, Ungraded>,
}

/// Why an attempt could not be graded: stored as the attempt's result, shown as its feedback.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Ungraded {
    /// E.g. "column 7: this bracket is never closed".
    pub error: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl std::fmt::Display for Ungraded {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.error)?;
        match &self.hint {
            Some(hint) => write!(f, " Hint: {hint}"),
            None => Ok(()),
        }
    }
}

/// What an attempt's stored result says, read back.
pub enum Recorded {
    Graded(Grade),
    Failed(Ungraded),
    /// Never graded (the server stopped between storing and grading), or recorded in a shape
    /// this version does not read.
    Missing,
}

/// A fresh key for one rendered answer form: 24 random hexadecimal digits.
pub fn submission_key() -> String {
    crate::store::new_id()
}

/// Whether a form's submission key is one `submission_key` could have made.
fn is_submission_key(key: &str) -> bool {
    key.len() == 24 && key.bytes().all(|b| b.is_ascii_hexdigit())
}

pub fn recorded(result: Option<&str>) -> Recorded {
    let Some(json) = result else {
        return Recorded::Missing;
    };
    if let Ok(g) = serde_json::from_str::<Grade>(json) {
        return Recorded::Graded(g);
    }
    match serde_json::from_str::<Ungraded>(json) {
        Ok(u) => Recorded::Failed(u),
        Err(_) => Recorded::Missing,
    }
}

/// The rule packs of a rewrite exercise, loaded.
fn rewrite_packs(
    task: &exercises::Rewrite,
) -> Result<Vec<std::borrow::Cow<'static, crate::compose::RulePack>>> {
    task.rules
        .iter()
        .map(|name| crate::compose::packs::load_shared(name))
        .collect::<std::result::Result<Vec<_>, _>>()
        .map_err(|e| Error::invalid(e.to_string()))
}

/// Shipped exercises plus those of `--exercises DIR`.
pub fn load_catalog(config: &Config) -> Catalog {
    let mut catalog = exercises::shipped();
    if let Some(dir) = &config.exercises_dir {
        catalog.merge(exercises::from_path(dir));
    }
    for p in &catalog.problems {
        tracing::warn!("exercise not loaded: {p}");
    }
    catalog
}

impl App {
    /// The current catalog.
    pub fn catalog(&self) -> Arc<Catalog> {
        match self.catalog.read() {
            Ok(c) => c.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Adds exercises (e.g. a trainer's upload) to the catalog.
    pub fn add_exercises(&self, extra: Catalog) {
        let mut guard = match self.catalog.write() {
            Ok(g) => g,
            Err(poisoned) => poisoned.into_inner(),
        };
        let mut next = (**guard).clone();
        next.merge(extra);
        *guard = Arc::new(next);
    }

    pub fn exercise(&self, id: &str) -> Result<Exercise> {
        self.catalog()
            .get(id)
            .cloned()
            .ok_or_else(|| Error::not_found(format!("no exercise with id {id:?}")))
    }
}

/// Largest exercise file: exercises are short TOML.
const EXERCISE_FILE_MAX: usize = 1024 * 1024;

impl App {
    /// Adds a trainer's exercise file (uploaded in the browser) to the catalog when it is valid
    /// and its ids are new, and stores it so the next start loads it again. Returns the
    /// exercises added (id, title), or every problem with the file, said with its name.
    pub async fn add_exercise_file(
        &self,
        name: &str,
        bytes: Vec<u8>,
    ) -> Result<std::result::Result<Vec<(String, String)>, Vec<String>>> {
        if bytes.len() > EXERCISE_FILE_MAX {
            return Ok(Err(vec![format!(
                "{name}: larger than 1 MB; an exercise file is short TOML"
            )]));
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(Err(vec![format!(
                "{name}: not UTF-8 text; save it as UTF-8 and upload it again"
            )]));
        };
        let catalog = exercises::from_text(name, &text);
        let mut found = self.validate_exercises(&catalog).await?;
        let current = self.catalog();
        for ex in &catalog.exercises {
            if let Some(first) = current.get(&ex.id) {
                found.push(ex.problem(
                    "id",
                    format!(
                        "id {:?} is already used by {}; give this exercise another id",
                        ex.id, first.origin
                    ),
                ));
            }
        }
        if !found.is_empty() {
            return Ok(Err(found.iter().map(ToString::to_string).collect()));
        }
        let mut added = Vec::new();
        for ex in &catalog.exercises {
            self.store
                .save_uploaded_exercise(&ex.id, name, &text)
                .await?;
            added.push((ex.id.clone(), ex.title.clone()));
        }
        self.add_exercises(catalog);
        Ok(Ok(added))
    }

    /// Loads the exercise files trainers uploaded earlier into the catalog (called at start-up).
    pub async fn restore_uploaded_exercises(&self) -> Result<usize> {
        let mut n = 0;
        for u in self.store.uploaded_exercises().await? {
            let catalog = exercises::from_text(&u.file_name, &u.text);
            if catalog.get(&u.exercise_id).is_some() && self.catalog().get(&u.exercise_id).is_none()
            {
                n += 1;
                self.add_exercises(catalog);
            } else {
                tracing::warn!(
                    "uploaded exercise {} ({}) not loaded again",
                    u.exercise_id,
                    u.file_name
                );
            }
        }
        Ok(n)
    }
}

fn join_some(ids: &[&String]) -> String {
    let mut s: Vec<String> = ids.iter().take(5).map(|s| s.to_string()).collect();
    if ids.len() > 5 {
        s.push(format!("and {} more", ids.len() - 5));
    }
    s.join(", ")
}
