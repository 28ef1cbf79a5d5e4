//! The learner's practice that comes back, `/programme/practice` (docs/programmes.md,
//! "Practice that comes back" and "Mastery per skill"): the traps due again now, each with the
//! variant to do; those coming up and when; and the learner's level in each skill now. The
//! rules are `app/spaced.rs` and `app/skill_mastery.rs`; this page only shows them.

use askama::Template;
use axum::Router;
use axum::extract::State;
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Utc};

use super::ProgrammeMember;
use crate::app::spaced::{INTERVAL_DAYS, PracticeItem};
use crate::catalog::skills::Skill;
use crate::web::AppState;
use crate::web::error::{PageError, render};

pub(super) fn routes() -> Router<AppState> {
    Router::new().route("/programme/practice", get(practice_page))
}

/// One trap as the page lists it.
struct Row {
    name: String,
    skills: String,
    exercise_id: String,
    exercise_title: String,
    last_title: String,
    variants: usize,
    /// "Wednesday 4 March at 09:00 UTC".
    when: String,
    /// "in 2 days", "today", "3 days ago".
    from_now: String,
    /// "2 days", "1 week", "3 weeks": the gap the learner has reached.
    gap: String,
}

#[derive(Template)]
#[template(path = "programme_practice.html")]
struct PracticePage {
    name: String,
    due: Vec<Row>,
    coming: Vec<Row>,
    /// Skill name, level as a whole percentage.
    levels: Vec<(String, u32)>,
    nothing_yet: bool,
}

fn days_words(days: i64) -> String {
    match days {
        1 => "1 day".into(),
        7 => "1 week".into(),
        d if d % 7 == 0 => format!("{} weeks", d / 7),
        d => format!("{d} days"),
    }
}

fn from_now(at: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let hours = (at - now).num_hours();
    let days = (hours as f64 / 24.0).round() as i64;
    match days {
        0 if at <= now => "now".into(),
        0 => format!("in {} hours", hours.max(1)),
        1 => "tomorrow".into(),
        -1 => "1 day ago".into(),
        d if d > 0 => format!("in {d} days"),
        d => format!("{} days ago", -d),
    }
}

fn row(item: PracticeItem, now: DateTime<Utc>) -> Row {
    Row {
        skills: item
            .skills
            .iter()
            .map(|s| s.name())
            .collect::<Vec<_>>()
            .join(", "),
        exercise_id: item.exercise_id,
        exercise_title: item.exercise_title,
        last_title: item.last_title,
        variants: item.variants,
        when: item.due_at.format("%A %-d %B at %H:%M UTC").to_string(),
        from_now: from_now(item.due_at, now),
        gap: days_words(INTERVAL_DAYS[item.rung.clamp(0, 3) as usize]),
        name: item.name,
    }
}

async fn practice_page(
    State(state): State<AppState>,
    member: ProgrammeMember,
) -> Result<Response, PageError> {
    let app = &state.app;
    let now = app.now();
    let practice = app.practice(&member.learner).await?;
    let levels = app.skill_levels(&member.learner, &Skill::ALL).await?;
    let nothing_yet = practice.due.is_empty() && practice.coming.is_empty();
    Ok(render(&PracticePage {
        name: member.name,
        due: practice.due.into_iter().map(|i| row(i, now)).collect(),
        coming: practice.coming.into_iter().map(|i| row(i, now)).collect(),
        levels: levels
            .into_iter()
            .map(|(s, l)| (s.name().to_string(), (l * 100.0).round() as u32))
            .collect(),
        nothing_yet,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_and_distances_read_as_words() {
        assert_eq!(days_words(1), "1 day");
        assert_eq!(days_words(2), "2 days");
        assert_eq!(days_words(7), "1 week");
        assert_eq!(days_words(21), "3 weeks");
        let t0 = DateTime::parse_from_rfc3339("2026-03-02T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let h = chrono::Duration::hours;
        assert_eq!(from_now(t0, t0), "now");
        assert_eq!(from_now(t0 + h(3), t0), "in 3 hours");
        assert_eq!(from_now(t0 + h(24), t0), "tomorrow");
        assert_eq!(from_now(t0 + h(48), t0), "in 2 days");
        assert_eq!(from_now(t0 - h(48), t0), "2 days ago");
    }
}
