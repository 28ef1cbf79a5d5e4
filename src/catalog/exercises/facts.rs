//! The key facts of a rewrite exercise (`[[rewrite.facts]]`): each a rule in the monitoring
//! query language, read against the post by `query::post`. `match` shows the fact is stated,
//! `contradicts` shows it is stated wrongly, `gate` makes it one a post cannot pass without.
//! The older `accept` list of wordings still loads: each wording becomes a quoted phrase and
//! the phrases are joined with OR. Every rule is parsed and checked when the file loads, and a
//! bad one is reported with the file's line and the query's column.

use serde::{Deserialize, Serialize, Serializer};
use toml::Spanned;

use crate::error::QueryError;
use crate::query::{self, ParsedQuery};

/// One key fact, its rules parsed.
#[derive(Debug, Clone, Serialize)]
pub struct Fact {
    /// The fact in the trainer's words, as the feedback names it.
    pub fact: String,
    /// The rule that shows the post states the fact (`match`, or built from `accept`).
    #[serde(rename = "match")]
    pub rule: Rule,
    /// Rules that show the post states the fact wrongly.
    pub contradicts: Vec<Rule>,
    /// A fact no post can pass without stating, or while stating it wrongly.
    pub gate: bool,
}

/// A parsed rule, kept with its source.
#[derive(Debug, Clone)]
pub struct Rule(ParsedQuery);

impl Rule {
    /// Parses a rule and refuses what has no meaning for a post (`query::post::check_rule`).
    pub fn parse(source: &str) -> Result<Rule, QueryError> {
        let q = query::parse(source)?;
        query::post::check_rule(&q)?;
        Ok(Rule(q))
    }

    /// The rule matching any of `wordings`, each as a phrase on token boundaries (the meaning
    /// of the older `accept` lists). Errors name the wording that has no letters or digits.
    pub fn from_wordings(wordings: &[String]) -> Result<Rule, String> {
        let mut phrases = Vec::new();
        for w in wordings {
            let tokens = crate::text::token_texts(w);
            if tokens.is_empty() {
                return Err(format!(
                    "accepted wording {w:?} has no letters or digits to look for"
                ));
            }
            phrases.push(format!("\"{}\"", tokens.join(" ")));
        }
        if phrases.is_empty() {
            return Err("`accept` is empty: give at least one wording".into());
        }
        Rule::parse(&phrases.join(" OR ")).map_err(|e| format!("accept: {e}"))
    }

    pub fn query(&self) -> &ParsedQuery {
        &self.0
    }

    pub fn source(&self) -> &str {
        &self.0.source
    }
}

impl Serialize for Rule {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.source())
    }
}

impl Fact {
    /// A fact from its rules as source text (for code and tests; files go through `check`).
    pub fn new(
        fact: &str,
        rule: &str,
        contradicts: &[&str],
        gate: bool,
    ) -> Result<Fact, QueryError> {
        Ok(Fact {
            fact: fact.to_string(),
            rule: Rule::parse(rule)?,
            contradicts: contradicts
                .iter()
                .map(|c| Rule::parse(c))
                .collect::<Result<_, _>>()?,
            gate,
        })
    }
}

/// A `[[rewrite.facts]]` table as the file gives it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(in crate::catalog) struct RawFact {
    fact: Spanned<String>,
    #[serde(default, rename = "match")]
    rule: Option<Spanned<String>>,
    #[serde(default)]
    accept: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    contradicts: Vec<Spanned<String>>,
    #[serde(default)]
    gate: bool,
}

/// The facts of a file, checked: each problem goes to `problem` with the line it is about
/// (`line` turns a byte offset of the file into its line). A fact with a problem is left out.
pub(in crate::catalog) fn check(
    raw: Vec<RawFact>,
    line: &dyn Fn(usize) -> usize,
    problem: &mut dyn FnMut(Option<usize>, String),
) -> Vec<Fact> {
    let mut out = Vec::new();
    for f in raw {
        let name = f.fact.get_ref().trim().to_string();
        let fact_line = Some(line(f.fact.span().start));
        if name.is_empty() {
            problem(
                fact_line,
                "fact is empty: say what the post must state".into(),
            );
        }
        let bad_query = |key: &str, source: &str, e: QueryError| {
            format!("fact {name:?}: {key} = {source:?} is not a rule: {e}")
        };
        let rule = match (f.rule, f.accept) {
            (Some(_), Some(a)) => {
                problem(
                    Some(line(a.span().start)),
                    format!("fact {name:?}: give `match` or `accept`, not both"),
                );
                None
            }
            (None, None) => {
                problem(
                    fact_line,
                    format!("fact {name:?} needs `match`, the query that shows a post states it"),
                );
                None
            }
            (Some(m), None) => match Rule::parse(m.get_ref()) {
                Ok(r) => Some(r),
                Err(e) => {
                    problem(
                        Some(line(m.span().start)),
                        bad_query("match", m.get_ref(), e),
                    );
                    None
                }
            },
            (None, Some(a)) => match Rule::from_wordings(a.get_ref()) {
                Ok(r) => Some(r),
                Err(e) => {
                    problem(Some(line(a.span().start)), format!("fact {name:?}: {e}"));
                    None
                }
            },
        };
        let mut contradicts = Vec::new();
        let mut ok = rule.is_some() && !name.is_empty();
        for c in &f.contradicts {
            match Rule::parse(c.get_ref()) {
                Ok(r) => contradicts.push(r),
                Err(e) => {
                    ok = false;
                    problem(
                        Some(line(c.span().start)),
                        bad_query("contradicts", c.get_ref(), e),
                    );
                }
            }
        }
        if let (true, Some(rule)) = (ok, rule) {
            out.push(Fact {
                fact: name,
                rule,
                contradicts,
                gate: f.gate,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::catalog::exercises::{Task, from_text};

    fn exercise(facts: &str) -> String {
        format!(
            "id = \"r\"\ntitle = \"t\"\nkind = \"rewrite\"\nlevel = \"beginner\"\nbrief = \"b\"\n[rewrite]\nsource = \"press-releases/ferry-timetable.md\"\nplatforms = [\"x\"]\npass_mark = 70\n{facts}"
        )
    }

    #[test]
    fn rules_load_and_old_wordings_become_phrases() {
        let c = from_text(
            "r.toml",
            &exercise(
                "[[rewrite.facts]]\nfact = \"drivers book\"\nmatch = '(drivers OR vehicles) NEAR/3 book'\ncontradicts = ['drivers NEAR/3 not']\ngate = true\n[[rewrite.facts]]\nfact = \"date\"\naccept = [\"16 Feb\", \"16/2\"]\n",
            ),
        );
        assert!(c.problems.is_empty(), "{:?}", c.problems);
        let Task::Rewrite(r) = &c.exercises[0].task else {
            panic!("rewrite")
        };
        assert!(r.facts[0].gate);
        assert_eq!(r.facts[0].contradicts[0].source(), "drivers NEAR/3 not");
        assert_eq!(r.facts[1].rule.source(), "\"16 feb\" OR \"16 2\"");
        assert!(!r.facts[1].gate);
    }

    #[test]
    fn bad_rules_name_the_line_and_the_column() {
        let c = from_text(
            "r.toml",
            &exercise(
                "[[rewrite.facts]]\nfact = \"a\"\nmatch = 'ferry'\ncontradicts = ['ok', '(foot NEAR/3']\n[[rewrite.facts]]\nfact = \"b\"\nmatch = 'site:example.org'\n[[rewrite.facts]]\nfact = \"c\"\naccept = [\"—\"]\n[[rewrite.facts]]\nfact = \"d\"\n[[rewrite.facts]]\nfact = \"e\"\nmatch = 'x'\nwords = ['y']\n",
            ),
        );
        let got: Vec<(Option<usize>, &str)> = c
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert!(c.exercises.is_empty());
        // The unknown key stops the file at the TOML stage, with its line.
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].0, Some(25), "{got:?}");
        let c = from_text(
            "r.toml",
            &exercise(
                "[[rewrite.facts]]\nfact = \"a\"\nmatch = 'ferry'\ncontradicts = ['ok', '(foot NEAR/3']\n[[rewrite.facts]]\nfact = \"b\"\nmatch = 'site:example.org'\n[[rewrite.facts]]\nfact = \"c\"\naccept = [\"—\"]\n[[rewrite.facts]]\nfact = \"d\"\n",
            ),
        );
        let got: Vec<(Option<usize>, &str)> = c
            .problems
            .iter()
            .map(|p| (p.line, p.message.as_str()))
            .collect();
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0].0, Some(13), "{got:?}");
        assert!(
            got[0]
                .1
                .starts_with("fact \"a\": contradicts = \"(foot NEAR/3\" is not a rule: column"),
            "{got:?}"
        );
        assert_eq!(got[1].0, Some(16), "{got:?}");
        assert!(
            got[1].1.contains("column 1: `site:` has no meaning"),
            "{got:?}"
        );
        assert_eq!(got[2].0, Some(19), "{got:?}");
        assert!(got[2].1.contains("has no letters or digits"), "{got:?}");
        assert_eq!(got[3].0, Some(21), "{got:?}");
        assert!(got[3].1.contains("needs `match`"), "{got:?}");
    }
}
