//! The players' side of a drill (docs/design.md, "Drills"): who may play which drill, what the
//! player's page shows of the stream (only what is released by now, never an expectation or a
//! flag), publishing a response to the simulated timeline, saved searches and their alerts,
//! and the batches the live events push. Everything is computed from the database's rows and
//! the clock, so a player on any node sees the same.

use std::collections::HashMap;

use serde::Serialize;

use super::alerts::{AlertRule, Firing};
// Publishing lives in `publish.rs`; the players' pages read it through here.
pub use super::publish::{
    CheckedResponse, DraftCheck, Publish, ResponseView, check_draft, check_response, response_view,
};
use super::{Drill, DrillControl, DrillState};
use crate::app::{App, Learner};
use crate::catalog::scenarios::{Channel, Content, Inject, Offset, Release};
use crate::error::{Error, Result};
use crate::store::drill_work::{DrillSavedSearch, NewSearch};

/// The longest response a player may publish, in characters (a long statement fits).
pub const MAX_RESPONSE_CHARS: usize = 10_000;

/// Whether `who` may play a drill of `class_id`: a trainee their own class's, the self-learner
/// (`local`) the drills without a class, the trainer any.
pub fn may_play(class_id: Option<&str>, who: &Learner) -> bool {
    match (&who.class_id, class_id) {
        _ if who.id == Learner::trainer().id => true,
        (Some(mine), Some(theirs)) => mine == theirs,
        (None, None) => who.id == Learner::local().id,
        _ => false,
    }
}

fn refused() -> Error {
    Error::refused(
        "This drill is not yours",
        "This drill belongs to another class. Your drills are listed at /drills.",
    )
}

/// A channel by its id, for the page's filter (empty: every channel).
pub fn channel_filter(id: &str) -> Result<Option<Channel>> {
    match id.trim() {
        "" | "all" => Ok(None),
        s => Channel::parse(s).map(Some).ok_or_else(|| {
            Error::invalid(format!(
                "{s:?} is not a channel: choose microblog, group, forum or news"
            ))
        }),
    }
}

pub fn channel_name(c: Channel) -> &'static str {
    match c {
        Channel::Microblog => "Microblog",
        Channel::Group => "Community group",
        Channel::Forum => "Forum",
        Channel::News => "News",
    }
}

/// A post of the stream as the player sees it.
#[derive(Debug, Clone, Serialize)]
pub struct PostView {
    pub id: String,
    pub at: String,
    pub at_s: u32,
    pub channel: &'static str,
    pub channel_name: &'static str,
    pub venue: String,
    pub author: String,
    pub handle: String,
    pub title: String,
    pub text: String,
    pub images: Vec<String>,
    /// "Replying to", "Quoting", "Reposted": the post it answers, by author and text.
    pub context: Option<(String, String, String)>,
    pub likes: u32,
    pub reposts: u32,
    pub replies: u32,
}

pub fn post_view(drill: &Drill, r: &Release) -> PostView {
    let p = &r.post;
    let find = |id: &str| {
        drill
            .released_by(r.at)
            .iter()
            .rev()
            .find(|o| o.id == id)
            .map(|o| (o.post.author.clone(), text_of(&o.post)))
    };
    let context = [
        ("Replying to", &p.reply_to),
        ("Quoting", &p.quote_of),
        ("Reposted", &p.repost_of),
    ]
    .into_iter()
    .find_map(|(words, id)| {
        let (author, text) = find(id.as_deref()?)?;
        Some((words.to_string(), author, text))
    });
    PostView {
        id: r.id.clone(),
        at: r.at.to_string(),
        at_s: r.at.0,
        channel: p.channel.id(),
        channel_name: channel_name(p.channel),
        venue: p.venue.clone(),
        author: p.author.clone(),
        handle: p.handle.clone(),
        title: p.title.clone(),
        text: p.text.clone(),
        images: p.images.clone(),
        context,
        likes: p.likes,
        reposts: p.reposts,
        replies: p.replies,
    }
}

fn text_of(p: &crate::catalog::scenarios::Post) -> String {
    if p.text.is_empty() {
        p.title.clone()
    } else {
        p.text.clone()
    }
}

/// The posts released in `(after, until]` on a channel (all with `None`), newest first, at most
/// `limit`.
pub fn posts_between(
    drill: &Drill,
    after: Option<Offset>,
    until: Offset,
    channel: Option<Channel>,
    limit: usize,
) -> Vec<PostView> {
    drill
        .released_by(until)
        .iter()
        .rev()
        .take_while(|r| after.is_none_or(|a| r.at > a))
        .filter(|r| channel.is_none_or(|c| r.post.channel == c))
        .take(limit)
        .map(|r| post_view(drill, r))
        .collect()
}

/// A brief, email, media enquiry or countdown as the player sees it.
#[derive(Debug, Clone, Serialize)]
pub struct InboxItem {
    pub id: String,
    pub at: String,
    pub at_s: u32,
    pub kind: &'static str,
    /// "Brief", "Email", "Media enquiry", "Countdown".
    pub kind_name: &'static str,
    /// The role it is addressed to, by name.
    pub to: String,
    pub from: String,
    pub subject: String,
    pub text: String,
    pub deadline: Option<String>,
    pub deadline_s: Option<u32>,
    /// "12 min 30 s left", or "Deadline passed".
    pub remaining: Option<String>,
}

/// Time left to a deadline in words.
pub fn remaining_words(deadline: Offset, now: Offset) -> String {
    if now.0 >= deadline.0 {
        return "Deadline passed".into();
    }
    let left = deadline.0 - now.0;
    match (left / 60, left % 60) {
        (0, s) => format!("{s} s left"),
        (m, 0) => format!("{m} min left"),
        (m, s) => format!("{m} min {s} s left"),
    }
}

fn inbox_item(drill: &Drill, i: &Inject, now: Offset) -> Option<InboxItem> {
    let role = |id: &str| {
        drill
            .scenario()
            .roles
            .iter()
            .find(|r| r.id == id)
            .map_or_else(|| id.to_string(), |r| r.name.clone())
    };
    let (kind_name, to, from, subject, text, deadline) = match &i.content {
        Content::Brief(m) => ("Brief", role(&m.to), &m.from, &m.subject, &m.text, None),
        Content::Email(m) => ("Email", role(&m.to), &m.from, &m.subject, &m.text, None),
        Content::MediaEnquiry(e) => (
            "Media enquiry",
            e.outlet.clone(),
            &e.from,
            &e.outlet,
            &e.text,
            Some(e.deadline),
        ),
        Content::Countdown(c) => (
            "Countdown",
            String::new(),
            &c.text,
            &c.text,
            &c.text,
            Some(c.deadline),
        ),
        Content::Post(_) | Content::Article(_) => return None,
    };
    let (from, subject) = match &i.content {
        Content::Countdown(_) => (String::new(), String::new()),
        _ => (from.clone(), subject.clone()),
    };
    Some(InboxItem {
        id: i.id.clone(),
        at: i.at.to_string(),
        at_s: i.at.0,
        kind: i.content.kind(),
        kind_name,
        to,
        from,
        subject,
        text: text.clone(),
        deadline: deadline.map(|d| d.to_string()),
        deadline_s: deadline.map(|d| d.0),
        remaining: deadline.map(|d| remaining_words(d, now)),
    })
}

/// The briefs, emails, enquiries and countdowns released in `(after, until]`, newest first.
pub fn inbox_between(drill: &Drill, after: Option<Offset>, until: Offset) -> Vec<InboxItem> {
    let now = drill.at();
    drill
        .scenario()
        .injects
        .iter()
        .filter(|i| i.at <= until && after.is_none_or(|a| i.at > a))
        .rev()
        .filter_map(|i| inbox_item(drill, i, now))
        .collect()
}

/// An inject a response may answer: released, and one the scenario expects an answer to (the
/// player sees only that it may be answered, never what is expected).
#[derive(Debug, Clone, Serialize)]
pub struct Answerable {
    pub id: String,
    /// "T+00:21 Media enquiry from the Gazette: …"
    pub label: String,
}

pub fn answerable(drill: &Drill) -> Vec<Answerable> {
    drill
        .injects_released()
        .filter(|i| i.expect.is_some())
        .map(|i| {
            let what = match &i.content {
                Content::Post(p) | Content::Article(p) => {
                    format!("{} by {}: {}", i.content.kind(), p.author, text_of(p))
                }
                Content::Brief(m) | Content::Email(m) => {
                    format!("{} from {}: {}", i.content.kind(), m.from, m.subject)
                }
                Content::MediaEnquiry(e) => format!("media enquiry from {}", e.outlet),
                Content::Countdown(c) => format!("countdown: {}", c.text),
            };
            let mut label = format!("{} {}", i.at, what);
            if label.chars().count() > 90 {
                label = label.chars().take(89).collect::<String>() + "…";
            }
            Answerable {
                id: i.id.clone(),
                label,
            }
        })
        .collect()
}

/// The most posts one event carries, about (a batch ends at a whole second).
pub const BATCH_POSTS: usize = 300;

/// A saved search with its rule and its alerts by now.
#[derive(Debug, Clone)]
pub struct SearchAlerts {
    pub search: DrillSavedSearch,
    pub rule: AlertRule,
    pub rule_words: String,
    /// The posts it matches by now.
    pub matches: usize,
    pub firings: Vec<Firing>,
}

/// The drill seconds of the released posts a query matches, sorted.
pub fn match_times(
    drill: &Drill,
    query: &crate::query::ParsedQuery,
    releases: &[Release],
) -> Vec<u32> {
    let start = drill.scenario().start;
    releases
        .iter()
        .filter(|r| query.matches_document(&r.document(start)))
        .map(|r| r.at.0)
        .collect()
}

/// What the events push after a cursor: the batch a tick of the clock released.
#[derive(Debug, Clone, Default)]
pub struct EventBatch {
    pub posts: Vec<PostView>,
    pub inbox: Vec<InboxItem>,
    pub responses: Vec<ResponseView>,
    pub alerts: Vec<(String, String, Firing)>,
    /// The cursor after this batch: the drill time (ms) and the responses seen.
    pub cursor: Cursor,
}

/// Where a player's stream stands: the drill time it has shown up to and the last response it
/// has shown (its `seq`: responses are numbered in the order they commit).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cursor {
    pub ms: i64,
    pub responses: usize,
}

impl Cursor {
    /// `12000.3`: the event id the browser sends back as `Last-Event-ID`.
    pub fn id(&self) -> String {
        format!("{}.{}", self.ms, self.responses)
    }

    pub fn parse(s: &str) -> Option<Cursor> {
        let (ms, n) = s.trim().split_once('.')?;
        Some(Cursor {
            ms: ms.parse().ok().filter(|m: &i64| *m >= 0)?,
            responses: n.parse().ok()?,
        })
    }

    fn offset(&self) -> Offset {
        Offset((self.ms / 1000).max(0) as u32)
    }
}

/// Per connection: the match times of the player's saved searches, extended as posts arrive.
#[derive(Debug, Default)]
pub struct AlertMemo {
    by_search: HashMap<String, (usize, Vec<u32>)>,
}

impl App {
    /// A drill the player may play, or a refusal that says why.
    pub async fn player_drill(&self, who: &Learner, id: &str) -> Result<Drill> {
        let drill = self.drill(id).await?;
        if may_play(drill.class_id.as_deref(), who) {
            Ok(drill)
        } else {
            Err(refused())
        }
    }

    /// The drills open to the player, newest first.
    pub async fn player_drills(&self, who: &Learner) -> Result<Vec<Drill>> {
        if who.id == Learner::trainer().id {
            return Ok(Vec::new());
        }
        match (&who.class_id, who.id == Learner::local().id) {
            (Some(class), _) => self.drills(Some(class)).await,
            (None, true) => self.drills(None).await,
            (None, false) => Ok(Vec::new()),
        }
    }

    /// The class's current drill for its page: the newest that has not ended (id, title).
    pub async fn current_class_drill(&self, class_id: &str) -> Result<Option<(String, String)>> {
        Ok(self
            .drills(Some(class_id))
            .await?
            .into_iter()
            .find(|d| d.state() != DrillState::Ended)
            .map(|d| (d.id, d.title)))
    }

    /// The self-learner starts a drill of a shipped scenario, their own.
    pub async fn start_own_drill(&self, who: &Learner, scenario: &str) -> Result<Drill> {
        if who.id != Learner::local().id {
            // Not a refusal of the page: the list is the player's; only starting is not theirs.
            return Err(Error::invalid(
                "In a class the trainer starts drills; a drill appears at /drills when it is ready.",
            ));
        }
        self.create_drill(scenario.trim(), None).await
    }

    /// The self-learner's controls of their own drill's clock.
    pub async fn control_own_drill(
        &self,
        who: &Learner,
        id: &str,
        control: DrillControl,
    ) -> Result<Drill> {
        let drill = self.player_drill(who, id).await?;
        if drill.class_id.is_some() || who.id != Learner::local().id {
            return Err(Error::refused(
                "The trainer runs this drill's clock",
                "Only the trainer starts, pauses and speeds up a class's drill.",
            ));
        }
        self.control_drill(id, control).await
    }

    /// Saves a player's search with its alert rule; the query must parse (its error says the
    /// column).
    pub async fn save_drill_search_as(
        &self,
        drill: &Drill,
        who: &Learner,
        name: &str,
        query: &str,
        rule: AlertRule,
    ) -> Result<String> {
        crate::query::parse(query).map_err(Error::Query)?;
        let name = name.trim();
        let name = if name.is_empty() { query.trim() } else { name };
        if name.chars().count() > 80 {
            return Err(Error::invalid(
                "Name: keep the search's name to 80 characters",
            ));
        }
        self.store
            .save_drill_search(&NewSearch {
                drill_id: &drill.id,
                learner: &who.id,
                name,
                query: query.trim(),
                rule: &rule.to_json(),
                created_ms: drill.at_ms(),
                at: drill.read_at,
            })
            .await
    }

    pub async fn delete_drill_search_as(
        &self,
        drill: &Drill,
        who: &Learner,
        search: &str,
    ) -> Result<()> {
        if self
            .store
            .delete_drill_search(search, &who.id, drill.at_ms())
            .await?
        {
            Ok(())
        } else {
            Err(Error::not_found(
                "no such saved search of yours in this drill",
            ))
        }
    }

    /// The player's live saved searches with their alerts by now.
    pub async fn drill_alerts(&self, drill: &Drill, who: &Learner) -> Result<Vec<SearchAlerts>> {
        let mut memo = AlertMemo::default();
        self.drill_alerts_memo(drill, who, &mut memo).await
    }

    async fn drill_alerts_memo(
        &self,
        drill: &Drill,
        who: &Learner,
        memo: &mut AlertMemo,
    ) -> Result<Vec<SearchAlerts>> {
        let searches = self.store.drill_searches(&drill.id, Some(&who.id)).await?;
        let released = drill.released();
        let now = drill.at().0;
        let mut out = Vec::new();
        for s in searches.into_iter().filter(|s| s.deleted_ms.is_none()) {
            let Some(rule) = AlertRule::from_json(&s.rule) else {
                continue;
            };
            let Ok(query) = crate::query::parse(&s.query) else {
                continue;
            };
            let entry = memo.by_search.entry(s.id.clone()).or_default();
            if entry.0 < released.len() {
                let more = match_times(drill, &query, &released[entry.0..]);
                entry.1.extend(more);
                entry.0 = released.len();
            }
            let from = (s.created_ms / 1000).max(0) as u32;
            out.push(SearchAlerts {
                rule_words: rule.words(),
                firings: rule.firings(&entry.1, from, now),
                matches: entry.1.len(),
                rule,
                search: s,
            });
        }
        Ok(out)
    }

    /// The events after `cursor` for one player: posts (of `channel`), injects and responses
    /// released since, and the alerts of their saved searches that fired since.
    pub async fn drill_events(
        &self,
        drill: &Drill,
        who: &Learner,
        channel: Option<Channel>,
        cursor: Cursor,
        memo: &mut AlertMemo,
    ) -> Result<EventBatch> {
        let mut now_ms = drill.at_ms().max(cursor.ms);
        let mut now = Offset((now_ms / 1000) as u32);
        let after = cursor.offset();
        // A client far behind (a reconnect after minutes at 60x) catches up in batches of about
        // BATCH_POSTS, oldest first, cut at a whole second so the cursor loses nothing.
        let released = drill.released_by(now);
        let pending = &released[released.partition_point(|r| r.at <= after)..];
        if pending.len() > BATCH_POSTS {
            let cut = pending[BATCH_POSTS - 1].at;
            if cut < now {
                now = cut;
                now_ms = i64::from(cut.0) * 1000 + 999;
            }
        }
        let mut batch = EventBatch {
            cursor: Cursor {
                ms: now_ms,
                responses: cursor.responses,
            },
            ..EventBatch::default()
        };
        if now > after {
            batch.posts = posts_between(drill, Some(after), now, channel, usize::MAX);
            batch.inbox = inbox_between(drill, Some(after), now);
        }
        // Responses commit in `seq` order, so those after the cursor's are all that is new.
        let responses = self
            .store
            .drill_responses(&drill.id, Some(cursor.responses as i64))
            .await?;
        if let Some(last) = responses.last() {
            batch.responses = responses
                .iter()
                .rev()
                .map(|r| response_view(drill, r))
                .collect();
            batch.cursor.responses = last.seq.max(0) as usize;
        }
        if now > after {
            for s in self.drill_alerts_memo(drill, who, memo).await? {
                for f in s.firings.iter().filter(|f| f.at > after.0 && f.at <= now.0) {
                    batch
                        .alerts
                        .push((s.search.name.clone(), s.rule_words.clone(), *f));
                }
            }
        }
        Ok(batch)
    }
}
