//! One inject checked: the fields its kind takes (and no others), the posts it links to, and
//! the expected reaction with its facts and model.

use std::collections::HashMap;

use toml::Spanned;

use super::super::raw::{RawExpect, RawInject};
use super::super::time::Offset;
use super::super::{
    Channel, Content, Countdown, Deliverable, Enquiry, Expectation, Message, Post, Role, waves,
};
use super::{Check, Known, place};
use crate::error::Problem;

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
pub(super) fn check_content(
    c: &mut Check,
    ri: &RawInject,
    at: Offset,
    end: Offset,
    known: &HashMap<String, Known>,
    inject_ids: &HashMap<String, (Offset, bool)>,
    roles: &[Role],
) -> Option<Content> {
    let kind = ri.kind.get_ref().as_str();
    if !super::super::KINDS.contains(&kind) {
        c.at(
            &ri.kind,
            format!(
                "unknown inject kind {kind:?}: use {}",
                super::super::KINDS.join(", ")
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
pub(super) fn reference(
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

pub(super) fn check_expect(
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
