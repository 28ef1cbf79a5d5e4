//! A drill's clock, as a rule on values: where the drill stands at a given wall time, and what
//! each of the trainer's controls does to it (docs/design.md, "Drills"). The state is an anchor
//! (the drill time at a wall time) and a speed, so every node computes the same drill time from
//! the database's row, and a restart resumes from it.

use chrono::{DateTime, Utc};
use serde::Serialize;

use crate::catalog::scenarios::Offset;

/// Where a drill is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DrillState {
    /// Made, not started: the clock stands at T+00:00.
    Ready,
    Running,
    Paused,
    /// Reached its end or ended by the trainer: the clock stands still for good.
    Ended,
}

impl DrillState {
    pub fn id(self) -> &'static str {
        match self {
            DrillState::Ready => "ready",
            DrillState::Running => "running",
            DrillState::Paused => "paused",
            DrillState::Ended => "ended",
        }
    }

    pub fn parse(s: &str) -> Option<DrillState> {
        [
            DrillState::Ready,
            DrillState::Running,
            DrillState::Paused,
            DrillState::Ended,
        ]
        .into_iter()
        .find(|d| d.id() == s)
    }

    /// As pages say it.
    pub fn words(self) -> &'static str {
        match self {
            DrillState::Ready => "Not started",
            DrillState::Running => "Running",
            DrillState::Paused => "Paused",
            DrillState::Ended => "Ended",
        }
    }
}

/// The speeds a drill may run at: from a quarter of real time to ten drill minutes a second.
pub const SLOWEST: f64 = 0.25;
pub const FASTEST: f64 = 600.0;
/// The speeds the trainer's page offers.
pub const OFFERED_SPEEDS: [f64; 6] = [1.0, 2.0, 5.0, 10.0, 30.0, 60.0];

/// What the trainer does to the clock.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Control {
    Start,
    Pause,
    /// Drill seconds per wall second.
    Speed(f64),
    /// Moves the drill to a moment (the next inject's): later only, never past the end.
    JumpTo(Offset),
    End,
}

impl Control {
    /// The name the clock's log records.
    pub fn action(&self) -> &'static str {
        match self {
            Control::Start => "start",
            Control::Pause => "pause",
            Control::Speed(_) => "speed",
            Control::JumpTo(_) => "jump",
            Control::End => "end",
        }
    }
}

/// A drill's clock.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DrillClock {
    pub state: DrillState,
    pub speed: f64,
    /// The drill time, in milliseconds after T+00:00, at `anchor_at`.
    pub anchor_ms: i64,
    pub anchor_at: DateTime<Utc>,
    /// The end of the drill, in milliseconds.
    pub end_ms: i64,
}

impl DrillClock {
    /// A new drill's clock: ready, at T+00:00, real time.
    pub fn new(now: DateTime<Utc>, end: Offset) -> Self {
        DrillClock {
            state: DrillState::Ready,
            speed: 1.0,
            anchor_ms: 0,
            anchor_at: now,
            end_ms: i64::from(end.0) * 1000,
        }
    }

    /// The drill time at wall time `now`, in milliseconds (never before the anchor, never past
    /// the end).
    pub fn ms_at(&self, now: DateTime<Utc>) -> i64 {
        let ms = match self.state {
            DrillState::Running => {
                let wall = (now - self.anchor_at).num_milliseconds().max(0) as f64;
                self.anchor_ms + (wall * self.speed) as i64
            }
            _ => self.anchor_ms,
        };
        ms.clamp(0, self.end_ms)
    }

    /// The drill time at `now`, in whole seconds.
    pub fn offset_at(&self, now: DateTime<Utc>) -> Offset {
        Offset((self.ms_at(now) / 1000) as u32)
    }

    /// The state at `now`: a running clock that has reached the end has ended.
    pub fn state_at(&self, now: DateTime<Utc>) -> DrillState {
        if self.state == DrillState::Running && self.ms_at(now) >= self.end_ms {
            DrillState::Ended
        } else {
            self.state
        }
    }

    /// The wall time at which the running clock will reach drill time `ms` (None when it is
    /// not running or has passed it).
    pub fn wall_time_of(&self, ms: i64, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
        if self.state_at(now) != DrillState::Running || ms < self.ms_at(now) {
            return None;
        }
        let wall = ((ms - self.anchor_ms) as f64 / self.speed).ceil() as i64;
        Some(self.anchor_at + chrono::Duration::milliseconds(wall))
    }

    /// The clock after `control` at wall time `now`, or why the control does not apply.
    pub fn apply(&self, control: Control, now: DateTime<Utc>) -> Result<DrillClock, String> {
        let state = self.state_at(now);
        if state == DrillState::Ended {
            return Err("the drill has ended; its clock no longer moves".into());
        }
        // Every change re-anchors at the present drill time.
        let mut next = DrillClock {
            anchor_ms: self.ms_at(now),
            anchor_at: now,
            ..*self
        };
        match control {
            Control::Start => {
                if state == DrillState::Running {
                    return Err("the drill is already running".into());
                }
                next.state = DrillState::Running;
            }
            Control::Pause => {
                if state != DrillState::Running {
                    return Err("the drill is not running, so it cannot be paused".into());
                }
                next.state = DrillState::Paused;
            }
            Control::Speed(speed) => {
                if !speed.is_finite() || !(SLOWEST..=FASTEST).contains(&speed) {
                    return Err(format!(
                        "a speed of {speed} is outside what a drill can run at ({SLOWEST} to {FASTEST} times real time)"
                    ));
                }
                next.speed = speed;
            }
            Control::JumpTo(to) => {
                let to_ms = (i64::from(to.0) * 1000).min(self.end_ms);
                if to_ms <= next.anchor_ms {
                    return Err(format!(
                        "the drill is already past {to}; the clock only moves forward"
                    ));
                }
                next.anchor_ms = to_ms;
                if next.state == DrillState::Ready {
                    next.state = DrillState::Paused;
                }
            }
            Control::End => next.state = DrillState::Ended,
        }
        if next.anchor_ms >= self.end_ms {
            next.state = DrillState::Ended;
        }
        Ok(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn t0() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc)
    }

    #[test]
    fn a_ready_clock_stands_still_and_a_running_one_moves_at_its_speed() {
        let c = DrillClock::new(t0(), Offset::minutes(90));
        assert_eq!(c.offset_at(t0() + Duration::minutes(10)), Offset(0));
        let c = c.apply(Control::Start, t0()).unwrap();
        assert_eq!(c.offset_at(t0() + Duration::seconds(30)), Offset(30));
        let c = c
            .apply(Control::Speed(10.0), t0() + Duration::seconds(30))
            .unwrap();
        assert_eq!(
            c.offset_at(t0() + Duration::seconds(60)),
            Offset(30 + 300),
            "ten times real time after the change"
        );
    }

    #[test]
    fn pause_holds_the_time_and_start_resumes_from_it() {
        let c = DrillClock::new(t0(), Offset::minutes(90))
            .apply(Control::Start, t0())
            .unwrap();
        let c = c
            .apply(Control::Pause, t0() + Duration::minutes(5))
            .unwrap();
        assert_eq!(c.offset_at(t0() + Duration::hours(3)), Offset::minutes(5));
        let later = t0() + Duration::hours(3);
        let c = c.apply(Control::Start, later).unwrap();
        assert_eq!(
            c.offset_at(later + Duration::minutes(1)),
            Offset::minutes(6)
        );
        assert!(c.apply(Control::Start, later).is_err(), "already running");
    }

    #[test]
    fn jumps_go_forward_only_and_the_end_ends_it() {
        let c = DrillClock::new(t0(), Offset::minutes(60));
        let c = c.apply(Control::JumpTo(Offset::minutes(12)), t0()).unwrap();
        assert_eq!(
            c.state,
            DrillState::Paused,
            "a jump before the start pauses there"
        );
        assert_eq!(c.offset_at(t0()), Offset::minutes(12));
        assert!(c.apply(Control::JumpTo(Offset::minutes(5)), t0()).is_err());
        let c = c.apply(Control::Start, t0()).unwrap();
        let c = c
            .apply(Control::JumpTo(Offset::minutes(600)), t0())
            .unwrap();
        assert_eq!(
            c.state,
            DrillState::Ended,
            "a jump past the end ends the drill"
        );
        assert_eq!(c.offset_at(t0()), Offset::minutes(60));
        assert!(c.apply(Control::Start, t0()).is_err());
    }

    #[test]
    fn a_running_clock_ends_at_the_end_of_the_scenario() {
        let c = DrillClock::new(t0(), Offset::minutes(60))
            .apply(Control::Start, t0())
            .unwrap()
            .apply(Control::Speed(60.0), t0())
            .unwrap();
        let now = t0() + Duration::minutes(2);
        assert_eq!(c.state_at(now), DrillState::Ended);
        assert_eq!(c.offset_at(now), Offset::minutes(60));
        assert!(c.apply(Control::Pause, now).is_err());
    }

    #[test]
    fn speeds_outside_the_range_are_refused_and_wall_times_are_predicted() {
        let c = DrillClock::new(t0(), Offset::minutes(60));
        assert!(c.apply(Control::Speed(0.0), t0()).is_err());
        assert!(c.apply(Control::Speed(f64::NAN), t0()).is_err());
        assert!(c.apply(Control::Speed(10_000.0), t0()).is_err());
        let c = c
            .apply(Control::Start, t0())
            .unwrap()
            .apply(Control::Speed(2.0), t0())
            .unwrap();
        assert_eq!(
            c.wall_time_of(60_000, t0()),
            Some(t0() + Duration::seconds(30))
        );
    }
}
