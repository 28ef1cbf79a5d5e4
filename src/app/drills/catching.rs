//! What the players' saved searches caught, for the trainer's board and the review
//! (`marking::catches` is the rule). The board refreshes every few seconds while the same
//! searches meet the same posts, so the targets of a scenario's whole stream and which of them
//! each saved query matches are kept for the life of the process: a refresh reads them instead
//! of matching every released post against every search again (with 40 players and four
//! searches each, that matching was most of a two-second refresh).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use super::Drill;
use super::marking::{self, Alert, Catch, Target};
use crate::catalog::scenarios::{Flag, Release, Scenario, Source};

/// The posts of `releases` that an alert should catch: those of injects that expected a
/// reaction, and those flagged abuse, personal data or campaign.
pub fn targets_of(scenario: &Scenario, releases: &[Release]) -> Vec<Target> {
    releases
        .iter()
        .filter_map(|r| {
            let expected = match r.source {
                Source::Inject => scenario
                    .inject(&r.id)
                    .and_then(|i| i.expect.as_ref())
                    .map(|e| format!("expected a {}", e.deliverable.id())),
                _ => None,
            };
            let flags: Vec<&str> = r
                .post
                .flags
                .iter()
                .filter(|f| matches!(f, Flag::Abuse | Flag::PersonalData | Flag::Campaign))
                .map(|f| f.id())
                .collect();
            if expected.is_none() && flags.is_empty() {
                return None;
            }
            let group = match &r.source {
                Source::Inject => r.id.clone(),
                Source::Wave(w) => w.clone(),
                Source::Replay => "replay".to_string(),
            };
            let why = match (expected, flags.is_empty()) {
                (Some(e), true) => e,
                (Some(e), false) => format!("{e}; {}", flags.join(", ")),
                (None, _) => flags.join(", "),
            };
            Some(Target {
                post_id: r.id.clone(),
                group,
                why,
                at_ms: i64::from(r.at.0) * 1000,
                document: r.document(scenario.start),
            })
        })
        .collect()
}

/// Queries kept at most; past it the cache starts again (a few kilobytes each).
const MAX_QUERIES: usize = 20_000;

#[derive(Default)]
struct Kept {
    /// Every target of a scenario's whole stream, by `Playable::content_key`.
    targets: HashMap<String, Arc<Vec<Target>>>,
    /// For a scenario (its content key) and a saved query: whether it matches each of those targets (all false
    /// for a query that does not parse).
    matches: HashMap<(String, String), Arc<Vec<bool>>>,
}

fn kept() -> &'static Mutex<Kept> {
    static KEPT: OnceLock<Mutex<Kept>> = OnceLock::new();
    KEPT.get_or_init(Mutex::default)
}

fn lock() -> std::sync::MutexGuard<'static, Kept> {
    kept().lock().unwrap_or_else(|e| e.into_inner())
}

/// The targets of the drill's scenario's whole stream (released or not).
fn scenario_targets(drill: &Drill) -> Arc<Vec<Target>> {
    // Keyed by the scenario's content, not only its id: an uploaded scenario of the same id
    // may be another file later.
    let id = &drill.playable.content_key();
    if let Some(t) = lock().targets.get(id) {
        return t.clone();
    }
    let made = Arc::new(targets_of(drill.scenario(), &drill.playable.stream));
    lock().targets.insert(id.clone(), made.clone());
    made
}

fn query_matches(scenario: &str, query: &str, targets: &[Target]) -> Arc<Vec<bool>> {
    let key = (scenario.to_string(), query.to_string());
    if let Some(m) = lock().matches.get(&key) {
        return m.clone();
    }
    let made = Arc::new(match crate::query::parse(query) {
        Ok(q) => targets
            .iter()
            .map(|t| q.matches_document(&t.document))
            .collect(),
        Err(_) => vec![false; targets.len()],
    });
    let mut kept = lock();
    if kept.matches.len() >= MAX_QUERIES {
        kept.matches.clear();
    }
    kept.matches.insert(key, made.clone());
    made
}

/// What each learner's saved searches caught of the drill's targets released by `now_ms`
/// (`marking::catches`), from the kept matches.
pub fn board_catches(
    drill: &Drill,
    alerts: &[Alert<'_>],
    learners: &[&str],
    now_ms: i64,
) -> Vec<Catch> {
    let targets = scenario_targets(drill);
    let scenario = &drill.playable.content_key();
    let matches: Vec<Arc<Vec<bool>>> = alerts
        .iter()
        .map(|a| query_matches(scenario, a.query, &targets))
        .collect();
    marking::catches_by(&targets, alerts, learners, now_ms, |a, t| matches[a][t])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_matches_give_what_matching_each_time_gives() {
        let p = super::super::playable_scenario("brightwell-recall-morning").expect("shipped");
        let targets = targets_of(&p.scenario, &p.stream);
        assert!(!targets.is_empty());
        let alerts = [
            Alert {
                id: "a",
                learner: "ana",
                query: "refund OR portal",
                created_ms: 0,
                deleted_ms: None,
            },
            Alert {
                id: "b",
                learner: "ben",
                query: "BX4100 OR nan",
                created_ms: 600_000,
                deleted_ms: Some(3_000_000),
            },
            Alert {
                id: "c",
                learner: "ben",
                query: "(unclosed",
                created_ms: 0,
                deleted_ms: None,
            },
        ];
        let now = 45 * 60 * 1000;
        let direct = marking::catches(&targets, &alerts, &["ana", "ben"], now);
        let matches: Vec<_> = alerts
            .iter()
            .map(|a| query_matches(&p.scenario.id, a.query, &targets))
            .collect();
        let kept = marking::catches_by(&targets, &alerts, &["ana", "ben"], now, |a, t| {
            matches[a][t]
        });
        assert_eq!(direct, kept);
        assert!(direct.iter().any(|c| c.caught_ms.is_some()), "{direct:?}");
    }
}
