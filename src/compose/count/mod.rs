//! Platform profiles: how long a draft is on each platform, whether it fits, and where it
//! passes the limit (docs/design.md, "Counting characters").
//!
//! Units differ by platform on purpose. X weighs code points (see `twitter`). Bluesky,
//! Mastodon and Threads count grapheme clusters, what a reader sees as one character.
//! LinkedIn, Facebook and Instagram count UTF-16 code units, as their JavaScript composers
//! measure text; an emoji can count 2 or more there, which errs on the safe side.
//!
//! This file: counting. The platforms themselves (names, ids, limits, reading one from a name)
//! are `profile.rs`.

mod profile;

pub use profile::{Platform, Profile, UnknownPlatform};

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::twitter;
/// A position in the draft, in bytes (for slicing in Rust) and in Unicode scalars (for
/// pages and other languages).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Offset {
    pub byte: usize,
    pub char: usize,
}

impl Offset {
    /// The offset of the `char`-th scalar of `text` (the end if past it).
    pub fn at_char(text: &str, char: usize) -> Offset {
        let byte = text.char_indices().nth(char).map_or(text.len(), |(b, _)| b);
        Offset {
            byte,
            char: char.min(text.chars().count()),
        }
    }

    /// The offset of byte `byte` of `text`, which must be a character boundary.
    pub fn at_byte(text: &str, byte: usize) -> Offset {
        let byte = byte.min(text.len());
        Offset {
            byte,
            char: text.get(..byte).map_or(0, |s| s.chars().count()),
        }
    }
}

/// How a draft measures up on one platform.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub platform: Platform,
    /// What `length` and `limit` count ("weighted characters", "characters", …).
    pub unit: Cow<'static, str>,
    pub length: usize,
    pub limit: usize,
    /// `limit - length`; negative when the draft is too long.
    pub remaining: i64,
    pub valid: bool,
    /// Where the text passes the limit, so a page can mark the overflow.
    pub overflow: Option<Offset>,
    /// Where the platform folds a long post behind "See more" (Facebook).
    pub fold: Option<Offset>,
    /// Plain-language notes for the trainee: why it is invalid, how the platform counts.
    pub notes: Vec<String>,
}

/// Where Facebook folds a post behind "See more". Facebook does not publish it: the fold
/// falls after about three lines on mobile, commonly observed at about 477 characters. We
/// use 477 characters or the end of the third line, whichever comes first.
pub const FACEBOOK_FOLD_CHARS: usize = 477;
pub const FACEBOOK_FOLD_LINES: usize = 3;

/// The most hashtags Instagram accepts on a caption.
pub const INSTAGRAM_MAX_HASHTAGS: usize = 5;

/// Bluesky also caps a post's size in bytes.
pub const BLUESKY_MAX_BYTES: usize = 3000;

/// What Mastodon counts each link as, whatever its length.
pub const MASTODON_URL_LENGTH: usize = 23;

/// Counts `text` for one platform.
pub fn count(text: &str, profile: Profile) -> Count {
    let mut c = match profile.platform {
        Platform::X => count_x(text, profile.limit),
        Platform::Bluesky => count_bluesky(text, profile.limit),
        Platform::Mastodon => count_mastodon(text, profile.limit),
        Platform::Threads => graphemes(text, profile, "characters"),
        Platform::Linkedin | Platform::Facebook | Platform::Instagram => {
            utf16(text, profile, "characters")
        }
    };
    match profile.platform {
        Platform::Facebook => facebook_fold(text, &mut c),
        Platform::Instagram => instagram_hashtags(text, &mut c),
        _ => {}
    }
    if text.trim().is_empty() {
        c.valid = false;
        c.notes.insert(
            0,
            "The draft is empty: write something to post.".to_string(),
        );
    }
    c
}

fn finish(platform: Platform, unit: &'static str, length: usize, limit: usize) -> Count {
    Count {
        platform,
        unit: Cow::Borrowed(unit),
        length,
        limit,
        remaining: limit as i64 - length as i64,
        valid: length > 0 && length <= limit,
        overflow: None,
        fold: None,
        notes: Vec::new(),
    }
}

/// "You have N characters too many for X (limit 280).": the note a count carries when it is too long.
pub fn too_long_note(c: &Count) -> Option<String> {
    (c.length > c.limit).then(|| {
        let over = c.length - c.limit;
        let s = if over == 1 { "" } else { "s" };
        format!(
            "You have {over} {} too many for {} (limit {}).",
            if c.unit == "characters" {
                format!("character{s}")
            } else {
                format!("{}{}", c.unit.trim_end_matches('s'), s)
            },
            c.platform.name(),
            c.limit
        )
    })
}

fn count_x(text: &str, limit: usize) -> Count {
    let mut config = twitter::Config::v3();
    config.max_weighted_tweet_length = u32::try_from(limit).unwrap_or(u32::MAX);
    let parsed = twitter::parse(text, &config);
    let mut c = finish(
        Platform::X,
        "weighted characters",
        parsed.weighted_length as usize,
        limit,
    );
    c.valid = parsed.valid;
    c.overflow = parsed.overflow_char.map(|ch| Offset::at_char(text, ch));
    c.notes.extend(too_long_note(&c));
    if let Some(&first) = parsed.invalid_chars.first() {
        let ch = text.chars().nth(first).map_or(0, |c| c as u32);
        c.notes.push(format!(
            "Character {} (U+{ch:04X}) is not allowed on X; remove it (it is often pasted in invisibly).",
            first + 1
        ));
    }
    c.notes.push(
        "X counts most letters as 1, CJK characters and emoji as 2, and every link as 23."
            .to_string(),
    );
    c
}

/// The grapheme index at which the running count passes `limit`, as an offset.
fn grapheme_overflow(text: &str, limit: usize) -> Option<Offset> {
    text.grapheme_indices(true)
        .nth(limit)
        .map(|(b, _)| Offset::at_byte(text, b))
}

fn graphemes(text: &str, profile: Profile, unit: &'static str) -> Count {
    let length = text.graphemes(true).count();
    let mut c = finish(profile.platform, unit, length, profile.limit);
    if length > profile.limit {
        c.overflow = grapheme_overflow(text, profile.limit);
    }
    c.notes.extend(too_long_note(&c));
    c
}

fn utf16(text: &str, profile: Profile, unit: &'static str) -> Count {
    let mut length = 0;
    let mut overflow = None;
    for (b, ch) in text.char_indices() {
        length += ch.len_utf16();
        if length > profile.limit && overflow.is_none() {
            overflow = Some(Offset::at_byte(text, b));
        }
    }
    let mut c = finish(profile.platform, unit, length, profile.limit);
    c.overflow = overflow;
    c.notes.extend(too_long_note(&c));
    c
}

fn count_bluesky(text: &str, limit: usize) -> Count {
    let mut c = graphemes(text, Platform::Bluesky.profile_with(limit), "characters");
    if text.len() > BLUESKY_MAX_BYTES {
        c.valid = false;
        // The last character boundary at or below the byte cap.
        let mut cut = BLUESKY_MAX_BYTES;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let at = Offset::at_byte(text, cut);
        if c.overflow.is_none_or(|o| o.byte > at.byte) {
            c.overflow = Some(at);
        }
        c.notes.push(format!(
            "Bluesky also caps a post at {BLUESKY_MAX_BYTES} bytes of UTF-8; this draft is {} bytes.",
            text.len()
        ));
    }
    c
}

impl Platform {
    fn profile_with(self, limit: usize) -> Profile {
        Profile {
            platform: self,
            limit,
        }
    }
}

/// Mastodon counts a link as 23 whatever its length, and a remote mention `@user@domain`
/// as `@user`; everything else in grapheme clusters.
fn count_mastodon(text: &str, limit: usize) -> Count {
    // Pieces of the text, each with the length Mastodon gives it.
    let mut replaced: Vec<(usize, usize, usize)> = Vec::new(); // (start byte, end byte, counts as)
    let char_to_byte: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    for url in twitter::extract_urls(text) {
        let lower = url.url.to_ascii_lowercase();
        if url.has_protocol && (lower.starts_with("http://") || lower.starts_with("https://")) {
            replaced.push((
                char_to_byte[url.start],
                char_to_byte[url.end],
                MASTODON_URL_LENGTH,
            ));
        }
    }
    // A mention inside a link is part of the link. The links sorted, with the furthest end of
    // each prefix, answer that in a binary search: a linear scan per mention was quadratic on
    // a draft of many mentions (a megabyte of `@a@b.` took minutes).
    replaced.sort_unstable();
    let reach: Vec<usize> = replaced
        .iter()
        .scan(0, |far, r| {
            *far = r.1.max(*far);
            Some(*far)
        })
        .collect();
    let links = replaced.len();
    for (start, end, user_len) in remote_mentions(text) {
        // Mentions do not overlap one another, so only the links can overlap one.
        let before = replaced[..links].partition_point(|r| r.0 < end);
        if before == 0 || reach[before - 1] <= start {
            replaced.push((start, end, user_len));
        }
    }
    replaced.sort_unstable();
    let mut length = 0;
    let mut overflow = None;
    let mut pos = 0;
    let mut step = |piece_start: usize, units: Vec<(usize, usize)>, length: &mut usize| {
        for (b, n) in units {
            *length += n;
            if *length > limit && overflow.is_none() {
                overflow = Some(Offset::at_byte(text, piece_start + b));
            }
        }
    };
    for (start, end, counts) in replaced {
        if start < pos {
            continue;
        }
        let plain = &text[pos..start];
        step(
            pos,
            plain.grapheme_indices(true).map(|(b, _)| (b, 1)).collect(),
            &mut length,
        );
        step(start, vec![(0, counts)], &mut length);
        pos = end;
    }
    let plain = &text[pos..];
    step(
        pos,
        plain.grapheme_indices(true).map(|(b, _)| (b, 1)).collect(),
        &mut length,
    );
    let mut c = finish(Platform::Mastodon, "characters", length, limit);
    c.overflow = overflow;
    c.notes.extend(too_long_note(&c));
    c.notes.push(format!(
        "Mastodon counts each web link as {MASTODON_URL_LENGTH} and @user@server as @user. Limits vary by server; this one is {limit}."
    ));
    c
}

/// Remote mentions `@user@domain`: (start byte, end byte, length of `@user`).
fn remote_mentions(text: &str) -> Vec<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let is_user = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'@' {
            i += 1;
            continue;
        }
        // Not after a word character, `=` or `/` (an e-mail address or a URL).
        let prev = text[..i].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == '=' || p == '/') {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < bytes.len() && (is_user(bytes[j]) || bytes[j] == b'.' || bytes[j] == b'-') {
            j += 1;
        }
        // A username ends in a letter, digit or underscore.
        while j > i + 1 && !is_user(bytes[j - 1]) {
            j -= 1;
        }
        if j == i + 1 || j >= bytes.len() || bytes[j] != b'@' {
            i = j.max(i + 1);
            continue;
        }
        let user_end = j;
        let mut k = j + 1;
        let domain_start = k;
        while k < bytes.len() && (is_user(bytes[k]) || bytes[k] == b'.' || bytes[k] == b'-') {
            k += 1;
        }
        while k > domain_start && !is_user(bytes[k - 1]) {
            k -= 1;
        }
        if k > domain_start {
            out.push((i, k, user_end - i));
        }
        i = k.max(i + 1);
    }
    out
}

fn facebook_fold(text: &str, c: &mut Count) {
    let mut fold_at: Option<usize> = None;
    let mut newlines = 0;
    for (n, (b, ch)) in text.char_indices().enumerate() {
        if n == FACEBOOK_FOLD_CHARS {
            fold_at = Some(b);
            break;
        }
        if ch == '\n' {
            newlines += 1;
            if newlines == FACEBOOK_FOLD_LINES && b + 1 < text.len() {
                fold_at = Some(b + 1);
                break;
            }
        }
    }
    if let Some(b) = fold_at {
        let at = Offset::at_byte(text, b);
        c.fold = Some(at);
        c.notes.push(format!(
            "Facebook shows about the first {FACEBOOK_FOLD_CHARS} characters or {FACEBOOK_FOLD_LINES} lines, then \"See more\": here the fold falls at character {}. Put what matters before it.",
            at.char
        ));
    }
}

fn instagram_hashtags(text: &str, c: &mut Count) {
    let tags = crate::text::sigil_words(text, '#').len();
    if tags > INSTAGRAM_MAX_HASHTAGS {
        c.valid = false;
        c.notes.push(format!(
            "Instagram allows at most {INSTAGRAM_MAX_HASHTAGS} hashtags on a post; this draft has {tags}."
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn len(p: Platform, text: &str) -> usize {
        count(text, p.profile()).length
    }

    #[test]
    fn platform_ids_and_alias() {
        assert_eq!("twitter".parse::<Platform>(), Ok(Platform::X));
        assert_eq!("LinkedIn".parse::<Platform>(), Ok(Platform::Linkedin));
        assert!("myspace".parse::<Platform>().is_err());
    }

    #[test]
    fn graphemes_for_bluesky() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
        assert_eq!(len(Platform::Bluesky, family), 1);
        assert_eq!(len(Platform::Bluesky, "\u{1F1EC}\u{1F1E7}"), 1);
        assert_eq!(len(Platform::Bluesky, "\u{1F44D}\u{1F3FD}"), 1);
        assert_eq!(len(Platform::Bluesky, "e\u{301}te\u{301}"), 3);
    }

    #[test]
    fn bluesky_byte_cap() {
        let text = "\u{1F600}".repeat(290); // 290 graphemes, 1160 bytes: fine
        assert!(count(&text, Platform::Bluesky.profile()).valid);
        let cjk = "\u{6F22}".repeat(1001); // 1001 graphemes would fail anyway
        let c = count(&cjk, Platform::Bluesky.profile());
        assert!(!c.valid);
        assert_eq!(c.overflow.map(|o| o.char), Some(300));
    }

    #[test]
    fn mastodon_links_and_remote_mentions() {
        let text =
            "Thanks @alice@example.social see https://www.example.com/a/very/long/path/indeed";
        // "Thanks " 7 + "@alice" 6 + " see " 5 + link 23
        assert_eq!(len(Platform::Mastodon, text), 41);
        // A bare domain is not a link on Mastodon.
        assert_eq!(len(Platform::Mastodon, "example.com"), 11);
        // An e-mail address is not a mention.
        assert_eq!(len(Platform::Mastodon, "me@example.com"), 14);
    }

    #[test]
    fn overflow_offsets() {
        let text = "a".repeat(505);
        let c = count(&text, Platform::Threads.profile());
        assert_eq!(c.remaining, -5);
        assert_eq!(
            c.overflow,
            Some(Offset {
                byte: 500,
                char: 500
            })
        );
        assert!(c.notes[0].contains("5 characters too many"));
    }

    #[test]
    fn facebook_fold_and_instagram_tags() {
        let c = count(&"word ".repeat(200), Platform::Facebook.profile());
        assert_eq!(c.fold.map(|f| f.char), Some(FACEBOOK_FOLD_CHARS));
        let c = count("one\ntwo\nthree\nfour", Platform::Facebook.profile());
        assert_eq!(c.fold.map(|f| f.char), Some(14));
        let c = count("#a #b #c #d #e #f", Platform::Instagram.profile());
        assert!(!c.valid);
    }

    #[test]
    fn empty_is_invalid_everywhere() {
        for p in Platform::ALL {
            let c = count("", p.profile());
            assert!(!c.valid, "{p}");
            assert!(c.notes[0].contains("empty"));
        }
    }
}
