//! Emoji sequences: which runs of code points form one emoji (ZWJ sequences, skin tones,
//! flags, keycaps, tag sequences, presentation sequences), from the generated table in
//! `data/emoji_table.rs` (Unicode Emoji 18.0; `data/generate.py` says where it comes from).
//!
//! The X profile counts each sequence found here as 2, and the accessible-social rules use
//! it to count and place emoji. A hand-written table rather than a crate: the counting must
//! follow the newest emoji release, which the emoji crates reach months late.

#[path = "data/emoji_table.rs"]
mod table;

pub use table::UNICODE_EMOJI_VERSION;

/// The longest emoji sequence at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EmojiMatch {
    /// Length in bytes.
    pub bytes: usize,
    /// Length in code points.
    pub chars: usize,
    /// False for a lone code point that is text by default (©, ™, ☺ without U+FE0F):
    /// it can be an emoji, but most fonts and screen readers treat it as a symbol.
    pub standalone: bool,
}

/// Whether `c` can begin an emoji sequence. A cheap filter: most text never reaches the
/// table lookup.
#[inline]
pub fn may_start(c: char) -> bool {
    matches!(c, '#' | '*' | '0'..='9' | '\u{A9}' | '\u{AE}') || c >= '\u{203C}'
}

/// The longest emoji sequence that `s` starts with, if any.
pub fn match_at(s: &str) -> Option<EmojiMatch> {
    let first = s.chars().next()?;
    if !may_start(first) {
        return None;
    }
    let mut buf = [0u8; 4];
    let key: &str = first.encode_utf8(&mut buf);
    let entries = table::EMOJI;
    let lo = entries.partition_point(|(seq, _)| seq.as_bytes() < key.as_bytes());
    let mut best: Option<(usize, bool)> = None;
    for &(seq, standalone) in &entries[lo..] {
        if !seq.starts_with(key) {
            break;
        }
        if seq.len() > best.map_or(0, |b| b.0) && s.starts_with(seq) {
            best = Some((seq.len(), standalone));
        }
    }
    best.map(|(bytes, standalone)| EmojiMatch {
        bytes,
        chars: s[..bytes].chars().count(),
        standalone,
    })
}

/// One emoji found in a text: its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
}

/// Every emoji in `text`, left to right, longest match first, without overlaps. Lone
/// code points that are text by default are left out.
pub fn find_all(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = rest.chars().next() else { break };
        if may_start(c)
            && let Some(m) = match_at(rest)
        {
            if m.standalone {
                out.push(Found {
                    start: i,
                    end: i + m.bytes,
                });
            }
            i += m.bytes;
            continue;
        }
        i += c.len_utf8();
    }
    out
}

/// Whether the whole of `s` is one emoji sequence (for grapheme-level checks).
pub fn is_emoji(s: &str) -> bool {
    match_at(s).is_some_and(|m| m.bytes == s.len() && m.standalone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_sequence_wins() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}";
        let m = match_at(family).unwrap();
        assert_eq!(m.bytes, family.len());
        assert_eq!(m.chars, 7);
    }

    #[test]
    fn flags_pair_left_to_right() {
        // Three regional indicators: one flag, then a lone indicator (not an emoji alone).
        let found = find_all("\u{1F1EC}\u{1F1E7}\u{1F1FA}");
        assert_eq!(found, [Found { start: 0, end: 8 }]);
    }

    #[test]
    fn text_default_symbols_are_not_standalone_emoji() {
        assert!(!is_emoji("\u{A9}"));
        assert!(is_emoji("\u{A9}\u{FE0F}"));
        assert!(!is_emoji("a"));
        assert!(is_emoji("1\u{FE0F}\u{20E3}"));
    }

    #[test]
    fn knows_recent_emoji() {
        // Emoji 15.1 family, 16.0 face with bags under eyes, 17.0 and 18.0 additions.
        assert!(is_emoji("\u{1F9D1}\u{200D}\u{1F9D1}\u{200D}\u{1F9D2}"));
        assert!(is_emoji("\u{1FAE9}"));
        assert!(is_emoji("\u{1FAF9}\u{1F3FD}"));
    }
}
