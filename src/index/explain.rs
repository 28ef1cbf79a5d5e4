//! The index's part in explaining a query (docs/design.md, "Explaining a query"): how many
//! documents of a corpus each branch of a query's tree matches, which ones, and the words of the
//! corpus close to a word it does not hold (for "did you mean"). Blocking, like all index work:
//! call through `App::on_index`, which takes a search permit first.

use std::collections::{BTreeMap, HashSet};

use tantivy::Term;
use tantivy::collector::Count;
use tantivy::query::{FuzzyTermQuery, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::SearchIndex;
use super::compile::to_tantivy;
use crate::error::Result;
use crate::query::ParsedQuery;
use crate::query::explain::edit_distance;

/// At most this many dictionary words within reach are counted in the corpus for one word.
const MAX_CANDIDATES: usize = 24;

/// A word of the corpus close to one that is not in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Similar {
    pub word: String,
    pub distance: usize,
    /// Documents of the corpus that hold it (in title or body).
    pub documents: usize,
}

impl SearchIndex {
    /// How many documents of the corpus a query matches.
    pub fn count_matches(&self, corpus: &str, query: &ParsedQuery) -> Result<usize> {
        let query = self.scoped(corpus, to_tantivy(query, &self.fields));
        Ok(self.searcher().search(&query, &Count)?)
    }

    /// The count of each branch that has a query (`None` stays `None`).
    pub fn branch_counts(
        &self,
        corpus: &str,
        branches: &[Option<&ParsedQuery>],
    ) -> Result<Vec<Option<usize>>> {
        branches
            .iter()
            .map(|b| b.map(|q| self.count_matches(corpus, q)).transpose())
            .collect()
    }

    /// The matching ids of each branch that has a query.
    pub fn branch_ids(
        &self,
        corpus: &str,
        branches: &[Option<&ParsedQuery>],
    ) -> Result<Vec<Option<HashSet<String>>>> {
        branches
            .iter()
            .map(|b| {
                b.map(|q| {
                    self.matching_ids(corpus, q)
                        .map(|ids| ids.into_iter().collect())
                })
                .transpose()
            })
            .collect()
    }

    /// Documents of the corpus whose title or body holds the (lower-cased) word.
    pub fn word_documents(&self, corpus: &str, word: &str) -> Result<usize> {
        let query = self.scoped(
            corpus,
            Box::new(TermQuery::new(
                Term::from_field_text(self.fields.text, word),
                IndexRecordOption::Basic,
            )),
        );
        Ok(self.searcher().search(&query, &Count)?)
    }

    /// Words of the corpus's titles and bodies within `max` edits of `word`, nearest first and,
    /// at the same distance, the most common first. The term dictionary is shared by every
    /// corpus, so each word found is counted in this corpus and dropped when it is not there.
    pub fn similar_words(&self, corpus: &str, word: &str, max: usize) -> Result<Vec<Similar>> {
        if max == 0 {
            return Ok(Vec::new());
        }
        let mut near: BTreeMap<String, usize> = BTreeMap::new();
        let searcher = self.searcher();
        for segment in searcher.segment_readers() {
            let inverted = segment.inverted_index(self.fields.text)?;
            // The term dictionary is an FST: a Levenshtein automaton walks only the branches
            // that can still end within `max` edits, instead of every word of the segment.
            let automaton = FuzzyTermQuery::new(
                Term::from_field_text(self.fields.text, word),
                max.min(2) as u8,
                true, // a swap of neighbours is one edit, as in `edit_distance`
            )
            .automaton()?;
            let mut stream = inverted.terms().search(automaton).into_stream()?;
            while stream.advance() {
                let Ok(term) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if term == word || near.contains_key(term) {
                    continue;
                }
                if let Some(d) = edit_distance(word, term, max) {
                    near.insert(term.to_string(), d);
                }
            }
        }
        let mut by_distance: Vec<(String, usize)> = near.into_iter().collect();
        by_distance.sort_by_key(|(_, d)| *d);
        by_distance.truncate(MAX_CANDIDATES);
        let mut out = Vec::new();
        for (w, distance) in by_distance {
            let documents = self.word_documents(corpus, &w)?;
            if documents > 0 {
                out.push(Similar {
                    word: w,
                    distance,
                    documents,
                });
            }
        }
        out.sort_by(|a, b| {
            a.distance
                .cmp(&b.distance)
                .then(b.documents.cmp(&a.documents))
                .then(a.word.cmp(&b.word))
        });
        Ok(out)
    }
}
