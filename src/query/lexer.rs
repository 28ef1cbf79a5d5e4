//! The lexer of the monitoring query language: characters into tokens with their character
//! columns. It knows quoting, brackets, the capitalised operators, `-`, `#`, `@` and `field:`
//! prefixes; what a word means is the parser's business.

use crate::error::QueryError;

/// Quote characters. Curly quotes are accepted too, because trainees paste queries from word
/// processors that "smarten" them, and a curly quote would otherwise vanish as punctuation and
/// quietly turn a phrase into separate words.
pub(crate) fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}')
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Tok {
    LParen,
    RParen,
    /// A quoted phrase: the text between the quotes and the character index where it starts.
    Quoted {
        text: String,
        inner_start: usize,
    },
    /// A quoted phrase followed by `~n`: its words within `n` words of each other.
    Proximity {
        text: String,
        inner_start: usize,
        distance: u32,
    },
    /// `{Word}`: the text between the braces, matched with its letter case.
    Cased {
        text: String,
        inner_start: usize,
    },
    /// A run of characters up to whitespace, a bracket or a quote.
    Word(String),
    /// `name:` right before a value (the next token, with no space between).
    Field(String),
    /// `#…`, without the `#`.
    Tag(String),
    /// `@…`, without the `@`.
    Mention(String),
    /// `-` right before a clause.
    Minus,
    And,
    Or,
    Not,
    Near {
        distance: u32,
        ordered: bool,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct Lexed {
    pub tok: Tok,
    /// Character index (0-based) of the first character.
    pub start: usize,
    /// Character index one past the last character.
    pub end: usize,
}

/// Largest NEAR distance the language accepts.
pub const MAX_NEAR: u32 = 100;

pub(crate) fn error(message: impl Into<String>, index: usize, hint: Option<String>) -> QueryError {
    QueryError {
        message: message.into(),
        column: index + 1,
        hint,
        line: None,
    }
}

fn ends_word(c: char) -> bool {
    c.is_whitespace() || c == '(' || c == ')' || is_quote(c)
}

/// Whether a comment (`<<<`) starts at `i`.
fn comment_at(chars: &[char], i: usize) -> bool {
    chars[i..].starts_with(&['<', '<', '<'])
}

/// `~n` straight after a closing quote: the distance and the index after it, or an error at the
/// `~` when no number follows.
fn proximity(chars: &[char], tilde: usize) -> Result<(u32, usize), QueryError> {
    let mut end = tilde + 1;
    while end < chars.len() && chars[end].is_ascii_digit() {
        end += 1;
    }
    let digits: String = chars[tilde + 1..end].iter().collect();
    let hint = "Write the largest number of words allowed between the words straight after the \
                `~`, e.g. `\"flood warning\"~5`; without it, leave out the `~`.";
    if digits.is_empty() {
        return Err(error(
            "`~` after a phrase needs a number: how many words may come between its words.",
            tilde,
            Some(hint.into()),
        ));
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_NEAR => Ok((n, end)),
        _ => Err(error(
            format!("The distance {digits} is out of range: it must be from 0 to {MAX_NEAR}."),
            tilde,
            Some(
                "`\"a b\"~n` finds the words at most n words apart, within one title or body; \
                 for words anywhere in a document, use AND."
                    .into(),
            ),
        )),
    }
}

pub(crate) fn lex(chars: &[char]) -> Result<Vec<Lexed>, QueryError> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if comment_at(chars, i) {
            // `<<<comment>>>`: a note for people, ignored by the search (Brandwatch and YouScan
            // write comments the same way).
            let close = (i + 3..chars.len().saturating_sub(2))
                .find(|&j| chars[j..].starts_with(&['>', '>', '>']));
            let Some(close) = close else {
                return Err(error(
                    "This comment is never closed.",
                    i,
                    Some(
                        "A comment runs from `<<<` to `>>>`: `flood <<<river names next>>> \
                         (Kerrow OR Ellis)`. Add `>>>` where the comment ends."
                            .into(),
                    ),
                ));
            };
            i = close + 3;
            continue;
        }
        match c {
            '{' => {
                let close = chars[i + 1..]
                    .iter()
                    .position(|&d| d == '}' || d == '{' || d.is_whitespace() || is_quote(d));
                let len = match close {
                    Some(len) if chars[i + 1 + len] == '}' => len,
                    _ => {
                        return Err(error(
                            "This brace is never closed.",
                            i,
                            Some(
                                "Braces hold one word to be matched in exactly that letter \
                                 case, with no spaces: `{Kerrow}`. Add `}` straight after the \
                                 word."
                                    .into(),
                            ),
                        ));
                    }
                };
                let text: String = chars[i + 1..i + 1 + len].iter().collect();
                out.push(Lexed {
                    tok: Tok::Cased {
                        text,
                        inner_start: i + 1,
                    },
                    start: i,
                    end: i + len + 2,
                });
                i += len + 2;
            }
            '(' => {
                out.push(Lexed {
                    tok: Tok::LParen,
                    start: i,
                    end: i + 1,
                });
                i += 1;
            }
            ')' => {
                out.push(Lexed {
                    tok: Tok::RParen,
                    start: i,
                    end: i + 1,
                });
                i += 1;
            }
            c if is_quote(c) => {
                let close = chars[i + 1..].iter().position(|&d| is_quote(d));
                let Some(len) = close else {
                    return Err(error(
                        "This quote mark is never closed.",
                        i,
                        Some(
                            "A phrase goes between two quote marks: \"rest centre\". Add the \
                             closing quote mark after the last word of the phrase."
                                .into(),
                        ),
                    ));
                };
                let text: String = chars[i + 1..i + 1 + len].iter().collect();
                let after = i + len + 2;
                if chars.get(after) == Some(&'~') {
                    let (distance, end) = proximity(chars, after)?;
                    out.push(Lexed {
                        tok: Tok::Proximity {
                            text,
                            inner_start: i + 1,
                            distance,
                        },
                        start: i,
                        end,
                    });
                    i = end;
                    continue;
                }
                out.push(Lexed {
                    tok: Tok::Quoted {
                        text,
                        inner_start: i + 1,
                    },
                    start: i,
                    end: after,
                });
                i = after;
            }
            // `-` is the exclusion operator only when it sits right before what it excludes;
            // inside a word (`covid-19`) it is punctuation.
            '-' if chars
                .get(i + 1)
                .is_some_and(|&d| !d.is_whitespace() && d != ')') =>
            {
                out.push(Lexed {
                    tok: Tok::Minus,
                    start: i,
                    end: i + 1,
                });
                i += 1;
            }
            _ => {
                let start = i;
                let mut end = i;
                while end < chars.len() && !ends_word(chars[end]) && !comment_at(chars, end) {
                    end += 1;
                }
                lex_word(&chars[start..end], start, &mut out)?;
                i = end;
            }
        }
    }
    Ok(out)
}

fn lex_word(word: &[char], start: usize, out: &mut Vec<Lexed>) -> Result<(), QueryError> {
    let end = start + word.len();
    let text: String = word.iter().collect();
    let push = |out: &mut Vec<Lexed>, tok| {
        out.push(Lexed { tok, start, end });
        Ok(())
    };
    match text.as_str() {
        "AND" => return push(out, Tok::And),
        "OR" => return push(out, Tok::Or),
        "NOT" => return push(out, Tok::Not),
        _ => {}
    }
    if let Some(rest) = text.strip_prefix("NEAR") {
        let tok = near(rest, start, &text)?;
        return push(out, tok);
    }
    // A prefix of letters and a colon is a field (`title:`), known or not; the parser says which
    // names exist. `12:30` is not a field: it is a word of two tokens.
    if let Some(colon) = word.iter().position(|&c| c == ':')
        && colon > 0
        && word[..colon].iter().all(|c| c.is_alphabetic())
    {
        out.push(Lexed {
            tok: Tok::Field(word[..colon].iter().collect()),
            start,
            end: start + colon + 1,
        });
        if colon + 1 < word.len() {
            out.push(Lexed {
                tok: Tok::Word(word[colon + 1..].iter().collect()),
                start: start + colon + 1,
                end,
            });
        }
        return Ok(());
    }
    let tok = if let Some(rest) = text.strip_prefix('#') {
        Tok::Tag(rest.to_string())
    } else if let Some(rest) = text.strip_prefix('@') {
        Tok::Mention(rest.to_string())
    } else {
        Tok::Word(text.clone())
    };
    push(out, tok)
}

/// `NEAR/5` or `NEAR/5f`, given what follows `NEAR`.
fn near(rest: &str, start: usize, whole: &str) -> Result<Tok, QueryError> {
    let example = "Write the distance straight after a slash, e.g. `flood NEAR/5 warning`, or \
                   `NEAR/5f` when the first word must come first.";
    let Some(spec) = rest.strip_prefix('/') else {
        let message = if rest.is_empty() {
            "NEAR needs a distance: the largest number of words allowed between the two sides."
                .to_string()
        } else {
            format!("`{whole}` is not an operator.")
        };
        return Err(error(message, start, Some(example.into())));
    };
    let (digits, ordered) = match spec.strip_suffix('f') {
        Some(d) => (d, true),
        None => (spec, false),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(error(
            format!(
                "`{whole}` is not a NEAR distance: it should be a number, optionally followed by f."
            ),
            start,
            Some(example.into()),
        ));
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_NEAR => Ok(Tok::Near {
            distance: n,
            ordered,
        }),
        _ => Err(error(
            format!("The NEAR distance {digits} is out of range: it must be from 0 to {MAX_NEAR}."),
            start,
            Some(
                "NEAR/n finds words at most n words apart, within one title or body; for words \
                 anywhere in a document, use AND."
                    .into(),
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<Tok> {
        let chars: Vec<char> = s.chars().collect();
        lex(&chars).unwrap().into_iter().map(|l| l.tok).collect()
    }

    #[test]
    fn words_operators_and_prefixes() {
        assert_eq!(
            toks("flood -(a OR b) NOT x NEAR/3f \"y z\" title:w #T @m covid-19"),
            vec![
                Tok::Word("flood".into()),
                Tok::Minus,
                Tok::LParen,
                Tok::Word("a".into()),
                Tok::Or,
                Tok::Word("b".into()),
                Tok::RParen,
                Tok::Not,
                Tok::Word("x".into()),
                Tok::Near {
                    distance: 3,
                    ordered: true
                },
                Tok::Quoted {
                    text: "y z".into(),
                    inner_start: 31
                },
                Tok::Field("title".into()),
                Tok::Word("w".into()),
                Tok::Tag("T".into()),
                Tok::Mention("m".into()),
                Tok::Word("covid-19".into()),
            ]
        );
    }

    #[test]
    fn a_lone_minus_is_a_word_and_times_are_not_fields() {
        assert_eq!(
            toks("a - 12:30"),
            vec![
                Tok::Word("a".into()),
                Tok::Word("-".into()),
                Tok::Word("12:30".into())
            ]
        );
    }

    #[test]
    fn field_then_quote_is_two_tokens() {
        let chars: Vec<char> = "title:\"a b\"".chars().collect();
        let l = lex(&chars).unwrap();
        assert_eq!(l[0].tok, Tok::Field("title".into()));
        assert_eq!((l[0].end, l[1].start), (6, 6));
    }

    #[test]
    fn bad_near_and_quotes() {
        let err = |s: &str| lex(&s.chars().collect::<Vec<_>>()).unwrap_err();
        assert_eq!(err("a NEAR b").column, 3);
        assert_eq!(err("a NEAR/x b").column, 3);
        assert_eq!(err("a NEAR/101 b").column, 3);
        assert_eq!(err("a NEAR/99999999999 b").column, 3);
        assert_eq!(err("x \"open").column, 3);
        assert!(lex(&"a NEAR/100 b".chars().collect::<Vec<_>>()).is_ok());
    }
}
