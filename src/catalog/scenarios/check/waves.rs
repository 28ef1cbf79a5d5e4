//! One wave checked: its window inside the drill, its size and rate curve, its templates'
//! slots against its word lists, its figures, and the post it answers.

use std::collections::{BTreeMap, HashMap};

use toml::Spanned;

use super::super::raw::RawWave;
use super::super::time::Offset;
use super::super::{Wave, waves};
use super::injects::reference;
use super::{Check, Known, MAX_WAVE_POSTS};

pub(super) fn check_wave(
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
