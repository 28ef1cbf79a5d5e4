//! The manager's team view (docs/programmes.md, "The team view"): the skills a team says it
//! needs (a level per `catalog::skills` skill, set by the trainer or by the manager with the
//! team's link) against the team's profile, read from its learners' latest measured levels
//! (`store.skill_profile`), with the gaps named. The manager sees the team as a whole: how many
//! learners were measured and how many are below the need, never a name.

use serde::Serialize;

use crate::app::App;
use crate::catalog::skills::Skill;
use crate::error::{Error, FieldError, Result};
use crate::store::teams::{TeamSummary, team_key};

/// A team's mean counts as meeting a need this close below it (levels are measured, not exact).
pub const TOLERANCE: f64 = 0.05;

/// One skill of the team's view.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SkillRow {
    pub skill: Skill,
    /// The level the team needs (0 to 1), if it said.
    pub need: Option<f64>,
    /// The mean of the measured learners' latest levels.
    pub mean: Option<f64>,
    pub measured: usize,
    /// Measured learners below the need.
    pub below: usize,
}

impl SkillRow {
    /// How far the team is below its need, when it is (beyond the tolerance).
    pub fn gap(&self) -> Option<f64> {
        match (self.need, self.mean) {
            (Some(need), Some(mean)) if mean + TOLERANCE < need => Some(need - mean),
            _ => None,
        }
    }
}

/// What the team view shows.
#[derive(Debug, Clone, Serialize)]
pub struct TeamView {
    pub key: String,
    pub name: String,
    pub learners: usize,
    pub rows: Vec<SkillRow>,
    /// The gaps in words, the largest first.
    pub gaps: Vec<String>,
    /// Skills the team needs that nobody has been measured in yet.
    pub unmeasured: Vec<String>,
}

fn percent(level: f64) -> String {
    format!("{:.0}%", level * 100.0)
}

/// The rows and named gaps from each learner's profile (skill id, level) and the needs.
pub fn team_rows(
    profiles: &[Vec<(String, f64)>],
    needs: &[(String, f64)],
) -> (Vec<SkillRow>, Vec<String>, Vec<String>) {
    let rows: Vec<SkillRow> = Skill::ALL
        .iter()
        .map(|&skill| {
            let need = needs.iter().find(|(s, _)| s == skill.id()).map(|(_, l)| *l);
            let levels: Vec<f64> = profiles
                .iter()
                .filter_map(|p| p.iter().find(|(s, _)| s == skill.id()).map(|(_, l)| *l))
                .collect();
            let mean =
                (!levels.is_empty()).then(|| levels.iter().sum::<f64>() / levels.len() as f64);
            let below = need.map_or(0, |n| levels.iter().filter(|l| **l + TOLERANCE < n).count());
            SkillRow {
                skill,
                need,
                mean,
                measured: levels.len(),
                below,
            }
        })
        .collect();
    let mut gaps: Vec<(f64, String)> = rows
        .iter()
        .filter_map(|r| {
            let gap = r.gap()?;
            Some((
                gap,
                format!(
                    "{}: the team needs {} and is at {} ({} of {} measured below the need)",
                    r.skill.name(),
                    percent(r.need.unwrap_or_default()),
                    percent(r.mean.unwrap_or_default()),
                    r.below,
                    r.measured
                ),
            ))
        })
        .collect();
    gaps.sort_by(|a, b| b.0.total_cmp(&a.0));
    let unmeasured = rows
        .iter()
        .filter(|r| r.need.is_some() && r.measured == 0)
        .map(|r| r.skill.name().to_string())
        .collect();
    (rows, gaps.into_iter().map(|(_, g)| g).collect(), unmeasured)
}

/// Reads the needs form: a percentage (0 to 100) or nothing for each skill.
pub fn parse_needs(
    fields: &[(Skill, String)],
) -> std::result::Result<Vec<(Skill, f64)>, Vec<FieldError>> {
    let mut needs = Vec::new();
    let mut errors = Vec::new();
    for (skill, value) in fields {
        let value = value.trim().trim_end_matches('%').trim();
        if value.is_empty() {
            continue;
        }
        match value.parse::<f64>() {
            Ok(v) if (0.0..=100.0).contains(&v) => needs.push((*skill, v / 100.0)),
            _ => errors.push(FieldError {
                field: skill.id(),
                message: format!(
                    "{}: give a level from 0 to 100, or leave it empty if the team does not need it (you wrote {value:?})",
                    skill.name()
                ),
            }),
        }
    }
    if errors.is_empty() {
        Ok(needs)
    } else {
        Err(errors)
    }
}

impl App {
    /// Every team the learners' records name.
    pub async fn teams(&self) -> Result<Vec<TeamSummary>> {
        self.store.teams().await
    }

    /// The team of a name (as a learner's record gives it), if any learner is in it.
    pub async fn team_named(&self, name: &str) -> Result<TeamSummary> {
        let key = team_key(name);
        self.store
            .teams()
            .await?
            .into_iter()
            .find(|t| t.key == key)
            .ok_or_else(|| Error::not_found(format!("No learner is in a team called {name:?}.")))
    }

    /// The team's profile against its needs.
    pub async fn team_view(&self, team: &TeamSummary) -> Result<TeamView> {
        let mut profiles = Vec::new();
        let learners = self.store.team_learners(&team.key).await?;
        for learner in &learners {
            let profile = self.store.skill_profile(learner).await?;
            profiles.push(
                profile
                    .into_iter()
                    .map(|l| (l.skill, l.level))
                    .collect::<Vec<_>>(),
            );
        }
        let needs = self.store.team_needs(&team.key).await?;
        let (rows, gaps, unmeasured) = team_rows(&profiles, &needs);
        Ok(TeamView {
            key: team.key.clone(),
            name: team.name.clone(),
            learners: learners.len(),
            rows,
            gaps,
            unmeasured,
        })
    }

    /// Replaces the team's needs. `set_by` is `trainer` or `manager`.
    pub async fn set_team_needs(
        &self,
        team: &TeamSummary,
        needs: &[(Skill, f64)],
        set_by: &str,
    ) -> Result<()> {
        let rows: Vec<(&str, f64)> = needs.iter().map(|(s, l)| (s.id(), *l)).collect();
        self.store
            .set_team_needs(&team.key, &rows, set_by, self.now())
            .await
    }

    /// A new manager's link token for the team (the earlier one stops working).
    pub async fn issue_team_link(&self, team: &TeamSummary) -> Result<String> {
        self.store
            .issue_team_link(&team.key, &team.name, self.now())
            .await
    }

    /// The team a manager's link opens.
    pub async fn team_of_link(&self, token: &str) -> Result<TeamSummary> {
        let gone = || {
            Error::not_found(
                "This team link is not known, or a newer one replaced it. Ask the trainer for the current link.",
            )
        };
        let (key, name) = self.store.team_of_link(token).await?.ok_or_else(gone)?;
        let learners = self.store.team_learners(&key).await?.len();
        Ok(TeamSummary {
            key,
            name,
            learners,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(levels: &[(&str, f64)]) -> Vec<(String, f64)> {
        levels.iter().map(|(s, l)| (s.to_string(), *l)).collect()
    }

    #[test]
    fn gaps_are_named_largest_first() {
        let profiles = [
            p(&[("triage", 0.3), ("operators", 0.9)]),
            p(&[("triage", 0.5), ("operators", 0.7)]),
            p(&[("plain-english", 0.2)]),
        ];
        let needs = p(&[
            ("triage", 0.8),
            ("operators", 0.8),
            ("plain-english", 0.6),
            ("accessibility", 0.5),
        ]);
        let (rows, gaps, unmeasured) = team_rows(&profiles, &needs);
        let triage = rows.iter().find(|r| r.skill == Skill::Triage).unwrap();
        assert_eq!((triage.measured, triage.below), (2, 2));
        assert!((triage.mean.unwrap() - 0.4).abs() < 1e-9);
        // Operators: mean 0.8 meets 0.8 (no gap though one learner is below).
        let ops = rows.iter().find(|r| r.skill == Skill::Operators).unwrap();
        assert_eq!((ops.gap(), ops.below), (None, 1));
        assert_eq!(gaps.len(), 2, "{gaps:?}");
        assert!(
            gaps[0].starts_with("Triage: the team needs 80% and is at 40% (2 of 2"),
            "{gaps:?}"
        );
        assert!(gaps[1].starts_with("Plain English: the team needs 60% and is at 20% (1 of 1"));
        assert_eq!(unmeasured, ["Accessible posts"]);
        // A skill nobody needs is no gap, however low.
        let reading = rows.iter().find(|r| r.skill == Skill::Reading).unwrap();
        assert_eq!((reading.need, reading.gap()), (None, None));
    }

    #[test]
    fn needs_are_percentages_or_nothing() {
        let got = parse_needs(&[
            (Skill::Triage, "70".into()),
            (Skill::Reading, " ".into()),
            (Skill::Operators, "55%".into()),
        ])
        .unwrap();
        assert_eq!(got, [(Skill::Triage, 0.7), (Skill::Operators, 0.55)]);
        let errors = parse_needs(&[
            (Skill::Triage, "170".into()),
            (Skill::Reading, "lots".into()),
        ])
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].field, "triage");
        assert!(errors[1].message.contains("\"lots\""));
    }
}
