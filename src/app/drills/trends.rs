//! Trends of a drill's stream as they happen (docs/design.md, "Drills"): posts per five drill
//! minutes per channel, and the words and hashtags rising in the last fifteen drill minutes.
//! Computed from the posts released by now only, so nothing shows before its moment.

use std::collections::HashMap;

use serde::Serialize;

use super::Drill;
use crate::catalog::scenarios::{Channel, Offset, Post, Release};

/// The width of a volume bar: five drill minutes.
pub const VOLUME_SECONDS: u32 = 300;
/// The window terms rise in: fifteen drill minutes, against the fifteen before.
pub const RISING_SECONDS: u32 = 900;

/// Posts in one five-minute window, per channel (in `Channel::ALL`'s order).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VolumeRow {
    pub from: Offset,
    pub counts: [u32; 4],
    pub total: u32,
}

/// The released posts per five minutes per channel, from T+00:00 to the window holding `now`.
pub fn volume(released: &[Release], now: Offset) -> Vec<VolumeRow> {
    let windows = now.0 / VOLUME_SECONDS + 1;
    let mut rows: Vec<VolumeRow> = (0..windows)
        .map(|w| VolumeRow {
            from: Offset(w * VOLUME_SECONDS),
            counts: [0; 4],
            total: 0,
        })
        .collect();
    for r in released.iter().filter(|r| r.at <= now) {
        let w = (r.at.0 / VOLUME_SECONDS) as usize;
        let c = Channel::ALL
            .iter()
            .position(|c| *c == r.post.channel)
            .unwrap_or(0);
        if let Some(row) = rows.get_mut(w) {
            row.counts[c] += 1;
            row.total += 1;
        }
    }
    rows
}

/// A word or hashtag used more in the last fifteen minutes than in the fifteen before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Rising {
    pub term: String,
    pub recent: u32,
    pub before: u32,
}

/// Words too common to be a trend.
const STOP: &[&str] = &[
    "the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for", "with", "is", "are",
    "was", "were", "be", "been", "it", "its", "this", "that", "these", "those", "i", "we", "you",
    "they", "he", "she", "my", "our", "your", "their", "from", "by", "as", "not", "no", "do",
    "does", "did", "have", "has", "had", "will", "would", "can", "could", "just", "so", "if",
    "about", "all", "any", "up", "out", "what", "who", "when", "there", "here", "me", "us", "them",
    "his", "her", "than", "then", "now", "more", "some", "get", "got", "how", "why", "one", "also",
    "into", "over", "after", "again", "still", "very", "only", "s", "t", "https", "http", "www",
    "com",
];

/// The terms of a post that can trend: its words of three letters or more outside the stop
/// list and not all digits, and its hashtags with their `#`, each once.
pub fn terms_of(post: &Post) -> Vec<String> {
    let text = format!("{} {}", post.title, post.text);
    let mut terms: Vec<String> = crate::text::token_texts(&text)
        .into_iter()
        .filter(|t| t.chars().count() >= 3 && !STOP.contains(&t.as_str()))
        .filter(|t| !t.chars().all(|c| c.is_ascii_digit()))
        .collect();
    terms.extend(
        crate::text::hashtags(&text)
            .into_iter()
            .map(|t| format!("#{t}")),
    );
    terms.sort();
    terms.dedup();
    terms
}

/// The drill's rising terms at `now` (see `rising`), from the terms its stream was laid out
/// with.
pub fn rising_in(drill: &Drill, now: Offset, limit: usize) -> Vec<Rising> {
    let released = drill.released_by(now);
    rising(
        released,
        &drill.playable.terms[..released.len()],
        now,
        limit,
    )
}

/// The terms (`terms[i]` those of `released[i]`, from `terms_of`) of posts released in the
/// last fifteen minutes to `now`, counted once a post, that rose against the fifteen minutes
/// before: at least three posts now and more than before; the most risen first, at most `limit`.
pub fn rising(
    released: &[Release],
    terms: &[Vec<String>],
    now: Offset,
    limit: usize,
) -> Vec<Rising> {
    let recent_from = now.0.saturating_sub(RISING_SECONDS);
    let before_from = recent_from.saturating_sub(RISING_SECONDS);
    let mut counts: HashMap<&str, (u32, u32)> = HashMap::new();
    for (r, terms) in released.iter().zip(terms).filter(|(r, _)| r.at <= now) {
        let recent = now.0 < RISING_SECONDS || r.at.0 > recent_from;
        if !recent && before_from > 0 && r.at.0 <= before_from {
            continue;
        }
        for t in terms {
            let e = counts.entry(t.as_str()).or_default();
            if recent {
                e.0 += 1;
            } else {
                e.1 += 1;
            }
        }
    }
    let mut out: Vec<Rising> = counts
        .into_iter()
        .filter(|(_, (recent, before))| *recent >= 3 && recent > before)
        .map(|(term, (recent, before))| Rising {
            term: term.to_string(),
            recent,
            before,
        })
        .collect();
    out.sort_by(|a, b| {
        let rise = |r: &Rising| i64::from(r.recent) - i64::from(r.before);
        rise(b)
            .cmp(&rise(a))
            .then(b.recent.cmp(&a.recent))
            .then(a.term.cmp(&b.term))
    });
    out.truncate(limit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::scenarios::Source;

    fn post(at: u32, channel: Channel, text: &str) -> Release {
        Release {
            at: Offset(at),
            id: format!("p{at}-{text}"),
            source: Source::Inject,
            post: Post {
                channel,
                venue: String::new(),
                author: "A".into(),
                handle: "@a".into(),
                title: String::new(),
                text: text.into(),
                lang: "en".into(),
                images: Vec::new(),
                reply_to: None,
                repost_of: None,
                quote_of: None,
                likes: 0,
                reposts: 0,
                replies: 0,
                flags: Vec::new(),
            },
        }
    }

    #[test]
    fn volume_counts_released_posts_per_five_minutes_and_channel() {
        let posts = vec![
            post(10, Channel::Microblog, "x"),
            post(299, Channel::News, "x"),
            post(300, Channel::Group, "x"),
            post(900, Channel::Forum, "x"),
        ];
        let rows = volume(&posts, Offset(600));
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].counts, [1, 0, 0, 1]);
        assert_eq!(rows[1].counts, [0, 1, 0, 0]);
        assert_eq!(
            rows[2].total, 0,
            "the post at T+00:15 is not out at T+00:10"
        );
    }

    #[test]
    fn terms_rise_against_the_fifteen_minutes_before() {
        let mut posts = Vec::new();
        for i in 0..3 {
            posts.push(post(100 + i, Channel::Microblog, "ferry delayed again"));
        }
        for i in 0..5 {
            posts.push(post(
                1000 + i,
                Channel::Microblog,
                "Refund scam #BrightwellRecall",
            ));
        }
        posts.push(post(1005, Channel::Microblog, "ferry ferry"));
        let post_terms: Vec<Vec<String>> = posts.iter().map(|r| terms_of(&r.post)).collect();
        let r = rising(&posts, &post_terms, Offset(1800), 10);
        let terms: Vec<&str> = r.iter().map(|r| r.term.as_str()).collect();
        assert!(terms.contains(&"refund"), "{terms:?}");
        assert!(terms.contains(&"#brightwellrecall"), "{terms:?}");
        assert!(
            !terms.contains(&"ferry"),
            "fell: 1 post now, 3 before: {terms:?}"
        );
        assert_eq!(r[0].recent, 5);
        // Nothing rises from posts not yet out.
        assert!(
            rising(&posts, &post_terms, Offset(999), 10)
                .iter()
                .all(|r| r.term != "refund")
        );
    }
}
