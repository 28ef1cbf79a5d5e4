//! A draft read as prose: its links, hashtags, mentions and emoji, its sentences and its
//! words, found once and shared by the rules and the readability scores.
//!
//! Sentence splitting masks what is not prose (a full stop inside `gov.uk/apply` or an
//! e-mail address ends nothing), knows common abbreviations (Mr, Dr, St, e.g., etc.), and
//! treats a line break as the end of a sentence, as posts are written.

use std::ops::Range;

use super::emoji;
use super::twitter;

/// One word: a run of letters and digits, with inner apostrophes and hyphens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub bytes: Range<usize>,
}

impl Word<'_> {
    pub fn lower(&self) -> String {
        crate::text::lowercase(self.text)
    }
    pub fn has_letter(&self) -> bool {
        self.text.chars().any(char::is_alphabetic)
    }
}

/// One sentence: its byte range and the indices of its words in `Doc::words`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub bytes: Range<usize>,
    pub words: Range<usize>,
}

/// The analysed draft.
#[derive(Debug, Clone)]
pub struct Doc<'a> {
    pub text: &'a str,
    pub links: Vec<Range<usize>>,
    pub hashtags: Vec<Range<usize>>,
    pub mentions: Vec<Range<usize>>,
    pub emails: Vec<Range<usize>>,
    pub emoji: Vec<Range<usize>>,
    pub words: Vec<Word<'a>>,
    pub sentences: Vec<Sentence>,
    /// Byte offset of each scalar, to turn byte offsets into character offsets.
    char_starts: Vec<usize>,
    /// Links, e-mail addresses, hashtags and mentions, sorted and merged: not prose.
    mask: Vec<Range<usize>>,
}

/// Titles and abbreviations after which a full stop does not end a sentence.
const NEVER_ENDS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "st", "prof", "cllr", "rev", "revd", "sr", "jr", "sgt", "capt",
    "col", "gen", "lt", "insp", "supt", "hon", "rt", "no", "nos", "vs", "approx", "dept", "est",
    "fig", "tel", "ext", "ref", "vol", "eg", "e.g", "ie", "i.e", "cf", "viz", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Abbreviations that may end a sentence: only when a capital letter follows.
const MAY_END: &[&str] = &["etc", "a.m", "p.m", "am", "pm", "ltd", "inc", "co", "plc"];

impl<'a> Doc<'a> {
    pub fn new(text: &'a str) -> Self {
        let char_starts: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let links = url_ranges(text, &char_starts);
        let emails = email_ranges(text);
        let hashtags = sigil_ranges(text, '#');
        let mentions = sigil_ranges(text, '@')
            .into_iter()
            .filter(|m| !emails.iter().any(|e| overlaps(e, m)))
            .collect();
        let emoji = emoji::find_all(text)
            .into_iter()
            .map(|f| f.start..f.end)
            .collect();
        let mut doc = Doc {
            text,
            links,
            hashtags,
            mentions,
            emails,
            emoji,
            words: Vec::new(),
            sentences: Vec::new(),
            char_starts,
            mask: Vec::new(),
        };
        let mut mask: Vec<Range<usize>> = [&doc.links, &doc.emails, &doc.hashtags, &doc.mentions]
            .into_iter()
            .flatten()
            .cloned()
            .collect();
        mask.sort_by_key(|r| r.start);
        for r in mask {
            match doc.mask.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => doc.mask.push(r),
            }
        }
        doc.words = doc.find_words();
        doc.sentences = doc.split_sentences();
        doc
    }

    /// The character (Unicode scalar) offset of a byte offset.
    pub fn char_of(&self, byte: usize) -> usize {
        self.char_starts.partition_point(|&b| b < byte)
    }

    /// Whether a byte lies inside a link, e-mail address, hashtag or mention.
    pub fn masked(&self, byte: usize) -> bool {
        let i = self.mask.partition_point(|r| r.end <= byte);
        self.mask.get(i).is_some_and(|r| r.contains(&byte))
    }

    fn find_words(&self) -> Vec<Word<'a>> {
        let text = self.text;
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let joins = matches!(c, '\'' | '\u{2019}' | '-' | '\u{2010}');
            let next_is_word = iter.peek().is_some_and(|&(_, n)| n.is_alphanumeric());
            let part = c.is_alphanumeric()
                || (start.is_some() && joins && next_is_word)
                || (start.is_some() && is_mark(c));
            if part && !self.masked(i) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                out.push(Word {
                    text: &text[s..i],
                    bytes: s..i,
                });
            }
        }
        if let Some(s) = start {
            out.push(Word {
                text: &text[s..],
                bytes: s..text.len(),
            });
        }
        out
    }

    fn split_sentences(&self) -> Vec<Sentence> {
        let text = self.text;
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut ends: Vec<usize> = Vec::new(); // byte offsets where a sentence ends
        let mut k = 0;
        while k < chars.len() {
            let (i, c) = chars[k];
            if c == '\n' {
                ends.push(i);
                k += 1;
                continue;
            }
            if !matches!(c, '.' | '!' | '?' | '\u{2026}') || self.masked(i) {
                k += 1;
                continue;
            }
            // A run of terminators and closing quotes or brackets.
            let mut j = k + 1;
            while j < chars.len()
                && matches!(
                    chars[j].1,
                    '.' | '!' | '?' | '\u{2026}' | '"' | '\'' | ')' | '\u{201D}' | '\u{2019}' | ']'
                )
            {
                j += 1;
            }
            let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
            let at_space = j >= chars.len() || chars[j].1.is_whitespace();
            if at_space && (c != '.' || self.full_stop_ends(i, chars.get(j..).unwrap_or(&[]))) {
                ends.push(end);
            }
            k = j;
        }
        ends.push(text.len());

        let mut out = Vec::new();
        let mut start = 0;
        let mut w = 0;
        for end in ends {
            if end < start {
                continue;
            }
            let range = start..end;
            let first = w;
            while w < self.words.len() && self.words[w].bytes.start < end {
                w += 1;
            }
            if !text[range.clone()].trim().is_empty() {
                // Trim the sentence to its visible text.
                let lead = text[range.clone()].len() - text[range.clone()].trim_start().len();
                let trail = text[range.clone()].len() - text[range.clone()].trim_end().len();
                out.push(Sentence {
                    bytes: start + lead..end - trail,
                    words: first..w,
                });
            }
            start = end;
        }
        out
    }

    /// Whether the full stop at byte `dot` ends a sentence, given what follows it.
    fn full_stop_ends(&self, dot: usize, after: &[(usize, char)]) -> bool {
        let before = &self.text[..dot];
        let word_start = before
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
            .last()
            .map_or(dot, |(b, _)| b);
        let word = crate::text::lowercase(&before[word_start..]);
        let next = after
            .iter()
            .find(|(_, c)| !c.is_whitespace())
            .map(|&(_, c)| c);
        if word.is_empty() {
            return true;
        }
        if NEVER_ENDS.contains(&word.as_str()) {
            return false;
        }
        // A single capital letter is an initial ("J. Smith").
        let mut wc = before[word_start..].chars();
        if let (Some(only), None) = (wc.next(), wc.next())
            && only.is_uppercase()
        {
            return false;
        }
        if MAY_END.contains(&word.as_str()) {
            return next.is_none_or(char::is_uppercase);
        }
        true
    }

    /// Words of one sentence.
    pub fn sentence_words(&self, s: &Sentence) -> &[Word<'a>] {
        &self.words[s.words.clone()]
    }
}

fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

fn url_ranges(text: &str, char_starts: &[usize]) -> Vec<Range<usize>> {
    let byte = |c: usize| char_starts.get(c).copied().unwrap_or(text.len());
    twitter::extract_urls(text)
        .into_iter()
        .map(|u| byte(u.start)..byte(u.end))
        .collect()
}

/// `#tag` and `@name` with their sigil: not after a word character, then letters, digits
/// and `_` (the same rule as `crate::text::sigil_words`), at least one of them.
fn sigil_ranges(text: &str, sigil: char) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut prev: Option<char> = None;
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let after_word = prev.is_some_and(|p| p.is_alphanumeric() || p == '_' || p == sigil);
        prev = Some(c);
        if c != sigil || after_word {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if !(d.is_alphanumeric() || d == '_' || is_mark(d)) {
                break;
            }
            end = j + d.len_utf8();
            prev = Some(d);
            iter.next();
        }
        if end > i + c.len_utf8() {
            out.push(i..end);
        }
    }
    out
}

fn email_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let is_local = |c: char| c.is_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-');
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_local(c))
            .last()
            .map_or(at, |(b, _)| b);
        let rest = &text[at + 1..];
        let mut end = at + 1;
        let mut dot = false;
        for (b, c) in rest.char_indices() {
            if c.is_alphanumeric()
                || c == '-'
                || (c == '.' && rest[b + 1..].starts_with(char::is_alphanumeric))
            {
                dot |= c == '.';
                end = at + 1 + b + c.len_utf8();
            } else {
                break;
            }
        }
        if start < at && dot {
            out.push(start..end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<&str> {
        let d = Doc::new(text);
        d.sentences.iter().map(|s| &text[s.bytes.clone()]).collect()
    }

    #[test]
    fn splits_on_terminators_and_lines() {
        assert_eq!(
            sentences("Roads are shut. Use the bus! Why?\nSee below"),
            ["Roads are shut.", "Use the bus!", "Why?", "See below"]
        );
    }

    #[test]
    fn masks_links_and_knows_abbreviations() {
        assert_eq!(
            sentences("Mr. Smith met Dr. Jones at St. Mary's. Apply at gov.uk/apply today."),
            [
                "Mr. Smith met Dr. Jones at St. Mary's.",
                "Apply at gov.uk/apply today."
            ]
        );
        assert_eq!(
            sentences("Bring ID, e.g. a passport. Doors open at 9 a.m. on Monday."),
            [
                "Bring ID, e.g. a passport.",
                "Doors open at 9 a.m. on Monday."
            ]
        );
        assert_eq!(
            sentences("Pens, paper etc. Then we start."),
            ["Pens, paper etc.", "Then we start."]
        );
        assert_eq!(
            sentences("Email help@port.gov.uk. Or call."),
            ["Email help@port.gov.uk.", "Or call."]
        );
    }

    #[test]
    fn words_skip_links_tags_and_mentions() {
        let d = Doc::new("Don't miss #FloodAlert from @PortCouncil at example.com/x, well-known.");
        let w: Vec<&str> = d.words.iter().map(|w| w.text).collect();
        assert_eq!(w, ["Don't", "miss", "from", "at", "well-known"]);
        assert_eq!(d.hashtags.len(), 1);
        assert_eq!(d.mentions.len(), 1);
        assert_eq!(d.links.len(), 1);
    }
}
