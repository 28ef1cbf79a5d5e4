//! The trainer's hand on who is in a class: the holds on the ways in (see them, clear them),
//! and renaming, merging and removing trainees. Errors are the sentences the trainer's page
//! shows.

use super::App;
use super::limiter::{Hold, Key};
use crate::error::{Error, Result};
use crate::store::classroom::{Trainee, normalise_name};

/// A hold as the trainer reads it.
#[derive(Debug, Clone)]
pub struct HoldView {
    /// What the form sends back to clear it.
    pub key: String,
    /// What is held: "Joining from 10.0.0.5", "Rejoin word for Aisha Khan".
    pub what: String,
    /// What counts against it: "wrong codes", "wrong trainer keys", "wrong rejoin words".
    pub counts: &'static str,
    pub hold: Hold,
}

impl HoldView {
    /// Whole minutes, rounded up, until it clears by itself (held) or its oldest count goes.
    pub fn minutes(&self) -> u64 {
        self.hold
            .held_for
            .unwrap_or(self.hold.forgotten_in)
            .div_ceil(60)
            .max(1)
    }
}

impl App {
    /// The holds the trainer of this class may see and clear: every address (the room shares
    /// them), and the rejoin words of this class's trainees.
    pub async fn holds(&self, class_id: &str) -> Result<Vec<HoldView>> {
        let mut out = Vec::new();
        for hold in self.limiter.holds().await? {
            let (what, counts) = match &hold.key {
                Key::Join(ip) => (format!("Joining from {ip}"), "wrong class codes"),
                Key::SignIn(ip) => (format!("Trainer sign-in from {ip}"), "wrong trainer keys"),
                Key::Words(ip) => (format!("Rejoin words from {ip}"), "wrong rejoin words"),
                Key::Name(id) => match self.store.trainee(id).await? {
                    Some(t) if t.class_id == class_id => {
                        (format!("Rejoin word for {}", t.name), "wrong rejoin words")
                    }
                    _ => continue,
                },
            };
            out.push(HoldView {
                key: hold.key.to_text(),
                what,
                counts,
                hold,
            });
        }
        Ok(out)
    }

    /// Clears a hold the trainer of this class sees.
    pub async fn clear_hold(&self, class_id: &str, key: &str) -> Result<()> {
        let Some(view) = self
            .holds(class_id)
            .await?
            .into_iter()
            .find(|v| v.key == key.trim())
        else {
            if Key::from_text(key).is_none() {
                return Err(Error::invalid(format!(
                    "{key:?} is not a hold: use a Clear button on the trainees page"
                )));
            }
            return Err(Error::invalid(
                "That hold has already cleared: nothing is held there now",
            ));
        };
        self.limiter.clear(&view.hold.key).await?;
        Ok(())
    }

    /// A trainee of this class, or a clear "not found".
    async fn class_trainee(&self, class_id: &str, id: &str) -> Result<Trainee> {
        match self.store.trainee(id.trim()).await? {
            Some(t) if t.class_id == class_id => Ok(t),
            _ => Err(Error::not_found(format!(
                "No trainee with id {id:?} in this class: they may have been merged or removed"
            ))),
        }
    }

    /// Renames a trainee of the class (the same tidying as joining); refused when another
    /// trainee already has that name.
    pub async fn rename_trainee(&self, class_id: &str, id: &str, name: &str) -> Result<()> {
        let trainee = self.class_trainee(class_id, id).await?;
        let (name, key) = normalise_name(name)
            .map_err(|e| Error::invalid(e.to_string().replace("Your name", "The name")))?;
        if name == trainee.name {
            return Ok(());
        }
        if !self.store.rename_trainee(&trainee.id, &name, &key).await? {
            return Err(Error::invalid(format!(
                "Someone in this class is already called {name}. Choose another name, or merge \
                 the two if they are one person"
            )));
        }
        Ok(())
    }

    /// Merges trainee `from` into `into`, both of the class: `from`'s attempts become `into`'s
    /// and `from` goes.
    pub async fn merge_trainees(&self, class_id: &str, from: &str, into: &str) -> Result<()> {
        let from = self.class_trainee(class_id, from).await?;
        if into.trim().is_empty() {
            return Err(Error::invalid(format!(
                "Choose who {} is to be merged into",
                from.name
            )));
        }
        let into = self.class_trainee(class_id, into).await?;
        if from.id == into.id {
            return Err(Error::invalid("Choose two different trainees to merge"));
        }
        self.store.merge_trainees(&from.id, &into.id).await?;
        self.limiter.clear(&Key::Name(from.id)).await?;
        Ok(())
    }

    /// Removes a trainee of the class, with their work.
    pub async fn remove_trainee(&self, class_id: &str, id: &str) -> Result<()> {
        let trainee = self.class_trainee(class_id, id).await?;
        self.store.remove_trainee(&trainee.id).await?;
        self.limiter.clear(&Key::Name(trainee.id)).await?;
        Ok(())
    }
}
