//! The id of every hit, for batch mode and whole-corpus listings: read from the fast field so
//! no stored document is opened.

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::StrColumn;
use tantivy::{DocId, Score, SegmentReader};

/// Collects the `id` of every hit from the fast field (no stored-document reads).
pub(super) struct IdCollector;

pub(super) struct IdSegment {
    ids: Option<StrColumn>,
    out: Vec<String>,
}

impl Collector for IdCollector {
    type Fruit = Vec<String>;
    type Child = IdSegment;

    fn for_segment(&self, _: u32, segment: &SegmentReader) -> tantivy::Result<IdSegment> {
        Ok(IdSegment {
            ids: segment.fast_fields().str("id")?,
            out: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Vec<String>>) -> tantivy::Result<Vec<String>> {
        Ok(fruits.concat())
    }
}

impl SegmentCollector for IdSegment {
    type Fruit = Vec<String>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(ids) = &self.ids
            && let Some(ord) = ids.term_ords(doc).next()
        {
            let mut id = String::new();
            if ids.ord_to_str(ord, &mut id).unwrap_or(false) {
                self.out.push(id);
            }
        }
    }

    fn harvest(self) -> Vec<String> {
        self.out
    }
}
