//! The after-action review (docs/design.md, "Drills"): the board of a drill with its timeline
//! in drill-time order (injects, clock changes, responses with their scores, alerts caught and
//! missed, notes) and the figures per trainee and for everyone.

use serde::Serialize;

use super::super::marking::{self, Catch};
use super::{DrillBoard, Marked, inject_view, offset, short};
use crate::app::App;
use crate::error::Result;

/// One line of the after-action review's timeline.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewEvent {
    pub drill_ms: i64,
    pub at: String,
    /// `inject`, `clock`, `response`, `alert`, `missed-alert`, `note`.
    pub kind: &'static str,
    pub player: String,
    pub inject: String,
    pub what: String,
    /// A response's score that counts (the trainer's, else the automatic one).
    pub score: Option<f64>,
    /// Where the trainer changed a response's mark: the automatic score and the change.
    pub changed: Option<ScoreChange>,
}

/// A response's mark as the trainer changed it, for the review.
#[derive(Debug, Clone, Serialize)]
pub struct ScoreChange {
    /// The automatic score.
    pub automatic: f64,
    /// Who changed it, and at what drill time: `Trainer at T+00:45:00`.
    pub by: String,
    pub reason: String,
}

impl ScoreChange {
    /// The trainer's change that sets a response's score now, if any.
    pub fn of(m: &Marked) -> Option<ScoreChange> {
        m.changed().map(|c| ScoreChange {
            automatic: m.mark.score,
            by: format!("{} at {}", c.author, offset(c.drill_ms)),
            reason: c.reason.clone(),
        })
    }
}

/// Figures for one player, or for everyone.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub name: String,
    pub responses: usize,
    /// Injects that expected a reaction and got one, of those released.
    pub answered: usize,
    pub expected: usize,
    pub late: usize,
    pub mean_score: Option<f64>,
    pub caught: usize,
    pub targets: usize,
    /// Mean time from a group's first post to the alert that caught it.
    pub mean_delay: Option<String>,
    pub notes: usize,
}

/// The after-action review.
#[derive(Debug, Clone)]
pub struct DrillReview {
    pub board: DrillBoard,
    pub events: Vec<ReviewEvent>,
    pub players: Vec<Summary>,
    pub overall: Summary,
}

impl App {
    /// The after-action review: the board, its timeline and the summaries.
    pub async fn drill_review(&self, id: &str) -> Result<DrillReview> {
        let board = self.drill_board(id).await?;
        let name_of = |learner: &str| {
            board
                .players
                .iter()
                .find(|p| p.id == learner)
                .map_or_else(|| learner.to_string(), |p| p.name.clone())
        };
        let mut events = Vec::new();
        for i in board.drill.injects_released() {
            let v = inject_view(i);
            events.push(ReviewEvent {
                drill_ms: v.at_ms,
                at: v.at.clone(),
                kind: "inject",
                player: String::new(),
                inject: i.id.clone(),
                what: match &v.reaction {
                    Some(r) => format!("{} ({}). Expected: {r}", v.summary, v.kind),
                    None => format!("{} ({})", v.summary, v.kind),
                },
                score: None,
                changed: None,
            });
        }
        for c in &board.clock_log {
            events.push(ReviewEvent {
                drill_ms: c.drill_ms,
                at: offset(c.drill_ms),
                kind: "clock",
                player: "Trainer".into(),
                inject: String::new(),
                what: format!("{} (speed {}x, at {})", c.action, c.speed, c.at),
                score: None,
                changed: None,
            });
        }
        for m in &board.responses {
            let r = &m.response;
            let mut what = r.deliverable.clone();
            if let Some(p) = &r.platform {
                what.push_str(&format!(" on {p}"));
            }
            if let Some(t) = &m.took {
                what.push_str(&format!(", {t} after the inject"));
            }
            if m.mark.late() {
                what.push_str(&format!(
                    ", late by {}",
                    marking::duration(m.mark.late_ms.unwrap_or(0))
                ));
            }
            what.push_str(&format!(": {}", short(&r.text, 200)));
            events.push(ReviewEvent {
                drill_ms: r.drill_ms,
                at: m.at.clone(),
                kind: "response",
                player: r.author_name.clone(),
                inject: r.inject_id.clone().unwrap_or_default(),
                what,
                score: Some(m.score()),
                changed: ScoreChange::of(m),
            });
        }
        for c in &board.catches {
            match c.caught_ms {
                Some(at) => events.push(ReviewEvent {
                    drill_ms: at,
                    at: offset(at),
                    kind: "alert",
                    player: name_of(&c.learner),
                    inject: c.group.clone(),
                    what: format!(
                        "caught {} ({}): {} of {} posts, {} after the first",
                        c.group,
                        c.why,
                        c.posts_caught,
                        c.posts,
                        marking::duration(c.delay_ms().unwrap_or(0))
                    ),
                    score: None,
                    changed: None,
                }),
                None => events.push(ReviewEvent {
                    drill_ms: c.first_ms,
                    at: offset(c.first_ms),
                    kind: "missed-alert",
                    player: name_of(&c.learner),
                    inject: c.group.clone(),
                    what: format!("no saved search caught {} ({})", c.group, c.why),
                    score: None,
                    changed: None,
                }),
            }
        }
        for n in &board.notes {
            let about = n.learner.as_deref().map(name_of);
            events.push(ReviewEvent {
                drill_ms: n.drill_ms,
                at: offset(n.drill_ms),
                kind: "note",
                player: about.unwrap_or_default(),
                inject: n.inject_id.clone().unwrap_or_default(),
                what: format!("{} noted: {}", n.author_name, n.text),
                score: None,
                changed: None,
            });
        }
        let rank = |k: &str| match k {
            "clock" => 0,
            "inject" => 1,
            _ => 2,
        };
        events.sort_by(|a, b| {
            a.drill_ms
                .cmp(&b.drill_ms)
                .then(rank(a.kind).cmp(&rank(b.kind)))
        });

        let summary = |name: String, learner: Option<&str>| {
            let mine = |l: &str| learner.is_none_or(|x| x == l);
            let responses: Vec<&Marked> = board
                .responses
                .iter()
                .filter(|m| mine(&m.response.learner))
                .collect();
            let scores: Vec<f64> = responses.iter().map(|m| m.score()).collect();
            let pairs = board
                .answers
                .iter()
                .flat_map(|a| a.players.iter())
                .filter(|p| mine(&p.player.id));
            let (mut expected, mut answered) = (0, 0);
            for p in pairs {
                expected += 1;
                if !p.responses.is_empty() {
                    answered += 1;
                }
            }
            let catches: Vec<&Catch> = board.catches.iter().filter(|c| mine(&c.learner)).collect();
            let delays: Vec<i64> = catches.iter().filter_map(|c| c.delay_ms()).collect();
            Summary {
                name,
                responses: responses.len(),
                answered,
                expected,
                late: responses.iter().filter(|m| m.mark.late()).count(),
                mean_score: (!scores.is_empty()).then(|| {
                    (scores.iter().sum::<f64>() / scores.len() as f64 * 10.0).round() / 10.0
                }),
                caught: delays.len(),
                targets: catches.len(),
                mean_delay: (!delays.is_empty())
                    .then(|| marking::duration(delays.iter().sum::<i64>() / delays.len() as i64)),
                notes: board
                    .notes
                    .iter()
                    .filter(|n| learner.is_none() || n.learner.as_deref() == learner)
                    .count(),
            }
        };
        let players = board
            .players
            .iter()
            .map(|p| summary(p.name.clone(), Some(&p.id)))
            .collect();
        let overall = summary("Everyone".into(), None);
        Ok(DrillReview {
            board,
            events,
            players,
            overall,
        })
    }
}
