//! The trainer's view of a drill as it runs and after it (docs/design.md, "Drills"): who
//! answered which inject and when, the marks (responses are marked when first looked at), what
//! each player's alerts caught, observers and notes, and the after-action review's timeline
//! and summaries.

use serde::Serialize;

use super::marking::{self, Alert, Answer, Catch, Mark};
use super::{Drill, DrillStatus};
use crate::app::App;
use crate::catalog::scenarios::{Content, Inject, Offset};
use crate::error::{Error, Result};
use crate::store::drill_review::{DrillNote, DrillObserver, NewNote};
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
    pub mark: Mark,
    /// The drill time it was published at (`T+00:12:30`).
    pub at: String,
    /// How long after its inject (`4 min 30 s`).
    pub took: Option<String>,
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
    pub score: Option<f64>,
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

/// Who writes a note.
#[derive(Debug, Clone, Copy)]
pub enum NoteAuthor<'a> {
    Trainer,
    Observer(&'a DrillObserver),
}

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

    /// Marks a response (not stored).
    pub fn mark_drill_response_now(&self, drill: &Drill, r: &DrillResponse) -> Mark {
        let inject = r
            .inject_id
            .as_deref()
            .and_then(|i| drill.scenario().inject(i));
        let packs = crate::compose::packs::builtin_shared().unwrap_or(&[]);
        marking::mark(
            inject,
            Answer {
                deliverable: &r.deliverable,
                platform: r.platform.as_deref(),
                text: &r.text,
                drill_ms: r.drill_ms,
            },
            packs,
        )
    }

    /// The trainer's page of a drill, as it stands now. Responses nobody has marked yet are
    /// marked and the marks stored.
    pub async fn drill_board(&self, id: &str) -> Result<DrillBoard> {
        let drill = self.drill(id).await?;
        let stored = self.store.drill_responses(id, None).await?;
        let mut responses = Vec::with_capacity(stored.len());
        for mut r in stored {
            let kept = r
                .mark
                .as_deref()
                .and_then(|m| serde_json::from_str::<Mark>(m).ok());
            let mark = match kept {
                Some(m) => m,
                None => {
                    let m = self.mark_drill_response_now(&drill, &r);
                    let json = serde_json::to_string(&m).map_err(Error::internal)?;
                    self.store
                        .mark_drill_response(&r.id, m.score, &json)
                        .await?;
                    r.score = Some(m.score);
                    r.mark = Some(json);
                    m
                }
            };
            responses.push(Marked {
                at: offset(r.drill_ms),
                took: mark.took_ms.map(marking::duration),
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
        let alerts: Vec<Alert<'_>> = saved
            .iter()
            .map(|s| Alert {
                id: &s.id,
                learner: &s.learner,
                query: &s.query,
                created_ms: s.created_ms,
                deleted_ms: s.deleted_ms,
            })
            .collect();
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
                score: Some(m.mark.score),
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
                }),
                None => events.push(ReviewEvent {
                    drill_ms: c.first_ms,
                    at: offset(c.first_ms),
                    kind: "missed-alert",
                    player: name_of(&c.learner),
                    inject: c.group.clone(),
                    what: format!("no saved search caught {} ({})", c.group, c.why),
                    score: None,
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
            let scores: Vec<f64> = responses.iter().map(|m| m.mark.score).collect();
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

    /// Lets an observer into a drill; returns them and their link's token (shown once).
    pub async fn add_drill_observer(
        &self,
        drill_id: &str,
        name: &str,
    ) -> Result<(DrillObserver, String)> {
        let drill = self.drill(drill_id).await?;
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 80 {
            return Err(Error::invalid(
                "the observer's name: write a name of 1 to 80 characters, as it should appear on their notes",
            ));
        }
        self.store.add_drill_observer(&drill.id, &name).await
    }

    /// The observer a link lets in, with their drill.
    pub async fn drill_observer(&self, token: &str) -> Result<(DrillObserver, Drill)> {
        let observer = self
            .store
            .drill_observer_by_token(token)
            .await?
            .ok_or_else(|| {
                Error::not_found(
                    "this observer link is not known or was closed: ask the trainer for a new one",
                )
            })?;
        let drill = self.drill(&observer.drill_id).await?;
        Ok((observer, drill))
    }

    /// Writes a note on a drill, stamped with the drill time now. `inject` must be one of the
    /// scenario's, `learner` one of the drill's players (either may be empty).
    pub async fn add_drill_note(
        &self,
        drill_id: &str,
        author: NoteAuthor<'_>,
        inject: Option<&str>,
        learner: Option<&str>,
        text: &str,
    ) -> Result<String> {
        let drill = self.drill(drill_id).await?;
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::invalid("the note is empty: write what you saw"));
        }
        if text.chars().count() > 4000 {
            return Err(Error::invalid(format!(
                "the note is {} characters long; keep a note to 4000",
                text.chars().count()
            )));
        }
        let inject = inject.map(str::trim).filter(|i| !i.is_empty());
        if let Some(i) = inject
            && drill.scenario().inject(i).is_none()
        {
            return Err(Error::invalid(format!(
                "the note's inject {i:?} is not one of the scenario's"
            )));
        }
        let learner = learner.map(str::trim).filter(|l| !l.is_empty());
        if let Some(l) = learner {
            let responses = self.store.drill_responses(drill_id, None).await?;
            let players = self.drill_players(&drill, &responses).await?;
            if !players.iter().any(|p| p.id == l) {
                return Err(Error::invalid(format!(
                    "the note's trainee {l:?} does not play this drill"
                )));
            }
        }
        let (observer_id, author_name) = match author {
            NoteAuthor::Trainer => (None, "Trainer"),
            NoteAuthor::Observer(o) => {
                if o.drill_id != drill.id {
                    return Err(Error::invalid("this observer link is for another drill"));
                }
                (Some(o.id.as_str()), o.name.as_str())
            }
        };
        self.store
            .add_drill_note(&NewNote {
                drill_id: &drill.id,
                observer_id,
                author_name,
                inject_id: inject,
                learner,
                text,
                drill_ms: drill.at_ms(),
                at: drill.read_at,
            })
            .await
    }
}
