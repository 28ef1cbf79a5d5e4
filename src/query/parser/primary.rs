//! The parser's primaries (docs/design.md, "Query language"): a bracketed group, a field and its
//! value, a hashtag or mention, a word, a phrase, a proximity group or a case-sensitive word;
//! and the warning for an operator written in lower case. The atoms themselves are `atoms.rs`.

use super::atoms::*;
use super::*;

impl Parser {
    pub(super) fn primary(&mut self) -> Result<Node, QueryError> {
        let Some(t) = self.next() else {
            return Err(error("The query ends too early.", self.len, None));
        };
        match t.tok {
            Tok::LParen => {
                self.deeper(&t)?;
                let mut inner = self.or()?;
                self.depth -= 1;
                let close = self.next();
                match close {
                    Some(Lexed {
                        tok: Tok::RParen,
                        end,
                        ..
                    }) => {
                        inner.span = t.start..end;
                        inner.bracketed = true;
                        Ok(inner)
                    }
                    _ => Err(error(
                        "This bracket is never closed.",
                        t.start,
                        Some("Add the closing bracket where the group ends.".into()),
                    )),
                }
            }
            Tok::Quoted { text, inner_start } => {
                let atom = phrase_atom(&text, inner_start, t.start)?;
                Ok(Node::new(
                    Kind::Text {
                        scope: Scope::Default,
                        atom,
                    },
                    t.start..t.end,
                ))
            }
            Tok::Proximity {
                text,
                inner_start,
                distance,
            } => proximity_chain(&text, inner_start, distance, t.start..t.end),
            Tok::Cased { text, inner_start } => {
                let atom = cased_atom(&text, inner_start, t.start)?;
                Ok(Node::new(
                    Kind::Text {
                        scope: Scope::Default,
                        atom,
                    },
                    t.start..t.end,
                ))
            }
            Tok::Word(raw) => {
                stray_tilde(&raw, t.start)?;
                self.warn_lowercase_operator(&raw, t.start);
                let atom = word_atom(&raw, t.start)?;
                Ok(Node::new(
                    Kind::Text {
                        scope: Scope::Default,
                        atom,
                    },
                    t.start..t.end,
                ))
            }
            Tok::Tag(raw) => {
                let p = sigil_pattern(&raw, '#', t.start)?;
                Ok(Node::new(Kind::Tag(p), t.start..t.end))
            }
            Tok::Mention(raw) => {
                let p = sigil_pattern(&raw, '@', t.start)?;
                Ok(Node::new(Kind::Mention(p), t.start..t.end))
            }
            Tok::Field(ref name) => self.field(name.clone(), t.start, t.end),
            // `and()` and `near()` only call here when a clause follows.
            _ => Err(error(
                format!("{} is not expected here.", describe(&t.tok)),
                t.start,
                None,
            )),
        }
    }

    fn warn_lowercase_operator(&mut self, raw: &str, start: usize) {
        let lower = raw.to_lowercase();
        let upper = match lower.as_str() {
            "and" | "or" | "not" => raw.to_uppercase(),
            l if l.starts_with("near/") => {
                let rest: String = raw.chars().skip(4).collect();
                format!("NEAR{rest}")
            }
            _ => return,
        };
        self.warnings.push(format!(
            "`{raw}` (column {}) is searched as an ordinary word. Operators are written in \
             capitals: if you meant the operator, write `{upper}`.",
            start + 1
        ));
    }

    fn field(&mut self, name: String, start: usize, end: usize) -> Result<Node, QueryError> {
        let lower = name.to_lowercase();
        if !FIELDS.contains(&lower.as_str()) {
            let mut hint = String::new();
            if let Some(close) = FIELDS.iter().find(|f| edit_distance(f, &lower) <= 2) {
                hint.push_str(&format!("Did you mean `{close}:`? "));
            }
            hint.push_str(
                "The fields are title:, body:, author:, source:, site:, lang:, after: and \
                 before:. To search for the word itself, leave out the colon.",
            );
            return Err(error(
                format!("`{name}:` is not a field."),
                start,
                Some(hint),
            ));
        }
        let value = match self.toks.get(self.pos) {
            Some(v) if v.start == end => self.next(),
            _ => None,
        };
        let Some(value) = value else {
            return Err(error(
                format!("`{lower}:` needs a value straight after the colon."),
                end,
                Some(format!(
                    "Write the value with no space after the colon, e.g. `{}`.",
                    field_example(&lower)
                )),
            ));
        };
        let span = start..value.end;
        let text_scope = match lower.as_str() {
            "title" => Some(Scope::Title),
            "body" => Some(Scope::Body),
            "author" => Some(Scope::Author),
            _ => None,
        };
        if let Some(scope) = text_scope {
            let braced = matches!(&value.tok, Tok::Word(raw) if raw.starts_with('{'));
            let atom = match value.tok {
                _ if braced => return Err(cased_in_field(&lower, value.start)),
                Tok::Word(raw) => {
                    stray_tilde(&raw, value.start)?;
                    word_atom(&raw, value.start)?
                }
                Tok::Quoted { text, inner_start } => phrase_atom(&text, inner_start, value.start)?,
                Tok::Cased { .. } => return Err(cased_in_field(&lower, value.start)),
                _ => {
                    return Err(error(
                        format!("`{lower}:` applies to one word or one quoted phrase."),
                        value.start,
                        Some(format!(
                            "Repeat the field for each word: `({lower}:flood OR {lower}:floods)`."
                        )),
                    ));
                }
            };
            return Ok(Node::new(Kind::Text { scope, atom }, span));
        }
        let (raw, raw_start) = match value.tok {
            Tok::Word(raw) => (raw, value.start),
            Tok::Quoted { text, inner_start } if lower == "source" => (text, inner_start),
            _ => {
                return Err(error(
                    format!("`{lower}:` takes a single value."),
                    value.start,
                    Some(format!("For example `{}`.", field_example(&lower))),
                ));
            }
        };
        let kind = match lower.as_str() {
            "source" => Kind::Source(source_value(&raw, raw_start)?),
            "site" => Kind::Site(site_value(&raw, raw_start)?),
            "lang" => Kind::Lang(lang_value(&raw, raw_start)?),
            "after" => Kind::After(date_value(&raw, raw_start, "after")?),
            _ => Kind::Before(date_value(&raw, raw_start, "before")?),
        };
        Ok(Node::new(kind, span))
    }
}

/// `flood~3` (or `title:flood~3`, `"a b" ~3`): the proximity of other tools, in the wrong place.
/// Character offsets are columns, as everywhere in the parser.
fn stray_tilde(raw: &str, start: usize) -> Result<(), QueryError> {
    match raw.chars().position(|c| c == '~') {
        Some(at) => Err(error(
            "`~` works only straight after a phrase in quotes.",
            start + at,
            Some(
                "Put the words in quotes with the `~` right after the closing quote: \
                 `\"flood warning\"~5` finds them at most 5 words apart."
                    .into(),
            ),
        )),
        None => Ok(()),
    }
}
