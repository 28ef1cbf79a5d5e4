//! A scenario file checked: the TOML read into its raw shape, then every field checked and
//! the `Scenario` built. Each problem names the file, the line and, for a value the parser
//! placed, its column; a file with any problem gives no scenario.

mod injects; // one inject: its kind's fields, its links to other posts, its expectation
mod waves; // one wave: its window, curve, templates and word lists

use std::collections::HashMap;

use toml::Spanned;

use super::raw::{RawReplay, RawScenario};
use super::time::{Offset, parse_length};
use super::{Channel, Flag, Inject, Replay, Role, Scenario, Wave, replay};
use crate::error::Problem;
use injects::{check_content, check_expect};
use waves::check_wave;

/// The most posts one wave may generate, and all waves together: enough for the busiest hour
/// of a large incident, small enough that a hostile file cannot exhaust the server.
pub const MAX_WAVE_POSTS: i64 = 20_000;
pub const MAX_SCENARIO_POSTS: i64 = 60_000;

/// The 1-based line and column (in characters) of a byte offset.
pub(super) fn place(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .map(|l| l.chars().count())
        .unwrap_or(0)
        + 1;
    (line, column)
}

pub(super) struct Check<'a> {
    origin: &'a str,
    text: &'a str,
    problems: Vec<Problem>,
}

impl Check<'_> {
    /// A problem at a value the parser placed: its line, and its column in the message.
    fn at<T>(&mut self, value: &Spanned<T>, message: impl Into<String>) {
        self.at_offset(value.span().start, message)
    }

    fn at_offset(&mut self, offset: usize, message: impl Into<String>) {
        let (line, column) = place(self.text, offset);
        self.problems.push(Problem {
            origin: self.origin.to_string(),
            line: Some(line),
            message: format!("column {column}: {}", message.into()),
        });
    }

    fn line(&self, value_offset: usize) -> usize {
        place(self.text, value_offset).0
    }

    fn offset(&mut self, value: &Spanned<String>, what: &str, end: Offset) -> Option<Offset> {
        match Offset::parse(value.get_ref()) {
            Ok(o) if o > end => {
                self.at(
                    value,
                    format!(
                        "{what} = {o} is after the end of the scenario ({end}): raise `minutes` or bring it forward"
                    ),
                );
                None
            }
            Ok(o) => Some(o),
            Err(e) => {
                self.at(value, format!("{what} = {e}"));
                None
            }
        }
    }

    fn count(&mut self, value: &Option<Spanned<i64>>, what: &str) -> u32 {
        match value {
            None => 0,
            Some(v) if (0..=100_000_000).contains(v.get_ref()) => *v.get_ref() as u32,
            Some(v) => {
                self.at(
                    v,
                    format!("{what} = {} must be a whole number from 0 up", v.get_ref()),
                );
                0
            }
        }
    }

    fn id(&mut self, value: &Spanned<String>, what: &str) -> bool {
        let id = value.get_ref();
        let ok = !id.is_empty()
            && id.len() <= 64
            && id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_');
        if !ok {
            self.at(
                value,
                format!(
                    "{what} {id:?} is not an id: use lower-case letters, digits, - and _ (at most 64)"
                ),
            );
        }
        ok
    }

    fn flags(&mut self, raw: &[Spanned<String>]) -> Vec<Flag> {
        let mut out = Vec::new();
        for f in raw {
            match Flag::parse(f.get_ref()) {
                Some(flag) if !out.contains(&flag) => out.push(flag),
                Some(_) => {}
                None => self.at(
                    f,
                    format!(
                        "unknown flag {:?}: use bot, campaign, abuse or personal-data",
                        f.get_ref()
                    ),
                ),
            }
        }
        out
    }

    fn channel(&mut self, value: &Spanned<String>) -> Option<Channel> {
        let c = Channel::parse(value.get_ref());
        if c.is_none() {
            self.at(
                value,
                format!(
                    "unknown platform {:?}: use microblog, group, forum or news",
                    value.get_ref()
                ),
            );
        }
        c
    }
}

/// Where something a post may point at was released, for checking `reply_to` and its kin.
pub(super) struct Known {
    at: Offset,
    what: &'static str,
}

/// Reads and checks one scenario file.
pub(super) fn scenario(origin: &str, text: &str) -> Result<Scenario, Vec<Problem>> {
    let mut c = Check {
        origin,
        text,
        problems: Vec::new(),
    };
    let raw: RawScenario = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let message = e.message().trim().to_string();
            match e.span() {
                Some(span) => c.at_offset(span.start, message),
                None => c.problems.push(Problem {
                    origin: origin.to_string(),
                    line: None,
                    message,
                }),
            }
            return Err(c.problems);
        }
    };
    c.id(&raw.id, "id");
    if raw.title.trim().is_empty() {
        c.problems.push(Problem {
            origin: origin.to_string(),
            line: crate::catalog::exercises::line_of(text, "title"),
            message: "title is empty: give the scenario a name trainers will recognise".into(),
        });
    }
    let minutes = *raw.minutes.get_ref();
    let minutes = if (5..=600).contains(&minutes) {
        minutes as u32
    } else {
        c.at(
            &raw.minutes,
            format!("minutes = {minutes}: a drill runs from 5 to 600 minutes"),
        );
        600
    };
    let end = Offset::minutes(minutes);
    let start = crate::ingest::jsonl::parse_date(raw.start.get_ref());
    if start.is_none() {
        c.at(
            &raw.start,
            format!(
                "start = {:?} is not a date and time: write it as 2026-02-12T07:00:00Z",
                raw.start.get_ref()
            ),
        );
    }

    let mut roles: Vec<Role> = Vec::new();
    for r in &raw.roles {
        let r = r.get_ref();
        if c.id(&r.id, "role") && roles.iter().any(|x| &x.id == r.id.get_ref()) {
            c.at(&r.id, format!("role {:?} is given twice", r.id.get_ref()));
        }
        roles.push(Role {
            id: r.id.get_ref().clone(),
            name: r.name.clone(),
        });
    }

    let replay = raw
        .replay
        .as_ref()
        .and_then(|r| check_replay(&mut c, r.get_ref(), end));

    // Every id a post may point at, with when it enters the drill.
    let mut known: HashMap<String, Known> = HashMap::new();
    if let Some(r) = &replay {
        for d in &r.documents {
            known.insert(
                d.id.clone(),
                Known {
                    at: d.at,
                    what: "replayed document",
                },
            );
        }
    }
    // First pass: the injects' ids and times, so a reference to a later one says so.
    let mut inject_ids: HashMap<String, (Offset, bool)> = HashMap::new();
    for i in &raw.injects {
        let i = i.get_ref();
        if let Ok(at) = Offset::parse(i.at.get_ref()) {
            let stream = matches!(i.kind.get_ref().as_str(), "post" | "article");
            inject_ids
                .entry(i.id.get_ref().clone())
                .or_insert((at, stream));
        }
    }

    let mut injects: Vec<Inject> = Vec::new();
    let mut previous: Option<Offset> = None;
    let mut raw = raw;
    for raw_inject in raw.injects.iter_mut() {
        let facts = raw_inject
            .get_mut()
            .expect
            .as_mut()
            .map(|e| std::mem::take(&mut e.get_mut().facts))
            .unwrap_or_default();
        let ri = raw_inject.get_ref();
        let id = ri.id.get_ref().clone();
        let ok_id = c.id(&ri.id, "inject id");
        if ok_id && injects.iter().any(|x| x.id == id) {
            c.at(&ri.id, format!("inject id {id:?} is used twice"));
        } else if ok_id && let Some(k) = known.get(&id) {
            c.at(
                &ri.id,
                format!("inject id {id:?} is already the id of a {}", k.what),
            );
        }
        let Some(at) = c.offset(&ri.at, "at", end) else {
            continue;
        };
        if let Some(p) = previous
            && at < p
        {
            c.at(
                &ri.at,
                format!(
                    "at = {at} comes before the inject above it ({p}): list injects in time order"
                ),
            );
        }
        previous = Some(at);
        let content = check_content(&mut c, ri, at, end, &known, &inject_ids, &roles);
        // The expectation is checked even when the content has a problem, so that one run
        // reports both.
        let expect = match &ri.expect {
            Some(e) => check_expect(&mut c, e, facts, at, end),
            None => {
                let kind = ri.kind.get_ref().as_str();
                if super::KINDS.contains(&kind) && !matches!(kind, "post" | "article") {
                    c.at(
                        &ri.kind,
                        format!(
                            "inject {id:?} ({kind}) needs an [injects.expect] table: the reaction the trainer looks for"
                        ),
                    );
                }
                None
            }
        };
        let Some(content) = content else {
            continue;
        };
        if content.post().is_some() {
            known.insert(
                id.clone(),
                Known {
                    at,
                    what: "post inject",
                },
            );
        }
        injects.push(Inject {
            id,
            at,
            content,
            expect,
            line: c.line(ri.id.span().start),
        });
    }

    let mut wave_list: Vec<Wave> = Vec::new();
    let mut total: i64 = 0;
    for w in &raw.waves {
        let w = w.get_ref();
        total += (*w.posts.get_ref()).max(0);
        if let Some(wave) = check_wave(&mut c, w, end, &known, &inject_ids) {
            if wave_list.iter().any(|x| x.id == wave.id) {
                c.at(&w.id, format!("wave id {:?} is used twice", wave.id));
            } else if known.contains_key(&wave.id) || inject_ids.contains_key(&wave.id) {
                c.at(
                    &w.id,
                    format!(
                        "wave id {:?} is already the id of an inject or document",
                        wave.id
                    ),
                );
            }
            wave_list.push(wave);
        }
    }
    if total > MAX_SCENARIO_POSTS
        && let Some(w) = raw.waves.first()
    {
        c.at(
            &w.get_ref().id,
            format!("the waves make {total} posts together: at most {MAX_SCENARIO_POSTS}"),
        );
    }

    if !c.problems.is_empty() {
        // In the order of the file, whatever order the checks ran in.
        c.problems.sort_by_key(|p| p.line);
        return Err(c.problems);
    }
    let Some(start) = start else {
        return Err(c.problems);
    };
    Ok(Scenario {
        id: raw.id.into_inner(),
        title: raw.title,
        summary: raw.summary,
        minutes,
        start,
        roles,
        injects,
        replay,
        waves: wave_list,
        origin: origin.to_string(),
    })
}

fn check_replay(c: &mut Check, r: &RawReplay, end: Offset) -> Option<Replay> {
    let corpora = crate::catalog::corpora::shipped();
    let Some(corpus) = corpora.iter().find(|s| s.name == r.corpus.get_ref()) else {
        let names: Vec<&str> = corpora.iter().map(|s| s.name).collect();
        c.at(
            &r.corpus,
            format!(
                "corpus {:?} is not a shipped corpus: use one of {}",
                r.corpus.get_ref(),
                names.join(", ")
            ),
        );
        return None;
    };
    let mut date = |v: &Option<Spanned<String>>, what: &str| match v {
        None => Some(None),
        Some(v) => match crate::ingest::jsonl::parse_date(v.get_ref()) {
            Some(d) => Some(Some(d)),
            None => {
                c.at(
                    v,
                    format!(
                        "{what} = {:?} is not a date: write 2026-02-09 or 2026-02-09T06:00:00Z",
                        v.get_ref()
                    ),
                );
                None
            }
        },
    };
    let from = date(&r.from, "from")?;
    let until = date(&r.until, "until")?;
    if let (Some(f), Some(u), Some(at)) = (from, until, &r.until)
        && u <= f
    {
        c.at(at, "until must come after from");
        return None;
    }
    let seconds = match parse_length(r.compress_to.get_ref()) {
        Ok(s) if s > end.seconds() => {
            c.at(
                &r.compress_to,
                format!(
                    "compress_to = {:?} is longer than the scenario ({} minutes)",
                    r.compress_to.get_ref(),
                    end.seconds() / 60
                ),
            );
            return None;
        }
        Ok(s) => s,
        Err(e) => {
            c.at(&r.compress_to, format!("compress_to = {e}"));
            return None;
        }
    };
    match replay::build(corpus.name, corpus.documents, from, until, seconds) {
        Ok(replay) => Some(replay),
        Err(e) => {
            c.at(&r.corpus, e);
            None
        }
    }
}
