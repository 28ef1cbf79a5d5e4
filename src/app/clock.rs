//! The time the application reads. Every rule that depends on "now" (what is due this week, when
//! a practised skill comes back, where a drill's clock stands) asks [`App::now`], never the
//! system directly, so tests can run weeks of a programme or ninety minutes of a drill in
//! seconds and the same way every time.
//!
//! In production the clock is the system's. Tests in process hand the app a [`ManualClock`]
//! (`App::with_clock`). Tests that drive the real binary start it with the hidden flag
//! `--test-clock`: the system clock then carries an offset that `POST /test/clock` moves
//! forward (the route exists only with that flag; see docs/design.md, "The clock").

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};

use chrono::{DateTime, Duration, Utc};

/// Where the application gets the time from.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;

    /// Moves the clock forward, where that is allowed (the test clocks); `false` otherwise.
    fn advance(&self, _by: Duration) -> bool {
        false
    }
}

/// The system's clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// The system's clock moved forward by an offset that only grows: for tests that drive the
/// real binary (`--test-clock`), where time must still pass between requests.
#[derive(Default)]
pub struct ShiftedClock {
    offset_ms: AtomicI64,
}

impl Clock for ShiftedClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::milliseconds(self.offset_ms.load(Ordering::SeqCst))
    }

    fn advance(&self, by: Duration) -> bool {
        if by < Duration::zero() {
            return false;
        }
        self.offset_ms
            .fetch_add(by.num_milliseconds(), Ordering::SeqCst);
        true
    }
}

/// A clock that stands still until told to move: for tests in process.
pub struct ManualClock {
    now: std::sync::Mutex<DateTime<Utc>>,
}

impl ManualClock {
    pub fn at(now: DateTime<Utc>) -> Arc<Self> {
        Arc::new(ManualClock {
            now: std::sync::Mutex::new(now),
        })
    }

    pub fn set(&self, now: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = now;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn advance(&self, by: Duration) -> bool {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now += by;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_moves_only_when_told() {
        let start = DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let clock = ManualClock::at(start);
        assert_eq!(clock.now(), start);
        assert!(clock.advance(Duration::days(2)));
        assert_eq!(clock.now(), start + Duration::days(2));
    }

    #[test]
    fn shifted_clock_only_goes_forward() {
        let clock = ShiftedClock::default();
        let before = clock.now();
        assert!(clock.advance(Duration::days(7)));
        assert!(clock.now() >= before + Duration::days(7));
        assert!(!clock.advance(Duration::seconds(-1)));
        assert!(!SystemClock.advance(Duration::days(1)));
    }
}
