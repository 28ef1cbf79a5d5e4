//! Running the tests exercise files carry (`[[tests]]`): each answer graded exactly as the
//! exercise page grades it, and every test whose outcome or score is not the one the file
//! expects reported with the file and the test's line.

use super::{Answer, App};
use crate::catalog::exercises::{AnswerTest, Catalog, Exercise, Expect, TestAnswer};
use crate::error::{Problem, Result};

/// What running the exercises' tests found.
#[derive(Debug, Clone, Default)]
pub struct TestRun {
    /// Tests graded (those of exercises whose corpus is missing are not run).
    pub ran: usize,
    pub passed: usize,
    /// One problem a failing test, with the file and the test's line.
    pub problems: Vec<Problem>,
}

/// Everything `validate_exercises` found, with the count of tests run.
#[derive(Debug, Clone, Default)]
pub struct Validation {
    /// Every problem, the failing tests last.
    pub problems: Vec<Problem>,
    pub tests_ran: usize,
    pub tests_passed: usize,
}

impl App {
    /// Checks the exercises against the corpora, then runs their tests.
    pub async fn check_exercises(&self, catalog: &Catalog) -> Result<Validation> {
        let mut problems = self.corpus_problems(catalog).await?;
        let run = self.run_exercise_tests(catalog).await?;
        problems.extend(run.problems);
        Ok(Validation {
            problems,
            tests_ran: run.ran,
            tests_passed: run.passed,
        })
    }

    /// Grades every test answer of every exercise and reports those that do not come out as
    /// the file says. An exercise whose corpus is not loaded is skipped (that is reported by
    /// the corpus checks).
    pub async fn run_exercise_tests(&self, catalog: &Catalog) -> Result<TestRun> {
        let corpora = self.corpus_names().await?;
        let mut run = TestRun::default();
        for ex in &catalog.exercises {
            if ex.corpus().is_some_and(|c| !corpora.contains(c)) {
                continue;
            }
            for test in &ex.tests {
                run.ran += 1;
                match self.run_one(ex, test).await {
                    None => run.passed += 1,
                    Some(message) => run.problems.push(Problem {
                        origin: ex.origin.clone(),
                        line: test.line,
                        message: format!("test {:?}: {message}", test.name()),
                    }),
                }
            }
        }
        Ok(run)
    }

    /// None when the test holds, else what went wrong.
    async fn run_one(&self, ex: &Exercise, test: &AnswerTest) -> Option<String> {
        let answer = match &test.answer {
            TestAnswer::Text(q) => Answer::Text(q.clone()),
            TestAnswer::Post { platform, text } => Answer::Post {
                platform: platform.clone(),
                text: text.clone(),
            },
            TestAnswer::Posts(posts) => Answer::Posts {
                posts: posts.clone(),
            },
            TestAnswer::Labels(labels) => Answer::Labels(labels.clone()),
        };
        let grade = match self.grade(ex, &answer).await {
            Ok(g) => g,
            Err(e) => return Some(format!("the answer cannot be graded: {e}")),
        };
        let score = grade.score().round();
        let pass_mark = ex.task.pass_score();
        let mut wrong = Vec::new();
        let passed = grade.passed();
        if passed != (test.expect == Expect::Pass) {
            wrong.push(format!(
                "expected {}, got {score:.0}/100 (pass mark {pass_mark:.0})",
                test.expect.name()
            ));
        }
        if let Some((low, high)) = test.score
            && !(low..=high).contains(&score)
        {
            wrong.push(format!("score {score:.0} is outside {low:.0}..{high:.0}"));
        }
        if wrong.is_empty() {
            None
        } else {
            Some(wrong.join("; "))
        }
    }
}
