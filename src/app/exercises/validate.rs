//! Checking the exercises against the corpora (docs/design.md, "Module map"): an unknown
//! corpus, labelled ids that are not in it, and a model answer that fails its own exercise.

use std::collections::HashSet;

use super::{Answer, join_some};
use crate::app::App;
use crate::catalog::exercises::{Catalog, Task};
use crate::error::{Problem, Result};
use crate::grade::Grade;

impl App {
    /// Every problem with the exercises: those found on loading, those that need the corpora to
    /// see (unknown corpus, labelled ids not in the corpus, a model answer that fails its own
    /// exercise), and every test in the files (`[[tests]]`) that does not hold.
    pub async fn validate_exercises(&self, catalog: &Catalog) -> Result<Vec<Problem>> {
        Ok(self.check_exercises(catalog).await?.problems)
    }

    /// The names of the corpora loaded.
    pub(in crate::app) async fn corpus_names(&self) -> Result<HashSet<String>> {
        Ok(self
            .store
            .corpora()
            .await?
            .into_iter()
            .map(|c| c.name)
            .collect())
    }

    /// The loading problems and those that need the corpora to see.
    pub(in crate::app) async fn corpus_problems(&self, catalog: &Catalog) -> Result<Vec<Problem>> {
        let mut problems = catalog.problems.clone();
        let corpora = self.corpus_names().await?;
        for ex in &catalog.exercises {
            if let Some(corpus) = ex.corpus()
                && !corpora.contains(corpus)
            {
                problems.push(ex.problem("corpus", format!("unknown corpus {corpus:?}")));
                continue;
            }
            match &ex.task {
                Task::Monitor(m) => {
                    let ids: HashSet<String> = self.matching_ids_all(&m.corpus).await?;
                    let unknown: Vec<&String> =
                        m.relevant.iter().filter(|id| !ids.contains(*id)).collect();
                    if !unknown.is_empty() {
                        problems.push(ex.problem(
                            unknown[0],
                            format!(
                                "{} labelled id(s) are not in corpus {:?}: {}",
                                unknown.len(),
                                m.corpus,
                                join_some(&unknown)
                            ),
                        ));
                    }
                    match self.grade(ex, &Answer::Text(m.model_query.clone())).await {
                        Ok(g) if !g.passed() => problems.push(ex.problem(
                            "model_query",
                            format!(
                                "the model query scores F1 {:.2}, below the pass mark {:.2}",
                                g.score() / 100.0,
                                m.pass_mark
                            ),
                        )),
                        Ok(_) => {}
                        Err(e) => problems.push(ex.problem(
                            "model_query",
                            format!("the model query cannot be graded: {e}"),
                        )),
                    }
                }
                Task::Triage(t) => {
                    let ids: HashSet<String> = self.matching_ids_all(&t.corpus).await?;
                    for item in t.items.iter().filter(|i| !ids.contains(&i.id)) {
                        problems.push(ex.problem(
                            &format!("\"{}\"", item.id),
                            format!("document {:?} is not in corpus {:?}", item.id, t.corpus),
                        ));
                    }
                }
                Task::Rewrite(r) => {
                    if r.model_answers.is_empty() {
                        problems.push(ex.problem(
                            "[rewrite]",
                            "no model_answers: trainees need an example that passes",
                        ));
                    }
                    // One model answer a platform, in order: together they are the model set of
                    // posts, and must pass as the exercise page marks a set.
                    if r.model_answers.len() == r.platforms.len() && r.platforms.len() > 1 {
                        let posts = Answer::Posts {
                            posts: r
                                .platforms
                                .iter()
                                .cloned()
                                .zip(r.model_answers.iter().cloned())
                                .collect(),
                        };
                        match self.grade(ex, &posts).await {
                            Ok(Grade::Posts(g)) if !g.passed => {
                                let failing: Vec<String> = g
                                    .posts
                                    .iter()
                                    .filter(|p| !p.passed)
                                    .map(|p| format!("{} {:.0}", p.name, p.score))
                                    .collect();
                                problems.push(ex.problem(
                                    "model_answers",
                                    format!(
                                        "the model answers, one a platform in the order of `platforms`, do not pass together (pass mark {:.0}): {}",
                                        r.pass_mark,
                                        failing.join(", ")
                                    ),
                                ));
                            }
                            Ok(_) => {}
                            Err(e) => problems.push(ex.problem(
                                "model_answers",
                                format!("the model answers cannot be graded: {e}"),
                            )),
                        }
                    }
                    for answer in &r.model_answers {
                        // A model answer is written for one of the platforms: it must pass on one.
                        let mut best: Option<Grade> = None;
                        for platform in &r.platforms {
                            let post = Answer::Post {
                                platform: Some(platform.clone()),
                                text: answer.clone(),
                            };
                            match self.grade(ex, &post).await {
                                Ok(g)
                                    if best
                                        .as_ref()
                                        .is_none_or(|b| g.score() > b.score() || g.passed()) =>
                                {
                                    let passed = g.passed();
                                    best = Some(g);
                                    if passed {
                                        break;
                                    }
                                }
                                Ok(_) => {}
                                Err(e) => problems.push(ex.problem(
                                    "model_answers",
                                    format!("a model answer cannot be graded: {e}"),
                                )),
                            }
                        }
                        if let Some(g) = best.filter(|g| !g.passed()) {
                            problems.push(ex.problem(
                                answer.get(..answer.len().min(30)).unwrap_or(answer),
                                format!("a model answer fails its own exercise on every platform (best score {:.0}, pass mark {:.0})", g.score(), r.pass_mark),
                            ));
                        }
                    }
                }
            }
        }
        Ok(problems)
    }
}
