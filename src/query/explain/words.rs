//! The words of a query and what is done with them (docs/design.md, "Explaining a query"):
//! their stems for widening with a wildcard, replacing one for a "did you mean", lower-case
//! operators put in capitals, and the edit distance suggestions are chosen by.

use crate::query::ast::{Atom, Kind, Node, Scope};
use crate::query::{ParsedQuery, parse};

/// The start of a word that its other forms share: common English endings taken off
/// (`evacuation` → `evacuat`, `floods` → `flood`), at least four characters kept. `None` for a
/// word too short to widen usefully.
pub fn stem(word: &str) -> Option<String> {
    const ENDINGS: [&str; 10] = [
        "ions", "ion", "ings", "ing", "ies", "ed", "es", "er", "s", "y",
    ];
    let chars = word.chars().count();
    if chars < 4 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    for ending in ENDINGS {
        if let Some(base) = word.strip_suffix(ending)
            && base.chars().count() >= 4
        {
            return Some(base.to_string());
        }
    }
    Some(word.to_string())
}

/// A word of the query a "did you mean" can look up: one searched token (not a phrase,
/// wildcard, tag or filter), with the character range of the clause it stands in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    pub token: String,
    pub span: std::ops::Range<usize>,
}

/// The single-token words of a query, outside NOT (a misspelt exclusion costs nothing to find),
/// each once.
pub fn words(q: &ParsedQuery) -> Vec<Word> {
    fn visit(node: &Node, out: &mut Vec<Word>) {
        match &node.kind {
            Kind::And(c) | Kind::Or(c) => c.iter().for_each(|c| visit(c, out)),
            Kind::Near { left, right, .. } => {
                visit(left, out);
                visit(right, out);
            }
            Kind::Text {
                scope: Scope::Default | Scope::Title | Scope::Body,
                atom: Atom::Term(t),
            } if !out.iter().any(|w| w.token == *t) => out.push(Word {
                token: t.clone(),
                span: node.span.clone(),
            }),
            _ => {}
        }
    }
    let mut out = Vec::new();
    visit(q.root(), &mut out);
    out
}

/// The query with one word replaced by another, the rest as the user wrote it; `None` when
/// the result does not parse.
pub fn replace_word(q: &ParsedQuery, word: &Word, with: &str) -> Option<String> {
    let chars: Vec<char> = q.source.chars().collect();
    let clause: String = chars.get(word.span.clone())?.iter().collect();
    // Keep a field prefix (`title:`) as written.
    let prefix = clause.find(':').map_or("", |i| &clause[..=i]);
    let before: String = chars[..word.span.start].iter().collect();
    let after: String = chars[word.span.end..].iter().collect();
    let fixed = format!("{before}{prefix}{with}{after}");
    parse(&fixed).ok().map(|_| fixed)
}

/// The query with lower-case operator words (`and`, `or`, `not`, `near/3`) in capitals,
/// outside quotes; `None` when there are none or the result does not parse.
pub fn capitalise_operators(source: &str) -> Option<String> {
    let mut out = String::with_capacity(source.len());
    let mut word = String::new();
    let mut quoted = false;
    let mut changed = false;
    let flush = |word: &mut String, out: &mut String, changed: &mut bool| {
        if is_lower_operator(word) {
            out.push_str(&word.to_uppercase());
            *changed = true;
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for c in source.chars() {
        if crate::query::lexer::is_quote(c) {
            flush(&mut word, &mut out, &mut changed);
            quoted = !quoted;
            out.push(c);
        } else if quoted {
            out.push(c);
        } else if c.is_whitespace() || c == '(' || c == ')' {
            flush(&mut word, &mut out, &mut changed);
            out.push(c);
        } else {
            word.push(c);
        }
    }
    if !quoted {
        flush(&mut word, &mut out, &mut changed);
    } else {
        out.push_str(&word);
    }
    (changed && parse(&out).is_ok()).then_some(out)
}

fn is_lower_operator(word: &str) -> bool {
    if word.to_uppercase() == word {
        return false;
    }
    let lower = word.to_lowercase();
    if matches!(lower.as_str(), "and" | "or" | "not") {
        return true;
    }
    lower.strip_prefix("near/").is_some_and(|n| {
        let n = n.strip_suffix('f').unwrap_or(n);
        !n.is_empty() && n.chars().all(|c| c.is_ascii_digit())
    })
}

/// The optimal-string-alignment distance between two words (insertions, deletions,
/// substitutions and swaps of neighbours each cost 1), or `None` when it is above `max`.
pub fn edit_distance(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let v = d[a.len() * w + b.len()];
    (v <= max).then_some(v)
}

/// How far a suggestion may be from a word: 1 for words of up to 5 characters, else 2. Words
/// under 3 characters get none (too many neighbours to be a guess worth making).
pub fn suggestion_distance(word: &str) -> usize {
    match word.chars().count() {
        0..=2 => 0,
        3..=5 => 1,
        _ => 2,
    }
}
