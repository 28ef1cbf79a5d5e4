//! Estimates from a learner's own labels ("your own topic", docs/programmes.md): precision from a
//! random sample of a query's results, and what the query misses from a random sample of the
//! documents outside them. Pure: ids, labels and counts in, figures with their uncertainty out.
//!
//! The samples are random but stable: each document's place is a hash of the topic's seed and
//! its id, so the documents in a zone (inside or outside the results), taken in that order, are a
//! random permutation of the zone, and its first `n` a simple random sample without
//! replacement. Changing the query moves documents between zones; a document keeps its place, so
//! labels already given are used again wherever the document now falls.

use serde::Serialize;

/// z for a 95% interval.
const Z: f64 = 1.96;

/// The first `n` of `ids` in the seeded random order.
pub fn sample<'a>(seed: &str, ids: impl IntoIterator<Item = &'a str>, n: usize) -> Vec<String> {
    let mut keyed: Vec<(u64, &str)> = ids
        .into_iter()
        .map(|id| {
            let key = crate::text::stable_hash([seed.as_bytes(), b"\0", id.as_bytes()]);
            (key, id)
        })
        .collect();
    keyed.sort_unstable();
    keyed.dedup_by(|a, b| a.1 == b.1);
    keyed
        .into_iter()
        .take(n)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// A share with its 95% interval, from `hits` of `labelled` sampled out of `population`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Share {
    pub hits: usize,
    pub labelled: usize,
    pub population: usize,
    pub estimate: f64,
    pub low: f64,
    pub high: f64,
    /// Every document of the population was labelled: the share is known, not estimated.
    pub exact: bool,
}

impl Share {
    /// `None` until at least one document is labelled. The interval is Wilson's score interval
    /// (it stays inside 0..1 and behaves with small samples and shares near 0 or 1); when the
    /// whole population is labelled the share is exact.
    pub fn new(hits: usize, labelled: usize, population: usize) -> Option<Share> {
        if labelled == 0 {
            return None;
        }
        let estimate = hits as f64 / labelled as f64;
        if labelled >= population {
            return Some(Share {
                hits,
                labelled,
                population,
                estimate,
                low: estimate,
                high: estimate,
                exact: true,
            });
        }
        let (low, high) = wilson(hits, labelled);
        Some(Share {
            hits,
            labelled,
            population,
            estimate,
            low,
            high,
            exact: false,
        })
    }
}

/// Wilson's 95% score interval for `k` successes in `n` trials (`n > 0`).
pub fn wilson(k: usize, n: usize) -> (f64, f64) {
    let n = n as f64;
    let p = k as f64 / n;
    let z2 = Z * Z;
    let denominator = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denominator;
    let half = Z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denominator;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}

/// What the learner's labels say about their query.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimates {
    /// Documents the query finds, and those it does not.
    pub results: usize,
    pub outside: usize,
    /// Relevant share of the results.
    pub precision: Option<Share>,
    /// Relevant share of the documents outside the results.
    pub missed_share: Option<Share>,
    /// Relevant documents the query misses: the outside share times the outside count, with
    /// the interval scaled the same way.
    pub missed: Option<(f64, f64, f64)>,
    /// The share of all relevant documents the query finds, with a range built from the ends
    /// of the two intervals (the widest the two allow).
    pub recall: Option<(f64, f64, f64)>,
}

/// Labels of the sampled documents: `Some(true)` relevant, `Some(false)` not, `None` not yet.
pub fn estimates(
    results: usize,
    outside: usize,
    inside_labels: &[Option<bool>],
    outside_labels: &[Option<bool>],
) -> Estimates {
    let count = |labels: &[Option<bool>]| {
        let labelled = labels.iter().filter(|l| l.is_some()).count();
        let hits = labels.iter().filter(|l| **l == Some(true)).count();
        (hits, labelled)
    };
    let (k_in, n_in) = count(inside_labels);
    let (k_out, n_out) = count(outside_labels);
    // An empty zone is known exactly: nothing there.
    let precision = if results == 0 {
        None
    } else {
        Share::new(k_in, n_in, results)
    };
    let missed_share = if outside == 0 {
        Some(Share {
            hits: 0,
            labelled: 0,
            population: 0,
            estimate: 0.0,
            low: 0.0,
            high: 0.0,
            exact: true,
        })
    } else {
        Share::new(k_out, n_out, outside)
    };
    let u = outside as f64;
    let missed = missed_share.map(|s| (s.estimate * u, s.low * u, s.high * u));
    let r = results as f64;
    let recall = match (precision, missed) {
        (Some(p), Some((m, m_lo, m_hi))) => {
            let ratio = |found: f64, missed: f64| {
                if found + missed <= 0.0 {
                    0.0
                } else {
                    found / (found + missed)
                }
            };
            Some((
                ratio(p.estimate * r, m),
                ratio(p.low * r, m_hi),
                ratio(p.high * r, m_lo),
            ))
        }
        _ => None,
    };
    Estimates {
        results,
        outside,
        precision,
        missed_share,
        missed,
        recall,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.005
    }

    #[test]
    fn samples_are_stable_random_and_per_seed() {
        let ids: Vec<String> = (0..200).map(|i| format!("d{i}")).collect();
        let a = sample("seed-a", ids.iter().map(String::as_str), 20);
        let again = sample("seed-a", ids.iter().rev().map(String::as_str), 20);
        let b = sample("seed-b", ids.iter().map(String::as_str), 20);
        assert_eq!(a.len(), 20);
        assert_eq!(a, again, "the order of the input does not matter");
        assert_ne!(a, b, "another seed, another sample");
        // Not simply the first ids.
        assert_ne!(a, ids[..20].to_vec());
        // A sub-zone's sample is the zone's members in the same order: a document keeps its
        // place when the query moves it.
        let zone: Vec<&str> = ids
            .iter()
            .map(String::as_str)
            .filter(|d| d.len() == 3)
            .collect();
        let in_zone = sample("seed-a", zone.iter().copied(), 200);
        let all = sample("seed-a", ids.iter().map(String::as_str), 200);
        let filtered: Vec<String> = all.into_iter().filter(|d| d.len() == 3).collect();
        assert_eq!(in_zone, filtered);
        assert_eq!(sample("s", ["x", "x", "y"], 5).len(), 2);
    }

    #[test]
    fn wilson_matches_the_textbook() {
        // 15 of 20: 0.531 to 0.888 (Wilson, 95%).
        let (lo, hi) = wilson(15, 20);
        assert!(close(lo, 0.531) && close(hi, 0.888), "{lo} {hi}");
        // None of 20: from 0 to about 0.161, not the 0 to 0 a plain share would claim.
        let (lo, hi) = wilson(0, 20);
        assert!(lo == 0.0 && close(hi, 0.161), "{lo} {hi}");
        let (lo, hi) = wilson(20, 20);
        assert!(close(lo, 0.839) && hi == 1.0, "{lo} {hi}");
    }

    #[test]
    fn precision_from_a_sample_and_exact_from_everything() {
        let labels: Vec<Option<bool>> = (0..20).map(|i| Some(i < 15)).chain([None, None]).collect();
        let e = estimates(80, 0, &labels, &[]);
        let p = e.precision.expect("precision");
        assert_eq!((p.hits, p.labelled, p.exact), (15, 20, false));
        assert!(close(p.estimate, 0.75) && close(p.low, 0.531));
        // All six results labelled: known exactly.
        let e = estimates(
            6,
            0,
            &[
                Some(true),
                Some(true),
                Some(false),
                Some(true),
                Some(true),
                Some(true),
            ],
            &[],
        );
        let p = e.precision.expect("precision");
        assert!(p.exact && close(p.low, 5.0 / 6.0) && close(p.high, 5.0 / 6.0));
        // Nothing labelled: nothing claimed.
        assert_eq!(estimates(6, 10, &[None], &[None]).precision, None);
        assert_eq!(estimates(0, 10, &[], &[Some(false)]).precision, None);
    }

    #[test]
    fn misses_scale_the_outside_share() {
        // 2 of 20 sampled outside documents relevant, 300 outside: about 30 missed.
        let outside: Vec<Option<bool>> = (0..20).map(|i| Some(i < 2)).collect();
        let inside: Vec<Option<bool>> = (0..20).map(|i| Some(i < 15)).collect();
        let e = estimates(100, 300, &inside, &outside);
        let (m, lo, hi) = e.missed.expect("missed");
        assert!(close(m, 30.0), "{m}");
        let (wl, wh) = wilson(2, 20);
        assert!(close(lo, wl * 300.0) && close(hi, wh * 300.0));
        assert!(lo < m && m < hi);
        // Found about 75 relevant, missed about 30: recall about 71%.
        let (r, r_lo, r_hi) = e.recall.expect("recall");
        assert!(close(r, 75.0 / 105.0), "{r}");
        assert!(r_lo < r && r < r_hi);
        // No relevant document in the outside sample still leaves a range above zero.
        let none: Vec<Option<bool>> = vec![Some(false); 20];
        let (m, lo, hi) = estimates(100, 300, &inside, &none).missed.expect("missed");
        assert!(m == 0.0 && lo == 0.0 && hi > 40.0, "{hi}");
        // Nothing outside the results: nothing missed, exactly.
        let e = estimates(10, 0, &inside, &[]);
        assert_eq!(e.missed, Some((0.0, 0.0, 0.0)));
        assert!(e.missed_share.expect("share").exact);
    }
}
