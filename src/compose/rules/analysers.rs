//! The built-in analysers a rule can name as its kind (`passive-voice`, `there-is`,
//! `repeated-words`, `hashtag-case`, `hashtag-position`, `emoji-position`, `emoji-repeated`,
//! `fancy-text`, `all-caps`, `emoticons`): each looks at a parsed draft and adds findings, with
//! the rule's own message and thresholds.
//!
//! This file: the analysers of wording and hashtags. Those of a post's look (emoji, fancy text,
//! capitals, emoticons) are `looks.rs`.

use super::*;

const BE: &[&str] = &[
    "am",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "isn't",
    "aren't",
    "wasn't",
    "weren't",
    "is\u{2019}nt",
];

/// Words between the verb and the participle that do not change the construction.
const BETWEEN: &[&str] = &[
    "not",
    "also",
    "now",
    "already",
    "being",
    "still",
    "often",
    "always",
    "never",
    "then",
    "usually",
    "currently",
    "just",
];

/// Common irregular past participles.
const IRREGULAR: &[&str] = &[
    "given",
    "taken",
    "made",
    "done",
    "seen",
    "known",
    "written",
    "told",
    "held",
    "built",
    "sent",
    "paid",
    "found",
    "shown",
    "chosen",
    "brought",
    "kept",
    "left",
    "lost",
    "met",
    "spent",
    "sold",
    "bought",
    "caught",
    "taught",
    "understood",
    "led",
    "meant",
    "heard",
    "won",
    "hidden",
    "broken",
    "driven",
    "eaten",
    "forgotten",
    "frozen",
    "stolen",
    "spoken",
    "sworn",
    "torn",
    "worn",
    "beaten",
    "bitten",
    "begun",
    "drawn",
    "grown",
    "thrown",
    "shut",
    "set",
    "put",
    "cut",
    "hit",
    "run",
    "read",
    "felt",
    "dealt",
    "laid",
    "said",
    "struck",
    "sought",
    "thought",
    "withdrawn",
    "undertaken",
    "overseen",
    "rebuilt",
    "awarded",
];

/// Participles used as adjectives after "be", which describe a state rather than hide who
/// acted: "the office is based in Leeds", "we are delighted", "the road is closed".
const STATIVE: &[&str] = &[
    "based",
    "located",
    "situated",
    "interested",
    "pleased",
    "delighted",
    "excited",
    "worried",
    "concerned",
    "tired",
    "married",
    "supposed",
    "used",
    "closed",
    "open",
    "qualified",
    "experienced",
    "skilled",
    "aged",
    "talented",
    "dedicated",
    "engaged",
    "satisfied",
    "disappointed",
    "surprised",
    "scared",
    "bored",
    "confused",
    "amazed",
    "thrilled",
    "honoured",
    "honored",
    "proud",
    "determined",
    "prepared",
    "committed",
    "entitled",
    "advanced",
    "crowded",
    "detailed",
    "limited",
    "related",
    "complicated",
    "sophisticated",
    "talented",
    "unemployed",
    "retired",
    "self-employed",
    "registered",
    "vaccinated",
    "licensed",
    "connected",
    "equipped",
];

/// Words ending in "-ed" that are not verbs.
const NOT_PARTICIPLE: &[&str] = &[
    "red", "bed", "shed", "hundred", "sacred", "naked", "wicked", "ragged", "beloved", "need",
    "seed", "feed", "speed", "weed", "breed", "greed", "tweed", "bled", "fled", "led", "wed",
    "sled", "shred", "bred", "fred", "ted", "ned",
];

fn is_participle(w: &str) -> bool {
    if IRREGULAR.contains(&w) {
        return true;
    }
    w.len() > 4 && w.ends_with("ed") && !NOT_PARTICIPLE.contains(&w)
}

pub(super) fn passive_voice(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    for s in &doc.sentences {
        let words = doc.sentence_words(s);
        let mut i = 0;
        while i < words.len() {
            let w = words[i].lower();
            if !BE.contains(&w.as_str()) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < words.len() && j <= i + 2 {
                let x = words[j].lower();
                if BETWEEN.contains(&x.as_str()) || (x.ends_with("ly") && x.len() > 4) {
                    j += 1;
                } else {
                    break;
                }
            }
            let Some(p) = words.get(j) else { break };
            let pl = p.lower();
            let adjacent = doc
                .text
                .get(words[j - 1].bytes.end..p.bytes.start)
                .is_some_and(|g| g.chars().all(char::is_whitespace));
            // A state ("is closed") is fine; the same word with an agent ("closed by the
            // council") is passive all the same.
            let by_follows = words.get(j + 1).is_some_and(|b| b.lower() == "by");
            let stative = STATIVE.contains(&pl.as_str()) && !by_follows;
            if adjacent && is_participle(&pl) && !stative {
                let start = words[i].bytes.start;
                let end = p.bytes.end;
                out.push(rule.finding(
                    doc,
                    Some((start, end)),
                    rule.msg(&[("match", doc.text[start..end].to_string())]),
                ));
                i = j + 1;
            } else {
                i += 1;
            }
        }
    }
}

pub(super) fn there_is(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    const VERBS: &[&str] = &[
        "is", "are", "was", "were", "will", "has", "have", "had", "would", "could", "may", "might",
    ];
    for s in &doc.sentences {
        let words = doc.sentence_words(s);
        let Some(first) = words.first() else { continue };
        // The opener must start the sentence (after any emoji or quote).
        let lead = &doc.text[s.bytes.start..first.bytes.start];
        if lead.chars().any(char::is_alphanumeric) {
            continue;
        }
        let f = first.lower();
        let hit_end = if f == "there's" || f == "there\u{2019}s" || f == "there're" {
            Some(first.bytes.end)
        } else if f == "there" {
            words.get(1).and_then(|second| {
                let gap = &doc.text[first.bytes.end..second.bytes.start];
                (gap.chars().all(char::is_whitespace) && VERBS.contains(&second.lower().as_str()))
                    .then_some(second.bytes.end)
            })
        } else {
            None
        };
        if let Some(end) = hit_end {
            out.push(rule.finding(
                doc,
                Some((first.bytes.start, end)),
                rule.msg(&[("match", doc.text[first.bytes.start..end].to_string())]),
            ));
        }
    }
}

pub(super) fn repeated_words(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    const FINE: &[&str] = &["had", "that"];
    for pair in doc.words.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let gap = &doc.text[a.bytes.end..b.bytes.start];
        if gap.is_empty() || !gap.chars().all(|c| c == ' ' || c == '\t') || !a.has_letter() {
            continue;
        }
        let al = a.lower();
        if al == b.lower() && !FINE.contains(&al.as_str()) {
            let mut f = rule.finding(
                doc,
                Some((a.bytes.start, b.bytes.end)),
                rule.msg(&[("match", a.text.to_string())]),
            );
            f.fix = Some(a.text.to_string());
            out.push(f);
        }
    }
}

fn is_word(w: &str) -> bool {
    words::WORDS.binary_search(&w).is_ok()
}

/// Whether `w` is a known word or a known word with a common ending.
fn is_word_form(w: &str) -> bool {
    if is_word(w) {
        return true;
    }
    const ENDINGS: &[&str] = &[
        "s", "es", "ed", "d", "ing", "er", "ers", "ly", "ment", "ments", "ness", "ful", "able",
        "ist", "ists",
    ];
    ENDINGS.iter().any(|e| {
        w.strip_suffix(e)
            .is_some_and(|stem| stem.len() >= 3 && (is_word(stem) || is_word(&format!("{stem}e"))))
    })
}

/// Splits a lower-case run of letters into the fewest known words (each at least three
/// letters, or a common two-letter word), if it can be split at all.
fn split_words(s: &str) -> Option<Vec<&str>> {
    const SHORT: &[&str] = &[
        "of", "to", "in", "on", "at", "my", "we", "us", "go", "be", "no", "up", "it", "is", "do",
        "me", "by", "an", "or", "uk", "eu", "nhs",
    ];
    let n = s.len();
    if n > 60 || !s.is_ascii() {
        return None;
    }
    // best[i]: fewest pieces covering s[..i], and where the last piece starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in 0..end {
            let Some((pieces, _)) = best[start] else {
                continue;
            };
            let piece = &s[start..end];
            let ok = if piece.len() >= 3 {
                is_word_form(piece)
            } else {
                SHORT.contains(&piece)
            };
            if ok && best[end].is_none_or(|(p, _)| pieces + 1 < p) {
                best[end] = Some((pieces + 1, start));
            }
        }
    }
    let mut parts = Vec::new();
    let mut end = n;
    while end > 0 {
        let (_, start) = best[end]?;
        parts.push(&s[start..end]);
        end = start;
    }
    parts.reverse();
    Some(parts)
}

pub(super) fn hashtag_case(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    for r in &doc.hashtags {
        let tag = &doc.text[r.start + 1..r.end];
        let Some(fixed) = camel_case(tag) else {
            continue;
        };
        let mut f = rule.finding(
            doc,
            Some((r.start, r.end)),
            rule.msg(&[("match", format!("#{tag}")), ("fix", fixed.clone())]),
        );
        f.fix = Some(fixed);
        out.push(f);
    }
}

/// The CamelCase form of a hashtag (without its `#`) written all in lower case that is made of
/// two or more known words (`floodgrant` → `#FloodGrant`); `None` when it has capitals already,
/// is one word, or cannot be split into words.
pub(crate) fn camel_case(tag: &str) -> Option<String> {
    if tag.chars().any(char::is_uppercase) || !tag.chars().any(char::is_alphabetic) {
        return None;
    }
    // Split letters from digits and underscores; only letter runs need capitals.
    let letters: String = tag.chars().take_while(|c| c.is_ascii_lowercase()).collect();
    if letters.len() < 5 || is_word_form(&letters) {
        return None;
    }
    let parts = split_words(&letters)?;
    if parts.len() < 2 {
        return None;
    }
    let camel: String = parts
        .iter()
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect();
    Some(format!("#{camel}{}", &tag[letters.len()..]))
}

/// Hashtags inside the text rather than gathered at the end.
pub(super) fn hashtag_position(rule: &Rule, doc: &Doc, out: &mut Vec<Finding>) {
    // The closing block: everything after the last word that is not a tag, mention or link.
    let last_prose_end = doc.words.last().map_or(0, |w| w.bytes.end);
    for r in &doc.hashtags {
        if r.start > last_prose_end {
            continue;
        }
        out.push(rule.finding(
            doc,
            Some((r.start, r.end)),
            rule.msg(&[("match", doc.text[r.clone()].to_string())]),
        ));
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_hashtags_into_words() {
        assert_eq!(split_words("floodalert"), Some(vec!["flood", "alert"]));
        assert_eq!(
            split_words("roadsafetyweek"),
            Some(vec!["road", "safety", "week"])
        );
        assert!(is_word_form("volunteering"));
    }
}
