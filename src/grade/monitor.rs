//! Grading a monitoring query against a labelled set: precision, recall and F1, clause by clause
//! counts, and a sample of missed and wrongly found documents, each with the reason.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::ingest::Document;
use crate::query::TextField;
use crate::query::{Joiner, ParsedQuery};

/// How many missed and wrongly found documents to explain.
pub const SAMPLE: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Metrics {
    pub relevant: usize,
    pub found: usize,
    pub true_positives: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

/// Precision, recall and F1 of `found` against `relevant`. An empty result has precision 0.
pub fn metrics(relevant: &HashSet<String>, found: &HashSet<String>) -> Metrics {
    let tp = found.intersection(relevant).count();
    let precision = if found.is_empty() {
        0.0
    } else {
        tp as f64 / found.len() as f64
    };
    let recall = if relevant.is_empty() {
        0.0
    } else {
        tp as f64 / relevant.len() as f64
    };
    let f1 = if precision + recall == 0.0 {
        0.0
    } else {
        2.0 * precision * recall / (precision + recall)
    };
    Metrics {
        relevant: relevant.len(),
        found: found.len(),
        true_positives: tp,
        precision,
        recall,
        f1,
    }
}

/// What one top-level clause of the query does on its own.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ClauseCount {
    pub text: String,
    pub negated: bool,
    /// Documents the clause matches on its own (for a negated clause: the documents it removes).
    pub matches: usize,
    /// Of those, how many are in the labelled set.
    pub relevant: usize,
    /// In words: what the clause does for the query.
    pub verdict: String,
}

/// A document in the sample, with why it was missed or found.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Explained {
    pub id: String,
    pub title: String,
    pub excerpt: String,
    pub reason: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct MonitorGrade {
    pub query: String,
    #[serde(flatten)]
    pub metrics: Metrics,
    pub pass_mark: f64,
    pub passed: bool,
    pub clauses: Vec<ClauseCount>,
    pub missed_total: usize,
    pub missed: Vec<Explained>,
    pub false_positive_total: usize,
    pub false_positives: Vec<Explained>,
    /// What to try next, from the figures.
    pub advice: String,
}

impl Explained {
    /// The document as the trainer knows it: its title, else the start of its text, else its id.
    pub fn title_or_id(&self) -> String {
        if !self.title.is_empty() {
            return self.title.clone();
        }
        let excerpt = self.excerpt.trim();
        if excerpt.is_empty() {
            return self.id.clone();
        }
        let short: String = excerpt.chars().take(60).collect();
        if short.len() < excerpt.len() {
            format!("{short}…")
        } else {
            short
        }
    }
}

/// What the caller has gathered for one attempt.
pub struct Evidence<'a> {
    pub query: &'a ParsedQuery,
    pub model: Option<&'a ParsedQuery>,
    pub relevant: &'a HashSet<String>,
    pub found: &'a HashSet<String>,
    /// For each of `query.clauses()`, the ids it matches on its own.
    pub clause_ids: Vec<HashSet<String>>,
    /// The sampled missed documents (relevant, not found), in the order to show them.
    pub missed_docs: Vec<Document>,
    /// The sampled wrongly found documents.
    pub false_positive_docs: Vec<Document>,
}

/// The ids to sample, in a stable order (the labelled set's order for misses).
pub fn sample_ids(
    relevant_in_order: &[String],
    relevant: &HashSet<String>,
    found_in_order: &[String],
    found: &HashSet<String>,
) -> (Vec<String>, Vec<String>) {
    let missed: Vec<String> = relevant_in_order
        .iter()
        .filter(|id| !found.contains(*id))
        .take(SAMPLE)
        .cloned()
        .collect();
    let mut wrong: Vec<String> = found_in_order
        .iter()
        .filter(|id| !relevant.contains(*id))
        .cloned()
        .collect();
    wrong.sort();
    wrong.truncate(SAMPLE);
    (missed, wrong)
}

pub fn grade(evidence: Evidence<'_>, pass_mark: f64) -> MonitorGrade {
    let m = metrics(evidence.relevant, evidence.found);
    let clauses: Vec<ClauseCount> = evidence
        .query
        .clauses()
        .into_iter()
        .zip(&evidence.clause_ids)
        .map(|(clause, ids)| {
            let relevant = ids.intersection(evidence.relevant).count();
            let verdict = if clause.negated {
                if relevant == 0 {
                    format!("removes {} documents, none of them relevant: good", ids.len())
                } else {
                    format!(
                        "removes {} documents, but {relevant} of them are relevant: this exclusion costs recall",
                        ids.len()
                    )
                }
            } else if ids.is_empty() {
                "matches nothing: check the spelling and the operators".to_string()
            } else {
                let share = relevant as f64 / ids.len() as f64;
                let noise = ids.len() - relevant;
                if share < 0.3 {
                    format!("mostly noise: {noise} of its {} matches are not relevant", ids.len())
                } else {
                    format!(
                        "finds {relevant} of the {} relevant documents ({noise} others)",
                        evidence.relevant.len()
                    )
                }
            };
            ClauseCount {
                text: clause.text,
                negated: clause.negated,
                matches: ids.len(),
                relevant,
                verdict,
            }
        })
        .collect();
    let missed = evidence
        .missed_docs
        .iter()
        .map(|d| explain_missed(evidence.query, evidence.model, d))
        .collect();
    let false_positives = evidence
        .false_positive_docs
        .iter()
        .map(|d| explain_found(evidence.query, d))
        .collect();
    let advice = advice(&m, pass_mark);
    MonitorGrade {
        query: evidence.query.source.clone(),
        passed: m.f1 + 1e-9 >= pass_mark,
        pass_mark,
        missed_total: m.relevant - m.true_positives,
        false_positive_total: m.found - m.true_positives,
        metrics: m,
        clauses,
        missed,
        false_positives,
        advice,
    }
}

fn advice(m: &Metrics, pass_mark: f64) -> String {
    if m.f1 + 1e-9 >= pass_mark {
        return "Passed. Compare your query with the model answer: is there a shorter way to say the same thing?".into();
    }
    if m.found == 0 {
        return "Your query found nothing. Start broad with the words people actually use, then narrow it down.".into();
    }
    if m.precision < m.recall {
        "Your query brings in too much noise (precision is the weaker figure). Look at the wrongly found documents: what do they have in common that the relevant ones do not? Exclude that, or require a second word nearby.".into()
    } else {
        "Your query misses relevant documents (recall is the weaker figure). Look at the missed documents: which words, spellings or hashtags do they use that your query does not?".into()
    }
}

fn excerpt(doc: &Document) -> String {
    let text = if doc.body.is_empty() {
        &doc.title
    } else {
        &doc.body
    };
    let mut out: String = text.chars().take(200).collect();
    if text.chars().count() > 200 {
        out.push('…');
    }
    out
}

/// The distinct words of `doc` that `query` matches, in order.
fn matched_words(query: &ParsedQuery, doc: &Document) -> Vec<String> {
    let h = query.highlighter();
    let mut words: Vec<String> = Vec::new();
    for (field, text) in [(TextField::Title, &doc.title), (TextField::Body, &doc.body)] {
        for r in h.matches(field, text) {
            let w = text[r].to_lowercase();
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    words
}

fn quote_list(words: &[String]) -> String {
    let shown: Vec<String> = words
        .iter()
        .take(6)
        .map(|w| format!("\u{201c}{w}\u{201d}"))
        .collect();
    shown.join(", ")
}

/// Why a relevant document was not found: the clause that excluded it, or the clauses it fails,
/// and the words the model answer would have caught it by.
pub fn explain_missed(
    query: &ParsedQuery,
    model: Option<&ParsedQuery>,
    doc: &Document,
) -> Explained {
    let clauses = query.clauses();
    let mut reasons: Vec<String> = Vec::new();
    match query.joiner() {
        Joiner::Or => reasons.push("none of your OR alternatives matches it".into()),
        _ => {
            for c in &clauses {
                let hit = c.query.matches_document(doc);
                if c.negated && hit {
                    reasons.push(format!("your exclusion {} removed it", c.text));
                } else if !c.negated && !hit {
                    reasons.push(format!("it does not match {}", c.text));
                }
            }
        }
    }
    if reasons.is_empty() {
        reasons.push("your query does not match it".into());
    }
    let mut reason = reasons.join("; ");
    if let Some(model) = model {
        let words = matched_words(model, doc);
        if !words.is_empty() {
            reason.push_str(&format!(". It says {}", quote_list(&words)));
        }
    }
    reason.push('.');
    Explained {
        id: doc.id.clone(),
        title: doc.title.clone(),
        excerpt: excerpt(doc),
        reason: capitalise(&reason),
    }
}

/// Why a document that is not relevant was found: the words your query matched in it.
pub fn explain_found(query: &ParsedQuery, doc: &Document) -> Explained {
    let words = matched_words(query, doc);
    let mut reason = if words.is_empty() {
        "Your query matched it by a field (source, site, language, date or tag)".to_string()
    } else {
        format!("Your query matched {} in it", quote_list(&words))
    };
    let matching: Vec<String> = query
        .clauses()
        .into_iter()
        .filter(|c| !c.negated && c.query.matches_document(doc))
        .map(|c| c.text)
        .collect();
    if query.joiner() == Joiner::Or && !matching.is_empty() {
        reason.push_str(&format!(" (through {})", matching.join(", ")));
    }
    reason.push_str(", but it is not about what the exercise asks.");
    Explained {
        id: doc.id.clone(),
        title: doc.title.clone(),
        excerpt: excerpt(doc),
        reason,
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(ids: &[&str]) -> HashSet<String> {
        ids.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn metrics_on_a_hand_checked_case() {
        // 4 relevant, 5 found, 3 of them relevant: P = 3/5, R = 3/4, F1 = 2PR/(P+R) = 2/3.
        let m = metrics(
            &set(&["a", "b", "c", "d"]),
            &set(&["a", "b", "c", "x", "y"]),
        );
        assert_eq!((m.true_positives, m.found, m.relevant), (3, 5, 4));
        assert!((m.precision - 0.6).abs() < 1e-12);
        assert!((m.recall - 0.75).abs() < 1e-12);
        assert!((m.f1 - 2.0 / 3.0).abs() < 1e-12);
        let none = metrics(&set(&["a"]), &set(&[]));
        assert_eq!((none.precision, none.recall, none.f1), (0.0, 0.0, 0.0));
    }
}
