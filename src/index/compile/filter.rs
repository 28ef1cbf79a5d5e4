//! Clauses that only filter: keyword fields (`source:`, `site:`, `lang:`, tags, mentions) beside
//! words in an AND group, and whatever a NOT excludes. They add nothing to a hit's relevance, and
//! all an intersection or an exclusion asks of them is "does this candidate match?". Answering
//! by seeking their postings costs a skip-list walk per candidate, which dominated queries such
//! as `lang:fr storm`; reading their postings once into a bitset makes each check one lookup but
//! costs a pass over all of them. A filter starts by seeking and switches to a bitset once the
//! seeks it has made would have paid for one, so a handful of candidates never pays for a
//! bitset and many candidates never pay a seek each.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{
    COLLECT_BLOCK_BUFFER_LEN, DocId, DocSet, Score, SeekDangerResult, SegmentReader, TERMINATED,
    Term,
};

/// Runs `0` as a filter: same documents, no score.
#[derive(Debug)]
pub(crate) struct Filter(pub Box<dyn Query>);

impl Clone for Filter {
    fn clone(&self) -> Self {
        Filter(self.0.box_clone())
    }
}

impl Query for Filter {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let unscored = match scoring.searcher() {
            Some(searcher) => EnableScoring::disabled_from_searcher(searcher),
            None => EnableScoring::disabled_from_schema(scoring.schema()),
        };
        Ok(Box::new(FilterWeight(self.0.weight(unscored)?)))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

struct FilterWeight(Box<dyn Weight>);

impl Weight for FilterWeight {
    fn scorer(&self, reader: &SegmentReader, _boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let inner = self.0.scorer(reader, 1.0)?;
        Ok(Box::new(FilterScorer {
            switch_at: inner.cost() / SEEKS_PER_BITSET + 1,
            checks: 0,
            max_doc: reader.max_doc(),
            state: State::Seeking(inner),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("filter", 0.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match"
            )))
        }
    }
}

/// One seek into postings costs about as much as putting this many of their documents into a
/// bitset (a skip-list walk and a block decode against a bit set in a decoded block).
const SEEKS_PER_BITSET: u64 = 32;

/// How much rarer than the scored clauses a filter must be to lead an intersection.
const LEAD_FACTOR: u64 = 16;

enum State {
    Seeking(Box<dyn Scorer>),
    Bits(Membership),
}

struct FilterScorer {
    state: State,
    /// Checks made so far, and after how many the bitset pays.
    checks: u64,
    switch_at: u64,
    max_doc: DocId,
}

impl FilterScorer {
    /// Reads the rest of the postings (checks only ever move forward) into a bitset.
    fn switch_to_bits(&mut self) {
        let State::Seeking(inner) = &mut self.state else {
            return;
        };
        let mut bits = Membership::new(self.max_doc);
        let mut buffer = [0; COLLECT_BLOCK_BUFFER_LEN];
        loop {
            let n = inner.fill_buffer(&mut buffer);
            for &doc in &buffer[..n] {
                bits.insert(doc);
            }
            if n < COLLECT_BLOCK_BUFFER_LEN {
                break;
            }
        }
        bits.start();
        self.state = State::Bits(bits);
    }
}

impl DocSet for FilterScorer {
    fn advance(&mut self) -> DocId {
        match &mut self.state {
            State::Seeking(inner) => inner.advance(),
            State::Bits(bits) => bits.advance(),
        }
    }

    fn seek(&mut self, target: DocId) -> DocId {
        match &mut self.state {
            State::Seeking(inner) if inner.doc() >= target => inner.doc(),
            State::Seeking(inner) => inner.seek(target),
            State::Bits(bits) => bits.seek(target),
        }
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        self.checks += 1;
        if self.checks == self.switch_at {
            self.switch_to_bits();
        }
        match &mut self.state {
            State::Bits(bits) => bits.seek_danger(target),
            State::Seeking(inner) => {
                // Only ever seek forward: some scorers (phrases) must not be asked about a
                // document behind the one they are on.
                let doc = if inner.doc() < target {
                    inner.seek(target)
                } else {
                    inner.doc()
                };
                if doc == target {
                    SeekDangerResult::Found
                } else {
                    SeekDangerResult::SeekLowerBound(doc.max(target + 1))
                }
            }
        }
    }

    fn doc(&self) -> DocId {
        match &self.state {
            State::Seeking(inner) => inner.doc(),
            State::Bits(bits) => bits.doc,
        }
    }

    fn size_hint(&self) -> u32 {
        match &self.state {
            State::Seeking(inner) => inner.size_hint(),
            State::Bits(bits) => bits.len,
        }
    }

    fn cost(&self) -> u64 {
        // Leading, a filter would make the scored clauses seek for every one of its documents;
        // it leads only when it is much rarer than they are.
        LEAD_FACTOR.saturating_mul(match &self.state {
            State::Seeking(inner) => inner.cost(),
            State::Bits(bits) => u64::from(bits.len),
        })
    }
}

impl Scorer for FilterScorer {
    fn score(&mut self) -> Score {
        0.0
    }
}

/// The documents of one segment as bits, with a cursor.
struct Membership {
    words: Vec<u64>,
    len: u32,
    doc: DocId,
}

impl Membership {
    fn new(max_doc: DocId) -> Membership {
        Membership {
            words: vec![0; (max_doc as usize).div_ceil(64)],
            len: 0,
            doc: TERMINATED,
        }
    }

    fn insert(&mut self, doc: DocId) {
        let (word, bit) = ((doc / 64) as usize, doc % 64);
        if let Some(w) = self.words.get_mut(word)
            && *w & (1 << bit) == 0
        {
            *w |= 1 << bit;
            self.len += 1;
        }
    }

    fn contains(&self, doc: DocId) -> bool {
        self.words
            .get((doc / 64) as usize)
            .is_some_and(|w| w & (1 << (doc % 64)) != 0)
    }

    fn start(&mut self) {
        self.doc = self.first_from(0);
    }

    /// The first document at or after `from`.
    fn first_from(&self, from: DocId) -> DocId {
        let mut word = (from / 64) as usize;
        let Some(&first) = self.words.get(word) else {
            return TERMINATED;
        };
        let mut bits = first & (u64::MAX << (from % 64));
        loop {
            if bits != 0 {
                return word as DocId * 64 + bits.trailing_zeros();
            }
            word += 1;
            match self.words.get(word) {
                Some(&w) => bits = w,
                None => return TERMINATED,
            }
        }
    }
}

impl DocSet for Membership {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.first_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if target > self.doc {
            self.doc = self.first_from(target);
        }
        self.doc
    }

    fn seek_danger(&mut self, target: DocId) -> SeekDangerResult {
        if target >= TERMINATED {
            return SeekDangerResult::SeekLowerBound(TERMINATED);
        }
        if self.contains(target) {
            self.doc = target;
            SeekDangerResult::Found
        } else {
            SeekDangerResult::SeekLowerBound(target + 1)
        }
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.len
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, DocSetCollector, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, TermQuery};
    use tantivy::schema::{IndexRecordOption, Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    /// A filter gives the documents the plain clause gives, whether it stays with seeking (few
    /// candidates) or switches to a bitset (many), as a required clause and as an exclusion.
    #[test]
    fn filtering_matches_the_plain_clause_in_both_modes() {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        for i in 0..3000 {
            let mut words = Vec::new();
            for (word, every) in [("a", 2), ("b", 3), ("c", 499)] {
                if i % every == 0 {
                    words.push(word);
                }
            }
            let mut d = TantivyDocument::default();
            d.add_text(text, words.join(" "));
            writer.add_document(d).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let term = |w: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(text, w),
                IndexRecordOption::WithFreqs,
            ))
        };
        // (leader, other): "a" checks 1,000 candidates against "b" (a bitset soon pays); "c"
        // checks 7 against "a" (seeking throughout).
        for (lead, other) in [("a", "b"), ("c", "a"), ("b", "c")] {
            for occur in [Occur::Must, Occur::MustNot] {
                let plain =
                    BooleanQuery::new(vec![(Occur::Must, term(lead)), (occur, term(other))]);
                let filtered = BooleanQuery::new(vec![
                    (Occur::Must, term(lead)),
                    (occur, Box::new(Filter(term(other))) as Box<dyn Query>),
                ]);
                let want = searcher.search(&plain, &DocSetCollector).unwrap();
                let got = searcher.search(&filtered, &DocSetCollector).unwrap();
                assert_eq!(got, want, "{lead} {occur:?} {other}");
                assert!(!want.is_empty(), "{lead} {occur:?} {other}");
                let (top, count) = searcher
                    .search(&filtered, &(TopDocs::with_limit(5).order_by_score(), Count))
                    .unwrap();
                assert_eq!(count, want.len());
                assert_eq!(top.len(), want.len().min(5));
            }
        }
    }

    fn set(docs: &[DocId], max_doc: DocId) -> Membership {
        let mut m = Membership::new(max_doc);
        for &d in docs {
            m.insert(d);
        }
        m.start();
        m
    }

    #[test]
    fn walks_seeks_and_checks_like_a_sorted_list() {
        let docs = [0, 5, 63, 64, 200, 1000];
        let mut m = set(&docs, 1001);
        assert_eq!(m.size_hint(), 6);
        let mut walked = vec![m.doc()];
        while m.advance() != TERMINATED {
            walked.push(m.doc());
        }
        assert_eq!(walked, docs);
        let mut m = set(&docs, 1001);
        assert_eq!(m.seek(6), 63);
        assert_eq!(m.seek(65), 200);
        assert_eq!(m.seek(1001), TERMINATED);
        let mut m = set(&docs, 1001);
        use SeekDangerResult::{Found, SeekLowerBound};
        assert_eq!(m.seek_danger(5), Found);
        assert_eq!(m.doc(), 5);
        assert_eq!(m.seek_danger(6), SeekLowerBound(7));
        assert_eq!(m.seek_danger(200), Found);
        assert_eq!(m.advance(), 1000);
        assert_eq!(set(&[], 10).doc(), TERMINATED);
    }
}
