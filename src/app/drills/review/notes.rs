//! Observers and notes on a drill (docs/design.md, "Drills"): the trainer lets an observer in
//! by a link of their own; the trainer and observers write notes stamped with the drill time.

use super::super::Drill;
use crate::app::App;
use crate::error::{Error, Result};
use crate::store::drill_review::{DrillObserver, NewNote};

/// Who writes a note.
#[derive(Debug, Clone, Copy)]
pub enum NoteAuthor<'a> {
    Trainer,
    Observer(&'a DrillObserver),
}

impl App {
    /// Lets an observer into a drill; returns them and their link's token (shown once).
    pub async fn add_drill_observer(
        &self,
        drill_id: &str,
        name: &str,
    ) -> Result<(DrillObserver, String)> {
        let drill = self.drill(drill_id).await?;
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        if name.is_empty() || name.chars().count() > 80 {
            return Err(Error::invalid(
                "the observer's name: write a name of 1 to 80 characters, as it should appear on their notes",
            ));
        }
        self.store.add_drill_observer(&drill.id, &name).await
    }

    /// The observer a link lets in, with their drill.
    pub async fn drill_observer(&self, token: &str) -> Result<(DrillObserver, Drill)> {
        let observer = self
            .store
            .drill_observer_by_token(token)
            .await?
            .ok_or_else(|| {
                Error::not_found(
                    "this observer link is not known or was closed: ask the trainer for a new one",
                )
            })?;
        let drill = self.drill(&observer.drill_id).await?;
        Ok((observer, drill))
    }

    /// Writes a note on a drill, stamped with the drill time now. `inject` must be one of the
    /// scenario's, `learner` one of the drill's players (either may be empty).
    pub async fn add_drill_note(
        &self,
        drill_id: &str,
        author: NoteAuthor<'_>,
        inject: Option<&str>,
        learner: Option<&str>,
        text: &str,
    ) -> Result<String> {
        let drill = self.drill(drill_id).await?;
        let text = text.trim();
        if text.is_empty() {
            return Err(Error::invalid("the note is empty: write what you saw"));
        }
        if text.chars().count() > 4000 {
            return Err(Error::invalid(format!(
                "the note is {} characters long; keep a note to 4000",
                text.chars().count()
            )));
        }
        let inject = inject.map(str::trim).filter(|i| !i.is_empty());
        if let Some(i) = inject
            && drill.scenario().inject(i).is_none()
        {
            return Err(Error::invalid(format!(
                "the note's inject {i:?} is not one of the scenario's"
            )));
        }
        let learner = learner.map(str::trim).filter(|l| !l.is_empty());
        if let Some(l) = learner {
            let responses = self.store.drill_responses(drill_id, None).await?;
            let players = self.drill_players(&drill, &responses).await?;
            if !players.iter().any(|p| p.id == l) {
                return Err(Error::invalid(format!(
                    "the note's trainee {l:?} does not play this drill"
                )));
            }
        }
        let (observer_id, author_name) = match author {
            NoteAuthor::Trainer => (None, "Trainer"),
            NoteAuthor::Observer(o) => {
                if o.drill_id != drill.id {
                    return Err(Error::invalid("this observer link is for another drill"));
                }
                (Some(o.id.as_str()), o.name.as_str())
            }
        };
        self.store
            .add_drill_note(&NewNote {
                drill_id: &drill.id,
                observer_id,
                author_name,
                inject_id: inject,
                learner,
                text,
                drill_ms: drill.at_ms(),
                at: drill.read_at,
            })
            .await
    }
}
