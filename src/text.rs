//! The normative text rules of docs/design.md ("Query language", tokens) shared by indexing, querying, highlighting and grading:
//! how text splits into tokens, and how hashtags and mentions are recognised.

use std::ops::Range;

/// One token of a text: its lower-cased form and its byte range in the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub text: String,
    pub bytes: Range<usize>,
}

/// Splits `text` at every character that is not alphanumeric and lower-cases each piece.
/// This is the same rule as Tantivy's `SimpleTokenizer` followed by `LowerCaser`, which the
/// index uses, so a token produced here is a term the index holds.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(make_token(text, s..i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(make_token(text, s..text.len()));
    }
    out
}

fn make_token(text: &str, bytes: Range<usize>) -> Token {
    Token {
        text: lowercase(&text[bytes.clone()]),
        bytes,
    }
}

/// Lower-cases the way Tantivy's `LowerCaser` does (full Unicode lower-casing).
pub fn lowercase(s: &str) -> String {
    if s.is_ascii() {
        s.to_ascii_lowercase()
    } else {
        s.to_lowercase()
    }
}

/// The lower-cased tokens only.
pub fn token_texts(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.text).collect()
}

fn is_tag_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every hashtag or mention in `text` with its byte range (sign included) and its lower-cased
/// name: a sigil that does not follow a word character, then letters, digits and `_`. A tag of
/// digits only (`#1`) is a number, not a tag. Search, highlighting and key-fact rules all read
/// tags through this one rule.
pub fn sigil_spans(text: &str, sigil: char) -> Vec<(std::ops::Range<usize>, String)> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let after_word = prev.is_some_and(|p| is_tag_char(p) || p == sigil);
        prev = Some(c);
        if c != sigil || after_word {
            continue;
        }
        let start = i + c.len_utf8();
        let mut end = start;
        while let Some(&(j, d)) = chars.peek() {
            if !is_tag_char(d) {
                break;
            }
            end = j + d.len_utf8();
            prev = Some(d);
            chars.next();
        }
        let word = &text[start..end];
        if word.is_empty() || word.chars().all(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push((i..end, lowercase(word)));
    }
    out
}

/// Hashtags (`#FloodAlert` → `floodalert`) and mentions (`@Port_Council` → `port_council`) by
/// the rule of `sigil_spans`: lower-cased, in order of appearance, without repeats.
pub fn sigil_words(text: &str, sigil: char) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (_, word) in sigil_spans(text, sigil) {
        if !out.contains(&word) {
            out.push(word);
        }
    }
    out
}

pub fn hashtags(text: &str) -> Vec<String> {
    sigil_words(text, '#')
}

pub fn mentions(text: &str) -> Vec<String> {
    sigil_words(text, '@')
        .into_iter()
        // `name@example.org` is an e-mail address, caught by the after-word rule; a remote
        // mention `@user@host.org` keeps only the user part.
        .collect()
}

/// The host of a URL, lower-cased, without a leading `www.`-style port or user info.
pub fn url_host(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url.trim()).ok()?;
    parsed
        .host_str()
        .map(|h| h.trim_end_matches('.').to_ascii_lowercase())
}

/// `www.dft.gov.uk` → `["www.dft.gov.uk", "dft.gov.uk", "gov.uk", "uk"]`, so that `site:gov.uk`
/// is one exact term lookup.
pub fn host_suffixes(host: &str) -> Vec<String> {
    let mut out = vec![host.to_string()];
    let mut rest = host;
    while let Some(dot) = rest.find('.') {
        rest = &rest[dot + 1..];
        if !rest.is_empty() {
            out.push(rest.to_string());
        }
    }
    out
}

/// FNV-1a, 64 bits, over byte slices in order: a hash that stays the same across runs, builds and
/// versions (unlike std's), for ids of feed items without one and for spotting changed content.
pub fn stable_hash<'a>(parts: impl IntoIterator<Item = &'a [u8]>) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_non_alphanumerics_and_lowercases() {
        assert_eq!(
            token_texts("Covid-19: École closes; #FloodAlert @Port_Council"),
            [
                "covid",
                "19",
                "école",
                "closes",
                "floodalert",
                "port",
                "council"
            ]
        );
        let t = tokens("a  Bc");
        assert_eq!(t[1].bytes, 3..5);
    }

    #[test]
    fn hashtags_and_mentions() {
        assert_eq!(
            hashtags("#FloodAlert and #flood_alert2 #1 x#no ##double"),
            ["floodalert", "flood_alert2"]
        );
        assert_eq!(
            mentions("Thanks @Port_Council and mail@example.org, @a@b.social"),
            ["port_council", "a"]
        );
    }

    #[test]
    fn hosts() {
        assert_eq!(
            url_host("https://WWW.Dft.gov.uk/news?x=1").as_deref(),
            Some("www.dft.gov.uk")
        );
        assert_eq!(url_host("not a url"), None);
        assert_eq!(host_suffixes("a.gov.uk"), ["a.gov.uk", "gov.uk", "uk"]);
    }
}
