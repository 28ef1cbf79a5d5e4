//! Recent search results, kept so that a room running the same queries (an exercise's obvious
//! first query, the live count as a query is typed, the next page) has each one worked out
//! once. Entries are keyed by the index generation as well as the request: any import,
//! replacement or deletion starts a new generation, so a result is never served stale.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use super::{SearchOutcome, SearchParams};
use crate::index::search::SortOrder;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    generation: u64,
    corpus: String,
    query: String,
    order: SortOrder,
    limit: usize,
    offset: usize,
    facets: bool,
}

impl Key {
    pub fn new(generation: u64, p: &SearchParams) -> Self {
        Key {
            generation,
            corpus: p.corpus.clone(),
            query: p.query.clone(),
            order: p.order,
            limit: p.limit,
            offset: p.offset,
            facets: p.facets,
        }
    }
}

/// Least recently used entries go first when the cache is full.
pub struct SearchCache {
    inner: Mutex<Inner>,
}

struct Inner {
    capacity: usize,
    clock: u64,
    entries: HashMap<Key, (u64, Arc<SearchOutcome>)>,
}

impl Inner {
    /// Drops the least recently used entries until at most `len` are left.
    fn evict_to(&mut self, len: usize) {
        while self.entries.len() > len {
            let oldest = self
                .entries
                .iter()
                .min_by_key(|(_, (used, _))| *used)
                .map(|(k, _)| k.clone());
            if let Some(k) = oldest {
                self.entries.remove(&k);
            }
        }
    }
}

impl SearchCache {
    /// A cache of `capacity` results; 0 keeps nothing.
    pub fn new(capacity: usize) -> Self {
        SearchCache {
            inner: Mutex::new(Inner {
                capacity,
                clock: 0,
                entries: HashMap::new(),
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        // The map is consistent after every operation, so a panic elsewhere cannot spoil it.
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub fn get(&self, key: &Key) -> Option<Arc<SearchOutcome>> {
        let mut inner = self.lock();
        inner.clock += 1;
        let now = inner.clock;
        inner.entries.get_mut(key).map(|(used, outcome)| {
            *used = now;
            outcome.clone()
        })
    }

    pub fn put(&self, key: Key, outcome: Arc<SearchOutcome>) {
        let mut inner = self.lock();
        if inner.capacity == 0 {
            return;
        }
        // Results of an older generation can never be asked for again.
        if inner.entries.keys().any(|k| k.generation != key.generation) {
            inner.entries.retain(|k, _| k.generation == key.generation);
        }
        let room = inner.capacity - 1;
        inner.evict_to(room);
        inner.clock += 1;
        let now = inner.clock;
        inner.entries.insert(key, (now, outcome));
    }

    /// Changes how many results are kept (0: none), dropping the oldest if need be.
    pub fn set_capacity(&self, capacity: usize) {
        let mut inner = self.lock();
        inner.capacity = capacity;
        inner.evict_to(capacity);
    }

    pub fn len(&self) -> usize {
        self.lock().entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::search::{Bucket, SearchResults, Volume};

    fn params(query: &str) -> SearchParams {
        SearchParams {
            corpus: "c".into(),
            query: query.into(),
            order: SortOrder::Relevance,
            limit: 10,
            offset: 0,
            facets: false,
        }
    }

    fn outcome(total: usize) -> Arc<SearchOutcome> {
        Arc::new(SearchOutcome {
            warnings: Vec::new(),
            results: SearchResults {
                total,
                hits: Vec::new(),
                volume: Volume {
                    bucket: Bucket::Day,
                    counts: Vec::new(),
                },
                top_sources: Vec::new(),
            },
        })
    }

    #[test]
    fn keeps_the_most_recently_used_and_forgets_old_generations() {
        let cache = SearchCache::new(2);
        cache.put(Key::new(1, &params("a")), outcome(1));
        cache.put(Key::new(1, &params("b")), outcome(2));
        assert!(cache.get(&Key::new(1, &params("a"))).is_some());
        // Full: "b" was used least recently, so it goes.
        cache.put(Key::new(1, &params("c")), outcome(3));
        assert!(cache.get(&Key::new(1, &params("b"))).is_none());
        assert_eq!(
            cache.get(&Key::new(1, &params("a"))).unwrap().results.total,
            1
        );
        // The same request after the index changed is a different entry.
        assert!(cache.get(&Key::new(2, &params("a"))).is_none());
        cache.put(Key::new(2, &params("a")), outcome(9));
        assert_eq!(cache.len(), 1, "entries of generation 1 are dropped");
        let mut other_page = params("a");
        other_page.offset = 10;
        assert!(cache.get(&Key::new(2, &other_page)).is_none());
        cache.set_capacity(0);
        assert!(cache.is_empty());
        cache.put(Key::new(2, &params("a")), outcome(9));
        assert!(cache.is_empty(), "capacity 0 keeps nothing");
    }
}
