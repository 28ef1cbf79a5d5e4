//! Latencies of the load test by node and kind of request, and the percentiles it reports.
//! A single-node run has one node (`http::ONE_NODE`) and reports by kind alone.

use std::collections::HashMap;
use std::time::Duration;

#[derive(Default)]
pub struct Timings {
    pub by_node: HashMap<(String, &'static str), Vec<Duration>>,
}

impl Timings {
    pub fn add(&mut self, node: &str, kind: &'static str, d: Duration) {
        self.by_node
            .entry((node.to_string(), kind))
            .or_default()
            .push(d);
    }

    /// Every node's latencies of each kind together.
    pub fn by_kind(&self) -> HashMap<&'static str, Vec<Duration>> {
        let mut all: HashMap<&'static str, Vec<Duration>> = HashMap::new();
        for ((_, kind), v) in &self.by_node {
            all.entry(kind).or_default().extend(v.iter().copied());
        }
        all
    }
}

pub fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

pub fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}
