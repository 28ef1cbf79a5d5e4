//! Times inside a scenario: an offset from the start of the drill (`T+00:05`, `T+1:30:00`), and
//! a length (`90m`, `1h30m`, `45s`). Both are whole seconds; the clock that turns them into
//! moments is not part of the file.

use std::fmt;

use serde::{Serialize, Serializer};

/// Seconds after the start of the drill (`T+00:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Offset(pub u32);

/// The longest a scenario may run, and so the largest offset: ten hours.
pub const MAX_SECONDS: u32 = 10 * 3600;

impl Offset {
    pub fn seconds(self) -> u32 {
        self.0
    }

    pub fn minutes(minutes: u32) -> Offset {
        Offset(minutes * 60)
    }

    /// Reads `T+H:MM` or `T+H:MM:SS` (hours of any width; `T+00:05` is five minutes in).
    pub fn parse(s: &str) -> Result<Offset, String> {
        let bad = || {
            format!(
                "{s:?} is not a time in the drill: write T+HH:MM (T+00:05 is five minutes in) or T+H:MM:SS (T+1:30:00)"
            )
        };
        let rest = s.trim().strip_prefix("T+").ok_or_else(bad)?;
        let parts: Vec<&str> = rest.split(':').collect();
        if !(2..=3).contains(&parts.len()) {
            return Err(bad());
        }
        let number = |p: &str, width: Option<usize>| -> Option<u32> {
            if p.is_empty() || p.len() > 4 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if width.is_some_and(|w| p.len() != w) {
                return None;
            }
            p.parse().ok()
        };
        let hours = number(parts[0], None).ok_or_else(bad)?;
        let minutes = number(parts[1], Some(2)).ok_or_else(bad)?;
        let seconds = match parts.get(2) {
            Some(p) => number(p, Some(2)).ok_or_else(bad)?,
            None => 0,
        };
        if minutes > 59 || seconds > 59 {
            return Err(format!(
                "{s:?}: minutes and seconds run from 00 to 59 (write T+1:30 for ninety minutes)"
            ));
        }
        let total = hours * 3600 + minutes * 60 + seconds;
        if total > MAX_SECONDS {
            return Err(format!(
                "{s:?} is more than ten hours in: a drill is shorter than that"
            ));
        }
        Ok(Offset(total))
    }
}

impl fmt::Display for Offset {
    /// `T+00:05`, `T+1:30`, `T+00:05:30` (seconds only when there are some).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (h, m, s) = (self.0 / 3600, self.0 / 60 % 60, self.0 % 60);
        if s == 0 {
            write!(f, "T+{h:02}:{m:02}")
        } else {
            write!(f, "T+{h:02}:{m:02}:{s:02}")
        }
    }
}

impl Serialize for Offset {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Reads a length such as `90m`, `1h30m`, `2h`, `45s` or `1h5m30s` into seconds.
pub fn parse_length(s: &str) -> Result<u32, String> {
    let bad = || format!("{s:?} is not a length: write 90m, 1h30m, 2h or 45s");
    let t = s.trim();
    if t.is_empty() {
        return Err(bad());
    }
    let mut total: u64 = 0;
    let mut digits = String::new();
    let mut last_unit = 0;
    for c in t.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let (rank, scale) = match c {
            'h' => (1, 3600),
            'm' => (2, 60),
            's' => (3, 1),
            _ => return Err(bad()),
        };
        if digits.is_empty() || digits.len() > 6 || rank <= last_unit {
            return Err(bad());
        }
        total += digits.parse::<u64>().map_err(|_| bad())? * scale;
        digits.clear();
        last_unit = rank;
    }
    if !digits.is_empty() {
        return Err(bad());
    }
    if total == 0 || total > u64::from(MAX_SECONDS) {
        return Err(format!("{s:?}: a length runs from one second to ten hours"));
    }
    Ok(total as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_read_and_print() {
        assert_eq!(Offset::parse("T+00:05"), Ok(Offset(300)));
        assert_eq!(Offset::parse("T+1:30:00"), Ok(Offset(5400)));
        assert_eq!(Offset::parse("T+01:30"), Ok(Offset(5400)));
        assert_eq!(Offset::parse("T+0:00:45"), Ok(Offset(45)));
        assert_eq!(Offset(300).to_string(), "T+00:05");
        assert_eq!(Offset(5430).to_string(), "T+01:30:30");
        for bad in [
            "00:05",
            "T+5",
            "T+0:5",
            "T+0:60",
            "T+a:05",
            "T+00:05:1",
            "T+11:00",
        ] {
            assert!(Offset::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn lengths_read() {
        assert_eq!(parse_length("90m"), Ok(5400));
        assert_eq!(parse_length("1h30m"), Ok(5400));
        assert_eq!(parse_length("45s"), Ok(45));
        for bad in ["", "90", "m", "30m1h", "0m", "11h", "1x"] {
            assert!(parse_length(bad).is_err(), "{bad}");
        }
    }
}
