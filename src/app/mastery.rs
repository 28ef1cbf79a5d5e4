//! Mastery: how much a pass counts towards a learner's progress once the hints they opened are
//! taken into account (issue 17; the rule is "Hints and mastery" in docs/design.md). A pass
//! made with no hint open counts 1; each hint open at the passing attempt takes off
//! [`HINT_COST`], down to [`PASS_FLOOR`], because a pass is still a pass. Of several passes, the
//! one with the fewest hints counts.

use crate::store::attempts::Standing;

/// What each hint open at the passing attempt takes off the pass.
pub const HINT_COST: f64 = 0.25;
/// The least a pass counts, whatever the hints.
pub const PASS_FLOOR: f64 = 0.5;

/// How much one exercise counts: 0 when not passed, else 1 less [`HINT_COST`] per hint open at
/// the passing attempt with the fewest, never below [`PASS_FLOOR`].
pub fn pass_credit(passed: bool, hints_at_pass: Option<i64>) -> f64 {
    if !passed {
        return 0.0;
    }
    let hints = hints_at_pass.unwrap_or(0).max(0) as f64;
    (1.0 - HINT_COST * hints).max(PASS_FLOOR)
}

/// A learner's mastery over their standings: the sum of the credits of their passes.
pub fn mastery(standings: &[Standing]) -> f64 {
    standings
        .iter()
        .map(|s| pass_credit(s.passed, s.hints_at_pass))
        .sum()
}

/// "Passed", "Passed with 1 hint", "Passed with 2 hints": how a pass is worded for the learner
/// and the trainer.
pub fn passed_words(hints_at_pass: Option<i64>) -> String {
    match hints_at_pass.unwrap_or(0) {
        n if n <= 0 => "Passed".into(),
        1 => "Passed with 1 hint".into(),
        n => format!("Passed with {n} hints"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standing(passed: bool, hints: Option<i64>) -> Standing {
        Standing {
            exercise_id: "e".into(),
            attempts: 1,
            best: Some(80.0),
            passed,
            hints_at_pass: hints,
        }
    }

    #[test]
    fn a_pass_with_hints_counts_less_but_never_below_half() {
        assert_eq!(pass_credit(true, Some(0)), 1.0);
        assert_eq!(pass_credit(true, None), 1.0);
        assert_eq!(pass_credit(true, Some(1)), 0.75);
        assert_eq!(pass_credit(true, Some(2)), 0.5);
        assert_eq!(pass_credit(true, Some(3)), 0.5);
        assert_eq!(pass_credit(false, Some(0)), 0.0);
        let all = [
            standing(true, Some(0)),
            standing(true, Some(1)),
            standing(false, None),
        ];
        assert_eq!(mastery(&all), 1.75);
        assert_eq!(passed_words(Some(0)), "Passed");
        assert_eq!(passed_words(Some(1)), "Passed with 1 hint");
        assert_eq!(passed_words(Some(3)), "Passed with 3 hints");
    }
}
