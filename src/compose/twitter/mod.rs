//! X (Twitter) counting as twitter-text version 3 defines it: NFC first, URLs with or
//! without a scheme count as a t.co link, emoji sequences count 2, code points count 1 in
//! the light ranges and 2 elsewhere, and U+FFFE, U+FEFF, U+FFFF make a post invalid.
//!
//! Written here rather than taken from the `twitter-text` crate, which panics on ordinary
//! text and misses bare domains. Three parts: `normalize` (NFC, with a map back to the
//! input), `urls` (the URL finder) and, here, the weighing of what is left. Positions
//! follow the reference implementation (UTF-16 code units) where the conformance data
//! needs them, and Unicode scalar offsets into the caller's text everywhere else.
//!
//! The count runs on every keystroke, and `cargo bench --bench compose` holds it to at
//! least twice the official library's speed: hence the fast paths for ASCII and NFC text,
//! and the filters that keep most characters away from the emoji and domain tables.

mod normalize;
mod urls;

use serde::{Deserialize, Serialize};

use super::emoji;
use normalize::Normalized;

/// A twitter-text counting configuration (the shape of `v2.json` and `v3.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Config {
    pub version: u32,
    pub max_weighted_tweet_length: u32,
    pub scale: u32,
    pub default_weight: u32,
    #[serde(default)]
    pub emoji_parsing_enabled: bool,
    #[serde(rename = "transformedURLLength")]
    pub transformed_url_length: u32,
    pub ranges: Vec<WeightRange>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeightRange {
    pub start: u32,
    pub end: u32,
    pub weight: u32,
}

impl Config {
    /// Version 3, the one X uses: version 2 plus emoji sequences counted as 2.
    pub fn v3() -> Self {
        Config {
            version: 3,
            emoji_parsing_enabled: true,
            ..Self::v2()
        }
    }

    /// Version 1: 140 code points, every one counting 1, links 23 (the `tweets` group of the
    /// conformance data, and the old `isValidTweetText`).
    pub fn v1() -> Self {
        Config {
            version: 1,
            max_weighted_tweet_length: 140,
            scale: 1,
            default_weight: 1,
            emoji_parsing_enabled: false,
            transformed_url_length: 23,
            ranges: Vec::new(),
        }
    }

    /// Version 2: weighted code points and t.co links, no emoji sequences.
    pub fn v2() -> Self {
        let range = |start, end| WeightRange {
            start,
            end,
            weight: 100,
        };
        Config {
            version: 2,
            max_weighted_tweet_length: 280,
            scale: 100,
            default_weight: 200,
            emoji_parsing_enabled: false,
            transformed_url_length: 23,
            ranges: vec![
                range(0x0000, 0x10FF),
                range(0x2000, 0x200D),
                range(0x2010, 0x201F),
                range(0x2032, 0x2037),
            ],
        }
    }

    fn weight_of(&self, code_unit: u32) -> u32 {
        self.ranges
            .iter()
            .find(|r| r.start <= code_unit && code_unit <= r.end)
            .map_or(self.default_weight, |r| r.weight)
    }
}

/// What twitter-text's `parseTweet` reports, plus where the text passes the limit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Parsed {
    pub weighted_length: u32,
    pub valid: bool,
    pub permillage: u32,
    /// Inclusive end of the part within the limit, in UTF-16 code units of the input, with
    /// the reference implementation's crude correction for normalisation (which can make
    /// it negative when NFC lengthens the text and the first character is invalid).
    pub valid_range_end: i64,
    /// Inclusive end of the text in UTF-16 code units (0 for an empty text).
    pub display_range_end: usize,
    /// Offset, in Unicode scalars of the input text, of the first unit (code point, link
    /// or emoji) that takes the text past the limit.
    pub overflow_char: Option<usize>,
    /// Offsets (Unicode scalars of the input) of characters that make a post invalid.
    pub invalid_chars: Vec<usize>,
}

/// A URL found in text, as twitter-text's `extractUrlsWithIndices` finds it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UrlEntity {
    pub url: String,
    /// Start and end in Unicode scalars of the text searched.
    pub start: usize,
    pub end: usize,
    /// Whether the URL was written with `http://` or `https://`.
    pub has_protocol: bool,
}

/// Counts `text` as twitter-text's `parseTweet` does with `config`.
pub fn parse(text: &str, config: &Config) -> Parsed {
    let norm = Normalized::new(text);
    let t = Chars::new(&norm.text);
    let urls = urls::find(&t);
    let emoji = if config.emoji_parsing_enabled {
        emoji_sequences(&t)
    } else {
        Vec::new()
    };

    let max = u64::from(config.max_weighted_tweet_length) * u64::from(config.scale);
    let url_weight = u64::from(config.transformed_url_length) * u64::from(config.scale);
    let mut tally = Tally {
        max,
        weight: 0,
        valid: true,
        valid_display_u16: 0,
        overflow: None,
        invalid_chars: Vec::new(),
    };
    let (mut ui, mut ei) = (0, 0);
    let mut i = 0;
    while i < t.len() {
        // Entities that start inside one already counted are skipped, as the reference does.
        while ui < urls.len() && urls[ui].start < i {
            ui += 1;
        }
        while ei < emoji.len() && emoji[ei].0 < i {
            ei += 1;
        }
        let next_url = urls.get(ui).map_or(t.len(), |u| u.start);
        let next_emoji = emoji.get(ei).map_or(t.len(), |e| e.0);
        // Single code points up to the next entity.
        while i < next_url.min(next_emoji) {
            let c = t.chars[i] as u32;
            // Outside the BMP the reference weighs the low surrogate, which no range covers.
            let unit = if c > 0xFFFF { 0xDC00 | (c & 0x3FF) } else { c };
            tally.add(&t, &norm, i, i + 1, u64::from(config.weight_of(unit)));
            i += 1;
        }
        if i == next_url && i < t.len() {
            tally.add(&t, &norm, i, urls[ui].skip_to, url_weight);
            i = urls[ui].skip_to;
        } else if i == next_emoji && i < t.len() {
            tally.add(&t, &norm, i, emoji[ei].1, u64::from(config.default_weight));
            i = emoji[ei].1;
        }
    }

    let scale = u64::from(config.scale.max(1));
    let weighted_length = u32::try_from(tally.weight / scale).unwrap_or(u32::MAX);
    let limit = scale * u64::from(config.max_weighted_tweet_length.max(1));
    let permillage = u32::try_from(tally.weight * 1000 / limit).unwrap_or(u32::MAX);
    let counted_u16 = t.u16_at(t.len());
    let text_u16 = if norm.is_input() {
        counted_u16
    } else {
        text.encode_utf16().count()
    };
    let offset = text_u16 as i64 - counted_u16 as i64;
    Parsed {
        weighted_length,
        valid: tally.valid
            && weighted_length > 0
            && weighted_length <= config.max_weighted_tweet_length,
        permillage,
        valid_range_end: tally.valid_display_u16 as i64 + offset,
        display_range_end: text_u16.saturating_sub(1),
        overflow_char: tally.overflow,
        invalid_chars: tally.invalid_chars,
    }
}

/// What `parseTweet` accumulates as it steps over the text, one unit at a time.
struct Tally {
    max: u64,
    weight: u64,
    valid: bool,
    valid_display_u16: usize,
    overflow: Option<usize>,
    invalid_chars: Vec<usize>,
}

impl Tally {
    /// Counts the unit `t[start..end]` (a code point, a URL or an emoji sequence).
    fn add(&mut self, t: &Chars, norm: &Normalized, start: usize, end: usize, weight: u64) {
        self.weight += weight;
        // The reference checks only the last code unit of each unit it steps over.
        if is_invalid_char(t.chars[end - 1]) {
            self.invalid_chars.push(norm.original_char(end - 1));
            self.valid = false;
        }
        if self.weight > self.max && self.overflow.is_none() {
            self.overflow = Some(norm.original_char(start));
        }
        if self.valid && self.weight <= self.max {
            self.valid_display_u16 = t.u16_at(end) - 1;
        }
    }
}

fn is_invalid_char(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// The URLs in `text`, as twitter-text finds them (with or without a scheme).
pub fn extract_urls(text: &str) -> Vec<UrlEntity> {
    let t = Chars::new(text);
    urls::find(&t)
        .into_iter()
        .map(|e| UrlEntity {
            url: e.url(&t),
            start: e.start,
            end: e.end,
            has_protocol: e.has_protocol,
        })
        .collect()
}

/// A text as scalars, with the UTF-8 and UTF-16 offset of each.
struct Chars<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// `bytes[i]` is the byte offset of scalar `i`, `u16s[i]` its UTF-16 offset; each has
    /// one extra entry for the end. Both are left empty for ASCII text, where every offset
    /// is the scalar index (most drafts, which then cost one copy to set up).
    bytes: Vec<usize>,
    u16s: Vec<usize>,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        if text.is_ascii() {
            return Chars {
                text,
                chars: text.bytes().map(char::from).collect(),
                bytes: Vec::new(),
                u16s: Vec::new(),
            };
        }
        let mut chars = Vec::with_capacity(text.len());
        chars.extend(text.chars());
        Chars {
            text,
            bytes: running_sums(&chars, char::len_utf8),
            u16s: running_sums(&chars, char::len_utf16),
            chars,
        }
    }

    fn is_ascii(&self) -> bool {
        self.bytes.is_empty()
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// The byte offset of scalar `i` (`i` ≤ `len()`).
    fn byte(&self, i: usize) -> usize {
        if self.is_ascii() { i } else { self.bytes[i] }
    }

    /// The UTF-16 offset of scalar `i` (`i` ≤ `len()`).
    fn u16_at(&self, i: usize) -> usize {
        if self.is_ascii() { i } else { self.u16s[i] }
    }

    fn u16_len(&self, from: usize, to: usize) -> usize {
        self.u16_at(to) - self.u16_at(from)
    }

    fn str(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.byte(from)..self.byte(to)]
    }

    /// The scalar index at (or just after) a UTF-16 offset.
    fn char_at_u16(&self, u: usize) -> usize {
        if self.is_ascii() {
            u.min(self.len())
        } else {
            self.u16s.partition_point(|&x| x < u).min(self.len())
        }
    }

    /// The scalar index of a byte offset on a character boundary.
    fn char_at_byte(&self, b: usize) -> usize {
        if self.is_ascii() {
            b
        } else {
            self.bytes.partition_point(|&x| x < b)
        }
    }
}

/// The offset of each scalar, and of the end, in the units that `len` counts. Collected from
/// an exact-size iterator, which writes without a capacity check a step.
fn running_sums(chars: &[char], len: impl Fn(char) -> usize) -> Vec<usize> {
    let mut at = 0;
    let starts = chars.iter().map(|&c| {
        let start = at;
        at += len(c);
        start
    });
    let mut sums = Vec::with_capacity(chars.len() + 1);
    sums.extend(starts);
    sums.push(at);
    sums
}

/// Emoji sequences of two or more code points, as (start, end) scalar offsets. A lone code
/// point weighs the same whether or not it is an emoji (2, or 1 for © and ®, which the
/// reference does not treat as emoji without U+FE0F), so only sequences matter here, and
/// the table is consulted only where the next code point can continue one (most text has
/// none; CJK text would otherwise look up every character).
fn emoji_sequences(t: &Chars) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < t.len() {
        if emoji::may_continue(t.chars[i + 1])
            && emoji::may_start(t.chars[i])
            && let Some(m) = emoji::match_at(&t.text[t.byte(i)..])
        {
            if m.chars >= 2 {
                out.push((i, i + m.chars));
            }
            i += m.chars;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights() {
        let v3 = Config::v3();
        assert_eq!(parse("Hi http://test.co", &v3).weighted_length, 26);
        assert_eq!(parse("1\u{20E3}", &v3).weighted_length, 2);
        assert_eq!(parse("\u{A9}", &v3).weighted_length, 1);
        assert!(!parse("", &v3).valid);
        let long = "x".repeat(285);
        let p = parse(&long, &v3);
        assert_eq!(p.overflow_char, Some(280));
        assert!(!p.valid);
    }

    #[test]
    fn overflow_maps_back_through_normalisation() {
        // 279 'x', then A + combining acute (one unit after NFC), then "yz".
        let text = format!("{}A\u{301}yz", "x".repeat(279));
        let p = parse(&text, &Config::v3());
        assert_eq!(p.weighted_length, 282);
        // "y" is the 281st unit; in the input it sits after the two scalars of Á.
        assert_eq!(p.overflow_char, Some(281));
    }

    #[test]
    fn pathological_inputs_are_counted() {
        // 400,000 characters of "x.x.x." look like one long domain to a naive URL finder; the
        // benchmark (`cargo bench --bench compose`) measures the time, this checks the result.
        let dots = "x.".repeat(200_000);
        let p = parse(&dots, &Config::v3());
        assert!(p.weighted_length > 0);
        assert!(!p.valid);
    }
}
