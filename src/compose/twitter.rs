//! X (Twitter) counting as twitter-text version 3 defines it: NFC first, URLs with or
//! without a scheme count as a t.co link, emoji sequences count 2, code points count 1 in
//! the light ranges and 2 elsewhere, and U+FFFE, U+FEFF, U+FFFF make a post invalid.
//!
//! Written here rather than taken from the `twitter-text` crate, which panics on ordinary
//! text and misses bare domains. The URL finder mirrors the official library's regular
//! expression (which needs look-ahead and backtracking that the `regex` crate does not
//! have): the domain part is matched by hand, the path and query by `regex`, whose
//! leftmost-first semantics give the same match as JavaScript's backtracking engine.
//! Positions follow the reference implementation (UTF-16 code units) where the conformance
//! data needs them, and Unicode scalar offsets into the caller's text everywhere else.

use std::borrow::Cow;
use std::sync::OnceLock;

use regex::Regex;
use serde::{Deserialize, Serialize};
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

use super::emoji;

#[path = "data/tlds.rs"]
mod tlds;

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
    let urls = extract_in(&t);
    let emoji = if config.emoji_parsing_enabled {
        emoji_entities(&t)
    } else {
        Vec::new()
    };

    let max = u64::from(config.max_weighted_tweet_length) * u64::from(config.scale);
    let mut weight: u64 = 0;
    let mut valid = true;
    let mut valid_display_u16: usize = 0;
    let mut overflow: Option<usize> = None;
    let mut invalid_chars = Vec::new();
    let (mut ui, mut ei) = (0, 0);
    let mut i = 0;
    while i < t.len() {
        while ui < urls.len() && urls[ui].start < i {
            ui += 1;
        }
        while ei < emoji.len() && emoji[ei].0 < i {
            ei += 1;
        }
        let start = i;
        if ui < urls.len() && urls[ui].start == i {
            weight += u64::from(config.transformed_url_length) * u64::from(config.scale);
            i = urls[ui].skip_to;
        } else if ei < emoji.len() && emoji[ei].0 == i {
            weight += u64::from(config.default_weight);
            i = emoji[ei].1;
        } else {
            let c = t.chars[i] as u32;
            // Outside the BMP the reference weighs the low surrogate, which no range covers.
            let unit = if c > 0xFFFF { 0xDC00 | (c & 0x3FF) } else { c };
            weight += u64::from(config.weight_of(unit));
            i += 1;
        }
        // The reference checks only the last code unit of each unit it steps over.
        let last = t.chars[i - 1];
        if is_invalid_char(last) {
            invalid_chars.push(norm.original_char(i - 1));
            valid = false;
        }
        if weight > max && overflow.is_none() {
            overflow = Some(norm.original_char(start));
        }
        if valid && weight <= max {
            valid_display_u16 = t.u16_at(i) - 1;
        }
    }

    let scale = u64::from(config.scale.max(1));
    let weighted_length = u32::try_from(weight / scale).unwrap_or(u32::MAX);
    let permillage =
        u32::try_from(weight * 1000 / (scale * u64::from(config.max_weighted_tweet_length.max(1))))
            .unwrap_or(u32::MAX);
    let text_u16 = text.encode_utf16().count();
    let offset = text_u16 as i64 - t.u16_at(t.len()) as i64;
    Parsed {
        weighted_length,
        valid: valid && weighted_length > 0 && weighted_length <= config.max_weighted_tweet_length,
        permillage,
        valid_range_end: valid_display_u16 as i64 + offset,
        display_range_end: text_u16.saturating_sub(1),
        overflow_char: overflow,
        invalid_chars,
    }
}

fn is_invalid_char(c: char) -> bool {
    matches!(c, '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}')
}

/// The URLs in `text`, as twitter-text finds them (with or without a scheme).
pub fn extract_urls(text: &str) -> Vec<UrlEntity> {
    let t = Chars::new(text);
    extract_in(&t)
        .into_iter()
        .map(|e| UrlEntity {
            url: e.url,
            start: e.start,
            end: e.end,
            has_protocol: e.has_protocol,
        })
        .collect()
}

/// NFC form of the input, with a map back to the input's scalar offsets when they differ.
struct Normalized<'a> {
    text: Cow<'a, str>,
    /// For each scalar of `text`, the scalar offset in the input where its normalisation
    /// segment begins. `None` when the input was already NFC.
    map: Option<Vec<usize>>,
}

impl<'a> Normalized<'a> {
    fn new(input: &'a str) -> Self {
        if is_nfc_quick(input.chars()) == IsNormalized::Yes {
            return Normalized {
                text: Cow::Borrowed(input),
                map: None,
            };
        }
        // Normalise segment by segment, cutting before each character that cannot interact
        // with what precedes it (combining class 0 and NFC quick-check Yes), so that every
        // output character can be traced to the segment it came from.
        let mut text = String::with_capacity(input.len());
        let mut map = Vec::new();
        let mut seg_start_char = 0;
        let mut seg_start_byte = 0;
        let flush = |from: usize, to: usize, origin: usize, text: &mut String, map: &mut Vec<_>| {
            for c in input[from..to].nfc() {
                text.push(c);
                map.push(origin);
            }
        };
        for (ci, (bi, c)) in input.char_indices().enumerate() {
            let boundary = canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            if boundary && bi > seg_start_byte {
                flush(seg_start_byte, bi, seg_start_char, &mut text, &mut map);
                seg_start_byte = bi;
                seg_start_char = ci;
            }
        }
        flush(
            seg_start_byte,
            input.len(),
            seg_start_char,
            &mut text,
            &mut map,
        );
        Normalized {
            text: Cow::Owned(text),
            map: Some(map),
        }
    }

    fn original_char(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(map) => map.get(i).copied().unwrap_or(i),
        }
    }
}

/// A text as scalars, with the UTF-8 and UTF-16 offset of each.
struct Chars<'a> {
    text: &'a str,
    chars: Vec<char>,
    /// `bytes[i]` is the byte offset of scalar `i`; one extra entry for the end.
    bytes: Vec<usize>,
    /// `u16s[i]` is the UTF-16 offset of scalar `i`; one extra entry for the end.
    u16s: Vec<usize>,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        let n = text.len();
        let mut chars = Vec::with_capacity(n);
        let mut bytes = Vec::with_capacity(n + 1);
        let mut u16s = Vec::with_capacity(n + 1);
        let mut u = 0;
        for (b, c) in text.char_indices() {
            chars.push(c);
            bytes.push(b);
            u16s.push(u);
            u += c.len_utf16();
        }
        bytes.push(n);
        u16s.push(u);
        Chars {
            text,
            chars,
            bytes,
            u16s,
        }
    }
    fn len(&self) -> usize {
        self.chars.len()
    }
    fn u16_at(&self, i: usize) -> usize {
        self.u16s[i]
    }
    fn u16_len(&self, from: usize, to: usize) -> usize {
        self.u16s[to] - self.u16s[from]
    }
    fn str(&self, from: usize, to: usize) -> &'a str {
        &self.text[self.bytes[from]..self.bytes[to]]
    }
}

/// Emoji sequences of two or more code points, as (start, end) scalar offsets. A lone code
/// point weighs the same whether or not it is an emoji (2, or 1 for © and ®, which the
/// reference does not treat as emoji without U+FE0F), so only sequences matter here.
fn emoji_entities(t: &Chars) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if emoji::may_start(t.chars[i])
            && let Some(m) = emoji::match_at(&t.text[t.bytes[i]..])
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

/// A URL entity found on a scalar view of the text.
struct Found {
    url: String,
    start: usize,
    end: usize,
    /// Where `parseTweet` resumes after the URL: the reference advances by the length of the
    /// entity's `url` string, which for a bare domain with a path is not always `end`.
    skip_to: usize,
    has_protocol: bool,
}

const MAX_URL_LENGTH: usize = 4096;
const MAX_TCO_SLUG_LENGTH: usize = 40;
const MAX_DOMAIN_LABEL_LENGTH: usize = 63;

/// Characters that may not appear in a domain label (twitter-text's `invalidDomainChars`:
/// punctuation, spaces, invalid characters and directional marks).
fn is_domain_char(c: char) -> bool {
    !matches!(c,
        '!' | '\'' | '#' | '%' | '&' | '(' | ')' | '*' | '+' | ',' | '\\' | '-' | '.' | '/'
        | ':' | ';' | '<' | '=' | '>' | '?' | '@' | '[' | ']' | '^' | '_' | '{' | '|' | '}'
        | '~' | '$'
        | '\u{09}'..='\u{0D}' | ' ' | '\u{85}' | '\u{A0}' | '\u{1680}' | '\u{180E}'
        | '\u{2000}'..='\u{200A}' | '\u{2028}' | '\u{2029}' | '\u{202F}' | '\u{205F}'
        | '\u{3000}' | '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}'
        | '\u{202A}'..='\u{202E}' | '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{2066}'..='\u{2069}')
}

/// A character that may come right before a URL (`validUrlPrecedingChars`).
fn is_valid_preceding(c: char) -> bool {
    !(c.is_ascii_alphanumeric()
        || matches!(
            c,
            '@' | '\u{FF20}' | '$' | '#' | '\u{FF03}' | '\u{FFFE}' | '\u{FEFF}' | '\u{FFFF}'
        ))
}

/// Latin letters with accents that twitter-text accepts in ASCII-ish domains and paths.
fn is_latin_accent(c: char) -> bool {
    matches!(c,
        '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{FF}' | '\u{100}'..='\u{24F}'
        | '\u{253}' | '\u{254}' | '\u{256}' | '\u{257}' | '\u{259}' | '\u{25B}' | '\u{263}'
        | '\u{268}' | '\u{26F}' | '\u{272}' | '\u{289}' | '\u{28B}' | '\u{2BB}'
        | '\u{300}'..='\u{36F}' | '\u{1E00}'..='\u{1EFF}')
}

fn is_ascii_domain_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || is_latin_accent(c)
}

/// The character after a top-level domain must not continue it (`(?=[^0-9a-zA-Z@+-]|$)`).
fn ends_tld(next: Option<char>) -> bool {
    !next.is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '@' | '+' | '-'))
}

/// Case-folds like a JavaScript `/i` regular expression without the `u` flag: ASCII
/// letters fold, and non-ASCII letters fold unless folding would make them ASCII.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) if !l.is_ascii() => l,
        _ => c,
    }
}

/// The end of the top-level domain starting at `pos`, looking no further than `limit`
/// (the end of the text, or of the domain when searching inside one). Generic domains are
/// tried before country codes, longer before shorter (the reference's alternation order),
/// then Punycode (`xn--…`).
fn match_tld(t: &[char], pos: usize, limit: usize) -> Option<usize> {
    let mut buf = String::with_capacity(tlds::MAX_TLD_CHARS * 4);
    let mut ends = Vec::with_capacity(tlds::MAX_TLD_CHARS);
    let mut j = pos;
    while j < limit && ends.len() < tlds::MAX_TLD_CHARS {
        buf.push(fold(t[j]));
        j += 1;
        ends.push(buf.len());
    }
    for list in [tlds::GENERIC, tlds::COUNTRY] {
        for (n, &b) in ends.iter().enumerate().rev() {
            let end = pos + n + 1;
            let next = if end < limit { Some(t[end]) } else { None };
            if ends_tld(next) && list.binary_search(&&buf[..b]).is_ok() {
                return Some(end);
            }
        }
    }
    let xn = ['x', 'n', '-', '-'];
    if pos + 4 < limit && (0..4).all(|k| fold(t[pos + k]) == xn[k]) {
        let mut end = pos + 4;
        while end < limit && (t[end].is_ascii_alphanumeric() || t[end] == '-') {
            end += 1;
        }
        if end > pos + 4 {
            return Some(end);
        }
    }
    None
}

/// Per-text tables that make domain matching linear: where each run of label characters
/// ends, and a memo of domain matches starting at each full label.
struct DomainScan {
    /// `run_end[i]`: first index ≥ i whose char is not a domain char, `-` or `_`.
    run_end: Vec<usize>,
    /// Prefix counts of `_`, to tell a subdomain label from a domain-name label.
    underscores: Vec<u32>,
    memo: Vec<Option<Option<usize>>>,
}

impl DomainScan {
    fn new(t: &[char]) -> Self {
        let n = t.len();
        let mut run_end = vec![n; n + 1];
        for i in (0..n).rev() {
            let c = t[i];
            run_end[i] = if is_domain_char(c) || c == '-' || c == '_' {
                run_end[i + 1]
            } else {
                i
            };
        }
        let mut underscores = vec![0u32; n + 1];
        for i in 0..n {
            underscores[i + 1] = underscores[i] + u32::from(t[i] == '_');
        }
        DomainScan {
            run_end,
            underscores,
            memo: vec![None; n + 1],
        }
    }

    /// The label starting at `p`, if it is one: its end (the index of the `.` after it).
    fn label(&self, t: &[char], p: usize) -> Option<usize> {
        let e = *self.run_end.get(p)?;
        (e > p && e < t.len() && t[e] == '.' && is_domain_char(t[p]) && is_domain_char(t[e - 1]))
            .then_some(e)
    }

    /// `validSubdomain* validDomainName TLD` from `p`: the end of the domain, preferring
    /// the most subdomains, as the greedy `*` with backtracking does. Iterative and
    /// memoised, so a text of a million dots costs a linear pass, not a deep recursion.
    fn domain(&mut self, t: &[char], p: usize) -> Option<usize> {
        let mut pending = Vec::new();
        let mut q = p;
        let mut tail = loop {
            if let Some(done) = self.memo.get(q).copied().flatten() {
                break done;
            }
            match self.label(t, q) {
                Some(e) => {
                    pending.push((q, e));
                    q = e + 1;
                }
                None => {
                    if let Some(slot) = self.memo.get_mut(q) {
                        *slot = Some(None);
                    }
                    break None;
                }
            }
        };
        while let Some((q, e)) = pending.pop() {
            // As a subdomain (`_` allowed) when more of the domain follows; otherwise as the
            // domain name (no `_`) right before the top-level domain.
            let result = if tail.is_some() {
                tail
            } else if self.underscores[e] == self.underscores[q] {
                match_tld(t, e + 1, t.len())
            } else {
                None
            };
            if let Some(slot) = self.memo.get_mut(q) {
                *slot = Some(result);
            }
            tail = result;
        }
        tail
    }
}

struct Patterns {
    path_query: Regex,
    tco: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        const LA: &str = r"\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{FF}\x{100}-\x{24F}\x{253}\x{254}\x{256}\x{257}\x{259}\x{25B}\x{263}\x{268}\x{26F}\x{272}\x{289}\x{28B}\x{2BB}\x{300}-\x{36F}\x{1E00}-\x{1EFF}";
        let gp = format!(r"[a-zA-Z\x{{400}}-\x{{4FF}}0-9!*';:=+,.$/%#\[\]\-\x{{2013}}_~@|&{LA}]");
        let end = format!(r"[+\-a-zA-Z\x{{400}}-\x{{4FF}}0-9=_#/{LA}]");
        let bal = format!(r"\((?:{gp}+|(?:{gp}*\({gp}+\){gp}*))\)");
        let unit = format!(r"(?:{gp}*(?:{bal}{gp}*)*{end}|{bal}|@{gp}+/)");
        let qc = r"[a-zA-Z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]";
        let qe = r"[a-zA-Z0-9\-_&=#/]";
        let path_query = format!(r"^(/{unit}*)?(\?{qc}*{qe})?");
        let tco = format!(r"^[hH][tT][tT][pP][sS]?://[tT]\.[cC][oO]/([a-zA-Z0-9]+)(?:\?{qc}*{qe})?");
        // The patterns are fixed strings: a failure here is a programming error caught by
        // every test, never something a user can cause.
        #[allow(clippy::expect_used)]
        Patterns {
            path_query: Regex::new(&path_query).expect("path pattern"),
            tco: Regex::new(&tco).expect("t.co pattern"),
        }
    })
}

/// One match of the reference's `extractUrl` expression.
struct RawMatch {
    before: Option<char>,
    url_start: usize,
    protocol_end: usize,
    domain_end: usize,
    path: (usize, usize),
    end: usize,
}

fn match_url_at(t: &Chars, scan: &mut DomainScan, u: usize) -> Option<RawMatch> {
    let c = &t.chars;
    let mut protocol_end = u;
    if u + 7 <= c.len() && c[u..u + 4].iter().map(|&x| fold(x)).eq("http".chars()) {
        let mut k = u + 4;
        if k < c.len() && fold(c[k]) == 's' {
            k += 1;
        }
        if k + 3 <= c.len() && c[k..k + 3] == [':', '/', '/'] {
            protocol_end = k + 3;
        }
    }
    let domain_end = scan.domain(c, protocol_end)?;
    let mut pos = domain_end;
    if pos + 1 < c.len() && c[pos] == ':' && c[pos + 1].is_ascii_digit() {
        pos += 1;
        while pos < c.len() && c[pos].is_ascii_digit() {
            pos += 1;
        }
    }
    let mut path = (pos, pos);
    if pos < c.len() && (c[pos] == '/' || c[pos] == '?') {
        let byte = t.bytes[pos];
        if let Some(caps) = patterns().path_query.captures(&t.text[byte..]) {
            let to_char = |b: usize| pos + t.text[byte..byte + b].chars().count();
            if let Some(p) = caps.get(1) {
                path = (pos, to_char(p.end()));
            }
            if let Some(all) = caps.get(0) {
                pos = to_char(all.end());
            }
        }
    }
    Some(RawMatch {
        before: None,
        url_start: u,
        protocol_end,
        domain_end,
        path,
        end: pos,
    })
}

/// The next match of the URL expression at or after `from` (JavaScript's `lastIndex`).
fn next_match(t: &Chars, scan: &mut DomainScan, from: usize) -> Option<RawMatch> {
    for s in from..=t.len() {
        if s < t.len() && is_valid_preceding(t.chars[s]) {
            let u = s + 1;
            if u < t.len()
                && is_domain_char(t.chars[u])
                && let Some(mut m) = match_url_at(t, scan, u)
            {
                m.before = Some(t.chars[s]);
                return Some(m);
            }
        }
        if s == 0
            && !t.chars.is_empty()
            && is_domain_char(t.chars[0])
            && let Some(m) = match_url_at(t, scan, 0)
        {
            return Some(m);
        }
    }
    None
}

/// Each label's length once Punycode-encoded must be 1 to 63 (the reference's `idna`).
fn labels_ok(domain: &str) -> bool {
    if domain.starts_with("xn--") && !has_ascii_domain(domain) {
        return false;
    }
    domain.split('.').all(|label| {
        // punycode.js splits further on the ideographic and full-width full stops.
        let parts: Vec<String> = label
            .split(['\u{3002}', '\u{FF0E}', '\u{FF61}'])
            .map(|part| {
                if part.chars().any(|c| c as u32 > 0x7E) {
                    idna::punycode::encode_str(part).map_or_else(
                        || "x".repeat(MAX_DOMAIN_LABEL_LENGTH + 1),
                        |p| format!("xn--{p}"),
                    )
                } else {
                    part.to_string()
                }
            })
            .collect();
        let len = parts.iter().map(String::len).sum::<usize>() + parts.len() - 1;
        (1..=MAX_DOMAIN_LABEL_LENGTH).contains(&len)
    })
}

fn has_ascii_domain(domain: &str) -> bool {
    let d: Vec<char> = domain.chars().collect();
    !ascii_domains(&d, 0, d.len()).is_empty()
}

/// Every match of `validAsciiDomain` inside `t[from..to]`, as scalar ranges.
fn ascii_domains(t: &[char], from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut pos = from;
    while let Some((s, end)) = next_ascii_domain(t, pos, to) {
        out.push((s, end));
        pos = end;
    }
    out
}

/// The leftmost `validAsciiDomain` match starting at or after `from`.
fn next_ascii_domain(t: &[char], from: usize, to: usize) -> Option<(usize, usize)> {
    for s in from..to {
        if !is_ascii_domain_char(t[s]) {
            continue;
        }
        // Labels from s, each a run of ASCII domain characters ending in '.'; the most
        // labels that leave a top-level domain after them win, as greedy `+` backtracks.
        let mut dots = Vec::new();
        let mut i = s;
        loop {
            let mut e = i;
            while e < to && is_ascii_domain_char(t[e]) {
                e += 1;
            }
            if e == i || e >= to || t[e] != '.' {
                break;
            }
            dots.push(e);
            i = e + 1;
        }
        for &dot in dots.iter().rev() {
            if let Some(end) = match_tld(t, dot + 1, to) {
                return Some((s, end));
            }
        }
    }
    None
}

fn extract_in(t: &Chars) -> Vec<Found> {
    let mut out = Vec::new();
    if !t.chars.contains(&'.') {
        return out;
    }
    let mut scan = DomainScan::new(&t.chars);
    let mut last = 0;
    while last <= t.len() {
        let Some(m) = next_match(t, &mut scan, last) else {
            break;
        };
        last = m.end.max(m.url_start + 1);
        let protocol_len = m.protocol_end - m.url_start;
        let domain = t.str(m.protocol_end, m.domain_end);
        let url_u16 = t.u16_len(m.url_start, m.end);
        let protocol_u16 = if protocol_len > 0 { protocol_len } else { 8 };
        if !labels_ok(domain) || protocol_u16 + url_u16 > MAX_URL_LENGTH {
            continue;
        }
        if protocol_len == 0 {
            if matches!(m.before, Some('-' | '_' | '.' | '/')) {
                continue;
            }
            let found = ascii_domains(&t.chars, m.protocol_end, m.domain_end);
            let Some(&(last_start, last_end)) = found.last() else {
                continue;
            };
            for &(s, e) in &found[..found.len() - 1] {
                out.push(Found {
                    url: t.str(s, e).to_string(),
                    start: s,
                    end: e,
                    skip_to: e,
                    has_protocol: false,
                });
            }
            if m.path.1 > m.path.0 {
                // The reference keeps the path: the URL is the ASCII domain plus everything
                // after the whole domain, and it skips that string's length from the start.
                let url = format!(
                    "{}{}",
                    t.str(last_start, last_end),
                    t.str(m.domain_end, m.end)
                );
                let skip_u16 = url.encode_utf16().count();
                out.push(Found {
                    skip_to: char_at_u16(t, t.u16_at(last_start) + skip_u16),
                    url,
                    start: last_start,
                    end: m.end,
                    has_protocol: false,
                });
            } else {
                out.push(Found {
                    url: t.str(last_start, last_end).to_string(),
                    start: last_start,
                    end: last_end,
                    skip_to: last_end,
                    has_protocol: false,
                });
            }
        } else {
            let url = t.str(m.url_start, m.end);
            let mut end = m.end;
            if let Some(caps) = patterns().tco.captures(url) {
                let slug = caps.get(1).map_or(0, |s| s.as_str().len());
                if slug > MAX_TCO_SLUG_LENGTH {
                    continue;
                }
                if let Some(all) = caps.get(0) {
                    end = m.url_start + url[..all.end()].chars().count();
                }
            }
            out.push(Found {
                url: t.str(m.url_start, end).to_string(),
                start: m.url_start,
                end,
                skip_to: end,
                has_protocol: true,
            });
        }
    }
    out
}

/// The scalar index at (or just after) a UTF-16 offset.
fn char_at_u16(t: &Chars, u: usize) -> usize {
    t.u16s.partition_point(|&x| x < u).min(t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<String> {
        extract_urls(text).into_iter().map(|u| u.url).collect()
    }

    #[test]
    fn bare_domains_and_schemes() {
        assert_eq!(urls("see example.com now"), ["example.com"]);
        assert_eq!(urls("https://gov.uk/x."), ["https://gov.uk/x"]);
        assert_eq!(urls("example.comx"), Vec::<String>::new());
        assert_eq!(urls("a.co.uk.x"), ["a.co.uk"]);
        assert_eq!(urls("テストexample.com"), ["example.com"]);
        assert_eq!(urls("foo_bar.example.com"), ["bar.example.com"]);
    }

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
