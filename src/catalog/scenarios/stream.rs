//! What a scenario releases, laid out: every post of the stream (replayed documents, post and
//! article injects, wave posts) in time order, and the timeline a trainer reads before the
//! drill, with the volume in five-minute buckets.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::time::Offset;
use super::{Content, Expectation, Post, Scenario};
use crate::ingest::Document;

/// Where a post of the stream comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "lowercase", tag = "from", content = "name")]
pub enum Source {
    Replay,
    Inject,
    Wave(String),
}

/// One post entering the stream.
#[derive(Debug, Clone, Serialize)]
pub struct Release {
    pub at: Offset,
    pub id: String,
    pub source: Source,
    pub post: Post,
}

impl Release {
    /// The post as a document of the index, dated from the drill's start.
    pub fn document(&self, start: DateTime<Utc>) -> Document {
        let p = &self.post;
        Document {
            id: self.id.clone(),
            title: p.title.clone(),
            body: p.text.clone(),
            author: p.author.clone(),
            source: p.channel.id().to_string(),
            source_name: p.venue.clone(),
            url: String::new(),
            published: start + chrono::Duration::seconds(i64::from(self.at.0)),
            lang: p.lang.clone(),
            kind: match p.channel {
                super::Channel::News => "news".into(),
                _ => "post".into(),
            },
            tags: Vec::new(),
            mentions: Vec::new(),
            host: String::new(),
        }
        .derive()
    }
}

/// The length of a volume bucket.
pub const BUCKET_SECONDS: u32 = 300;

/// Posts entering the stream in one five-minute bucket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bucket {
    pub at: Offset,
    pub replay: u32,
    pub injects: u32,
    pub waves: u32,
    pub total: u32,
}

/// A wave's posts in one five-minute bucket.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveVolume {
    pub at: Offset,
    pub posts: u32,
}

/// One line of the timeline: an inject, the start of the replay, or the start of a wave.
#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub at: Offset,
    pub id: String,
    pub kind: String,
    /// What it puts into the drill, in a line.
    pub releases: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Offset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expect: Option<Expectation>,
    /// For a wave: its posts per five-minute bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub buckets: Option<Vec<WaveVolume>>,
}

/// The whole drill on one page, for the trainer.
#[derive(Debug, Clone, Serialize)]
pub struct Timeline {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub start: DateTime<Utc>,
    pub posts: u32,
    /// The sixty minutes (on bucket boundaries) with the most posts.
    pub busiest_hour: Option<Busiest>,
    pub events: Vec<Event>,
    pub volume: Vec<Bucket>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Busiest {
    pub from: Offset,
    pub posts: u32,
}

impl Scenario {
    /// Every post the drill releases, in time order; at the same second, replayed documents
    /// come first, then injects in file order, then waves in file order.
    pub fn stream(&self) -> Vec<Release> {
        let mut out = Vec::new();
        if let Some(r) = &self.replay {
            out.extend(r.documents.iter().map(|d| Release {
                at: d.at,
                id: d.id.clone(),
                source: Source::Replay,
                post: d.post.clone(),
            }));
        }
        out.extend(self.injects.iter().filter_map(|i| {
            i.content.post().map(|p| Release {
                at: i.at,
                id: i.id.clone(),
                source: Source::Inject,
                post: p.clone(),
            })
        }));
        for w in &self.waves {
            out.extend(w.generate().into_iter().map(|(id, at, post)| Release {
                at,
                id,
                source: Source::Wave(w.id.clone()),
                post,
            }));
        }
        out.sort_by_key(|r| r.at);
        out
    }

    pub fn timeline(&self) -> Timeline {
        let buckets = (self.end().0 / BUCKET_SECONDS + 1) as usize;
        let bucket_of = |at: Offset| ((at.0 / BUCKET_SECONDS) as usize).min(buckets - 1);
        let mut volume: Vec<Bucket> = (0..buckets)
            .map(|b| Bucket {
                at: Offset(b as u32 * BUCKET_SECONDS),
                replay: 0,
                injects: 0,
                waves: 0,
                total: 0,
            })
            .collect();
        let mut events = Vec::new();
        let mut posts = 0;
        if let Some(r) = &self.replay {
            for d in &r.documents {
                volume[bucket_of(d.at)].replay += 1;
            }
            posts += r.documents.len() as u32;
            events.push(Event {
                at: Offset(0),
                id: format!("replay:{}", r.corpus),
                kind: "replay".into(),
                releases: format!(
                    "{} documents of the corpus {} ({} to {}) replayed until {}",
                    r.documents.len(),
                    r.corpus,
                    r.from.format("%Y-%m-%d %H:%M"),
                    r.until.format("%Y-%m-%d %H:%M"),
                    Offset(r.seconds)
                ),
                deadline: None,
                expect: None,
                buckets: None,
            });
        }
        for i in &self.injects {
            if i.content.post().is_some() {
                volume[bucket_of(i.at)].injects += 1;
                posts += 1;
            }
            let deadline = match &i.content {
                Content::MediaEnquiry(e) => Some(e.deadline),
                Content::Countdown(c) => Some(c.deadline),
                _ => None,
            };
            events.push(Event {
                at: i.at,
                id: i.id.clone(),
                kind: i.content.kind().into(),
                releases: releases(&i.content),
                deadline,
                expect: i.expect.clone(),
                buckets: None,
            });
        }
        for w in &self.waves {
            let times = w.times();
            let mut per: Vec<WaveVolume> = Vec::new();
            for t in &times {
                volume[bucket_of(*t)].waves += 1;
                let at = Offset(t.0 / BUCKET_SECONDS * BUCKET_SECONDS);
                match per.last_mut() {
                    Some(last) if last.at == at => last.posts += 1,
                    _ => per.push(WaveVolume { at, posts: 1 }),
                }
            }
            posts += times.len() as u32;
            let mut what = format!("{} {} posts until {}", w.posts, w.channel.id(), w.until);
            for (field, target) in [
                ("replying to", &w.reply_to),
                ("reposting", &w.repost_of),
                ("quoting", &w.quote_of),
            ] {
                if let Some(t) = target {
                    what.push_str(&format!(", {field} {t}"));
                }
            }
            if !w.flags.is_empty() {
                let f: Vec<&str> = w.flags.iter().map(|f| f.id()).collect();
                what.push_str(&format!(" [{}]", f.join(", ")));
            }
            events.push(Event {
                at: w.from,
                id: w.id.clone(),
                kind: "wave".into(),
                releases: what,
                deadline: None,
                expect: None,
                buckets: Some(per),
            });
        }
        // Stable: at the same time, the replay, then injects in file order, then waves.
        events.sort_by_key(|e| e.at);
        for b in &mut volume {
            b.total = b.replay + b.injects + b.waves;
        }
        let per_hour = (3600 / BUCKET_SECONDS) as usize;
        let busiest_hour = (0..volume.len())
            .map(|i| {
                let posts = volume[i..(i + per_hour).min(volume.len())]
                    .iter()
                    .map(|b| b.total)
                    .sum::<u32>();
                (posts, std::cmp::Reverse(i))
            })
            .max()
            .filter(|(posts, _)| *posts > 0)
            .map(|(posts, std::cmp::Reverse(i))| Busiest {
                from: volume[i].at,
                posts,
            });
        Timeline {
            id: self.id.clone(),
            title: self.title.clone(),
            minutes: self.minutes,
            start: self.start,
            posts,
            busiest_hour,
            events,
            volume,
        }
    }
}

/// An inject's release in one line: who, where, and the start of what it says.
fn releases(c: &Content) -> String {
    let short = |s: &str| {
        let t: String = s.chars().take(70).collect();
        if t.len() < s.len() {
            format!("{t}…")
        } else {
            t
        }
    };
    match c {
        Content::Post(p) | Content::Article(p) => {
            let mut s = format!("{} {} by {}", p.channel.id(), c.kind(), p.handle);
            if !p.venue.is_empty() {
                s.push_str(&format!(" in {}", p.venue));
            }
            for (word, target) in [
                ("replying to", &p.reply_to),
                ("reposting", &p.repost_of),
                ("quoting", &p.quote_of),
            ] {
                if let Some(t) = target {
                    s.push_str(&format!(", {word} {t}"));
                }
            }
            let body = if p.title.is_empty() {
                &p.text
            } else {
                &p.title
            };
            if !body.is_empty() {
                s.push_str(&format!(": {}", short(body)));
            }
            if !p.flags.is_empty() {
                let f: Vec<&str> = p.flags.iter().map(|f| f.id()).collect();
                s.push_str(&format!(" [{}]", f.join(", ")));
            }
            s
        }
        Content::Brief(m) | Content::Email(m) => {
            let what = if m.subject.is_empty() {
                &m.text
            } else {
                &m.subject
            };
            format!("{} to {}: {}", c.kind(), m.to, short(what))
        }
        Content::MediaEnquiry(e) => format!(
            "media enquiry from {}{}: {}",
            if e.from.is_empty() {
                String::new()
            } else {
                format!("{}, ", e.from)
            },
            e.outlet,
            short(&e.text)
        ),
        Content::Countdown(cd) => format!("countdown to {}: {}", cd.deadline, short(&cd.text)),
    }
}
