//! Marking one answer to a placement item (`catalog::placement`) with the grading the
//! exercises use: a query runs against each post by `query` and is measured by
//! [`monitor::metrics`]; a sorting is marked by [`triage::grade`]; a written text by
//! [`rewrite::grade`] (platform counts, rule packs, key facts). Each item scores 0 to 1; the
//! rules are in docs/programmes.md, "Placement".

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::{Grade, monitor, rewrite, triage};
use crate::catalog::exercises::Sorting;
use crate::catalog::placement::{Answer, Item, ItemKind, Placement};
use crate::compose::{RulePack, Severity, packs};
use crate::error::{Problem, QueryError};
use crate::query::{self, ParsedQuery};

/// How much one finding of a rule pack takes from a written answer's style share.
pub const ERROR_COST: f64 = 0.5;
pub const WARNING_COST: f64 = 0.34;
pub const SUGGESTION_COST: f64 = 0.1;

/// The least a task's model answer must score, and the most its wrong answer may.
pub const MODEL_AT_LEAST: f64 = 0.95;
pub const WRONG_AT_MOST: f64 = 0.5;

/// Marks every task's model and wrong answers: a problem (with the file and the task's line)
/// for each model answer under [`MODEL_AT_LEAST`], each wrong one over [`WRONG_AT_MOST`], and
/// each that does not run. `sandpit exercises validate` and the tests run it on the shipped
/// file.
pub fn check_answers(placement: &Placement, origin: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    for item in &placement.items {
        let mut problem = |message: String| {
            out.push(Problem {
                origin: origin.to_string(),
                line: Some(item.line),
                message: format!("item {}: {message}", item.id),
            })
        };
        for (key, answer, ok) in [
            (
                "model",
                &item.model,
                (|s| s >= MODEL_AT_LEAST) as fn(f64) -> bool,
            ),
            ("wrong", &item.wrong, |s| s <= WRONG_AT_MOST),
        ] {
            match grade(item, answer) {
                Ok(g) if ok(g.score) => {}
                Ok(g) => problem(format!(
                    "the {key} answer scores {:.2}, which is not what a {key} answer should \
                     (model at least {MODEL_AT_LEAST}, wrong at most {WRONG_AT_MOST}){}",
                    g.score,
                    if g.notes.is_empty() {
                        String::new()
                    } else {
                        format!(": {}", g.notes.join("; "))
                    }
                )),
                Err(e) => problem(format!("the {key} answer does not run: {e}")),
            }
        }
    }
    out
}

/// The mark of one answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemGrade {
    /// 0 to 1.
    pub score: f64,
    /// What went wrong, one line a mistake (empty for a full mark).
    pub notes: Vec<String>,
}

/// Which of the item's posts `query` finds, in the item's order.
pub fn found_by(query: &ParsedQuery, item: &Item) -> Vec<bool> {
    item.posts
        .iter()
        .map(|p| query.matches_document(&p.document()))
        .collect()
}

fn quote(text: &str) -> String {
    let short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        format!("“{short}…”")
    } else {
        format!("“{short}”")
    }
}

/// Marks `answer` to `item`. A query that does not parse is an error (the learner fixes it and
/// sends it again); an answer of the wrong shape for the item scores 0.
pub fn grade(item: &Item, answer: &Answer) -> Result<ItemGrade, QueryError> {
    match (item.kind, answer) {
        (ItemKind::Query, Answer::Text(q)) => {
            let parsed = query::parse(q)?;
            let found_flags = found_by(&parsed, item);
            let relevant: HashSet<String> = item
                .posts
                .iter()
                .filter(|p| p.relevant)
                .map(|p| p.id.clone())
                .collect();
            let found: HashSet<String> = item
                .posts
                .iter()
                .zip(&found_flags)
                .filter(|(_, f)| **f)
                .map(|(p, _)| p.id.clone())
                .collect();
            let m = monitor::metrics(&relevant, &found);
            let mut notes = Vec::new();
            for (p, f) in item.posts.iter().zip(&found_flags) {
                match (p.relevant, *f) {
                    (true, false) => notes.push(format!("Misses {}", quote(&p.text))),
                    (false, true) => notes.push(format!("Wrongly finds {}", quote(&p.text))),
                    _ => {}
                }
            }
            Ok(ItemGrade { score: m.f1, notes })
        }
        (ItemKind::Pick, Answer::Picks(ids)) => {
            let expected: HashSet<String> = item
                .posts
                .iter()
                .filter(|p| p.pick)
                .map(|p| p.id.clone())
                .collect();
            let picked: HashSet<String> = ids
                .iter()
                .filter(|id| item.posts.iter().any(|p| &p.id == *id))
                .cloned()
                .collect();
            let m = monitor::metrics(&expected, &picked);
            let mut notes = Vec::new();
            for p in &item.posts {
                let why = if p.why.is_empty() {
                    String::new()
                } else {
                    format!(": {}", p.why)
                };
                match (p.pick, picked.contains(&p.id)) {
                    (true, false) => notes.push(format!("Not ticked: {}{why}", quote(&p.text))),
                    (false, true) => notes.push(format!("Ticked: {}{why}", quote(&p.text))),
                    _ => {}
                }
            }
            Ok(ItemGrade { score: m.f1, notes })
        }
        (ItemKind::Sort, Answer::Labels(labels)) => {
            let Some(task) = &item.sort else {
                return Ok(nothing("The item has no posts to sort"));
            };
            let sorting = Sorting {
                labels: labels.iter().map(|(k, v)| (k.clone(), *v)).collect(),
                routes: Default::default(),
            };
            let g = triage::grade(task, &sorting);
            let score = g.share;
            Ok(ItemGrade {
                score,
                notes: Grade::Triage(g).mistakes(),
            })
        }
        (ItemKind::Write, Answer::Text(text)) => {
            let Some(task) = &item.write else {
                return Ok(nothing("The item has nothing to check a text against"));
            };
            let packs: Vec<std::borrow::Cow<'static, RulePack>> = task
                .rules
                .iter()
                .filter_map(|r| packs::load_shared(r).ok())
                .collect();
            let g = rewrite::grade(task, &packs, text, None);
            Ok(write_score(g))
        }
        _ => Ok(nothing("This answer does not fit the item")),
    }
}

fn nothing(why: &str) -> ItemGrade {
    ItemGrade {
        score: 0.0,
        notes: vec![why.into()],
    }
}

/// A written answer's score: the share of key facts stated (less those stated wrongly), times
/// the share of platforms it fits, times a style share that each finding of the item's rule
/// packs lowers. A product, so that a text that fits no platform, or states none of the facts,
/// or breaks the rule the item is about, cannot score well on the other parts.
fn write_score(g: rewrite::RewriteGrade) -> ItemGrade {
    let facts = if g.facts.is_empty() {
        1.0
    } else {
        let count = |s| g.facts.iter().filter(|f| f.status == s).count();
        count(rewrite::FactStatus::Found).saturating_sub(count(rewrite::FactStatus::Contradicted))
            as f64
            / g.facts.len() as f64
    };
    let fits = if g.counts.is_empty() {
        1.0
    } else {
        g.counts.iter().filter(|c| c.valid).count() as f64 / g.counts.len() as f64
    };
    let cost: f64 = g
        .findings
        .iter()
        .map(|f| match f.severity {
            Severity::Error => ERROR_COST,
            Severity::Warning => WARNING_COST,
            Severity::Suggestion => SUGGESTION_COST,
        })
        .sum();
    let style = (1.0 - cost).max(0.0);
    let score = facts * fits * style;
    ItemGrade {
        score,
        notes: Grade::Rewrite(g).mistakes(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::placement;

    #[test]
    fn every_model_answer_grades_full_and_every_wrong_answer_low() {
        let p = placement::shipped().unwrap_or_else(|problems| {
            panic!(
                "{}",
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        let problems = check_answers(p, placement::SHIPPED_ORIGIN);
        let report: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert!(report.is_empty(), "{}", report.join("\n"));
        // The check itself catches an answer swapped for the other.
        let mut swapped = p.clone();
        let item = &mut swapped.items[0];
        std::mem::swap(&mut item.model, &mut item.wrong);
        let line = item.line;
        let problems = check_answers(&swapped, "p.toml");
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            problems[0].to_string().starts_with(&format!(
                "p.toml:{line}: item query-forms: the model answer scores 0.40"
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn the_placement_is_about_twenty_minutes_three_items_a_skill() {
        let p = placement::shipped().expect("the shipped placement loads");
        assert!((17..=23).contains(&p.minutes()), "{}", p.minutes());
        for skill in crate::catalog::skills::Skill::ALL {
            let n = p.items.iter().filter(|i| i.skill == skill).count();
            assert_eq!(n, 3, "{skill:?}");
        }
    }

    #[test]
    fn a_query_that_does_not_parse_is_an_error_with_its_column() {
        let p = placement::shipped().expect("loads");
        let item = p.item("query-forms").expect("the item");
        let e = grade(item, &Answer::Text("sandbag OR".into())).unwrap_err();
        assert_eq!(e.column, 9, "{e:?}");
    }

    #[test]
    fn a_query_is_measured_by_f1_over_the_posts() {
        let p = placement::shipped().expect("loads");
        let item = p.item("query-forms").expect("the item");
        // Finds one of the four sandbag posts and nothing else: precision 1, recall 1/4.
        let g = grade(item, &Answer::Text("sandbags".into())).expect("runs");
        assert!((g.score - 0.4).abs() < 1e-9, "{g:?}");
        assert_eq!(g.notes.len(), 3, "{g:?}");
        assert!(g.notes[0].starts_with("Misses “Last sandbag"), "{g:?}");
    }

    #[test]
    fn picks_are_measured_like_a_result_list_and_marks_show_what_the_query_finds() {
        let p = placement::shipped().expect("loads");
        let item = p.item("read-forms").expect("the item");
        let q = item.query.as_ref().expect("a query");
        assert_eq!(found_by(q, item), [true, false, true, false, true, false]);
        let half = grade(item, &Answer::Picks(vec!["b".into(), "a".into()])).expect("runs");
        // One of two ticks right (precision 1/2), one of three found (recall 1/3): F1 0.4.
        assert!((half.score - 0.4).abs() < 1e-9, "{half:?}");
        let none = grade(item, &Answer::Picks(vec![])).expect("runs");
        assert_eq!(none.score, 0.0);
    }

    #[test]
    fn a_sorting_is_marked_by_the_triage_weights() {
        let p = placement::shipped().expect("loads");
        let item = p.item("sort-storm").expect("the item");
        // All right but the escalation, sent to "relevant": 3 of 5 weighted points.
        let labels = [
            ("a", "relevant"),
            ("b", "relevant"),
            ("c", "not-relevant"),
            ("d", "relevant"),
        ]
        .into_iter()
        .map(|(k, v)| {
            (
                k.to_string(),
                crate::catalog::exercises::Label::parse(v).unwrap(),
            )
        })
        .collect();
        let g = grade(item, &Answer::Labels(labels)).expect("runs");
        assert!((g.score - 0.6).abs() < 1e-9, "{g:?}");
    }

    #[test]
    fn a_text_loses_for_each_missing_fact_each_platform_it_does_not_fit_and_each_finding() {
        let p = placement::shipped().expect("loads");
        let hashtags = p.item("access-hashtags").expect("the item");
        // All three facts, one lower-case hashtag: one warning.
        let g = grade(
            hashtags,
            &Answer::Text("Sandbags at the harbour #FloodWarning #staysafe".into()),
        )
        .expect("runs");
        assert!((g.score - (1.0 - WARNING_COST)).abs() < 1e-9, "{g:?}");
        // Fits X but not Bluesky would be half; here: fits neither platform of two.
        let two = p.item("write-two-platforms").expect("the item");
        let long =
            "The coast road is closed from 6pm to 10am. Use the A39 through Tollwick. ".repeat(5);
        let g = grade(two, &Answer::Text(long)).expect("runs");
        assert_eq!(g.score, 0.0, "{g:?}");
        assert!(g.notes.iter().any(|n| n.contains("Too long")), "{g:?}");
    }

    #[test]
    fn an_answer_of_the_wrong_shape_scores_nothing() {
        let p = placement::shipped().expect("loads");
        let item = p.item("sort-storm").expect("the item");
        let g = grade(item, &Answer::Text("relevant".into())).expect("runs");
        assert_eq!(g.score, 0.0);
    }
}
