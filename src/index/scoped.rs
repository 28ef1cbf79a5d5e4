//! A query restricted to one corpus. Every document carries its corpus as a term; the filter
//! intersects the query with that term's documents and scores nothing. A segment whose every
//! document belongs to the corpus (the usual case: each import commits its own segments, and
//! a classroom's corpora are imported one by one) needs no filter at all, and there the query
//! runs as it is, keeping Tantivy's fast paths: a term's count read from its document
//! frequency, and block-max WAND for the top hits. A segment without the corpus is skipped.

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, EmptyScorer, EnableScoring, Explanation, Occur, Query, Scorer,
    TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, Term};

/// `inner`, restricted to the documents that carry `corpus`.
#[derive(Debug)]
pub struct ScopedQuery {
    corpus: Term,
    inner: Box<dyn Query>,
}

impl ScopedQuery {
    pub fn new(corpus: Term, inner: Box<dyn Query>) -> Self {
        ScopedQuery { corpus, inner }
    }
}

impl Clone for ScopedQuery {
    fn clone(&self) -> Self {
        ScopedQuery {
            corpus: self.corpus.clone(),
            inner: self.inner.box_clone(),
        }
    }
}

impl Query for ScopedQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let filter = ConstScoreQuery::new(
            Box::new(TermQuery::new(
                self.corpus.clone(),
                IndexRecordOption::Basic,
            )),
            0.0,
        );
        let filtered = BooleanQuery::new(vec![
            (Occur::Must, Box::new(filter) as Box<dyn Query>),
            (Occur::Must, self.inner.box_clone()),
        ]);
        Ok(Box::new(ScopedWeight {
            corpus: self.corpus.clone(),
            unfiltered: self.inner.weight(scoring)?,
            filtered: filtered.weight(scoring)?,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct ScopedWeight {
    corpus: Term,
    /// For segments of this corpus alone.
    unfiltered: Box<dyn Weight>,
    /// For segments shared with other corpora.
    filtered: Box<dyn Weight>,
}

impl ScopedWeight {
    /// The weight for this segment, or None when no document in it is of the corpus.
    fn for_segment(&self, reader: &SegmentReader) -> tantivy::Result<Option<&dyn Weight>> {
        let in_corpus = reader
            .inverted_index(self.corpus.field())?
            .doc_freq(&self.corpus)?;
        // Deleted documents count on both sides, so equality means every document is ours.
        Ok(if in_corpus == 0 {
            None
        } else if in_corpus == reader.max_doc() {
            Some(self.unfiltered.as_ref())
        } else {
            Some(self.filtered.as_ref())
        })
    }
}

impl Weight for ScopedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        match self.for_segment(reader)? {
            Some(w) => w.scorer(reader, boost),
            None => Ok(Box::new(EmptyScorer)),
        }
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        match self.for_segment(reader)? {
            Some(w) => w.explain(reader, doc),
            None => Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not in the corpus"
            ))),
        }
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        match self.for_segment(reader)? {
            Some(w) => w.count(reader),
            None => Ok(0),
        }
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        match self.for_segment(reader)? {
            Some(w) => w.for_each(reader, callback),
            None => Ok(()),
        }
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        match self.for_segment(reader)? {
            Some(w) => w.for_each_no_score(reader, callback),
            None => Ok(()),
        }
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        match self.for_segment(reader)? {
            Some(w) => w.for_each_pruning(threshold, reader, callback),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::{Count, DocSetCollector, TopDocs};
    use tantivy::schema::{STRING, Schema, TEXT};
    use tantivy::{Index, TantivyDocument};

    /// One segment shared by corpora a and b, one of a alone, and one of b alone with a
    /// deleted document: every way the filter can go.
    fn index() -> (Index, Term, Term, tantivy::schema::Field) {
        let mut schema = Schema::builder();
        let corpus = schema.add_text_field("corpus", STRING);
        let id = schema.add_text_field("id", STRING);
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: tantivy::IndexWriter =
            index.writer_with_num_threads(1, 15_000_000).unwrap();
        let doc = |c: &str, i: &str, text: &str| {
            let mut d = TantivyDocument::default();
            d.add_text(corpus, c);
            d.add_text(id, i);
            d.add_text(body, text);
            d
        };
        let segments = [
            vec![
                ("a", "a1", "flood warning"),
                ("b", "b1", "flood flood"),
                ("a", "a2", "storm"),
            ],
            vec![("a", "a3", "flood at the harbour"), ("a", "a4", "calm")],
            vec![("b", "b2", "flood"), ("b", "b3", "flood again")],
        ];
        for segment in segments {
            for (c, i, text) in segment {
                writer.add_document(doc(c, i, text)).unwrap();
            }
            writer.commit().unwrap();
        }
        writer.delete_term(Term::from_field_text(id, "b3"));
        writer.commit().unwrap();
        let a = Term::from_field_text(corpus, "a");
        let b = Term::from_field_text(corpus, "b");
        (index, a, b, body)
    }

    #[test]
    fn scoping_counts_ranks_and_lists_only_the_corpus() {
        let (index, a, b, body) = index();
        let searcher = index.reader().unwrap().searcher();
        assert_eq!(searcher.segment_readers().len(), 3, "three segments");
        let flood = || -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(body, "flood"),
                IndexRecordOption::WithFreqs,
            ))
        };
        for (corpus, expected) in [(&a, 2), (&b, 2)] {
            let q = ScopedQuery::new(corpus.clone(), flood());
            assert_eq!(q.count(&searcher).unwrap(), expected);
            assert_eq!(searcher.search(&q, &Count).unwrap(), expected);
            assert_eq!(
                searcher.search(&q, &DocSetCollector).unwrap().len(),
                expected
            );
            let top = searcher
                .search(&q, &TopDocs::with_limit(10).order_by_score())
                .unwrap();
            assert_eq!(top.len(), expected);
        }
        // A corpus with no documents anywhere finds nothing.
        let none = ScopedQuery::new(Term::from_field_text(a.field(), "c"), flood());
        assert_eq!(none.count(&searcher).unwrap(), 0);
        // Scores are the query's own, whether or not the segment needed the filter.
        let top = searcher
            .search(
                &ScopedQuery::new(b.clone(), flood()),
                &TopDocs::with_limit(10).order_by_score(),
            )
            .unwrap();
        let plain = searcher
            .search(&flood(), &TopDocs::with_limit(10).order_by_score())
            .unwrap();
        for (score, address) in top {
            assert!(plain.contains(&(score, address)), "{score} {address:?}");
        }
    }
}
