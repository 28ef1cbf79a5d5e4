//! Settings, from flags and environment, validated once and carried in the application state.

use std::path::PathBuf;

#[derive(Debug, Clone)]
pub struct Config {
    /// Holds `index/` and `sandpit.db`.
    pub data_dir: PathBuf,
    /// Allow live feeds on loopback, private and link-local addresses (off: a classroom server
    /// must not become a way into the room's network).
    pub allow_private_feeds: bool,
    /// A trainer's folder of exercise files, added to the shipped ones.
    pub exercises_dir: Option<PathBuf>,
}

impl Config {
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Config {
            data_dir: data_dir.into(),
            allow_private_feeds: false,
            exercises_dir: None,
        }
    }

    pub fn index_dir(&self) -> PathBuf {
        self.data_dir.join("index")
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("sandpit.db")
    }
}
