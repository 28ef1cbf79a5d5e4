//! Latencies of the load test by kind of request, and the percentiles it reports.

use std::collections::HashMap;
use std::time::Duration;

#[derive(Default)]
pub struct Timings {
    pub by_kind: HashMap<&'static str, Vec<Duration>>,
}

impl Timings {
    pub fn add(&mut self, kind: &'static str, d: Duration) {
        self.by_kind.entry(kind).or_default().push(d);
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
