//! Keeping one node's memory in step with what other nodes wrote to the database. The exercise
//! catalog is the one cache that needs it: a trainer's upload on one node goes into that node's
//! catalog and the database, and every other node loads it from the database within a tick (see
//! docs/design.md, "Several nodes").

use std::time::Duration;

use super::App;
use crate::catalog::exercises;
use crate::error::Result;

/// How often a node looks for exercise files uploaded on another node.
pub const FOLLOW_TICK: Duration = Duration::from_secs(2);

/// The uploads a node has loaded: their count and the latest upload's time.
pub(super) type UploadsMark = (i64, Option<String>);

impl App {
    /// Loads the exercise files uploaded (on any node) since this node last looked; returns how
    /// many exercises were new here. One small query when nothing changed.
    pub async fn follow_uploaded_exercises(&self) -> Result<usize> {
        let mark = self.store.uploaded_exercises_mark().await?;
        if self.uploads_seen().as_ref() == Some(&mark) {
            return Ok(0);
        }
        let mut added = 0;
        for upload in self.store.uploaded_exercises().await? {
            let current = self.catalog();
            if current.get(&upload.exercise_id).is_some() {
                // Loaded already: uploaded here, or with another exercise of the same file.
                continue;
            }
            let mut file = exercises::from_text(&upload.file_name, &upload.text);
            if file.get(&upload.exercise_id).is_none() {
                tracing::warn!(
                    "uploaded exercise {} ({}) could not be loaded",
                    upload.exercise_id,
                    upload.file_name
                );
                continue;
            }
            file.exercises.retain(|e| current.get(&e.id).is_none());
            added += file.exercises.len();
            self.add_exercises(file);
        }
        self.set_uploads_seen(mark);
        Ok(added)
    }

    fn uploads_seen(&self) -> Option<UploadsMark> {
        match self.uploads_seen.lock() {
            Ok(seen) => seen.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    fn set_uploads_seen(&self, mark: UploadsMark) {
        match self.uploads_seen.lock() {
            Ok(mut seen) => *seen = Some(mark),
            Err(poisoned) => *poisoned.into_inner() = Some(mark),
        }
    }

    /// Follows other nodes' uploads every `tick` until the task is aborted (the server does so
    /// when it stops).
    pub fn spawn_follower(&self, tick: Duration) -> tokio::task::JoinHandle<()> {
        let app = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(tick).await;
                if let Err(e) = app.follow_uploaded_exercises().await {
                    tracing::warn!("cannot look for exercises uploaded on other nodes: {e}");
                }
            }
        })
    }
}
