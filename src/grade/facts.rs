//! Which key facts a post states, leaves out or states wrongly (docs/design.md, "Key facts"):
//! each fact's rules read against the post by `query::post`, with the post's own words quoted.

use serde::{Deserialize, Serialize};

use crate::catalog::exercises::Fact;
use crate::query::post::Post;

/// What a post does with one key fact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FactStatus {
    /// Its `match` rule matches and none of its `contradicts` rules does.
    Found,
    /// Neither its `match` nor any `contradicts` rule matches.
    Missing,
    /// A `contradicts` rule matches, whatever `match` says.
    Contradicted,
}

impl FactStatus {
    pub fn name(self) -> &'static str {
        match self {
            FactStatus::Found => "found",
            FactStatus::Missing => "missing",
            FactStatus::Contradicted => "contradicted",
        }
    }
}

/// One fact's outcome, as the feedback shows it and the attempt stores it.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(from = "StoredFact")]
pub struct FactResult {
    pub fact: String,
    pub status: FactStatus,
    /// The words of the post that state the fact (when found).
    pub found: Option<String>,
    /// The words of the post that state it wrongly (when contradicted).
    pub contradicted: Option<String>,
    /// A fact no post passes without.
    pub gate: bool,
}

impl FactResult {
    /// Whether this fact stops the post from passing: a contradiction, or a gate left out.
    pub fn blocks(&self) -> bool {
        self.status == FactStatus::Contradicted || (self.gate && self.status != FactStatus::Found)
    }
}

/// A stored result, from before `status`, `contradicted` and `gate` existed or after.
#[derive(Deserialize)]
struct StoredFact {
    fact: String,
    #[serde(default)]
    found: Option<String>,
    #[serde(default)]
    contradicted: Option<String>,
    #[serde(default)]
    gate: bool,
}

impl From<StoredFact> for FactResult {
    fn from(s: StoredFact) -> Self {
        let status = match (&s.contradicted, &s.found) {
            (Some(_), _) => FactStatus::Contradicted,
            (None, Some(_)) => FactStatus::Found,
            (None, None) => FactStatus::Missing,
        };
        FactResult {
            fact: s.fact,
            status,
            found: s.found,
            contradicted: s.contradicted,
            gate: s.gate,
        }
    }
}

/// Reads every fact's rules against the post.
pub fn match_facts(text: &str, facts: &[Fact]) -> Vec<FactResult> {
    let post = Post::new(text);
    facts
        .iter()
        .map(|f| {
            let contradicted = f
                .contradicts
                .iter()
                .find_map(|c| post.find(c.query()))
                .map(|r| post.quote(&r));
            let found = match contradicted {
                Some(_) => None,
                None => post.find(f.rule.query()).map(|r| post.quote(&r)),
            };
            let status = match (&contradicted, &found) {
                (Some(_), _) => FactStatus::Contradicted,
                (None, Some(_)) => FactStatus::Found,
                (None, None) => FactStatus::Missing,
            };
            FactResult {
                fact: f.fact.clone(),
                status,
                found,
                contradicted,
                gate: f.gate,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ferry() -> Vec<Fact> {
        vec![
            Fact::new(
                "vehicles must be booked",
                "(drivers OR vehicles OR cars) NEAR/4 book*",
                &["(drivers OR vehicles OR cars) NEAR/4 (not OR \"don't\" OR \"no need\")"],
                true,
            )
            .expect("rule"),
            Fact::new(
                "foot passengers travel as normal",
                "foot OR \"walk on\"",
                &["(foot OR \"walk on\") NEAR/3 (book OR booking) NOT ((foot OR \"walk on\") NEAR/4 (not OR \"don't\" OR \"no need\"))"],
                false,
            )
            .expect("rule"),
        ]
    }

    #[test]
    fn a_negation_contradicts_and_is_quoted() {
        let r = match_facts(
            "Foot passengers must book. Drivers do not need to book.",
            &ferry(),
        );
        assert_eq!(r[0].status, FactStatus::Contradicted, "{r:?}");
        assert_eq!(
            r[0].contradicted.as_deref(),
            Some("Drivers do not need to book.")
        );
        assert!(r[0].found.is_none() && r[0].blocks());
        assert_eq!(r[1].status, FactStatus::Contradicted, "{r:?}");
        assert_eq!(
            r[1].contradicted.as_deref(),
            Some("Foot passengers must book.")
        );

        let r = match_facts(
            "Drivers must book. Foot passengers do not need to book.",
            &ferry(),
        );
        assert_eq!(r[0].status, FactStatus::Found, "{r:?}");
        assert_eq!(r[0].found.as_deref(), Some("Drivers must book."));
        assert_eq!(r[1].status, FactStatus::Found, "{r:?}");
        assert!(!r[0].blocks() && !r[1].blocks());
    }

    #[test]
    fn a_missing_gate_blocks_and_a_missing_fact_does_not() {
        let r = match_facts("The ferry timetable changes on Monday.", &ferry());
        assert_eq!(r[0].status, FactStatus::Missing);
        assert!(r[0].blocks(), "a gate left out");
        assert_eq!(r[1].status, FactStatus::Missing);
        assert!(!r[1].blocks());
    }

    #[test]
    fn stored_results_from_before_the_rules_still_read() {
        let old: FactResult =
            serde_json::from_str(r#"{"fact":"date","found":"16 Feb"}"#).expect("reads");
        assert_eq!(old.status, FactStatus::Found);
        let old: FactResult =
            serde_json::from_str(r#"{"fact":"date","found":null}"#).expect("reads");
        assert_eq!(old.status, FactStatus::Missing);
        let new =
            serde_json::to_string(&match_facts("Drivers don't book", &ferry())[0]).expect("json");
        assert!(new.contains(r#""status":"contradicted""#), "{new}");
        let back: FactResult = serde_json::from_str(&new).expect("reads");
        assert_eq!(back.status, FactStatus::Contradicted);
    }
}
