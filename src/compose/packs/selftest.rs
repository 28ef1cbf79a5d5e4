//! The tests a pack carries: each rule's examples run against the whole pack, so a rule that
//! misses its hit, or fires on its near miss, shows up before a trainee sees it.

use std::collections::HashSet;

use serde::Serialize;

use crate::compose::prose::Doc;
use crate::compose::rules::RulePack;

/// The result of one pack test.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TestOutcome {
    pub rule: String,
    pub origin: String,
    pub text: String,
    /// Rules the test expected that did not fire.
    pub missing: Vec<String>,
    /// The rule under test fired though the test did not expect it (a near miss hit).
    pub unexpected: Vec<String>,
}

impl TestOutcome {
    pub fn passed(&self) -> bool {
        self.missing.is_empty() && self.unexpected.is_empty()
    }
}

/// Runs every test the pack's rules carry, each against the whole pack.
pub fn run_tests(pack: &RulePack) -> Vec<TestOutcome> {
    let mut out = Vec::new();
    for rule in &pack.rules {
        for t in &rule.tests {
            let doc = Doc::new(&t.text);
            let fired: HashSet<String> = pack.check(&doc).into_iter().map(|f| f.rule).collect();
            let missing = t
                .expect
                .iter()
                .filter(|e| !fired.contains(*e))
                .cloned()
                .collect();
            let unexpected = if fired.contains(&rule.id) && !t.expect.contains(&rule.id) {
                vec![rule.id.clone()]
            } else {
                Vec::new()
            };
            out.push(TestOutcome {
                rule: rule.id.clone(),
                origin: t.origin.clone(),
                text: t.text.clone(),
                missing,
                unexpected,
            });
        }
    }
    out
}
