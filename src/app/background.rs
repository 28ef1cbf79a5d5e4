//! The work a serving node does beside answering requests, started in one place
//! (`App::start_background`, called by `serve`): polling live feeds on their schedule, keeping
//! the index in step with the database when other nodes change corpora (`replica`), and
//! loading exercise files uploaded on other nodes (`following`). Each task only reads the
//! database and this node's index, so any number of nodes can run them; the feed poller takes
//! a lead so that one node fetches.

use tokio::task::JoinHandle;

use super::App;
use super::following::FOLLOW_TICK;

/// The node's background tasks; dropping it stops them.
pub struct Background {
    tasks: Vec<JoinHandle<()>>,
}

impl Drop for Background {
    fn drop(&mut self) {
        for task in &self.tasks {
            task.abort();
        }
    }
}

impl App {
    /// Starts the node's background tasks (see the module's docs).
    pub fn start_background(&self) -> Background {
        Background {
            tasks: vec![
                // Does nothing (no request, no HTTP client) when no feed is configured.
                super::feeds::spawn_poller(self.clone()),
                super::replica::spawn_sync(self.clone()),
                self.spawn_follower(FOLLOW_TICK),
            ],
        }
    }
}
