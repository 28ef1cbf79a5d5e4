//! When a player's saved search alerts (docs/design.md, "Drills", alert rules): a rule on the
//! drill times of the posts the search matches, evaluated at every whole drill minute. Pure and
//! deterministic: the same stream, rule and clock give the same alerts on every node, so an
//! alert is computed, never stored.
//!
//! Two rules: a spike (the last window's count is above the mean of the windows before it plus
//! k standard deviations, and at least a minimum) and a plain threshold (at least N posts in the
//! last W minutes). An alert fires when its rule becomes true at a minute mark after the search
//! was saved; it fires again only after the rule has been false at some mark in between, so a
//! long surge is one alert, not one a minute.

use serde::{Deserialize, Serialize};

/// How many windows before the last one a spike compares with, at most (an hour of 5-minute
/// windows): older quiet would make any later rise look like a spike.
pub const SPIKE_HISTORY: u32 = 12;

/// A saved search's alert rule, stored as JSON with the search.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum AlertRule {
    /// The last `window` minutes' count is above the mean of the `window`-minute windows before
    /// it plus `k` standard deviations, and at least `min` posts.
    Spike { window: u32, k: f64, min: u32 },
    /// At least `count` posts in the last `window` minutes.
    AtLeast { count: u32, window: u32 },
}

/// An alert that fired: the drill second of the minute mark, and the count in the window then.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Firing {
    pub at: u32,
    pub count: u32,
}

fn plural(n: u32, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

impl AlertRule {
    /// The default a new saved search gets on the page.
    pub const DEFAULT_SPIKE: AlertRule = AlertRule::Spike {
        window: 5,
        k: 2.0,
        min: 5,
    };

    /// Reads the save form's fields: `kind` (`spike` or `at_least`), `window` (minutes, 1 to
    /// 60), `k` (0 to 10, spikes), `min` (spikes) or `count` (thresholds), 1 to 10,000.
    pub fn from_form(
        kind: &str,
        window: &str,
        k: &str,
        min: &str,
        count: &str,
    ) -> Result<AlertRule, String> {
        let whole = |field: &str, v: &str, lo: u32, hi: u32| -> Result<u32, String> {
            let v = v.trim();
            v.parse::<u32>()
                .ok()
                .filter(|n| (lo..=hi).contains(n))
                .ok_or_else(|| {
                    format!("the alert's {field} {v:?} is not a whole number from {lo} to {hi}")
                })
        };
        let window = whole("window (minutes)", window, 1, 60)?;
        match kind.trim() {
            "spike" => {
                let kv = k.trim();
                let k = kv
                    .parse::<f64>()
                    .ok()
                    .filter(|k| k.is_finite() && (0.0..=10.0).contains(k))
                    .ok_or_else(|| {
                        format!(
                            "the alert's standard deviations {kv:?} is not a number from 0 to 10"
                        )
                    })?;
                let min = whole("minimum", min, 1, 10_000)?;
                Ok(AlertRule::Spike { window, k, min })
            }
            "at_least" => Ok(AlertRule::AtLeast {
                count: whole("count", count, 1, 10_000)?,
                window,
            }),
            other => Err(format!(
                "the alert rule {other:?} is not one Sandpit knows: choose spike or at_least"
            )),
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    pub fn from_json(json: &str) -> Option<AlertRule> {
        serde_json::from_str(json).ok()
    }

    /// The window, in drill seconds.
    fn window_seconds(&self) -> u32 {
        match *self {
            AlertRule::Spike { window, .. } | AlertRule::AtLeast { window, .. } => window * 60,
        }
    }

    /// The rule in words, as the page shows it.
    pub fn words(&self) -> String {
        match *self {
            AlertRule::Spike { window, k, min } => format!(
                "alerts when the last {} count is above the average of the {}-minute windows \
                 before it plus {} standard deviation{}, and at least {}",
                if window == 1 {
                    "minute's".to_string()
                } else {
                    format!("{window} minutes'")
                },
                window,
                trim_float(k),
                if k == 1.0 { "" } else { "s" },
                plural(min, "post", "posts"),
            ),
            AlertRule::AtLeast { count, window } => format!(
                "alerts when {count} or more posts match in {}",
                plural(window, "minute", "minutes"),
            ),
        }
    }

    /// Whether the rule holds at drill second `t` (a minute mark), given the sorted drill
    /// seconds of the matching posts; and the count in the last window.
    pub fn holds_at(&self, times: &[u32], t: u32) -> (bool, u32) {
        let w = self.window_seconds();
        // Windows are (start, end]: a post at the mark counts in the window ending there.
        let count = |end: u32| -> u32 {
            let start = end.saturating_sub(w);
            let hi = times.partition_point(|&x| x <= end);
            let lo = if end < w {
                0
            } else {
                times.partition_point(|&x| x <= start)
            };
            (hi - lo) as u32
        };
        let last = count(t);
        match *self {
            AlertRule::AtLeast { count: n, .. } => (last >= n, last),
            AlertRule::Spike { k, min, .. } => {
                if last < min {
                    return (false, last);
                }
                // The full windows before the last one, back to the drill's start.
                let before: Vec<f64> = (1..=SPIKE_HISTORY)
                    .take_while(|j| t >= w * (j + 1))
                    .map(|j| f64::from(count(t - w * j)))
                    .collect();
                if before.is_empty() {
                    // Nothing to compare with yet: no spike can be told from the start.
                    return (false, last);
                }
                let n = before.len() as f64;
                let mean = before.iter().sum::<f64>() / n;
                let var = before.iter().map(|c| (c - mean).powi(2)).sum::<f64>() / n;
                (f64::from(last) > mean + k * var.sqrt(), last)
            }
        }
    }

    /// Every alert of the rule from the first minute mark after `from` up to `until` (drill
    /// seconds, both marks included when whole minutes), given the sorted drill seconds of the
    /// matching posts. The mark at `from` itself only sets whether the rule already held.
    pub fn firings(&self, times: &[u32], from: u32, until: u32) -> Vec<Firing> {
        let mut out = Vec::new();
        let first = from / 60 * 60;
        let mut held = self.holds_at(times, first).0;
        let mut t = first + 60;
        while t <= until {
            let (holds, count) = self.holds_at(times, t);
            if holds && !held {
                out.push(Firing { at: t, count });
            }
            held = holds;
            t += 60;
        }
        out
    }
}

/// `2`, `1.5`: a number as people write it.
fn trim_float(x: f64) -> String {
    let s = format!("{x:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `n` posts spread over the minute that starts at `minute`.
    fn burst(minute: u32, n: u32) -> Vec<u32> {
        (0..n)
            .map(|i| minute * 60 + 1 + i * 59 / n.max(1))
            .collect()
    }

    fn steady(minutes: std::ops::Range<u32>, per_minute: u32) -> Vec<u32> {
        minutes.flat_map(|m| burst(m, per_minute)).collect()
    }

    #[test]
    fn the_rules_in_words() {
        assert_eq!(
            AlertRule::DEFAULT_SPIKE.words(),
            "alerts when the last 5 minutes' count is above the average of the 5-minute windows \
             before it plus 2 standard deviations, and at least 5 posts"
        );
        assert_eq!(
            AlertRule::AtLeast {
                count: 1,
                window: 10
            }
            .words(),
            "alerts when 1 or more posts match in 10 minutes"
        );
        let r = AlertRule::Spike {
            window: 1,
            k: 1.5,
            min: 1,
        };
        assert!(r.words().contains("last minute's count"));
        assert!(r.words().contains("plus 1.5 standard deviations"));
    }

    #[test]
    fn a_threshold_fires_once_when_reached_and_again_only_after_falling_below() {
        let rule = AlertRule::AtLeast {
            count: 5,
            window: 5,
        };
        // Two posts a minute from T+10 to T+20, then nothing, then again from T+40.
        let mut times = steady(10..20, 2);
        times.extend(steady(40..45, 2));
        let fired = rule.firings(&times, 0, 60 * 60);
        // Window (T+7, T+12] holds the posts of minutes 10 and 11: 4. At T+13, minutes 10-12: 6.
        assert_eq!(fired.len(), 2, "{fired:?}");
        assert_eq!(
            fired[0],
            Firing {
                at: 13 * 60,
                count: 6
            }
        );
        assert_eq!(fired[1].at, 43 * 60);
    }

    #[test]
    fn a_spike_needs_history_the_deviation_and_the_minimum() {
        let rule = AlertRule::DEFAULT_SPIKE;
        // One post a minute for 30 minutes, then 12 in minute 30.
        let mut times = steady(0..30, 1);
        times.extend(burst(30, 12));
        times.extend(steady(31..40, 1));
        let fired = rule.firings(&times, 0, 40 * 60);
        assert_eq!(fired.len(), 1, "{fired:?}");
        // The burst is in minute 30 (seconds 1801..1860): the mark T+31 is the first to hold it.
        assert_eq!(fired[0].at, 31 * 60);
        assert_eq!(fired[0].count, 4 + 12);

        // A steady stream never spikes, however busy.
        assert!(rule.firings(&steady(0..40, 9), 0, 40 * 60).is_empty());

        // Below the minimum is no alert, however sharp the rise.
        let small = AlertRule::Spike {
            window: 5,
            k: 2.0,
            min: 20,
        };
        assert!(small.firings(&times, 0, 40 * 60).is_empty());
    }

    #[test]
    fn a_spike_at_the_start_has_nothing_to_compare_with() {
        let rule = AlertRule::DEFAULT_SPIKE;
        let times = burst(1, 30);
        // Before T+10 there is no full window before the last one.
        assert!(rule.firings(&times, 0, 9 * 60).is_empty());
        assert!(!rule.holds_at(&times, 5 * 60).0);
    }

    #[test]
    fn alerts_count_only_from_when_the_search_was_saved() {
        let rule = AlertRule::AtLeast {
            count: 3,
            window: 5,
        };
        let times = steady(0..10, 1);
        // Saved at T+08:30: the rule already held at T+08, so nothing new fires.
        assert!(rule.firings(&times, 8 * 60 + 30, 20 * 60).is_empty());
        // Saved at T+00:00: it fires at T+03.
        assert_eq!(rule.firings(&times, 0, 20 * 60)[0].at, 3 * 60);
        // Only marks up to `until`.
        assert!(rule.firings(&times, 0, 2 * 60 + 59).is_empty());
    }

    #[test]
    fn the_form_is_read_with_messages_that_say_which_field() {
        assert_eq!(
            AlertRule::from_form("spike", "5", "2", "5", ""),
            Ok(AlertRule::DEFAULT_SPIKE)
        );
        assert_eq!(
            AlertRule::from_form("at_least", "10", "", "", "3"),
            Ok(AlertRule::AtLeast {
                count: 3,
                window: 10
            })
        );
        let e = AlertRule::from_form("spike", "0", "2", "5", "").unwrap_err();
        assert!(e.contains("window"), "{e}");
        let e = AlertRule::from_form("spike", "5", "x", "5", "").unwrap_err();
        assert!(e.contains("standard deviations \"x\""), "{e}");
        let e = AlertRule::from_form("at_least", "5", "", "", "-1").unwrap_err();
        assert!(e.contains("count"), "{e}");
        let e = AlertRule::from_form("often", "5", "", "", "1").unwrap_err();
        assert!(e.contains("\"often\""), "{e}");
        let json = AlertRule::DEFAULT_SPIKE.to_json();
        assert_eq!(AlertRule::from_json(&json), Some(AlertRule::DEFAULT_SPIKE));
    }
}
