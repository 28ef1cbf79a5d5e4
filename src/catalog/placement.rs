//! The placement diagnostic's items (programmes, issue 19; docs/programmes.md, "Placement"):
//! `programmes/placement.toml`, compiled into the binary, parsed and checked here with every
//! problem named by file and line. Each item is a small graded task for one skill of
//! [`Skill`]: write a query over a dozen posts (`query`), pick posts or words from a list
//! (`pick`), sort posts into relevant / not relevant / escalate (`sort`), or write a short text
//! checked by platform counts, rule packs and key facts (`write`). Each carries a model answer
//! and a wrong one; `grade::placement` marks answers and its tests hold both to their marks.

use std::collections::{BTreeMap, HashSet};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::exercises::{Fact, Label, RawFact, Rewrite, Triage, TriageItem, check_facts};
use super::skills::Skill;
use crate::compose::{Platform, packs::BUILTIN};
use crate::error::Problem;
use crate::ingest::Document;
use crate::query::{self, ParsedQuery};

/// The shipped file's name in messages, and its text.
pub const SHIPPED_ORIGIN: &str = "programmes/placement.toml";
const SHIPPED: &str = include_str!("../../programmes/placement.toml");

/// What the learner does in an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// Write a monitoring query; it runs against each of the item's posts.
    Query,
    /// Tick posts (or words) in a list.
    Pick,
    /// Give each post a triage label.
    Sort,
    /// Write a short text: a post, a plainer sentence, alt text.
    Write,
}

/// What the posts of a `pick` task are to the query it shows, checked when the file loads so
/// the task says what is true.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Shows {
    /// Every post is one the query finds (a result list to read).
    Results,
    /// The posts to tick are exactly those the query does not find.
    Misses,
}

/// One post (or word) an item shows.
#[derive(Debug, Clone)]
pub struct Post {
    pub id: String,
    pub text: String,
    /// `query` items: whether the query should find it.
    pub relevant: bool,
    /// `pick` items: whether the learner should tick it.
    pub pick: bool,
    /// Why, in the trainer's words, for the feedback.
    pub why: String,
}

/// An answer to an item, from the file (model and wrong answers) or from the learner.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Answer {
    /// A query (`query`) or a text (`write`).
    Text(String),
    /// The ids ticked (`pick`).
    Picks(Vec<String>),
    /// A label by post id (`sort`).
    Labels(BTreeMap<String, Label>),
}

/// One item, checked.
#[derive(Debug, Clone)]
pub struct Item {
    pub id: String,
    pub skill: Skill,
    pub kind: ItemKind,
    /// 1 (easiest) to 3; within a skill the file goes from easy to hard, and harder items
    /// weigh more in the level.
    pub difficulty: u8,
    /// How long it should take.
    pub minutes: u32,
    pub title: String,
    /// What to do, in the learner's words.
    pub prompt: String,
    /// Text the learner works from (a sentence to rewrite, facts to state, a photo described).
    pub source: String,
    /// `pick` items: a query shown with the list; the page marks the posts it finds.
    pub query: Option<ParsedQuery>,
    pub posts: Vec<Post>,
    /// `write` items: the task as a rewrite exercise states it (platforms, rule packs, key
    /// facts), so that rewrite grading marks it.
    pub write: Option<Rewrite>,
    /// `sort` items: the posts as a triage exercise states them.
    pub sort: Option<Triage>,
    pub model: Answer,
    pub wrong: Answer,
    /// The item's line in the file.
    pub line: usize,
}

/// The items, in the order the learner takes them.
#[derive(Debug, Clone)]
pub struct Placement {
    pub items: Vec<Item>,
}

impl Post {
    /// The post as a document with one field, the way a query reads it.
    pub fn document(&self) -> Document {
        Document {
            id: self.id.clone(),
            title: String::new(),
            body: self.text.clone(),
            author: String::new(),
            source: "placement".into(),
            source_name: String::new(),
            url: String::new(),
            published: chrono::DateTime::UNIX_EPOCH,
            lang: "en".into(),
            kind: "post".into(),
            tags: Vec::new(),
            mentions: Vec::new(),
            host: String::new(),
        }
        .derive()
    }
}

impl Placement {
    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// Minutes the whole placement should take.
    pub fn minutes(&self) -> u32 {
        self.items.iter().map(|i| i.minutes).sum()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    items: Vec<Spanned<RawItem>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: String,
    skill: String,
    kind: ItemKind,
    difficulty: u8,
    minutes: u32,
    title: String,
    prompt: String,
    #[serde(default)]
    source: String,
    #[serde(default)]
    query: Option<Spanned<String>>,
    #[serde(default)]
    shows: Option<Shows>,
    #[serde(default)]
    posts: Vec<RawPost>,
    #[serde(default)]
    platforms: Vec<String>,
    #[serde(default)]
    rules: Vec<String>,
    #[serde(default)]
    facts: Vec<RawFact>,
    model: Answer,
    wrong: Answer,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPost {
    id: String,
    text: String,
    #[serde(default)]
    relevant: bool,
    #[serde(default)]
    pick: bool,
    #[serde(default)]
    label: Option<Label>,
    #[serde(default)]
    why: String,
}

/// The shipped items, parsed once per process (a bad shipped file is a bug the tests catch;
/// the pages show its problems rather than panic).
pub fn shipped() -> Result<&'static Placement, &'static [Problem]> {
    static SHIPPED_PLACEMENT: OnceLock<Result<Placement, Vec<Problem>>> = OnceLock::new();
    SHIPPED_PLACEMENT
        .get_or_init(|| parse(SHIPPED, SHIPPED_ORIGIN))
        .as_ref()
        .map_err(|p| p.as_slice())
}

/// Parses and checks a placement file: the items, or every problem found.
pub fn parse(text: &str, origin: &str) -> Result<Placement, Vec<Problem>> {
    let line_at = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
    let raw: RawFile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            return Err(vec![Problem {
                origin: origin.into(),
                line: e.span().map(|s| line_at(s.start)),
                message: e.message().to_string(),
            }]);
        }
    };
    let mut problems = Vec::new();
    let mut items = Vec::new();
    let mut ids = HashSet::new();
    let mut last_difficulty: BTreeMap<Skill, u8> = BTreeMap::new();
    for spanned in raw.items {
        let start = spanned.span().start;
        let line = line_at(start);
        let raw = spanned.into_inner();
        let mut problem = |line: Option<usize>, message: String| {
            problems.push(Problem {
                origin: origin.into(),
                line,
                message,
            })
        };
        // The line naming this item's id (from where the item starts: posts have ids too), for
        // problems about the item as a whole.
        let needle = format!("id = \"{}\"", raw.id);
        let at = text
            .get(start..)
            .and_then(|rest| rest.find(&needle))
            .map(|i| line_at(start + i))
            .or(Some(line));
        if raw.id.trim().is_empty() || !ids.insert(raw.id.clone()) {
            problem(at, format!("item id {:?} is empty or used twice", raw.id));
            continue;
        }
        let name = raw.id.clone();
        let Some(skill) = Skill::parse(&raw.skill) else {
            let known: Vec<_> = Skill::ALL.iter().map(|s| s.id()).collect();
            problem(
                at,
                format!(
                    "item {name}: unknown skill {:?}; the skills are {}",
                    raw.skill,
                    known.join(", ")
                ),
            );
            continue;
        };
        if !(1..=3).contains(&raw.difficulty) {
            problem(at, format!("item {name}: difficulty must be 1, 2 or 3"));
        }
        if let Some(before) = last_difficulty.insert(skill, raw.difficulty)
            && raw.difficulty < before
        {
            problem(
                at,
                format!(
                    "item {name}: difficulty {} comes after a {skill} item of difficulty \
                     {before}; within a skill, put easier items first",
                    raw.difficulty
                ),
            );
        }
        if !(1..=5).contains(&raw.minutes) {
            problem(at, format!("item {name}: minutes must be 1 to 5"));
        }
        if raw.title.trim().is_empty() || raw.prompt.trim().is_empty() {
            problem(at, format!("item {name}: needs a title and a prompt"));
        }
        let mut bad = false;
        let mut fail = |message: String| {
            bad = true;
            problem(at, format!("item {name}: {message}"));
        };
        let post_ids: HashSet<&str> = raw.posts.iter().map(|p| p.id.as_str()).collect();
        if post_ids.len() != raw.posts.len() {
            fail("two posts share an id".into());
        }
        let query = match &raw.query {
            Some(q) if raw.kind == ItemKind::Pick => match query::parse(q.get_ref()) {
                Ok(q) => Some(q),
                Err(e) => {
                    fail(format!("query {:?} does not run: {e}", q.get_ref()));
                    None
                }
            },
            Some(_) => {
                fail("only `pick` items show a query".into());
                None
            }
            None => None,
        };
        match (&query, raw.shows) {
            (_, None) => {}
            (None, Some(_)) => fail("`shows` needs the `query` it is about".into()),
            (Some(q), Some(shows)) => {
                for p in &raw.posts {
                    let found = q.matches_document(
                        &Post {
                            id: p.id.clone(),
                            text: p.text.clone(),
                            relevant: false,
                            pick: false,
                            why: String::new(),
                        }
                        .document(),
                    );
                    match shows {
                        Shows::Results if !found => fail(format!(
                            "shows = \"results\", but the query does not find post {:?}",
                            p.id
                        )),
                        Shows::Misses if found == p.pick => fail(format!(
                            "shows = \"misses\", but post {:?} is {} and has pick = {}",
                            p.id,
                            if found { "found" } else { "missed" },
                            p.pick
                        )),
                        _ => {}
                    }
                }
            }
        }
        let mut write = None;
        let mut sort = None;
        match raw.kind {
            ItemKind::Query => {
                let relevant = raw.posts.iter().filter(|p| p.relevant).count();
                if raw.posts.len() < 4 || relevant == 0 || relevant == raw.posts.len() {
                    fail("a query item needs at least 4 posts, some relevant and some not".into());
                }
                for (key, answer) in [("model", &raw.model), ("wrong", &raw.wrong)] {
                    match answer {
                        Answer::Text(q) => {
                            if let Err(e) = query::parse(q) {
                                fail(format!("{key} query {q:?} does not run: {e}"));
                            }
                        }
                        _ => fail(format!("{key} must be a query (a string)")),
                    }
                }
            }
            ItemKind::Pick => {
                if raw.posts.len() < 3 || !raw.posts.iter().any(|p| p.pick) {
                    fail("a pick item needs at least 3 posts, one or more with pick = true".into());
                }
                for (key, answer) in [("model", &raw.model), ("wrong", &raw.wrong)] {
                    match answer {
                        Answer::Picks(ids) => {
                            for id in ids.iter().filter(|id| !post_ids.contains(id.as_str())) {
                                fail(format!(
                                    "{key} picks {id:?}, which is not a post of the item"
                                ));
                            }
                        }
                        _ => fail(format!("{key} must be a list of post ids")),
                    }
                }
            }
            ItemKind::Sort => {
                let mut items = Vec::new();
                for p in &raw.posts {
                    match p.label {
                        Some(label) => items.push(TriageItem {
                            id: p.id.clone(),
                            label,
                            why: p.why.clone(),
                            life_safety: false,
                            route: None,
                        }),
                        None => fail(format!("post {:?} needs a label", p.id)),
                    }
                }
                if items.len() < 3 {
                    fail("a sort item needs at least 3 posts".into());
                }
                for (key, answer) in [("model", &raw.model), ("wrong", &raw.wrong)] {
                    match answer {
                        Answer::Labels(labels) => {
                            for id in labels.keys().filter(|id| !post_ids.contains(id.as_str())) {
                                fail(format!(
                                    "{key} labels {id:?}, which is not a post of the item"
                                ));
                            }
                        }
                        _ => fail(format!(
                            "{key} must be a table of labels by post id, e.g. {{ a = \"relevant\" }}"
                        )),
                    }
                }
                sort = Some(Triage {
                    corpus: String::new(),
                    pass_mark: 0.0,
                    routes: Vec::new(),
                    items,
                });
            }
            ItemKind::Write => {
                for p in &raw.platforms {
                    if p.parse::<Platform>().is_err() {
                        fail(format!("unknown platform {p:?}"));
                    }
                }
                for r in &raw.rules {
                    if !BUILTIN.iter().any(|(id, _)| id == r) {
                        let known: Vec<_> = BUILTIN.iter().map(|(id, _)| *id).collect();
                        fail(format!(
                            "unknown rule pack {r:?}; the built-in packs are {}",
                            known.join(", ")
                        ));
                    }
                }
                if raw.facts.is_empty() {
                    fail("a write item needs key facts ([[items.facts]])".into());
                }
                for (key, answer) in [("model", &raw.model), ("wrong", &raw.wrong)] {
                    if !matches!(answer, Answer::Text(_)) {
                        fail(format!("{key} must be a text (a string)"));
                    }
                }
                let mut fact_problems = Vec::new();
                let facts: Vec<Fact> =
                    check_facts(raw.facts, &line_at, &mut |l, m| fact_problems.push((l, m)));
                for (l, m) in fact_problems {
                    bad = true;
                    problem(l, format!("item {name}: {m}"));
                }
                write = Some(Rewrite {
                    source: String::new(),
                    source_text: raw.source.clone(),
                    platforms: raw.platforms.clone(),
                    rules: raw.rules.clone(),
                    pass_mark: 0.0,
                    model_answers: Vec::new(),
                    facts,
                });
            }
        }
        if raw.kind != ItemKind::Write && !(raw.platforms.is_empty() && raw.rules.is_empty()) {
            bad = true;
            problem(
                at,
                format!("item {name}: only `write` items take platforms and rules"),
            );
        }
        if bad {
            continue;
        }
        items.push(Item {
            id: raw.id,
            skill,
            kind: raw.kind,
            difficulty: raw.difficulty,
            minutes: raw.minutes,
            title: raw.title,
            prompt: raw.prompt,
            source: raw.source,
            query,
            posts: raw
                .posts
                .into_iter()
                .map(|p| Post {
                    id: p.id,
                    text: p.text,
                    relevant: p.relevant,
                    pick: p.pick,
                    why: p.why,
                })
                .collect(),
            write,
            sort,
            model: raw.model,
            wrong: raw.wrong,
            line,
        });
    }
    for skill in Skill::ALL {
        if !items.iter().any(|i| i.skill == skill) {
            problems.push(Problem {
                origin: origin.into(),
                line: None,
                message: format!("no item measures {} ({})", skill.name(), skill.id()),
            });
        }
    }
    if problems.is_empty() {
        Ok(Placement { items })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
#[path = "placement_tests.rs"]
mod tests;
