//! NFC, as twitter-text applies it before counting, with a map from each character of the
//! normalised text back to the input, so that positions can be reported in the caller's
//! text.

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// NFC form of the input, with a map back to the input's scalar offsets when they differ.
pub(super) struct Normalized<'a> {
    pub text: Cow<'a, str>,
    /// For each scalar of `text`, the scalar offset in the input where its normalisation
    /// segment begins. `None` when the input was already NFC.
    map: Option<Vec<usize>>,
}

/// A position in the input: (byte, scalar).
type Pos = (usize, usize);

impl<'a> Normalized<'a> {
    pub fn new(input: &'a str) -> Self {
        // ASCII is always NFC, and `is_ascii` checks a word at a time. Otherwise the quick
        // check settles most text. It treats ASCII as a starter that NFC leaves alone; the
        // characters of `is_plain` are the same for it, so they skip its table look-ups.
        let plain_as_ascii = input.chars().map(|c| if is_plain(c) { 'a' } else { c });
        if input.is_ascii() || is_nfc_quick(plain_as_ascii) == IsNormalized::Yes {
            return Normalized {
                text: Cow::Borrowed(input),
                map: None,
            };
        }
        // Normalise segment by segment, cutting before each starter (a character that cannot
        // interact with what precedes it), so that every output character can be traced to
        // the segment it came from. A segment of one starter is already NFC: runs of them
        // are copied whole, and only segments with more go through the normaliser.
        let mut out = Normalized {
            text: Cow::Owned(String::with_capacity(input.len())),
            map: Some(Vec::with_capacity(input.len())),
        };
        // The input before `done` is in `out`; `segment` is where the current segment
        // starts, and `mixed` whether it has more than its starter.
        let mut done: Pos = (0, 0);
        let mut segment: Pos = (0, 0);
        let mut mixed = false;
        let mut count = 0;
        for (ci, (bi, c)) in input.char_indices().enumerate() {
            if is_starter(c) {
                if mixed {
                    out.push_nfc(input, segment, bi);
                    done = (bi, ci);
                }
                segment = (bi, ci);
                mixed = false;
            } else if !mixed {
                out.push_copy(input, done, segment);
                done = segment;
                mixed = true;
            }
            count = ci + 1;
        }
        if mixed {
            out.push_nfc(input, segment, input.len());
        } else {
            out.push_copy(input, done, (input.len(), count));
        }
        out
    }

    /// Appends `input[from..to]` as it is: each character its own segment.
    fn push_copy(&mut self, input: &str, from: Pos, to: Pos) {
        if let (Cow::Owned(text), Some(map)) = (&mut self.text, &mut self.map) {
            text.push_str(&input[from.0..to.0]);
            map.extend(from.1..to.1);
        }
    }

    /// Appends the NFC form of the segment from `from` to byte `to`.
    fn push_nfc(&mut self, input: &str, from: Pos, to: usize) {
        if let (Cow::Owned(text), Some(map)) = (&mut self.text, &mut self.map) {
            for c in input[from.0..to].nfc() {
                text.push(c);
                map.push(from.1);
            }
        }
    }

    /// Whether the text is the input itself, so that its offsets are the input's.
    pub fn is_input(&self) -> bool {
        self.map.is_none()
    }

    /// The input's scalar offset for scalar `i` of the normalised text.
    pub fn original_char(&self, i: usize) -> usize {
        match &self.map {
            None => i,
            Some(map) => map.get(i).copied().unwrap_or(i),
        }
    }
}

/// A character that starts a normalisation segment: combining class 0 and NFC quick-check
/// Yes, so NFC neither changes it nor combines it with what comes before.
fn is_starter(c: char) -> bool {
    is_plain(c)
        || (canonical_combining_class(c) == 0
            && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes)
}

/// Ranges where every code point is a starter (see `is_starter`), known without a table
/// look-up: most characters of most drafts. Checked against the tables by a test.
fn is_plain(c: char) -> bool {
    matches!(c,
        '\0'..='\u{2FF}'            // ASCII, Latin-1, Latin Extended-A and -B, IPA, modifiers
        | '\u{2010}'..='\u{2027}'   // dashes, quotation marks, bullets
        | '\u{3041}'..='\u{3096}'   // Hiragana letters (not the combining sound marks)
        | '\u{30A1}'..='\u{30FA}'   // Katakana letters
        | '\u{4E00}'..='\u{9FFF}'   // CJK unified ideographs
        | '\u{AC00}'..='\u{D7A3}'   // Hangul syllables
        | '\u{1F000}'..='\u{1FAFF}') // emoji and other pictographs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_ranges_are_starters_by_the_tables() {
        let tables = |c: char| {
            canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
        };
        let plain: Vec<char> = (0..=0x1FAFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| is_plain(c))
            .collect();
        assert!(plain.len() > 30_000);
        let wrong: Vec<String> = plain
            .into_iter()
            .filter(|&c| !tables(c))
            .map(|c| format!("U+{:04X}", c as u32))
            .collect();
        assert!(wrong.is_empty(), "{wrong:?}");
    }

    #[test]
    fn offsets_map_to_segment_starts() {
        // "é" decomposed becomes one character, mapped to the 'e'; the rest map to themselves.
        let n = Normalized::new("xe\u{301}yz");
        assert_eq!(n.text, "x\u{E9}yz");
        assert_eq!(
            (0..4).map(|i| n.original_char(i)).collect::<Vec<_>>(),
            [0, 1, 3, 4]
        );
        assert!(Normalized::new("plain ascii").is_input());
        assert!(Normalized::new("caf\u{E9} \u{4E2D}\u{6587}").is_input());
        // Combining marks at the start, and a decomposed character last.
        assert_eq!(Normalized::new("\u{301}a").text, "\u{301}a");
        assert_eq!(Normalized::new("ae\u{301}").text, "a\u{E9}");
    }
}
