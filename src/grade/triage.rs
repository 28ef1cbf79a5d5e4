//! Grading triage by consequence, as a duty officer would judge a shift (the rules are
//! "Triage marking" in docs/design.md):
//! - every post is worth [`WEIGHT_OTHER`] point, a post that needs escalating
//!   [`WEIGHT_ESCALATE`], so missing an escalation costs twice what a wrong pile costs;
//! - escalating a post that did not need it (over-escalating) still earns
//!   [`OVER_ESCALATION_CREDIT`] of it: "when in doubt, escalate" must not cost as much as doubt
//!   the other way;
//! - an escalation sent to the wrong person (a wrong or missing route, when the exercise has
//!   routes) earns [`WRONG_ROUTE_CREDIT`] of it;
//! - a `life_safety` escalation not escalated fails the attempt whatever the score;
//! - a post left unsorted earns nothing and is listed, so the page can ask before it counts.

use serde::{Deserialize, Serialize};

use crate::catalog::exercises::{Label, Sorting, Triage};

/// The weight of a post the trainer escalates.
pub const WEIGHT_ESCALATE: f64 = 2.0;
/// The weight of any other post.
pub const WEIGHT_OTHER: f64 = 1.0;
/// The share of a relevant or not-relevant post earned by escalating it.
pub const OVER_ESCALATION_CREDIT: f64 = 0.5;
/// The share of an escalation earned when it goes to the wrong person.
pub const WRONG_ROUTE_CREDIT: f64 = 0.5;

/// What happened to one post.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Sorted as the trainer did (and routed as the trainer did).
    #[default]
    Right,
    /// Escalated, but to the wrong person or to nobody named.
    WrongRoute,
    /// Escalated when it did not need it.
    OverEscalated,
    /// Needed escalating and was not.
    Missed,
    /// Relevant taken for not relevant, or the other way.
    WrongPile,
    /// Given no label.
    Unsorted,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemResult {
    pub id: String,
    pub given: Option<Label>,
    pub expected: Label,
    /// Label (and route) as the trainer gave them.
    pub correct: bool,
    pub why: String,
    #[serde(default)]
    pub outcome: Outcome,
    #[serde(default)]
    pub life_safety: bool,
    /// Who the trainer sends it to (escalations of an exercise with routes).
    #[serde(default)]
    pub route: Option<String>,
    /// Who the trainee sent it to.
    #[serde(default)]
    pub given_route: Option<String>,
    #[serde(default)]
    pub weight: f64,
    #[serde(default)]
    pub earned: f64,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TriageGrade {
    pub items: Vec<ItemResult>,
    /// Posts sorted (and routed) as the trainer did.
    pub correct: usize,
    pub total: usize,
    /// The weighted score, 0 to 1: points earned over points available.
    pub share: f64,
    /// Escalations the trainee did not escalate.
    pub missed_escalations: usize,
    pub pass_mark: f64,
    pub passed: bool,
    /// Life-safety escalations not escalated, by id: any one fails the attempt.
    #[serde(default)]
    pub missed_life_safety: Vec<String>,
    /// Posts escalated that did not need it.
    #[serde(default)]
    pub over_escalations: usize,
    /// Escalations sent to the wrong person.
    #[serde(default)]
    pub wrong_routes: usize,
    /// Posts given no label, by id.
    #[serde(default)]
    pub unsorted: Vec<String>,
}

pub fn grade(task: &Triage, answer: &Sorting) -> TriageGrade {
    let routed = !task.routes.is_empty();
    let items: Vec<ItemResult> = task
        .items
        .iter()
        .map(|item| {
            let given = answer.labels.get(&item.id).copied();
            let given_route = match given {
                Some(Label::Escalate) => answer.routes.get(&item.id).cloned(),
                _ => None,
            };
            let weight = if item.label == Label::Escalate {
                WEIGHT_ESCALATE
            } else {
                WEIGHT_OTHER
            };
            let (outcome, credit) = match (item.label, given) {
                (_, None) => (Outcome::Unsorted, 0.0),
                (Label::Escalate, Some(Label::Escalate)) => {
                    if routed && given_route.as_ref() != item.route.as_ref() {
                        (Outcome::WrongRoute, WRONG_ROUTE_CREDIT)
                    } else {
                        (Outcome::Right, 1.0)
                    }
                }
                (Label::Escalate, Some(_)) => (Outcome::Missed, 0.0),
                (_, Some(Label::Escalate)) => (Outcome::OverEscalated, OVER_ESCALATION_CREDIT),
                (expected, Some(g)) if expected == g => (Outcome::Right, 1.0),
                (_, Some(_)) => (Outcome::WrongPile, 0.0),
            };
            ItemResult {
                id: item.id.clone(),
                given,
                expected: item.label,
                correct: outcome == Outcome::Right,
                why: item.why.clone(),
                outcome,
                life_safety: item.life_safety,
                route: item.route.clone().filter(|_| routed),
                given_route,
                weight,
                earned: weight * credit,
            }
        })
        .collect();
    let available: f64 = items.iter().map(|i| i.weight).sum();
    let earned: f64 = items.iter().map(|i| i.earned).sum();
    let share = if available > 0.0 {
        earned / available
    } else {
        0.0
    };
    let count = |o: Outcome| items.iter().filter(|i| i.outcome == o).count();
    let missed_escalations = items
        .iter()
        .filter(|i| i.expected == Label::Escalate && i.given != Some(Label::Escalate))
        .count();
    let missed_life_safety: Vec<String> = items
        .iter()
        .filter(|i| i.life_safety && i.given != Some(Label::Escalate))
        .map(|i| i.id.clone())
        .collect();
    TriageGrade {
        correct: count(Outcome::Right),
        total: items.len(),
        share,
        missed_escalations,
        pass_mark: task.pass_mark,
        passed: share + 1e-9 >= task.pass_mark && missed_life_safety.is_empty(),
        missed_life_safety,
        over_escalations: count(Outcome::OverEscalated),
        wrong_routes: count(Outcome::WrongRoute),
        unsorted: items
            .iter()
            .filter(|i| i.outcome == Outcome::Unsorted)
            .map(|i| i.id.clone())
            .collect(),
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::TriageItem;

    const OFFICER: &str = "duty officer (control room)";
    const PRESS: &str = "duty press officer";

    fn item(id: &str, label: Label, life_safety: bool, route: Option<&str>) -> TriageItem {
        TriageItem {
            id: id.into(),
            label,
            why: String::new(),
            life_safety,
            route: route.map(Into::into),
        }
    }

    /// Two escalations (one life-safety) and six other posts: 2 × 2 + 6 × 1 = 10 points.
    fn task() -> Triage {
        Triage {
            corpus: "c".into(),
            pass_mark: 0.75,
            routes: vec![OFFICER.into(), PRESS.into()],
            items: vec![
                item("life", Label::Escalate, true, Some(OFFICER)),
                item("media", Label::Escalate, false, Some(PRESS)),
                item("r1", Label::Relevant, false, None),
                item("r2", Label::Relevant, false, None),
                item("r3", Label::Relevant, false, None),
                item("n1", Label::NotRelevant, false, None),
                item("n2", Label::NotRelevant, false, None),
                item("n3", Label::NotRelevant, false, None),
            ],
        }
    }

    fn sorting(labels: &[(&str, Label)], routes: &[(&str, &str)]) -> Sorting {
        Sorting {
            labels: labels.iter().map(|(k, v)| (k.to_string(), *v)).collect(),
            routes: routes
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        }
    }

    fn perfect() -> Vec<(&'static str, Label)> {
        vec![
            ("life", Label::Escalate),
            ("media", Label::Escalate),
            ("r1", Label::Relevant),
            ("r2", Label::Relevant),
            ("r3", Label::Relevant),
            ("n1", Label::NotRelevant),
            ("n2", Label::NotRelevant),
            ("n3", Label::NotRelevant),
        ]
    }

    fn with(changes: &[(&'static str, Label)]) -> Vec<(&'static str, Label)> {
        let mut labels = perfect();
        for (id, label) in changes {
            if let Some(slot) = labels.iter_mut().find(|(k, _)| k == id) {
                slot.1 = *label;
            }
        }
        labels
    }

    const ROUTES: [(&str, &str); 2] = [("life", OFFICER), ("media", PRESS)];

    #[test]
    fn the_trainers_sorting_scores_full_marks() {
        let g = grade(&task(), &sorting(&perfect(), &ROUTES));
        assert_eq!((g.correct, g.total), (8, 8));
        assert!((g.share - 1.0).abs() < 1e-9);
        assert!(g.passed);
        assert!(g.missed_life_safety.is_empty() && g.unsorted.is_empty());
    }

    #[test]
    fn over_escalating_costs_less_than_under_escalating() {
        // one relevant post escalated: loses half of one point of ten
        let over = grade(
            &task(),
            &sorting(
                &with(&[("r1", Label::Escalate)]),
                &[("r1", OFFICER), ROUTES[0], ROUTES[1]],
            ),
        );
        assert_eq!(over.over_escalations, 1);
        assert!((over.share - 0.95).abs() < 1e-9, "{}", over.share);
        assert!(over.passed);
        // the media bid not escalated: loses two points of ten
        let under = grade(
            &task(),
            &sorting(&with(&[("media", Label::Relevant)]), &ROUTES[..1]),
        );
        assert_eq!(under.missed_escalations, 1);
        assert!((under.share - 0.8).abs() < 1e-9, "{}", under.share);
        assert!(over.share > under.share);
        // a wrong pile between relevant and not relevant costs one point
        let pile = grade(
            &task(),
            &sorting(&with(&[("r1", Label::NotRelevant)]), &ROUTES),
        );
        assert_eq!(pile.items[2].outcome, Outcome::WrongPile);
        assert!((pile.share - 0.9).abs() < 1e-9);
    }

    #[test]
    fn escalating_everything_does_not_pass() {
        let all: Vec<(&str, Label)> = perfect()
            .into_iter()
            .map(|(k, _)| (k, Label::Escalate))
            .collect();
        let g = grade(&task(), &sorting(&all, &ROUTES));
        // 4 points for the escalations, 6 × 0.5 for the rest: 7 of 10
        assert!((g.share - 0.7).abs() < 1e-9, "{}", g.share);
        assert!(!g.passed);
    }

    #[test]
    fn missing_a_life_safety_escalation_fails_whatever_the_score() {
        let task = Triage {
            pass_mark: 0.5,
            ..task()
        };
        let g = grade(
            &task,
            &sorting(&with(&[("life", Label::Relevant)]), &ROUTES[1..]),
        );
        assert!(g.share >= 0.5, "{}", g.share);
        assert_eq!(g.missed_life_safety, vec!["life".to_string()]);
        assert!(!g.passed);
        // left unsorted is missed too
        let mut labels = perfect();
        labels.retain(|(k, _)| *k != "life");
        let g = grade(&task, &sorting(&labels, &ROUTES[1..]));
        assert_eq!(g.missed_life_safety, vec!["life".to_string()]);
        assert_eq!(g.unsorted, vec!["life".to_string()]);
        assert!(!g.passed);
    }

    #[test]
    fn a_wrong_or_missing_route_costs_half_the_item() {
        let g = grade(
            &task(),
            &sorting(&perfect(), &[("life", PRESS), ("media", PRESS)]),
        );
        assert_eq!(g.wrong_routes, 1);
        assert_eq!(g.items[0].outcome, Outcome::WrongRoute);
        assert_eq!(g.items[0].given_route.as_deref(), Some(PRESS));
        assert!((g.share - 0.9).abs() < 1e-9, "{}", g.share);
        assert!(g.passed, "the escalation happened, so the gate holds");
        let g = grade(&task(), &sorting(&perfect(), &[]));
        assert_eq!(g.wrong_routes, 2);
        assert!((g.share - 0.8).abs() < 1e-9);
        // without routes in the exercise, any escalation is right
        let plain = Triage {
            routes: Vec::new(),
            ..task()
        };
        let g = grade(&plain, &sorting(&perfect(), &[]));
        assert!((g.share - 1.0).abs() < 1e-9);
        assert!(g.items[0].route.is_none());
    }

    #[test]
    fn unsorted_posts_are_listed_and_earn_nothing() {
        let mut labels = perfect();
        labels.retain(|(k, _)| !k.starts_with('n'));
        let g = grade(&task(), &sorting(&labels, &ROUTES));
        assert_eq!(g.unsorted, vec!["n1", "n2", "n3"]);
        assert!((g.share - 0.7).abs() < 1e-9);
        assert!(!g.passed);
        let g = grade(&task(), &Sorting::default());
        assert_eq!((g.correct, g.missed_escalations), (0, 2));
        assert_eq!(g.unsorted.len(), 8);
        assert!(!g.passed);
    }

    #[test]
    fn grades_stored_before_the_weights_still_read() {
        let old = r#"{"items":[{"id":"a","given":"relevant","expected":"escalate","correct":false,"why":""}],
            "correct":0,"total":1,"share":0.0,"missed_escalations":1,"pass_mark":0.75,"passed":false}"#;
        let g: TriageGrade = serde_json::from_str(old).expect("reads");
        assert!(g.unsorted.is_empty() && g.missed_life_safety.is_empty());
    }
}
