//! Grading triage: the trainee's labels against the trainer's, with the trainer's reason for each
//! and missed escalations called out, since those are the costly mistakes.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::catalog::exercises::{Label, Triage};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ItemResult {
    pub id: String,
    pub given: Option<Label>,
    pub expected: Label,
    pub correct: bool,
    pub why: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TriageGrade {
    pub items: Vec<ItemResult>,
    pub correct: usize,
    pub total: usize,
    pub share: f64,
    /// Escalations the trainee did not escalate.
    pub missed_escalations: usize,
    pub pass_mark: f64,
    pub passed: bool,
}

pub fn grade(task: &Triage, answers: &HashMap<String, Label>) -> TriageGrade {
    let items: Vec<ItemResult> = task
        .items
        .iter()
        .map(|item| {
            let given = answers.get(&item.id).copied();
            ItemResult {
                id: item.id.clone(),
                given,
                expected: item.label,
                correct: given == Some(item.label),
                why: item.why.clone(),
            }
        })
        .collect();
    let correct = items.iter().filter(|i| i.correct).count();
    let total = items.len();
    let share = if total == 0 {
        0.0
    } else {
        correct as f64 / total as f64
    };
    let missed_escalations = items
        .iter()
        .filter(|i| i.expected == Label::Escalate && i.given != Some(Label::Escalate))
        .count();
    TriageGrade {
        correct,
        total,
        share,
        missed_escalations,
        pass_mark: task.pass_mark,
        passed: share + 1e-9 >= task.pass_mark,
        items,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::exercises::TriageItem;

    #[test]
    fn share_and_missed_escalations() {
        let item = |id: &str, label| TriageItem {
            id: id.into(),
            label,
            why: String::new(),
        };
        let task = Triage {
            corpus: "c".into(),
            pass_mark: 0.75,
            items: vec![
                item("a", Label::Escalate),
                item("b", Label::Relevant),
                item("c", Label::NotRelevant),
                item("d", Label::Escalate),
            ],
        };
        let answers: HashMap<String, Label> = [
            ("a".to_string(), Label::Escalate),
            ("b".to_string(), Label::Relevant),
            ("c".to_string(), Label::NotRelevant),
            ("d".to_string(), Label::Relevant),
        ]
        .into();
        let g = grade(&task, &answers);
        assert_eq!((g.correct, g.total, g.missed_escalations), (3, 4, 1));
        assert!(g.passed);
        let g = grade(&task, &HashMap::new());
        assert_eq!((g.correct, g.missed_escalations), (0, 2));
        assert!(!g.passed);
    }
}
