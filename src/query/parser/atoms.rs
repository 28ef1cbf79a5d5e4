//! The parser's atoms and field values: words, phrases, wildcards, hashtags and mentions,
//! `source:`, `site:`, `lang:` and dates, each checked and turned into a tree leaf, or refused
//! with the column and a hint; and which operands NEAR allows.

use super::*;
use crate::error::QueryError;
use crate::query::ast::{Atom, Kind, Node, Pattern, Scope};
use crate::query::lexer::error;
use crate::text;
use chrono::NaiveDate;

pub(super) fn field_example(field: &str) -> &'static str {
    match field {
        "title" => "title:flood",
        "body" => "body:\"rest centre\"",
        "author" => "author:smith",
        "source" => "source:port-ellis-news",
        "site" => "site:gov.uk",
        "lang" => "lang:fr",
        "after" => "after:2025-03-01",
        _ => "before:2025-03-08",
    }
}

pub(super) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, &cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

pub(super) fn is_wildcard(c: char) -> bool {
    c == '*' || c == '?'
}

pub(super) fn wildcard_prefix_ok(piece: &str) -> bool {
    piece
        .chars()
        .position(is_wildcard)
        .is_none_or(|first| first >= MIN_WILDCARD_PREFIX)
}

/// Checks that a wildcard pattern has enough characters before its first wildcard.
pub(super) fn check_wildcard_prefix(piece: &str, piece_start: usize) -> Result<(), QueryError> {
    if !wildcard_prefix_ok(piece) {
        let first = piece.chars().position(is_wildcard).unwrap_or(0);
        return Err(error(
            format!(
                "A wildcard needs at least {MIN_WILDCARD_PREFIX} letters or digits before it; \
                 `{piece}` has {first}."
            ),
            piece_start + first,
            Some(
                "Start with the beginning of the word: `evacuat*` finds evacuate, evacuated and \
                 evacuation. A word cannot start with a wildcard, which would mean searching \
                 every word there is."
                    .into(),
            ),
        ));
    }
    Ok(())
}

/// A bare word: one token, a wildcard pattern, or (with inner punctuation) the phrase of its
/// tokens.
pub(super) fn word_atom(raw: &str, start: usize) -> Result<Atom, QueryError> {
    if !raw.contains(['*', '?']) {
        let tokens = text::token_texts(raw);
        return match tokens.len() {
            0 => Err(no_words(raw, start)),
            1 => Ok(Atom::Term(tokens.into_iter().next().unwrap_or_default())),
            _ => Ok(Atom::Phrase {
                tokens,
                quoted: false,
            }),
        };
    }
    // Split as the tokenizer does, but keep wildcards inside the pieces.
    let mut pieces: Vec<(String, usize)> = Vec::new();
    let mut current: Option<(String, usize)> = None;
    for (i, c) in raw.chars().enumerate() {
        if c.is_alphanumeric() || is_wildcard(c) {
            current.get_or_insert_with(|| (String::new(), i)).0.push(c);
        } else if let Some(p) = current.take() {
            pieces.push(p);
        }
    }
    pieces.extend(current);
    if pieces.len() > 1 {
        let names: Vec<&str> = pieces.iter().map(|(p, _)| p.as_str()).collect();
        return Err(error(
            format!(
                "A wildcard works within one word, but `{raw}` is several words ({}).",
                names.join(", ")
            ),
            start,
            Some(if pieces.iter().all(|(p, _)| wildcard_prefix_ok(p)) {
                format!(
                    "Search the words side by side with NEAR/0f instead: `{}`.",
                    names.join(" NEAR/0f ")
                )
            } else {
                "Write the word out in full (`covid-19` finds covid followed by 19), or give the \
                 wildcard a word of its own with at least two letters before it: \
                 `flood NEAR/0f warn*`."
                    .to_string()
            }),
        ));
    }
    let Some((piece, offset)) = pieces.into_iter().next() else {
        return Err(no_words(raw, start));
    };
    check_wildcard_prefix(&piece, start + offset)?;
    let pattern = text::lowercase(&piece);
    Ok(Atom::Wildcard(Pattern::new(pattern)))
}

pub(super) fn no_words(raw: &str, start: usize) -> QueryError {
    let hint = if raw.contains(">>>") {
        "This ends a comment that was never opened: a comment runs from `<<<` to `>>>`, e.g. \
         `flood <<<rivers next>>>`."
    } else if raw == "-" {
        "To exclude a word, put the minus sign right before it, with no space: `flood -football`."
    } else {
        "Searches match words and numbers; punctuation is ignored. Leave it out."
    };
    error(
        format!("`{raw}` has no letters or digits, so it can never match."),
        start,
        Some(hint.into()),
    )
}

/// A quoted phrase: its tokens, consecutive. `inner_start` is the character index after the
/// opening quote.
pub(super) fn phrase_atom(
    inner: &str,
    inner_start: usize,
    quote_start: usize,
) -> Result<Atom, QueryError> {
    if let Some(at) = inner.chars().position(is_wildcard) {
        return Err(error(
            "Wildcards do not work inside quotes: a phrase matches exact words.",
            inner_start + at,
            Some(
                "Take the wildcard out of the quotes. For a phrase with a wildcard, use NEAR/0f, \
                 which finds words side by side in order: `flood NEAR/0f warn*`."
                    .into(),
            ),
        ));
    }
    let mut tokens = text::token_texts(inner);
    match tokens.len() {
        0 => Err(error(
            "These quotes hold no words.",
            quote_start,
            Some("Put the exact words to find between the quotes: \"rest centre\".".into()),
        )),
        1 => Ok(Atom::Term(tokens.remove(0))),
        _ => Ok(Atom::Phrase {
            tokens,
            quoted: true,
        }),
    }
}

/// `"a b c"~n`: the words of the phrase, each within `n` words of the last, in any order; the
/// same as `a NEAR/n b NEAR/n c`. Each word is read as a bare word is (so `covid-19` stays two
/// consecutive tokens, and wildcards follow the wildcard rules).
pub(super) fn proximity_chain(
    inner: &str,
    inner_start: usize,
    distance: u32,
    span: std::ops::Range<usize>,
) -> Result<Node, QueryError> {
    let mut words: Vec<Node> = Vec::new();
    let chars: Vec<char> = inner.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() {
            i += 1;
        }
        let raw: String = chars[start..i].iter().collect();
        // Punctuation alone between the words (`"flood - warning"~3`) is not a word.
        if !raw.chars().any(|c| c.is_alphanumeric() || is_wildcard(c)) {
            continue;
        }
        let at = inner_start + start;
        let atom = word_atom(&raw, at)?;
        words.push(Node::new(
            Kind::Text {
                scope: Scope::Default,
                atom,
            },
            at..inner_start + i,
        ));
    }
    if words.len() < 2 {
        return Err(error(
            "`~` after quotes needs two or more words between the quotes.",
            span.start,
            Some(
                "`\"flood warning\"~5` finds flood and warning at most 5 words apart, in either \
                 order. For one word, leave out the quotes and the `~`."
                    .into(),
            ),
        ));
    }
    let mut nodes = words.into_iter();
    let Some(mut chain) = nodes.next() else {
        return Err(error("The quotes hold no words.", span.start, None));
    };
    for right in nodes {
        let s = chain.span.start..right.span.end;
        chain = Node::new(
            Kind::Near {
                left: Box::new(chain),
                right: Box::new(right),
                distance,
                ordered: false,
            },
            s,
        );
    }
    chain.span = span;
    Ok(chain)
}

/// `{Word}`: one word (it may hold punctuation, `{COVID-19}`) matched in exactly this letter
/// case. `inner_start` is the character index after the brace.
pub(super) fn cased_atom(
    inner: &str,
    inner_start: usize,
    brace: usize,
) -> Result<Atom, QueryError> {
    if let Some(at) = inner.chars().position(is_wildcard) {
        return Err(error(
            "Wildcards do not work inside braces: a case-sensitive word is matched exactly.",
            inner_start + at,
            Some(
                "Write the whole word in braces, `{Kerrow}`, or drop the braces for a wildcard \
                 in any case: `kerrow*`."
                    .into(),
            ),
        ));
    }
    // The token rule without lower-casing: runs of letters and digits, case kept.
    let tokens: Vec<String> = inner
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_string)
        .collect();
    if tokens.is_empty() {
        let message = if inner.is_empty() {
            "These braces are empty.".to_string()
        } else {
            format!("`{{{inner}}}` has no letters or digits, so it can never match.")
        };
        return Err(error(
            message,
            brace,
            Some(
                "Put one word between the braces, written in the letter case to find: `{NHS}` \
                 finds NHS but not nhs."
                    .into(),
            ),
        ));
    }
    // The index keeps only words with a capital letter in their own case (see
    // `index::schema`), so a word in braces must have one: `{nhs}` cannot be told apart from
    // NHS and Nhs, and would silently find all three.
    if !inner.chars().any(char::is_uppercase) {
        return Err(error(
            format!(
                "`{{{inner}}}` has no capital letter: braces find a word in the capitals you write."
            ),
            brace,
            Some(format!(
                "Write the capitals to find, such as `{{NHS}}` or `{{Kerrow}}`; for the word in any \
                 case leave out the braces: `{inner}`."
            )),
        ));
    }
    Ok(Atom::Cased {
        text: inner.to_string(),
        tokens,
    })
}

/// `#tag` and `@mention`: letters, digits and `_`, wildcards allowed within.
pub(super) fn sigil_pattern(raw: &str, sigil: char, start: usize) -> Result<Pattern, QueryError> {
    let what = if sigil == '#' { "hashtag" } else { "mention" };
    let example = if sigil == '#' {
        "#FloodAlert"
    } else {
        "@Port_Council"
    };
    if raw.is_empty() {
        return Err(error(
            format!("`{sigil}` needs a {what} after it, e.g. `{example}`."),
            start,
            Some(format!(
                "To search the text, leave out the `{sigil}`; a {what} is written with no space \
                 after the `{sigil}`."
            )),
        ));
    }
    if let Some((i, bad)) = raw
        .chars()
        .enumerate()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '_' || is_wildcard(c)))
    {
        return Err(error(
            format!("A {what} is letters, digits and _ only; `{bad}` cannot be part of one."),
            start + 1 + i,
            Some(format!(
                "End the {what} before the `{bad}`, e.g. `{example}`; to find text with \
                 punctuation, search the words without `{sigil}`."
            )),
        ));
    }
    if raw.chars().all(|c| c.is_ascii_digit()) {
        return Err(error(
            format!("`{sigil}{raw}` is a number, not a {what}: a {what} needs a letter."),
            start,
            Some(format!(
                "To find the number, search `{raw}` without the `{sigil}`."
            )),
        ));
    }
    check_wildcard_prefix(raw, start + 1)?;
    Ok(Pattern::new(text::lowercase(raw)))
}

pub(super) fn source_value(raw: &str, start: usize) -> Result<String, QueryError> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(error(
            "`source:` needs a source id.",
            start,
            Some("For example `source:port-ellis-news`.".into()),
        ));
    }
    if let Some(at) = v.chars().position(is_wildcard) {
        return Err(error(
            "`source:` matches a source id exactly; wildcards do not work here.",
            start + at,
            Some("Name each source: `(source:port-ellis-news OR source:kerrow-gazette)`.".into()),
        ));
    }
    Ok(text::lowercase(v))
}

pub(super) fn site_value(raw: &str, start: usize) -> Result<String, QueryError> {
    let hint = "Write just the host name, e.g. `site:gov.uk`; it also matches every address \
                ending in .gov.uk.";
    if raw.contains(['/', ':', '@']) {
        return Err(error(
            format!("`{raw}` is a web address, but `site:` takes a host name only."),
            start,
            Some(format!("{hint} Leave out https://, the path and any port.")),
        ));
    }
    if let Some(at) = raw.chars().position(is_wildcard) {
        return Err(error(
            "`site:` does not take wildcards.",
            start + at,
            Some("`site:gov.uk` already matches every address ending in .gov.uk.".into()),
        ));
    }
    let trimmed = raw.trim_matches('.');
    // The index holds hosts as the `url` crate writes them (lower case, international names in
    // punycode); normalise the query's host the same way.
    let host = url::Url::parse(&format!("http://{trimmed}/"))
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .filter(|h| !h.is_empty() && !trimmed.is_empty());
    match host {
        Some(h) => Ok(h.trim_end_matches('.').to_ascii_lowercase()),
        None => Err(error(
            format!("`{raw}` is not a host name."),
            start,
            Some(hint.into()),
        )),
    }
}

pub(super) fn lang_value(raw: &str, start: usize) -> Result<String, QueryError> {
    if raw.is_empty() || !raw.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(error(
            format!("`{raw}` is not a language code."),
            start,
            Some("Use a code such as `lang:en`, `lang:fr` or `lang:cy`.".into()),
        ));
    }
    Ok(raw.to_ascii_lowercase())
}

pub(super) fn date_value(raw: &str, start: usize, field: &str) -> Result<NaiveDate, QueryError> {
    let shape_ok = raw.len() == 10
        && raw.char_indices().all(|(i, c)| {
            if i == 4 || i == 7 {
                c == '-'
            } else {
                c.is_ascii_digit()
            }
        });
    let date = if shape_ok {
        NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok()
    } else {
        None
    };
    date.ok_or_else(|| {
        let message = if shape_ok {
            format!("`{raw}` is not a real date.")
        } else {
            format!("`{raw}` is not a date in the form year-month-day.")
        };
        error(
            message,
            start,
            Some(format!(
                "Write the date as YYYY-MM-DD, e.g. `{field}:2025-03-01`. after: includes that \
                 day; before: stops at the start of that day."
            )),
        )
    })
}

/// NEAR's operands are atoms (word, wildcard, phrase, field-restricted) or bracketed OR-groups of
/// them; on the left, the NEAR before it in a chain (`a NEAR/3 b NEAR/2 c`).
pub(super) fn check_near_operand(node: &Node, left: bool) -> Result<(), QueryError> {
    let chain = "Write a chain without brackets: `a NEAR/3 b NEAR/5 c` is read left to right, \
                 so c must be within 5 words of the a…b match.";
    match &node.kind {
        Kind::Text {
            atom: Atom::Cased { .. },
            ..
        } => Err(error(
            "NEAR cannot take a case-sensitive word.",
            node.span.start,
            Some(
                "Use the word without braces inside NEAR, and the braces outside it: \
                 `(kerrow NEAR/3 council) {Kerrow}`."
                    .into(),
            ),
        )),
        Kind::Text { .. } => Ok(()),
        Kind::Near { .. } if left && !node.bracketed => Ok(()),
        Kind::Near { .. } => Err(error(
            "A bracketed NEAR cannot be a side of another NEAR.",
            node.span.start,
            Some(chain.into()),
        )),
        Kind::Or(children) => {
            for child in children {
                check_near_operand(child, false)?;
            }
            Ok(())
        }
        Kind::And(_) => Err(error(
            "Inside brackets, NEAR takes alternatives joined by OR, not AND.",
            node.span.start,
            Some(
                "Give each side as words or phrases, or an OR-group: `(flood OR floods) NEAR/5 \
                 warning`. To require more words, combine NEARs with AND."
                    .into(),
            ),
        )),
        Kind::Not(_) => Err(error(
            "NEAR cannot take an excluded word.",
            node.span.start,
            Some("Exclude outside NEAR: `flood NEAR/5 warning -football`.".into()),
        )),
        Kind::Tag(_) | Kind::Mention(_) => Err(error(
            "NEAR works on words in the text, and a hashtag or mention filter has no place in \
             the text to measure from.",
            node.span.start,
            Some(
                "Use the word itself: `floodalert NEAR/5 warning` (the text of #FloodAlert is \
                 also a word of the body)."
                    .into(),
            ),
        )),
        _ => Err(error(
            "This filter applies to whole documents, so it cannot be a side of NEAR.",
            node.span.start,
            Some("Combine it with AND instead: `(flood NEAR/5 warning) site:gov.uk`.".into()),
        )),
    }
}
