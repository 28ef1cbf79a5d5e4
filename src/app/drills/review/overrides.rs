//! The trainer corrects a drill mark (docs/design.md, "Drills", "Changing a mark"): automatic
//! marks are sometimes wrong (a fact phrased in a way the checker misses), so the trainer may set
//! the score that counts, a whole number from 0 to 100, with a reason, or go back to the
//! automatic mark. Every change is kept (`store::drill_marks`), and the automatic mark stays as
//! it was stored. Only the trainer changes marks: not an observer, not a player.

use super::super::Drill;
use crate::app::{App, Learner};
use crate::error::{Error, Result};
use crate::store::drill_marks::{MarkOverride, NewMarkOverride};
use crate::store::drill_review::DrillObserver;
use crate::store::drill_work::DrillResponse;

/// The longest reason, in characters.
pub const MAX_REASON_CHARS: usize = 500;

/// Who asks to change a mark.
#[derive(Debug, Clone, Copy)]
pub enum MarkEditor<'a> {
    /// The trainer (`Learner::trainer()`), a trainee or the self-learner.
    Learner(&'a Learner),
    Observer(&'a DrillObserver),
}

/// What a change does.
#[derive(Debug, Clone, Copy)]
pub enum MarkChange<'a> {
    /// Sets the score that counts, as typed (a whole number 0 to 100), for a reason.
    Score { score: &'a str, reason: &'a str },
    /// Goes back to the automatic mark; the reason may be empty.
    Automatic { reason: &'a str },
}

/// Reads a new score as typed: a whole number from 0 to 100.
pub fn parse_score(typed: &str) -> Result<f64> {
    let t = typed.trim();
    if t.is_empty() {
        return Err(Error::invalid(
            "the new score is empty: write a whole number from 0 to 100",
        ));
    }
    let n: i64 = t.parse().map_err(|_| {
        Error::invalid(format!(
            "the new score {t:?} is not a whole number: write one from 0 to 100 (no decimals)"
        ))
    })?;
    if !(0..=100).contains(&n) {
        return Err(Error::invalid(format!(
            "the new score {n} is outside 0 to 100: marks are out of 100"
        )));
    }
    Ok(n as f64)
}

/// Checks a reason: `required` for a new score, at most `MAX_REASON_CHARS` characters.
pub fn check_reason(typed: &str, required: bool) -> Result<String> {
    let t = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    if required && t.is_empty() {
        return Err(Error::invalid(
            "the reason is empty: say why the mark changes (it is shown beside the mark in the review)",
        ));
    }
    let n = t.chars().count();
    if n > MAX_REASON_CHARS {
        return Err(Error::invalid(format!(
            "the reason is {n} characters long; keep it to {MAX_REASON_CHARS}"
        )));
    }
    Ok(t)
}

/// The author's name as the history keeps it; refuses everyone but the trainer.
fn author(by: MarkEditor<'_>) -> Result<&'static str> {
    let title = "Only the trainer changes marks";
    match by {
        MarkEditor::Learner(l) if l.id == Learner::trainer().id => Ok("Trainer"),
        MarkEditor::Learner(_) => Err(Error::refused(
            title,
            "Marks are the trainer's to change. Ask the trainer if you think a mark is wrong.",
        )),
        MarkEditor::Observer(_) => Err(Error::refused(
            title,
            "An observer watches and writes notes. Write a note about the response, and the trainer can change its mark.",
        )),
    }
}

fn fmt_score(s: f64) -> String {
    if s.fract() == 0.0 {
        format!("{s:.0}")
    } else {
        format!("{s:.1}")
    }
}

impl App {
    /// Changes the score that counts for a response of a drill, or goes back to the automatic
    /// mark; returns the change as stored. The response is marked first if nobody has yet.
    pub async fn change_drill_mark(
        &self,
        drill_id: &str,
        response_id: &str,
        by: MarkEditor<'_>,
        change: MarkChange<'_>,
    ) -> Result<MarkOverride> {
        let author = author(by)?;
        let drill = self.drill(drill_id).await?;
        let response = self.drill_response_of(&drill, response_id).await?;
        let (response, mark) = self.marked_response(&drill, response).await?;
        let history = self.store.drill_response_overrides(&response.id).await?;
        let last = history.last();
        let counting = last.and_then(|c| c.score).unwrap_or(mark.score);
        let (score, reason) = match change {
            MarkChange::Score { score, reason } => {
                let score = parse_score(score)?;
                let reason = check_reason(reason, true)?;
                if score == counting {
                    return Err(Error::invalid(format!(
                        "the score that counts is already {}: nothing changes",
                        fmt_score(score)
                    )));
                }
                (Some(score), reason)
            }
            MarkChange::Automatic { reason } => {
                let reason = check_reason(reason, false)?;
                if last.and_then(|c| c.score).is_none() {
                    return Err(Error::invalid(format!(
                        "the mark is already the automatic one ({}): nothing to go back to",
                        fmt_score(mark.score)
                    )));
                }
                (None, reason)
            }
        };
        self.store
            .add_drill_mark_override(&NewMarkOverride {
                drill_id: &drill.id,
                response_id: &response.id,
                after_version: last.map_or(0, |c| c.version),
                score,
                from_score: counting,
                reason: &reason,
                author,
                drill_ms: drill.at_ms(),
                at: drill.read_at,
            })
            .await?
            .ok_or_else(|| {
                Error::invalid(
                    "the mark was changed by someone else a moment ago: look at the board again and change it from there",
                )
            })
    }

    /// A response of the drill, by id.
    async fn drill_response_of(&self, drill: &Drill, response_id: &str) -> Result<DrillResponse> {
        let r = self
            .store
            .drill_response(response_id.trim())
            .await?
            .ok_or_else(|| {
                Error::not_found(format!(
                    "no response {response_id:?}: it may have been a response of a drill that was deleted"
                ))
            })?;
        if r.drill_id != drill.id {
            return Err(Error::invalid(format!(
                "the response {response_id:?} belongs to another drill, not to {:?}",
                drill.title
            )));
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_score_is_a_whole_number_from_0_to_100() {
        assert_eq!(parse_score(" 85 ").unwrap(), 85.0);
        assert_eq!(parse_score("0").unwrap(), 0.0);
        assert_eq!(parse_score("100").unwrap(), 100.0);
        for (typed, says) in [
            ("", "empty"),
            ("  ", "empty"),
            ("85.5", "not a whole number"),
            ("eighty", "not a whole number"),
            ("101", "outside 0 to 100"),
            ("-1", "outside 0 to 100"),
        ] {
            let e = parse_score(typed).unwrap_err().to_string();
            assert!(e.contains(says), "{typed:?}: {e}");
        }
    }

    #[test]
    fn a_reason_is_required_for_a_score_and_kept_short() {
        assert!(
            check_reason("  ", true)
                .unwrap_err()
                .to_string()
                .contains("empty")
        );
        assert_eq!(check_reason("  ", false).unwrap(), "");
        assert_eq!(
            check_reason(" The fact is\nthere, in other words ", true).unwrap(),
            "The fact is there, in other words"
        );
        let long = "a".repeat(MAX_REASON_CHARS + 1);
        let e = check_reason(&long, true).unwrap_err().to_string();
        assert!(e.contains("501 characters") && e.contains("500"), "{e}");
        assert!(check_reason(&"é".repeat(MAX_REASON_CHARS), true).is_ok());
    }

    #[test]
    fn only_the_trainer_changes_marks() {
        assert_eq!(
            author(MarkEditor::Learner(&Learner::trainer())).unwrap(),
            "Trainer"
        );
        for who in [Learner::local(), {
            let mut t = Learner::local();
            t.id = "trainee-1".into();
            t.class_id = Some("class".into());
            t
        }] {
            assert!(matches!(
                author(MarkEditor::Learner(&who)),
                Err(Error::Refused { .. })
            ));
        }
        let o = DrillObserver {
            id: "o".into(),
            drill_id: "d".into(),
            name: "Olu".into(),
            created_at: String::new(),
            revoked_at: None,
        };
        let e = author(MarkEditor::Observer(&o)).unwrap_err();
        assert!(e.to_string().contains("note"), "{e}");
    }
}
