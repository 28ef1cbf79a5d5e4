//! A scenario file checked: the TOML read into its raw shape, then every field checked and
//! the `Scenario` built. Each problem names the file, the line and, for a value the parser
//! placed, its column; a file with any problem gives no scenario.

use std::collections::{BTreeMap, HashMap};

use toml::Spanned;

use super::raw::{RawExpect, RawInject, RawReplay, RawScenario, RawWave};
use super::time::{Offset, parse_length};
use super::{
    Channel, Content, Countdown, Deliverable, Enquiry, Expectation, Flag, Inject, Message, Post,
    Replay, Role, Scenario, Wave, replay, waves,
};
use crate::error::Problem;

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

struct Check<'a> {
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
struct Known {
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

/// The fields an inject of each kind may carry, besides id, at, kind and expect.
fn allowed(kind: &str) -> &'static [&'static str] {
    const POST: &[&str] = &[
        "platform",
        "venue",
        "author",
        "handle",
        "title",
        "lang",
        "images",
        "reply_to",
        "repost_of",
        "quote_of",
        "likes",
        "reposts",
        "replies",
        "flags",
        "text",
    ];
    match kind {
        "post" | "article" => POST,
        "brief" | "email" => &["to", "from", "subject", "text"],
        "media_enquiry" => &["outlet", "from", "text", "deadline"],
        "countdown" => &["text", "deadline"],
        _ => &[],
    }
}

/// The optional fields of an inject that are set, by name, with their place.
fn fields_set(ri: &RawInject) -> Vec<(&'static str, usize)> {
    let mut out = Vec::new();
    macro_rules! set {
        ($($f:ident),*) => {$(
            if let Some(v) = &ri.$f { out.push((stringify!($f), v.span().start)); }
        )*};
    }
    set!(
        platform, venue, author, handle, title, lang, images, reply_to, repost_of, quote_of, likes,
        reposts, replies, flags, text, to, from, subject, outlet, deadline
    );
    out
}

fn text_of(v: &Option<Spanned<String>>) -> String {
    v.as_ref()
        .map(|s| s.get_ref().trim().to_string())
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn check_content(
    c: &mut Check,
    ri: &RawInject,
    at: Offset,
    end: Offset,
    known: &HashMap<String, Known>,
    inject_ids: &HashMap<String, (Offset, bool)>,
    roles: &[Role],
) -> Option<Content> {
    let kind = ri.kind.get_ref().as_str();
    if !super::KINDS.contains(&kind) {
        c.at(
            &ri.kind,
            format!(
                "unknown inject kind {kind:?}: use {}",
                super::KINDS.join(", ")
            ),
        );
        return None;
    }
    let before = c.problems.len();
    for (field, offset) in fields_set(ri) {
        if !allowed(kind).contains(&field) {
            c.at_offset(
                offset,
                format!("`{field}` has no meaning for a {kind} inject"),
            );
        }
    }
    let missing = |c: &mut Check, field: &str, why: &str| {
        c.at(&ri.kind, format!("a {kind} inject needs `{field}`: {why}"));
    };
    let content = match kind {
        "post" | "article" => {
            let channel = match &ri.platform {
                Some(p) => c.channel(p),
                None => {
                    missing(c, "platform", "microblog, group, forum or news");
                    None
                }
            };
            let author = text_of(&ri.author);
            if author.is_empty() {
                missing(c, "author", "who posted it");
            }
            let title = text_of(&ri.title);
            if kind == "article" && title.is_empty() {
                missing(c, "title", "the headline");
            }
            let text = text_of(&ri.text);
            if text.is_empty() && ri.repost_of.is_none() {
                missing(
                    c,
                    "text",
                    "what the post says (only a repost may have none)",
                );
            }
            if ri.repost_of.is_some() && (ri.reply_to.is_some() || ri.quote_of.is_some()) {
                c.at(
                    ri.repost_of.as_ref()?,
                    "a repost passes a post on as it is: it cannot also reply or quote (use quote_of to add words)",
                );
            }
            if ri.repost_of.is_some() && !text.is_empty() {
                c.at(
                    ri.repost_of.as_ref()?,
                    "a repost has no text of its own: use quote_of for a post that adds words",
                );
            }
            for (field, target) in [
                ("reply_to", &ri.reply_to),
                ("repost_of", &ri.repost_of),
                ("quote_of", &ri.quote_of),
            ] {
                if let Some(t) = target {
                    reference(c, t, field, at, known, inject_ids);
                }
            }
            let images: Vec<String> = ri
                .images
                .as_ref()
                .map(|v| {
                    v.get_ref()
                        .iter()
                        .map(|i| i.alt.trim().to_string())
                        .collect()
                })
                .unwrap_or_default();
            if let Some(v) = &ri.images
                && images.iter().any(String::is_empty)
            {
                c.at(v, "an image has empty alt text: describe what it shows");
            }
            let flags = ri
                .flags
                .as_ref()
                .map(|f| c.flags(f.get_ref()))
                .unwrap_or_default();
            let handle = match &ri.handle {
                Some(h) => h.get_ref().trim().to_string(),
                None => waves::handle_of(&author),
            };
            let post = Post {
                channel: channel.unwrap_or(Channel::Microblog),
                venue: text_of(&ri.venue),
                author,
                handle,
                title,
                text,
                lang: ri
                    .lang
                    .as_ref()
                    .map(|l| l.get_ref().trim().to_ascii_lowercase())
                    .unwrap_or_else(|| "en".into()),
                images,
                reply_to: ri.reply_to.as_ref().map(|s| s.get_ref().clone()),
                repost_of: ri.repost_of.as_ref().map(|s| s.get_ref().clone()),
                quote_of: ri.quote_of.as_ref().map(|s| s.get_ref().clone()),
                likes: c.count(&ri.likes, "likes"),
                reposts: c.count(&ri.reposts, "reposts"),
                replies: c.count(&ri.replies, "replies"),
                flags,
            };
            if kind == "post" {
                Content::Post(post)
            } else {
                Content::Article(post)
            }
        }
        "brief" | "email" => {
            let to = text_of(&ri.to);
            match &ri.to {
                None => missing(c, "to", "the role it is addressed to"),
                Some(t) if !roles.iter().any(|r| r.id == to) => {
                    let ids: Vec<&str> = roles.iter().map(|r| r.id.as_str()).collect();
                    c.at(
                        t,
                        format!(
                            "to = {to:?} is not a role of this scenario: declare it in [[roles]] ({})",
                            if ids.is_empty() {
                                "none declared yet".to_string()
                            } else {
                                ids.join(", ")
                            }
                        ),
                    );
                }
                Some(_) => {}
            }
            let text = text_of(&ri.text);
            if text.is_empty() {
                missing(c, "text", "what the message says");
            }
            let m = Message {
                to,
                from: text_of(&ri.from),
                subject: text_of(&ri.subject),
                text,
            };
            if kind == "brief" {
                Content::Brief(m)
            } else {
                Content::Email(m)
            }
        }
        _ => {
            let deadline = match &ri.deadline {
                None => {
                    missing(c, "deadline", "the time it runs out, as T+HH:MM");
                    None
                }
                Some(d) => match c.offset(d, "deadline", end) {
                    Some(o) if o <= at => {
                        c.at(
                            d,
                            format!("deadline = {o} is not after the inject itself ({at})"),
                        );
                        None
                    }
                    other => other,
                },
            };
            let text = text_of(&ri.text);
            if text.is_empty() {
                missing(c, "text", "what the class is told");
            }
            if kind == "media_enquiry" {
                let outlet = text_of(&ri.outlet);
                if outlet.is_empty() {
                    missing(c, "outlet", "the newspaper, station or site asking");
                }
                Content::MediaEnquiry(Enquiry {
                    outlet,
                    from: text_of(&ri.from),
                    text,
                    deadline: deadline.unwrap_or(at),
                })
            } else {
                Content::Countdown(Countdown {
                    text,
                    deadline: deadline.unwrap_or(at),
                })
            }
        }
    };
    (c.problems.len() == before).then_some(content)
}

/// Checks that `target` names a post released no later than `at`.
fn reference(
    c: &mut Check,
    target: &Spanned<String>,
    field: &str,
    at: Offset,
    known: &HashMap<String, Known>,
    inject_ids: &HashMap<String, (Offset, bool)>,
) {
    let id = target.get_ref();
    if let Some(k) = known.get(id) {
        if k.at > at {
            c.at(
                target,
                format!(
                    "{field} = {id:?}: that {} enters at {}, after this ({at})",
                    k.what, k.at
                ),
            );
        }
        return;
    }
    match inject_ids.get(id) {
        Some((_, false)) => c.at(
            target,
            format!("{field} = {id:?} names an inject that is not a post or article"),
        ),
        Some((when, true)) if *when > at => c.at(
            target,
            format!("{field} = {id:?}: that post comes at {when}, after this ({at})"),
        ),
        // Later in the file at the same time, or itself: only what is above can be answered.
        Some(_) => c.at(
            target,
            format!("{field} = {id:?} must name a post listed above this one"),
        ),
        None => c.at(
            target,
            format!("{field} = {id:?} names no inject or replayed document of this scenario"),
        ),
    }
}

fn check_expect(
    c: &mut Check,
    raw: &Spanned<RawExpect>,
    raw_facts: Vec<crate::catalog::exercises::RawFact>,
    at: Offset,
    end: Offset,
) -> Option<Expectation> {
    let e = raw.get_ref();
    let before = c.problems.len();
    let reaction = e.reaction.get_ref().trim().to_string();
    if reaction.is_empty() {
        c.at(
            &e.reaction,
            "reaction is empty: say what a good team does, for the trainer",
        );
    }
    let deliverable = Deliverable::parse(e.deliverable.get_ref());
    if deliverable.is_none() {
        c.at(
            &e.deliverable,
            format!(
                "unknown deliverable {:?}: use post, reply, statement, email, escalation or nothing",
                e.deliverable.get_ref()
            ),
        );
    }
    let platform = e.platform.as_ref().map(|p| p.get_ref().trim().to_string());
    if let Some(p) = &e.platform
        && p.get_ref().parse::<crate::compose::Platform>().is_err()
    {
        c.at(
            p,
            format!(
                "unknown platform {:?} for the deliverable: use x, bluesky, mastodon, threads, linkedin, facebook or instagram",
                p.get_ref()
            ),
        );
    }
    if matches!(deliverable, Some(Deliverable::Post | Deliverable::Reply)) && platform.is_none() {
        c.at(
            &e.deliverable,
            "a post or reply is written for a platform: add `platform` (x, bluesky, mastodon, threads, linkedin, facebook or instagram)",
        );
    }
    let by = match &e.by {
        None => None,
        Some(b) => match c.offset(b, "by", end) {
            Some(o) if o <= at => {
                c.at(b, format!("by = {o} is not after the inject itself ({at})"));
                None
            }
            other => other,
        },
    };
    let text = c.text;
    let mut fact_problems: Vec<(Option<usize>, String)> = Vec::new();
    let facts = crate::catalog::exercises::check_facts(
        raw_facts,
        &|offset| place(text, offset).0,
        &mut |line, m| fact_problems.push((line, m)),
    );
    for (line, message) in fact_problems {
        c.problems.push(Problem {
            origin: c.origin.to_string(),
            line,
            message,
        });
    }
    if let Some(m) = &e.model {
        check_model(c, m, &facts, platform.as_deref());
    }
    if c.problems.len() != before {
        return None;
    }
    Some(Expectation {
        reaction,
        deliverable: deliverable?,
        platform,
        by,
        facts,
        model: e.model.as_ref().map(|m| m.get_ref().trim().to_string()),
    })
}

/// A model deliverable must state each fact, state none wrongly, and fit its platform: the
/// check that the facts' rules say what the trainer meant.
fn check_model(
    c: &mut Check,
    model: &Spanned<String>,
    facts: &[crate::catalog::exercises::Fact],
    platform: Option<&str>,
) {
    let text = model.get_ref().trim();
    if text.is_empty() {
        c.at(
            model,
            "model is empty: write the deliverable or leave it out",
        );
        return;
    }
    let post = crate::query::post::Post::new(text);
    for f in facts {
        if !post.matches(f.rule.query()) {
            c.at(
                model,
                format!(
                    "model does not state the fact {:?} (match = {:?})",
                    f.fact,
                    f.rule.source()
                ),
            );
        }
        for r in &f.contradicts {
            if post.matches(r.query()) {
                c.at(
                    model,
                    format!(
                        "model states the fact {:?} wrongly (contradicts = {:?})",
                        f.fact,
                        r.source()
                    ),
                );
            }
        }
    }
    if let Some(p) = platform.and_then(|p| p.parse::<crate::compose::Platform>().ok()) {
        let count = crate::compose::count(text, p.profile());
        if !count.valid {
            c.at(
                model,
                format!(
                    "model does not fit {}: {} of {} ({})",
                    p.id(),
                    count.length,
                    count.limit,
                    count.notes.join(" ")
                ),
            );
        }
    }
}

fn check_wave(
    c: &mut Check,
    w: &RawWave,
    end: Offset,
    known: &HashMap<String, Known>,
    inject_ids: &HashMap<String, (Offset, bool)>,
) -> Option<Wave> {
    let before = c.problems.len();
    c.id(&w.id, "wave id");
    let from = c.offset(&w.from, "from", end);
    let until = c.offset(&w.until, "until", end);
    if let (Some(f), Some(u)) = (from, until)
        && u <= f
    {
        c.at(&w.until, format!("until = {u} is not after from = {f}"));
    }
    let posts = *w.posts.get_ref();
    if !(1..=MAX_WAVE_POSTS).contains(&posts) {
        c.at(
            &w.posts,
            format!("posts = {posts}: a wave makes from 1 to {MAX_WAVE_POSTS} posts"),
        );
    }
    let shape = match &w.shape {
        None => vec![1.0],
        Some(s) => {
            let v = s.get_ref().clone();
            if v.is_empty()
                || v.len() > 100
                || v.iter().any(|x| !x.is_finite() || *x < 0.0)
                || v.iter().sum::<f64>() <= 0.0
            {
                c.at(
                    s,
                    "shape needs 1 to 100 rates of 0 or more, not all 0 (such as [1, 4, 10, 3])",
                );
            }
            v
        }
    };
    let channel = c.channel(&w.platform);
    let seed = *w.seed.get_ref();
    if seed < 0 {
        c.at(&w.seed, "seed must be 0 or more");
    }
    let words: BTreeMap<String, Vec<String>> = w
        .words
        .iter()
        .map(|(k, v)| (k.clone(), v.get_ref().clone()))
        .collect();
    for (name, list) in &w.words {
        if list.get_ref().is_empty() {
            c.at(list, format!("words.{name} is empty: give at least one"));
        }
        if name == "n" {
            c.at(list, "words.n is taken: {n} is always a number");
        }
    }
    for (field, list) in [("templates", &w.templates), ("authors", &w.authors)] {
        if list.get_ref().is_empty() {
            c.at(list, format!("{field} is empty: give at least one"));
        }
        for t in list.get_ref() {
            match waves::placeholders(t.get_ref()) {
                Err(e) => c.at(t, e),
                Ok(names) => {
                    for n in names {
                        if n != "n" && !words.contains_key(n) {
                            c.at(
                                t,
                                format!(
                                    "{{{n}}} has no list: add `{n} = [...]` under [waves.words]"
                                ),
                            );
                        }
                    }
                }
            }
        }
    }
    let flags = c.flags(&w.flags);
    let mut range = |v: &Option<Spanned<[i64; 2]>>, what: &str| -> (u32, u32) {
        match v {
            None => (0, 0),
            Some(r) => {
                let [lo, hi] = *r.get_ref();
                if lo < 0 || hi < lo || hi > 100_000_000 {
                    c.at(
                        r,
                        format!("{what} = [{lo}, {hi}] must be [low, high] with 0 ≤ low ≤ high"),
                    );
                    (0, 0)
                } else {
                    (lo as u32, hi as u32)
                }
            }
        }
    };
    let likes = range(&w.likes, "likes");
    let reposts = range(&w.reposts, "reposts");
    let replies = range(&w.replies, "replies");
    let targets = [
        ("reply_to", &w.reply_to),
        ("repost_of", &w.repost_of),
        ("quote_of", &w.quote_of),
    ];
    if targets.iter().filter(|(_, t)| t.is_some()).count() > 1 {
        c.at(
            &w.id,
            "a wave takes one of reply_to, repost_of and quote_of",
        );
    }
    for (field, target) in targets {
        if let (Some(t), Some(f)) = (target, from) {
            reference(c, t, field, f, known, inject_ids);
        }
    }
    if c.problems.len() != before {
        return None;
    }
    Some(Wave {
        id: w.id.get_ref().clone(),
        from: from?,
        until: until?,
        posts: posts as u32,
        shape,
        channel: channel?,
        venue: w.venue.trim().to_string(),
        lang: w
            .lang
            .as_deref()
            .map(|l| l.trim().to_ascii_lowercase())
            .unwrap_or_else(|| "en".into()),
        seed: seed as u64,
        templates: w
            .templates
            .get_ref()
            .iter()
            .map(|t| t.get_ref().clone())
            .collect(),
        authors: w
            .authors
            .get_ref()
            .iter()
            .map(|t| t.get_ref().clone())
            .collect(),
        words,
        flags,
        likes,
        reposts,
        replies,
        reply_to: w.reply_to.as_ref().map(|s| s.get_ref().clone()),
        repost_of: w.repost_of.as_ref().map(|s| s.get_ref().clone()),
        quote_of: w.quote_of.as_ref().map(|s| s.get_ref().clone()),
    })
}
