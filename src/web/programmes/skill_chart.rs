//! The geometry of the programme home's "progress per skill over time": one small line chart a
//! skill (small multiples rather than six coloured lines, so no skill is told apart by colour
//! alone), on one shared time axis. The template draws it; a table beside it gives the figures.

use chrono::{DateTime, Utc};

use crate::catalog::skills::Skill;
use crate::store::skills::SkillLevel;

pub const WIDTH: f32 = 300.0;
pub const HEIGHT: f32 = 70.0;
const PAD: f32 = 6.0;

pub struct Dot {
    pub x: f32,
    pub y: f32,
    pub label: String,
}

/// One skill's line.
pub struct SkillLine {
    pub name: &'static str,
    pub points: String,
    pub dots: Vec<Dot>,
    /// The latest level, in percent.
    pub latest: u32,
    pub from: String,
    pub to: String,
}

/// One measurement as the table shows it.
pub struct Row {
    pub day: String,
    pub skill: &'static str,
    pub percent: u32,
    pub source: String,
}

fn when(s: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(s)
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

fn percent(level: f64) -> u32 {
    (level.clamp(0.0, 1.0) * 100.0).round() as u32
}

/// The lines of every skill measured at least once, in `Skill::ALL` order, and the table.
pub fn skill_lines(history: &[SkillLevel]) -> (Vec<SkillLine>, Vec<Row>) {
    let times: Vec<DateTime<Utc>> = history
        .iter()
        .filter_map(|l| when(&l.measured_at))
        .collect();
    let (Some(first), Some(last)) = (times.iter().min(), times.iter().max()) else {
        return (Vec::new(), Vec::new());
    };
    let span = (*last - *first).num_seconds().max(1) as f32;
    let x_of = |t: DateTime<Utc>| {
        if last == first {
            WIDTH - PAD
        } else {
            PAD + (t - *first).num_seconds() as f32 / span * (WIDTH - 2.0 * PAD)
        }
    };
    let y_of = |level: f64| HEIGHT - PAD - level.clamp(0.0, 1.0) as f32 * (HEIGHT - 2.0 * PAD);
    let day = |t: DateTime<Utc>| t.format("%-d %b %Y").to_string();
    let mut lines = Vec::new();
    for skill in Skill::ALL {
        let mine: Vec<(DateTime<Utc>, &SkillLevel)> = history
            .iter()
            .filter(|l| l.skill == skill.id())
            .filter_map(|l| Some((when(&l.measured_at)?, l)))
            .collect();
        let Some((_, latest)) = mine.last() else {
            continue;
        };
        let dots: Vec<Dot> = mine
            .iter()
            .map(|(t, l)| Dot {
                x: x_of(*t),
                y: y_of(l.level),
                label: format!(
                    "{}: {}% on {} ({})",
                    skill.name(),
                    percent(l.level),
                    day(*t),
                    l.source
                ),
            })
            .collect();
        lines.push(SkillLine {
            name: skill.name(),
            points: dots
                .iter()
                .map(|d| format!("{:.1},{:.1}", d.x, d.y))
                .collect::<Vec<_>>()
                .join(" "),
            latest: percent(latest.level),
            from: day(*first),
            to: day(*last),
            dots,
        });
    }
    let rows = history
        .iter()
        .filter_map(|l| {
            Some(Row {
                day: day(when(&l.measured_at)?),
                skill: Skill::parse(&l.skill)?.name(),
                percent: percent(l.level),
                source: l.source.clone(),
            })
        })
        .collect();
    (lines, rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn level(skill: &str, level: f64, at: &str) -> SkillLevel {
        SkillLevel {
            skill: skill.into(),
            level,
            source: "placement".into(),
            measured_at: at.into(),
        }
    }

    #[test]
    fn lines_share_one_time_axis() {
        let history = [
            level("triage", 0.2, "2026-03-02T09:00:00.000Z"),
            level("operators", 0.5, "2026-03-02T09:00:00.000Z"),
            level("triage", 0.8, "2026-03-12T09:00:00.000Z"),
        ];
        let (lines, rows) = skill_lines(&history);
        assert_eq!(rows.len(), 3);
        let names: Vec<&str> = lines.iter().map(|l| l.name).collect();
        assert_eq!(names, ["Monitoring queries", "Triage"]);
        let triage = &lines[1];
        assert_eq!(triage.latest, 80);
        assert_eq!(triage.dots.len(), 2);
        assert_eq!(triage.dots[0].x, PAD);
        assert_eq!(triage.dots[1].x, WIDTH - PAD);
        assert!(triage.dots[1].y < triage.dots[0].y, "higher is better");
        assert_eq!(lines[0].dots[0].x, PAD);
        assert!(skill_lines(&[]).0.is_empty());
    }
}
