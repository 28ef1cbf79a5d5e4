//! Reading a cohort's list of names: typed one a line, or a CSV file with a `name` column and
//! optional `email` and `team` columns (docs/programmes.md, "Adding learners"). Pure: text in,
//! learners or every problem with its line out. Nothing is added unless every row is good, so a
//! trainer fixes the file and sends it again rather than untangling half an import.
//!
//! The CSV reader is written here rather than taken from a crate: the format needed is small
//! (RFC 4180 quoting, either line ending, a byte-order mark) and the line numbers of the
//! problems must be the lines a spreadsheet shows, counted from the start of each record.

use std::collections::HashMap;

use crate::store::classroom::normalise_name;
use crate::store::programmes::NewLearner;

/// The most learners one list may add: a large department's intake, well within one form.
pub const ROSTER_MAX: usize = 2_000;
/// The longest email or team kept.
const FIELD_MAX: usize = 200;

/// A problem with one line of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterProblem {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RosterProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// A learner read from the list, with the line it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RosterEntry {
    pub line: usize,
    pub learner: NewLearner,
}

/// Names typed one a line; blank lines are skipped.
pub fn parse_names(text: &str) -> Result<Vec<RosterEntry>, Vec<RosterProblem>> {
    let rows = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| (i + 1, l.to_string(), String::new(), String::new()))
        .collect::<Vec<_>>();
    check_rows(rows)
}

/// A CSV file: a header line naming the columns (`name` required; `email`, `team` optional;
/// others ignored), then one learner a record.
pub fn parse_csv(text: &str) -> Result<Vec<RosterEntry>, Vec<RosterProblem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let records = match records(text) {
        Ok(r) => r,
        Err(p) => return Err(vec![p]),
    };
    let mut records = records
        .into_iter()
        .filter(|(_, fields)| !(fields.len() == 1 && fields[0].trim().is_empty()));
    let Some((header_line, header)) = records.next() else {
        return Err(vec![RosterProblem {
            line: 1,
            message: "the file is empty: it needs a header line with a `name` column".into(),
        }]);
    };
    let column = |want: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(want))
    };
    let Some(name_at) = column("name") else {
        return Err(vec![RosterProblem {
            line: header_line,
            message: format!(
                "the header has no `name` column (it has: {}). The first line must name the \
                 columns, for example `name,email,team`",
                header
                    .iter()
                    .map(|h| format!("`{}`", h.trim()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }]);
    };
    let (email_at, team_at) = (column("email"), column("team"));
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (line, fields) in records {
        if fields.len() != header.len() {
            problems.push(RosterProblem {
                line,
                message: format!(
                    "{} field{} where the header has {}",
                    fields.len(),
                    if fields.len() == 1 { "" } else { "s" },
                    header.len()
                ),
            });
            continue;
        }
        let get = |at: Option<usize>| at.map(|i| fields[i].trim().to_string()).unwrap_or_default();
        rows.push((line, fields[name_at].clone(), get(email_at), get(team_at)));
    }
    match check_rows(rows) {
        Ok(entries) if problems.is_empty() => Ok(entries),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            problems.sort_by_key(|p| p.line);
            Err(problems)
        }
    }
}

/// Checks each (line, name, email, team): the name as the classroom's names are, no name twice
/// (ignoring case and spacing), an email that looks like one, lengths.
fn check_rows(
    rows: Vec<(usize, String, String, String)>,
) -> Result<Vec<RosterEntry>, Vec<RosterProblem>> {
    let mut problems = Vec::new();
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    if rows.is_empty() {
        problems.push(RosterProblem {
            line: 1,
            message: "no names: give one name a line (or a CSV file with a `name` column)".into(),
        });
    }
    if rows.len() > ROSTER_MAX {
        problems.push(RosterProblem {
            line: rows[ROSTER_MAX].0,
            message: format!("more than {ROSTER_MAX} learners: split the list"),
        });
    }
    for (line, name, email, team) in rows {
        let mut bad = |message: String| problems.push(RosterProblem { line, message });
        let (name, key) = match normalise_name(&name) {
            Ok(n) => n,
            Err(e) => {
                let m = e.to_string().replace("Your name", "The name");
                bad(if m == "Enter your name" {
                    "the name is empty".into()
                } else {
                    m
                });
                continue;
            }
        };
        if let Some(first) = seen.get(&key) {
            bad(format!("{name} is already on line {first}"));
            continue;
        }
        seen.insert(key.clone(), line);
        if !email.is_empty() && !looks_like_email(&email) {
            bad(format!("`{email}` is not an email address"));
            continue;
        }
        if email.chars().count() > FIELD_MAX || team.chars().count() > FIELD_MAX {
            bad(format!(
                "the email or team is longer than {FIELD_MAX} characters"
            ));
            continue;
        }
        out.push(RosterEntry {
            line,
            learner: NewLearner {
                name,
                name_key: key,
                email,
                team,
            },
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

fn looks_like_email(s: &str) -> bool {
    let Some((user, host)) = s.split_once('@') else {
        return false;
    };
    !user.is_empty()
        && host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The records of a CSV text, each with the line it starts on. A quoted field may hold commas,
/// doubled quotes and line breaks.
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, RosterProblem> {
    let mut out = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut line = 1;
    let mut start = 1;
    let mut quoted = false;
    let mut quote_line = 0;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                '\n' => {
                    line += 1;
                    field.push('\n');
                }
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                quoted = true;
                quote_line = line;
                at_field_start = false;
            }
            '"' => {
                return Err(RosterProblem {
                    line,
                    message: "a quote mark inside a field that does not start with one: put the \
                              whole field in quotes and double the quote mark"
                        .into(),
                });
            }
            ',' => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => {
                fields.push(std::mem::take(&mut field));
                out.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
                at_field_start = true;
            }
            _ => {
                field.push(c);
                at_field_start = false;
            }
        }
    }
    if quoted {
        return Err(RosterProblem {
            line: quote_line,
            message: "a quoted field is never closed".into(),
        });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        out.push((start, fields));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(r: &[RosterEntry]) -> Vec<&str> {
        r.iter().map(|e| e.learner.name.as_str()).collect()
    }

    #[test]
    fn names_one_a_line() {
        let r = parse_names("Ana  Silva\n\n  Ben Okoro \r\n").expect("good");
        assert_eq!(names(&r), ["Ana Silva", "Ben Okoro"]);
        assert_eq!(r[1].line, 3);
        let e = parse_names("Ana\nana\n").expect_err("twice");
        assert_eq!(
            e,
            vec![RosterProblem {
                line: 2,
                message: "ana is already on line 1".into()
            }]
        );
        assert!(parse_names("\n \n").is_err());
    }

    #[test]
    fn csv_with_quotes_columns_and_bad_rows() {
        let text = "\u{feff}Team,Name,Email\r\nPress,\"Silva, Ana\",ana@tollwick.example\r\n\
                    Digital,\"Ben \"\"B\"\" Okoro\",\r\n";
        let r = parse_csv(text).expect("good");
        assert_eq!(names(&r), ["Silva, Ana", "Ben \"B\" Okoro"]);
        assert_eq!(r[0].learner.team, "Press");
        assert_eq!(r[0].learner.email, "ana@tollwick.example");
        assert_eq!(r[1].line, 3);

        let bad = "name,email\nAna,ana@x.example\nBen,not-an-email\nCy\n,\n";
        let e = parse_csv(bad).expect_err("bad rows");
        let lines: Vec<usize> = e.iter().map(|p| p.line).collect();
        assert_eq!(lines, [3, 4, 5], "{e:?}");
        assert!(e[0].message.contains("not an email"), "{e:?}");
        assert!(
            e[1].message.contains("1 field where the header has 2"),
            "{e:?}"
        );
        assert!(e[2].message.contains("empty"), "{e:?}");

        let e = parse_csv("email,team\nx@y.example,a\n").expect_err("no name column");
        assert_eq!(e[0].line, 1);
        assert!(e[0].message.contains("no `name` column"));
        let e = parse_csv("name\n\"Ana\nSilva\nBen").expect_err("open quote");
        assert_eq!(e[0].line, 2);
        let e = parse_csv("name\nAn\"a\n").expect_err("stray quote");
        assert_eq!(e[0].line, 2);
        // A quoted field over two lines: the next record's line is counted past it.
        let r = parse_csv("name,team\n\"Ana\",\"a\nb\"\nBen,c\n").expect("good");
        assert_eq!(r[1].line, 4);
    }
}
