//! The live board's figures, computed from stored attempts: the spread of best scores, and the
//! mistakes most of the class is making, read from the stored grades. Pure: takes values,
//! returns values, so it is tested without a server.

use std::collections::{HashMap, HashSet};

use serde_json::Value;

/// Scores in ten bands of ten (the last takes 100).
pub const BANDS: usize = 10;

/// How many trainees' best scores fall in each band.
pub fn distribution(best_scores: &[f64]) -> [usize; BANDS] {
    let mut bands = [0; BANDS];
    for s in best_scores {
        let i = ((s.clamp(0.0, 100.0) / 10.0).floor() as usize).min(BANDS - 1);
        bands[i] += 1;
    }
    bands
}

/// The middle value (the mean of the two middle ones for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    })
}

/// A mistake and how many trainees make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mistake {
    pub what: String,
    pub trainees: usize,
}

/// The mistakes in these stored results (one per trainee: their latest attempt), most common
/// first. Each trainee counts once per mistake. Results that are not JSON are skipped: the
/// board shows what it can read.
pub fn common_mistakes(results: &[&str], limit: usize) -> Vec<Mistake> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for result in results {
        let Ok(v) = serde_json::from_str::<Value>(result) else {
            continue;
        };
        let mine: HashSet<String> = mistakes_of(&v).into_iter().collect();
        for m in mine {
            *counts.entry(m).or_default() += 1;
        }
    }
    let mut list: Vec<Mistake> = counts
        .into_iter()
        .map(|(what, trainees)| Mistake { what, trainees })
        .collect();
    list.sort_by(|a, b| {
        b.trainees
            .cmp(&a.trainees)
            .then_with(|| a.what.cmp(&b.what))
    });
    list.truncate(limit);
    list
}

fn text<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or_default()
}

fn number(v: &Value, key: &str) -> Option<f64> {
    v.get(key).and_then(Value::as_f64)
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v.get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
}

/// What one stored grade says went wrong.
fn mistakes_of(v: &Value) -> Vec<String> {
    if let Some(error) = v.get("error").and_then(Value::as_str) {
        return vec![format!("Cannot be graded: {}", strip_column(error))];
    }
    let mut out = Vec::new();
    match text(v, "kind") {
        "monitor" => {
            for d in list(v, "missed") {
                out.push(format!("Misses “{}”", title_or_id(d)));
            }
            for d in list(v, "false_positives") {
                out.push(format!("Wrongly finds “{}”", title_or_id(d)));
            }
            if number(v, "found") == Some(0.0) {
                out.push("Finds nothing at all".into());
            } else {
                if number(v, "precision").is_some_and(|p| p < 0.5) {
                    out.push("Mostly noise: under half of what it finds is relevant".into());
                }
                if number(v, "recall").is_some_and(|r| r < 0.5) {
                    out.push("Misses more than half of the relevant documents".into());
                }
            }
        }
        "rewrite" => {
            for c in list(v, "counts") {
                if c.get("valid").and_then(Value::as_bool) == Some(false) {
                    out.push(format!("Too long or invalid for {}", text(c, "platform")));
                }
            }
            for f in list(v, "facts") {
                if f.get("found").is_none_or(Value::is_null) {
                    out.push(format!("Leaves out: {}", text(f, "fact")));
                }
            }
            for f in list(v, "findings") {
                let rule = text(f, "rule");
                let message = text(f, "message");
                out.push(if message.is_empty() {
                    format!("Style: {rule}")
                } else {
                    format!("Style: {message}")
                });
            }
        }
        "triage" => {
            for i in list(v, "items") {
                if i.get("correct").and_then(Value::as_bool) == Some(false) {
                    let expected = text(i, "expected");
                    if expected == "escalate" {
                        out.push(format!("Does not escalate {}", text(i, "id")));
                    } else {
                        out.push(format!(
                            "Sorts {} wrongly (the trainer says {})",
                            text(i, "id"),
                            expected.replace('-', " ")
                        ));
                    }
                }
            }
        }
        _ => {}
    }
    out
}

/// A document as the trainer knows it: its title, else the start of its text, else its id.
fn title_or_id(d: &Value) -> String {
    let title = text(d, "title");
    if !title.is_empty() {
        return title.to_string();
    }
    let excerpt = text(d, "excerpt").trim();
    if excerpt.is_empty() {
        return text(d, "id").to_string();
    }
    let short: String = excerpt.chars().take(60).collect();
    if short.len() < excerpt.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// "column 12: unbalanced bracket" → "unbalanced bracket": the same mistake at another
/// column is the same mistake.
fn strip_column(error: &str) -> &str {
    match error.strip_prefix("column ") {
        Some(rest) => rest
            .split_once(": ")
            .filter(|(n, _)| n.bytes().all(|b| b.is_ascii_digit()))
            .map(|(_, m)| m)
            .unwrap_or(error),
        None => error,
    }
}

/// One CSV field: quoted when it must be, and a leading `= + - @` defused so a spreadsheet
/// does not run a trainee's name as a formula.
pub fn csv_field(s: &str) -> String {
    let defused = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if defused.contains([',', '"', '\n', '\r'])
        || defused.starts_with(' ')
        || defused.ends_with(' ')
    {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A CSV line (CRLF, as RFC 4180 and spreadsheets expect).
pub fn csv_line(fields: &[String]) -> String {
    let mut line = fields
        .iter()
        .map(|f| csv_field(f))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scores_fall_in_bands() {
        let d = distribution(&[0.0, 9.99, 10.0, 55.0, 99.0, 100.0, 140.0, -3.0]);
        assert_eq!(d, [3, 1, 0, 0, 0, 1, 0, 0, 0, 3]);
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn mistakes_are_counted_once_per_trainee() {
        let monitor_a = r#"{"kind":"monitor","found":12,"precision":0.3,"recall":0.9,
            "missed":[{"id":"d1","title":"Flood warning for Ellis"}],
            "false_positives":[{"id":"d7","title":""},{"id":"d7","title":""},
            {"id":"d9","title":"","excerpt":"Sandbags handed out at the depot today"}]}"#;
        let monitor_b = r#"{"kind":"monitor","found":0,"precision":0,"recall":0,
            "missed":[{"id":"d1","title":"Flood warning for Ellis"}],"false_positives":[]}"#;
        let error = r#"{"error":"column 7: unbalanced bracket"}"#;
        let error_elsewhere = r#"{"error":"column 12: unbalanced bracket"}"#;
        let m = common_mistakes(
            &[monitor_a, monitor_b, error, error_elsewhere, "not json"],
            10,
        );
        assert_eq!(
            m[0],
            Mistake {
                what: "Cannot be graded: unbalanced bracket".into(),
                trainees: 2
            }
        );
        assert!(m.contains(&Mistake {
            what: "Misses “Flood warning for Ellis”".into(),
            trainees: 2
        }));
        assert!(m.contains(&Mistake {
            what: "Wrongly finds “d7”".into(),
            trainees: 1
        }));
        assert!(
            m.iter()
                .any(|x| x.what == "Wrongly finds “Sandbags handed out at the depot today”")
        );
        assert!(m.iter().any(|x| x.what == "Finds nothing at all"));
        assert!(m.iter().any(|x| x.what.starts_with("Mostly noise")));
        assert_eq!(common_mistakes(&[monitor_a, monitor_b], 1).len(), 1);
    }

    #[test]
    fn rewrite_and_triage_mistakes() {
        let rewrite = r#"{"kind":"rewrite","counts":[{"platform":"x","valid":false}],
            "facts":[{"fact":"the date","found":null},{"fact":"the place","found":"Port Ellis"}],
            "findings":[{"rule":"govuk.words","message":"Avoid “utilise”"}]}"#;
        let triage = r#"{"kind":"triage","items":[
            {"id":"p1","expected":"escalate","correct":false},
            {"id":"p2","expected":"not-relevant","correct":false},
            {"id":"p3","expected":"relevant","correct":true}]}"#;
        let m: Vec<String> = common_mistakes(&[rewrite, triage], 10)
            .into_iter()
            .map(|m| m.what)
            .collect();
        for expected in [
            "Too long or invalid for x",
            "Leaves out: the date",
            "Style: Avoid “utilise”",
            "Does not escalate p1",
            "Sorts p2 wrongly (the trainer says not relevant)",
        ] {
            assert!(m.iter().any(|w| w == expected), "{expected} in {m:?}");
        }
        assert!(
            !m.iter()
                .any(|w| w.contains("the place") || w.contains("p3"))
        );
    }

    #[test]
    fn csv_quotes_and_defuses() {
        assert_eq!(csv_field("Kim"), "Kim");
        assert_eq!(csv_field("Lee, Sam"), "\"Lee, Sam\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("-1"), "'-1");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_line(&["a".into(), "b c".into()]), "a,b c\r\n");
    }
}
