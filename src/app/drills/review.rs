//! The trainer's view of a drill as it runs and after it (docs/design.md, "Drills"): who
//! answered which inject and when, the marks (responses are marked when first looked at), what
//! each player's alerts caught. Observers and notes are in `review/notes.rs`, the
//! after-action review's timeline and summaries in `review/after_action.rs`.

use std::collections::HashMap;

use serde::Serialize;

pub mod after_action; // the after-action review: the timeline and the figures per trainee
pub mod notes; // observers let in by a link, and notes stamped with the drill time
pub mod overrides; // the trainer corrects a mark: the rules, kept as a history

pub use after_action::{DrillReview, ReviewEvent, ScoreChange, Summary};
pub use notes::NoteAuthor;

use super::marking::{self, Alert, Answer, Catch, Mark};
use super::{Drill, DrillStatus};
use crate::app::App;
use crate::catalog::scenarios::{Content, Inject, Offset};
use crate::error::{Error, Result};
use crate::store::drill_marks::MarkOverride;
use crate::store::drill_review::{DrillNote, DrillObserver};
use crate::store::drill_work::{DrillResponse, DrillSavedSearch};
use crate::store::drills::ClockLogEntry;

/// The learner id of the self-learner, as attempts store it.
pub const LOCAL: &str = "local";

/// Someone playing the drill.
#[derive(Debug, Clone, Serialize)]
pub struct Player {
    pub id: String,
    pub name: String,
}

/// A response with its mark.
#[derive(Debug, Clone, Serialize)]
pub struct Marked {
    pub response: DrillResponse,
    /// The automatic mark, as it was stored when the response was first marked.
    pub mark: Mark,
    /// The trainer's changes of the mark, oldest first (see `overrides`).
    pub changes: Vec<MarkOverride>,
    /// The drill time it was published at (`T+00:12:30`).
    pub at: String,
    /// How long after its inject (`4 min 30 s`).
    pub took: Option<String>,
}

impl Marked {
    /// The trainer's change that sets the score now, if the last change set one (rather than
    /// going back to the automatic mark).
    pub fn changed(&self) -> Option<&MarkOverride> {
        self.changes.last().filter(|c| c.score.is_some())
    }

    /// The score that counts: the trainer's, else the automatic one.
    pub fn score(&self) -> f64 {
        self.changed()
            .and_then(|c| c.score)
            .unwrap_or(self.mark.score)
    }
}

/// An inject as the trainer reads it.
#[derive(Debug, Clone, Serialize)]
pub struct InjectView {
    pub id: String,
    pub at: String,
    pub at_ms: i64,
    pub kind: &'static str,
    /// A line saying what it is (the author and the start of a post, an email's subject…).
    pub summary: String,
    pub reaction: Option<String>,
    pub deliverable: Option<&'static str>,
    pub platform: Option<String>,
    pub due: Option<String>,
    pub facts: Vec<String>,
}

/// One player's answers to one inject.
#[derive(Debug, Clone, Serialize)]
pub struct PlayerAnswers {
    pub player: Player,
    /// Indexes into `DrillBoard::responses`.
    pub responses: Vec<usize>,
    /// No answer yet, and it is past due.
    pub overdue: bool,
}

/// An inject that expected a reaction, with each player's answers.
#[derive(Debug, Clone, Serialize)]
pub struct InjectAnswers {
    pub inject: InjectView,
    pub players: Vec<PlayerAnswers>,
}

/// A player's saved search, with what it caught.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    pub player: String,
    pub search: DrillSavedSearch,
    pub created: String,
    pub deleted: Option<String>,
    /// The groups of posts this search caught first.
    pub caught: Vec<String>,
}

/// Everything the trainer's drill page shows.
#[derive(Debug, Clone)]
pub struct DrillBoard {
    pub drill: Drill,
    pub status: DrillStatus,
    pub players: Vec<Player>,
    /// Injects still to come, the next first (at most `UPCOMING`).
    pub upcoming: Vec<InjectView>,
    /// Released injects that expected a reaction, the latest first.
    pub answers: Vec<InjectAnswers>,
    pub responses: Vec<Marked>,
    pub searches: Vec<SearchView>,
    pub catches: Vec<Catch>,
    pub notes: Vec<DrillNote>,
    pub observers: Vec<DrillObserver>,
    pub clock_log: Vec<ClockLogEntry>,
}

/// How many coming injects the trainer's page lists.
pub const UPCOMING: usize = 5;

fn offset(ms: i64) -> String {
    Offset((ms.max(0) / 1000) as u32).to_string()
}

fn short(text: &str, chars: usize) -> String {
    let t: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.chars().count() <= chars {
        t
    } else {
        format!("{}…", t.chars().take(chars).collect::<String>())
    }
}

pub fn inject_view(i: &Inject) -> InjectView {
    let summary = match &i.content {
        Content::Post(p) | Content::Article(p) => {
            let body = if p.title.is_empty() {
                &p.text
            } else {
                &p.title
            };
            format!("{} ({}): {}", p.author, p.handle, short(body, 140))
        }
        Content::Brief(m) | Content::Email(m) => {
            let what = if m.subject.is_empty() {
                &m.text
            } else {
                &m.subject
            };
            format!("to {}: {}", m.to, short(what, 140))
        }
        Content::MediaEnquiry(e) => format!("{}: {}", e.outlet, short(&e.text, 140)),
        Content::Countdown(c) => short(&c.text, 140),
    };
    let e = i.expect.as_ref();
    InjectView {
        id: i.id.clone(),
        at: i.at.to_string(),
        at_ms: i64::from(i.at.0) * 1000,
        kind: i.content.kind(),
        summary,
        reaction: e.map(|e| e.reaction.clone()),
        deliverable: e.map(|e| e.deliverable.id()),
        platform: e.and_then(|e| e.platform.clone()),
        due: marking::due(i).map(|d| d.to_string()),
        facts: e
            .map(|e| e.facts.iter().map(|f| f.fact.clone()).collect())
            .unwrap_or_default(),
    }
}

impl App {
    /// The players of a drill: the trainees of its class, or the self-learner; anyone else who
    /// published in it (a trainee removed since) by the name they published under.
    async fn drill_players(
        &self,
        drill: &Drill,
        responses: &[DrillResponse],
    ) -> Result<Vec<Player>> {
        let mut players: Vec<Player> = match &drill.class_id {
            Some(class) => self
                .store
                .trainees(class)
                .await?
                .into_iter()
                .map(|t| Player {
                    id: t.id,
                    name: t.name,
                })
                .collect(),
            None => vec![Player {
                id: LOCAL.into(),
                name: "You".into(),
            }],
        };
        for r in responses {
            if !players.iter().any(|p| p.id == r.learner) {
                players.push(Player {
                    id: r.learner.clone(),
                    name: r.author_name.clone(),
                });
            }
        }
        Ok(players)
    }

    /// Marks a response (not stored). The built-in rule packs are part of the mark: if they
    /// could not be read, this is an error, not a mark without its style part (a mark stored
    /// that way would stay).
    pub fn mark_drill_response_now(&self, drill: &Drill, r: &DrillResponse) -> Result<Mark> {
        let inject = r
            .inject_id
            .as_deref()
            .and_then(|i| drill.scenario().inject(i));
        let packs = crate::compose::packs::builtin_shared()
            .map_err(|e| Error::internal(anyhow::anyhow!("the built-in rule packs: {e}")))?;
        Ok(marking::mark(
            inject,
            Answer {
                deliverable: &r.deliverable,
                platform: r.platform.as_deref(),
                text: &r.text,
                drill_ms: r.drill_ms,
            },
            packs,
        ))
    }

    /// A response with its automatic mark: the stored one, else marked now and stored.
    pub(crate) async fn marked_response(
        &self,
        drill: &Drill,
        mut r: DrillResponse,
    ) -> Result<(DrillResponse, Mark)> {
        let kept = r
            .mark
            .as_deref()
            .and_then(|m| serde_json::from_str::<Mark>(m).ok());
        if let Some(m) = kept {
            return Ok((r, m));
        }
        let m = self.mark_drill_response_now(drill, &r)?;
        let json = serde_json::to_string(&m).map_err(Error::internal)?;
        self.store
            .mark_drill_response(&r.id, m.score, &json)
            .await?;
        r.score = Some(m.score);
        r.mark = Some(json);
        Ok((r, m))
    }

    /// The trainer's page of a drill, as it stands now. Responses nobody has marked yet are
    /// marked and the marks stored.
    pub async fn drill_board(&self, id: &str) -> Result<DrillBoard> {
        let drill = self.drill(id).await?;
        let stored = self.store.drill_responses(id, None).await?;
        let mut by_response: HashMap<String, Vec<MarkOverride>> = HashMap::new();
        for c in self.store.drill_mark_overrides(id).await? {
            by_response
                .entry(c.response_id.clone())
                .or_default()
                .push(c);
        }
        let mut responses = Vec::with_capacity(stored.len());
        for r in stored {
            let (r, mark) = self.marked_response(&drill, r).await?;
            responses.push(Marked {
                at: offset(r.drill_ms),
                took: mark.took_ms.map(marking::duration),
                changes: by_response.remove(&r.id).unwrap_or_default(),
                response: r,
                mark,
            });
        }
        let players = self
            .drill_players(
                &drill,
                &responses
                    .iter()
                    .map(|m| m.response.clone())
                    .collect::<Vec<_>>(),
            )
            .await?;
        let now_ms = drill.at_ms();

        let answers = drill
            .injects_released()
            .filter(|i| i.expect.is_some())
            .map(|i| {
                let view = inject_view(i);
                let due = marking::due(i).map(|d| i64::from(d.0) * 1000);
                let players = players
                    .iter()
                    .map(|p| {
                        let mine: Vec<usize> = responses
                            .iter()
                            .enumerate()
                            .filter(|(_, m)| {
                                m.response.learner == p.id
                                    && m.response.inject_id.as_deref() == Some(&i.id)
                            })
                            .map(|(n, _)| n)
                            .collect();
                        PlayerAnswers {
                            overdue: mine.is_empty() && due.is_some_and(|d| now_ms > d),
                            player: p.clone(),
                            responses: mine,
                        }
                    })
                    .collect();
                InjectAnswers {
                    inject: view,
                    players,
                }
            })
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();

        let saved = self.store.drill_searches(id, None).await?;
        let alerts = alerts_of(&saved);
        let ids: Vec<&str> = players.iter().map(|p| p.id.as_str()).collect();
        let catches = super::catching::board_catches(&drill, &alerts, &ids, now_ms);
        let name_of = |learner: &str| {
            players
                .iter()
                .find(|p| p.id == learner)
                .map_or_else(|| learner.to_string(), |p| p.name.clone())
        };
        let searches = saved
            .iter()
            .map(|s| SearchView {
                player: name_of(&s.learner),
                created: offset(s.created_ms),
                deleted: s.deleted_ms.map(offset),
                caught: catches
                    .iter()
                    .filter(|c| c.search.as_deref() == Some(s.id.as_str()))
                    .map(|c| c.group.clone())
                    .collect(),
                search: s.clone(),
            })
            .collect();

        let upcoming = {
            let at = drill.at();
            drill
                .scenario()
                .injects
                .iter()
                .filter(|i| i.at > at)
                .take(UPCOMING)
                .map(inject_view)
                .collect()
        };
        Ok(DrillBoard {
            status: drill.status(),
            players,
            upcoming,
            answers,
            responses,
            searches,
            catches,
            notes: self.store.drill_notes(id).await?,
            observers: self.store.drill_observers(id).await?,
            clock_log: self.store.drill_clock_log(id).await?,
            drill,
        })
    }
}

/// The players' saved searches as alert catching reads them.
pub fn alerts_of(saved: &[DrillSavedSearch]) -> Vec<Alert<'_>> {
    saved
        .iter()
        .map(|s| Alert {
            id: &s.id,
            learner: &s.learner,
            query: &s.query,
            created_ms: s.created_ms,
            deleted_ms: s.deleted_ms,
        })
        .collect()
}
