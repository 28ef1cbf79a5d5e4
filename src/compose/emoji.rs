//! Emoji sequences: which runs of code points form one emoji (ZWJ sequences, skin tones,
//! flags, keycaps, tag sequences, presentation sequences), from the generated table in
//! `data/emoji_table.rs` (Unicode Emoji 18.0; `data/generate.py` says where it comes from).
//!
//! The X profile counts each sequence found here as 2, and the accessible-social rules use
//! it to count and place emoji. A hand-written table rather than a crate: the counting must
//! follow the newest emoji release, which the emoji crates reach months late.

use std::sync::OnceLock;

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

/// The table indexed for look-ups, built once.
struct Index {
    /// Each first code point with the range of entries that start with it (the table is
    /// sorted, so they are contiguous), sorted by code point: a look-up begins with a
    /// binary search on integers rather than on strings.
    blocks: Vec<(char, usize, usize)>,
    /// Every code point that comes second in a sequence, sorted.
    second: Vec<char>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut blocks: Vec<(char, usize, usize)> = Vec::new();
        let mut second = Vec::new();
        for (i, (seq, _)) in table::EMOJI.iter().enumerate() {
            let mut chars = seq.chars();
            let Some(first) = chars.next() else { continue };
            match blocks.last_mut() {
                Some(block) if block.0 == first => block.2 = i + 1,
                _ => blocks.push((first, i, i + 1)),
            }
            second.extend(chars.next());
        }
        second.sort_unstable();
        second.dedup();
        Index { blocks, second }
    })
}

/// Whether `c` can be the second code point of an emoji sequence (a variation selector, a
/// keycap, a joiner, a skin tone, a regional indicator, a tag): a cheap filter for callers
/// that only care about sequences.
pub fn may_continue(c: char) -> bool {
    // All of them come after the letters of most scripts (the first is U+200D, the joiner).
    let second = &index().second;
    second.first().is_some_and(|&min| c >= min) && second.binary_search(&c).is_ok()
}

/// The longest emoji sequence that `s` starts with, if any.
pub fn match_at(s: &str) -> Option<EmojiMatch> {
    let first = s.chars().next()?;
    if !may_start(first) {
        return None;
    }
    let blocks = &index().blocks;
    let (_, from, to) = blocks[blocks.binary_search_by_key(&first, |b| b.0).ok()?];
    let mut block = &table::EMOJI[from..to];
    // Then walk the block one code point at a time: the entries that start with the text
    // read so far stay contiguous, narrowed by binary search at each step, and the walk
    // stops when no entry goes on with the text. A few searches, however many sequences
    // share the first code point (hundreds start with 👨 or 🧑).
    let mut best: Option<EmojiMatch> = None;
    for (chars, (i, c)) in s.char_indices().enumerate() {
        let prefix = &s.as_bytes()[..i + c.len_utf8()];
        if i > 0 {
            let start = block.partition_point(|(seq, _)| seq.as_bytes() < prefix);
            block = &block[start..];
            let len = block.partition_point(|(seq, _)| seq.as_bytes().starts_with(prefix));
            block = &block[..len];
        }
        let Some(&(seq, standalone)) = block.first() else {
            break;
        };
        // The block is sorted, so an entry equal to the prefix comes first.
        if seq.len() == prefix.len() {
            best = Some(EmojiMatch {
                bytes: prefix.len(),
                chars: chars + 1,
                standalone,
            });
        }
    }
    best
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
    fn table_is_sorted_for_binary_search() {
        assert!(
            table::EMOJI
                .windows(2)
                .all(|w| w[0].0.as_bytes() < w[1].0.as_bytes())
        );
    }

    #[test]
    fn lookup_finds_the_longest_entry_of_the_table() {
        // Every seventh entry, alone and followed by more text, against a scan of the table.
        let brute = |s: &str| {
            table::EMOJI
                .iter()
                .filter(|(seq, _)| s.starts_with(seq))
                .map(|(seq, _)| seq.len())
                .max()
        };
        for (seq, _) in table::EMOJI.iter().step_by(7) {
            for s in [
                seq.to_string(),
                format!("{seq}\u{200D}x"),
                format!("{seq}{seq}"),
            ] {
                assert_eq!(match_at(&s).map(|m| m.bytes), brute(&s), "{s:?}");
            }
        }
    }

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
