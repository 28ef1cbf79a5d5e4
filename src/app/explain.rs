//! The rules of a query that explains itself (docs/design.md, "Explaining a query"): the tree
//! with hits per branch, and in a monitoring exercise each branch's relevant hits, false hits
//! and misses; variants of the query with precision and recall against the labels; "did you
//! mean" from the corpus's own words; lower-case operators put in capitals; and up to four
//! queries compared side by side. Everything here is computed only when asked for, never on
//! an ordinary search, and all index work goes through `App::on_index` (the search permits).

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use super::App;
use crate::catalog::exercises::Task;
use crate::error::{Error, Result};
use crate::grade::monitor::metrics;
use crate::index::search::{Bucket, SearchRequest, SortOrder};
use crate::query::explain::{self, BranchKind, Change};
use crate::query::{ParsedQuery, parse};

use super::Learner;

/// Precision, recall and F1.
type Figures = (f64, f64, f64);

/// Queries compared side by side at most.
pub const MAX_COMPARED: usize = 4;

/// One branch of the explained tree with its figures.
#[derive(Debug, Clone, Serialize)]
pub struct BranchCount {
    pub depth: usize,
    pub kind: BranchKind,
    pub label: String,
    pub text: String,
    pub has_children: bool,
    pub closes: usize,
    /// Documents the branch matches (for a NOT: those it excludes); `None` when not counted.
    pub hits: Option<usize>,
    /// In an exercise: of those, the relevant ones.
    pub relevant: Option<usize>,
    /// In an exercise: hits that are not relevant.
    pub false_hits: Option<usize>,
    /// In an exercise: relevant documents the branch does not match.
    pub misses: Option<usize>,
}

/// A variant of the query with its figures.
#[derive(Debug, Clone, Serialize)]
pub struct VariantScore {
    pub change: Change,
    pub describe: String,
    pub query: String,
    pub hits: usize,
    /// Against the exercise's labels; `None` on the search page.
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
}

/// The query explained.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    pub corpus: String,
    pub query: String,
    pub hits: usize,
    /// Against the labels, when there are labels.
    pub precision: Option<f64>,
    pub recall: Option<f64>,
    pub f1: Option<f64>,
    /// Relevant documents in the corpus, when there are labels.
    pub relevant: Option<usize>,
    pub branches: Vec<BranchCount>,
    pub variants: Vec<VariantScore>,
}

/// A word of the query the corpus does not hold, and the closest that it does.
#[derive(Debug, Clone, Serialize)]
pub struct Suggestion {
    pub word: String,
    pub instead: String,
    /// Documents holding `instead`.
    pub documents: usize,
    /// The query with the word replaced, as the user wrote the rest.
    pub query: String,
}

/// Help while typing: words to correct, and the query with its operators in capitals.
#[derive(Debug, Clone, Default, Serialize)]
pub struct QueryHelp {
    pub suggestions: Vec<Suggestion>,
    pub capitalised: Option<String>,
}

/// One query of a comparison.
#[derive(Debug, Clone, Serialize)]
pub struct Compared {
    pub query: String,
    pub total: usize,
    /// Documents per bucket of the shared time axis (`Comparison::buckets`).
    pub volume: Vec<usize>,
    pub top_sources: Vec<(String, usize)>,
}

/// Documents two compared queries both match.
#[derive(Debug, Clone, Serialize)]
pub struct Overlap {
    /// Indexes into `Comparison::queries`.
    pub a: usize,
    pub b: usize,
    pub shared: usize,
}

/// Up to four queries side by side over one corpus.
#[derive(Debug, Clone, Serialize)]
pub struct Comparison {
    pub corpus: String,
    pub queries: Vec<Compared>,
    pub bucket: Bucket,
    /// The start of each bucket of the shared axis.
    pub buckets: Vec<DateTime<Utc>>,
    pub overlaps: Vec<Overlap>,
}

impl App {
    /// The tree and the variants of a query on the search page: hits only, no labels.
    pub async fn explain_search(&self, corpus: &str, query: &str) -> Result<Explanation> {
        self.require_corpus(corpus).await?;
        self.explain(corpus, parse(query)?, None).await
    }

    /// The tree and the variants of a learner's monitoring attempt, against the exercise's
    /// labels. Only the learner's own attempts are explained (`attempt` of `None`: the latest),
    /// so the labels tell nothing that grading the attempt did not already.
    pub async fn explain_attempt(
        &self,
        learner: &Learner,
        exercise_id: &str,
        attempt: Option<&str>,
    ) -> Result<(Explanation, String)> {
        let ex = self.exercise(exercise_id)?;
        let history = self.store.attempts(&learner.id, Some(exercise_id)).await?;
        // The exercise page's own rule first: a trainee sees only what their class may open.
        let class = self.in_class(learner, exercise_id).await?;
        if class.is_some_and(|c| !c.may_open(history.len())) {
            return Err(super::access::not_in_class());
        }
        let Task::Monitor(task) = &ex.task else {
            return Err(Error::invalid(format!(
                "exercise {exercise_id:?} is not a monitoring exercise: only queries are explained"
            )));
        };
        let chosen = match attempt {
            Some(id) => history.iter().find(|a| a.id == id),
            None => history.last(),
        }
        .ok_or_else(|| Error::not_found("no such attempt of yours"))?;
        self.require_corpus(&task.corpus).await?;
        let relevant: HashSet<String> = task.relevant.iter().cloned().collect();
        let explained = self
            .explain(&task.corpus, parse(&chosen.answer)?, Some(relevant))
            .await?;
        Ok((explained, chosen.id.clone()))
    }

    async fn explain(
        &self,
        corpus: &str,
        parsed: ParsedQuery,
        relevant: Option<HashSet<String>>,
    ) -> Result<Explanation> {
        let corpus = corpus.to_string();
        self.on_index(move |index| {
            let tree = explain::tree(&parsed);
            let variants = explain::variants(&parsed);
            let queries: Vec<Option<&ParsedQuery>> =
                tree.iter().map(|b| b.query.as_ref()).collect();
            let figures = |found: &HashSet<String>| {
                relevant.as_ref().map(|r| {
                    let m = metrics(r, found);
                    (m.precision, m.recall, m.f1)
                })
            };
            let mut branches = Vec::with_capacity(tree.len());
            let ids = match &relevant {
                // With labels every branch's ids are needed; without, a count is enough.
                Some(_) => index
                    .branch_ids(&corpus, &queries)?
                    .into_iter()
                    .map(|ids| (ids.as_ref().map(HashSet::len), ids))
                    .collect::<Vec<_>>(),
                None => index
                    .branch_counts(&corpus, &queries)?
                    .into_iter()
                    .map(|n| (n, None))
                    .collect(),
            };
            for (b, (hits, ids)) in tree.into_iter().zip(ids) {
                let (rel, false_hits, misses) = match (&relevant, &ids) {
                    (Some(r), Some(found)) => {
                        let rel = found.intersection(r).count();
                        (Some(rel), Some(found.len() - rel), Some(r.len() - rel))
                    }
                    _ => (None, None, None),
                };
                branches.push(BranchCount {
                    depth: b.depth,
                    kind: b.kind,
                    label: b.label,
                    text: b.text,
                    has_children: b.has_children,
                    closes: b.closes,
                    hits,
                    relevant: rel,
                    false_hits,
                    misses,
                });
            }
            // Ids only against labels; without, a count (a million-document corpus would
            // otherwise gather every matching id of every variant).
            let found = |q: &ParsedQuery| -> Result<(usize, Option<Figures>)> {
                if relevant.is_some() {
                    let ids: HashSet<String> =
                        index.matching_ids(&corpus, q)?.into_iter().collect();
                    Ok((ids.len(), figures(&ids)))
                } else {
                    Ok((index.count_matches(&corpus, q)?, None))
                }
            };
            let (hits, own) = found(&parsed)?;
            let mut scored = Vec::with_capacity(variants.len());
            for v in variants {
                let Ok(vq) = parse(&v.query) else { continue };
                let (n, f) = found(&vq)?;
                scored.push(VariantScore {
                    change: v.change,
                    describe: v.describe,
                    query: v.query,
                    hits: n,
                    precision: f.map(|f| f.0),
                    recall: f.map(|f| f.1),
                    f1: f.map(|f| f.2),
                });
            }
            Ok(Explanation {
                corpus,
                query: parsed.source.clone(),
                hits,
                precision: own.map(|f| f.0),
                recall: own.map(|f| f.1),
                f1: own.map(|f| f.2),
                relevant: relevant.as_ref().map(HashSet::len),
                branches,
                variants: scored,
            })
        })
        .await
    }

    /// "Did you mean" for each word of the query that no document of the corpus holds while a
    /// close one does, and the query with lower-case operators in capitals. A query that does
    /// not parse gets only the capitals (when they make it parse).
    pub async fn query_help(&self, corpus: &str, query: &str) -> Result<QueryHelp> {
        let capitalised = explain::capitalise_operators(query);
        let Ok(parsed) = parse(query) else {
            return Ok(QueryHelp {
                suggestions: Vec::new(),
                capitalised,
            });
        };
        let corpus = corpus.to_string();
        let suggestions = self
            .on_index(move |index| {
                let mut out = Vec::new();
                for word in explain::words(&parsed) {
                    let reach = explain::suggestion_distance(&word.token);
                    if reach == 0 || index.word_documents(&corpus, &word.token)? > 0 {
                        continue;
                    }
                    let Some(best) = index
                        .similar_words(&corpus, &word.token, reach)?
                        .into_iter()
                        .next()
                    else {
                        continue;
                    };
                    if let Some(fixed) = explain::replace_word(&parsed, &word, &best.word) {
                        out.push(Suggestion {
                            word: word.token,
                            instead: best.word,
                            documents: best.documents,
                            query: fixed,
                        });
                    }
                }
                Ok(out)
            })
            .await?;
        Ok(QueryHelp {
            suggestions,
            capitalised,
        })
    }

    /// Up to four queries over one corpus: each one's total, volume on one time axis and top
    /// sources, and how many documents each pair shares. Blank queries are skipped; a query that
    /// does not parse is an error that names it (1-based) and its column.
    pub async fn compare(&self, corpus: &str, queries: &[String]) -> Result<Comparison> {
        self.require_corpus(corpus).await?;
        let texts: Vec<String> = queries
            .iter()
            .map(|q| q.trim().to_string())
            .filter(|q| !q.is_empty())
            .collect();
        if texts.len() > MAX_COMPARED {
            return Err(Error::invalid(format!(
                "compare at most {MAX_COMPARED} queries at once ({} given)",
                texts.len()
            )));
        }
        let mut parsed = Vec::with_capacity(texts.len());
        for (i, t) in texts.iter().enumerate() {
            parsed.push(parse(t).map_err(|mut e| {
                e.message = format!("query {}: {}", i + 1, e.message);
                Error::Query(e)
            })?);
        }
        let corpus = corpus.to_string();
        self.on_index(move |index| {
            let none =
                |_: crate::query::TextField, _: &str| -> Vec<std::ops::Range<usize>> { Vec::new() };
            let mut results = Vec::with_capacity(parsed.len());
            let mut ids: Vec<HashSet<String>> = Vec::with_capacity(parsed.len());
            for p in &parsed {
                let r = index.search(SearchRequest {
                    corpus: &corpus,
                    query: p,
                    ranks_apart: false,
                    order: SortOrder::Relevance,
                    limit: 1,
                    offset: 0,
                    facets: true,
                    marker: &none,
                })?;
                ids.push(index.matching_ids(&corpus, p)?.into_iter().collect());
                results.push(r);
            }
            let volumes: Vec<_> = results.iter().map(|r| &r.volume).collect();
            let (bucket, buckets, per_query) = shared_axis(&volumes);
            let queries = results
                .into_iter()
                .zip(per_query)
                .zip(&parsed)
                .map(|((r, volume), p)| Compared {
                    query: p.source.clone(),
                    total: r.total,
                    volume,
                    top_sources: r.top_sources.into_iter().take(5).collect(),
                })
                .collect();
            let mut overlaps = Vec::new();
            for a in 0..ids.len() {
                for b in a + 1..ids.len() {
                    overlaps.push(Overlap {
                        a,
                        b,
                        shared: ids[a].intersection(&ids[b]).count(),
                    });
                }
            }
            Ok(Comparison {
                corpus,
                queries,
                bucket,
                buckets,
                overlaps,
            })
        })
        .await
    }
}

impl App {
    /// A search counting only documents published in `[from, until)` (Unix seconds): what a
    /// click on a bar of the search page's volume chart asks for. Not cached: it is one click,
    /// not the room's common query.
    pub async fn search_window(
        &self,
        params: super::SearchParams,
        from: i64,
        until: i64,
    ) -> Result<super::SearchOutcome> {
        if from >= until {
            return Err(Error::invalid(format!(
                "the time filter ends ({until}) before it starts ({from})"
            )));
        }
        self.require_corpus(&params.corpus).await?;
        self.window_search(params, from, until).await
    }

    /// The same without checking the corpus: for a drill's stream, which is searched only
    /// through its window (`App::drill_search`).
    pub(crate) async fn window_search(
        &self,
        params: super::SearchParams,
        from: i64,
        until: i64,
    ) -> Result<super::SearchOutcome> {
        let parsed = parse(&params.query)?;
        self.on_index(move |index| {
            let highlighter = parsed.highlighter();
            let marker =
                |field: crate::query::TextField, text: &str| highlighter.matches(field, text);
            let results = index.search_within(
                SearchRequest {
                    corpus: &params.corpus,
                    query: &parsed,
                    ranks_apart: false,
                    order: params.order,
                    limit: params.limit,
                    offset: params.offset,
                    facets: params.facets,
                    marker: &marker,
                },
                Some((from, until)),
            )?;
            Ok(super::SearchOutcome {
                warnings: parsed.warnings.clone(),
                results,
            })
        })
        .await
    }
}

fn rank(b: Bucket) -> u8 {
    match b {
        Bucket::Hour => 0,
        Bucket::Day => 1,
        Bucket::Week => 2,
    }
}

/// One time axis for several volumes: buckets no finer than the coarsest of them, and coarse
/// enough for the whole span by the search page's rule (hours up to three days, days up to 400,
/// weeks beyond). Each volume's counts are summed into the shared buckets, every bucket from
/// the first to the last listed, empty ones included.
pub fn shared_axis(
    volumes: &[&crate::index::search::Volume],
) -> (Bucket, Vec<DateTime<Utc>>, Vec<Vec<usize>>) {
    let all: Vec<DateTime<Utc>> = volumes
        .iter()
        .flat_map(|v| v.counts.iter().map(|c| c.0))
        .collect();
    let (Some(&min), Some(&max)) = (all.iter().min(), all.iter().max()) else {
        return (Bucket::Day, Vec::new(), vec![Vec::new(); volumes.len()]);
    };
    let span_hours = (max - min).num_hours();
    let by_span = if span_hours <= 72 {
        Bucket::Hour
    } else if span_hours <= 400 * 24 {
        Bucket::Day
    } else {
        Bucket::Week
    };
    let bucket = volumes
        .iter()
        .map(|v| v.bucket)
        .chain([by_span])
        .max_by_key(|b| rank(*b))
        .unwrap_or(Bucket::Day);
    let step = match bucket {
        Bucket::Hour => Duration::hours(1),
        Bucket::Day => Duration::days(1),
        Bucket::Week => Duration::weeks(1),
    };
    let first = bucket.floor(min);
    let last = bucket.floor(max);
    let n = ((last - first).num_seconds() / step.num_seconds()).max(0) as usize + 1;
    let buckets: Vec<DateTime<Utc>> = (0..n).map(|i| first + step * i as i32).collect();
    let per_query = volumes
        .iter()
        .map(|v| {
            let mut sums: BTreeMap<usize, usize> = BTreeMap::new();
            for (at, c) in &v.counts {
                let i = ((bucket.floor(*at) - first).num_seconds() / step.num_seconds()) as usize;
                *sums.entry(i).or_default() += c;
            }
            (0..n).map(|i| sums.get(&i).copied().unwrap_or(0)).collect()
        })
        .collect();
    (bucket, buckets, per_query)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::search::Volume;
    use chrono::TimeZone;

    fn at(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, d, h, 0, 0).unwrap()
    }

    #[test]
    fn volumes_share_the_coarsest_axis() {
        let hourly = Volume {
            bucket: Bucket::Hour,
            counts: vec![(at(2, 9), 3), (at(2, 10), 0), (at(2, 11), 2)],
        };
        let daily = Volume {
            bucket: Bucket::Day,
            counts: vec![
                (at(1, 0), 1),
                (at(2, 0), 0),
                (at(3, 0), 4),
                (at(4, 0), 1),
                (at(5, 0), 2),
            ],
        };
        let (bucket, buckets, per) = shared_axis(&[&hourly, &daily]);
        assert_eq!(bucket, Bucket::Day);
        assert_eq!(buckets, [at(1, 0), at(2, 0), at(3, 0), at(4, 0), at(5, 0)]);
        assert_eq!(per, [vec![0, 5, 0, 0, 0], vec![1, 0, 4, 1, 2]]);
        // Two hourly volumes far apart: the span decides days.
        let later = Volume {
            bucket: Bucket::Hour,
            counts: vec![(at(20, 5), 7)],
        };
        let (bucket, buckets, per) = shared_axis(&[&hourly, &later]);
        assert_eq!(bucket, Bucket::Day);
        assert_eq!(buckets.len(), 19);
        assert_eq!(per[0][0], 5);
        assert_eq!(per[1][18], 7);
        // Close together, hours stay.
        let (bucket, buckets, _) = shared_axis(&[&hourly]);
        assert_eq!((bucket, buckets.len()), (Bucket::Hour, 3));
        let (_, buckets, per) = shared_axis(&[]);
        assert!(buckets.is_empty() && per.is_empty());
    }
}
