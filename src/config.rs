//! Settings, from flags and environment, validated once and carried in the application state.

use std::path::PathBuf;

/// How many recent search results are kept unless configured otherwise (a few MB at most).
pub const DEFAULT_SEARCH_CACHE_ENTRIES: usize = 512;

#[derive(Debug, Clone)]
pub struct Config {
    /// Holds `index/` and, unless `database_url` is given, `sandpit.db`.
    pub data_dir: PathBuf,
    /// Allow live feeds on loopback, private and link-local addresses (off: a classroom server
    /// must not become a way into the room's network).
    pub allow_private_feeds: bool,
    /// A trainer's folder of exercise files, added to the shipped ones.
    pub exercises_dir: Option<PathBuf>,
    /// Classroom mode: trainees join with a code and a name, the trainer signs in; off, the
    /// server is one self-learner's on localhost with no login.
    pub classroom: bool,
    /// A password the trainer may sign in with besides the secret link (at least 8 characters).
    pub trainer_password: Option<String>,
    /// The address trainees type (`http://192.168.1.20:8080`), shown on the trainer's page.
    pub public_url: Option<String>,
    /// How many recent search results to keep (0: none).
    pub search_cache_entries: usize,
    /// The database, when not the SQLite file in the data directory: `postgres://…` for an
    /// organisation's PostgreSQL shared by several nodes, or `sqlite:path`.
    pub database_url: Option<String>,
    /// Load balancers or reverse proxies whose `X-Forwarded-For` names the client (empty: the
    /// connection's address is the client's).
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Tests of the real binary only (`serve --test-clock`): the clock can be moved forward
    /// through `POST /trainer/test-clock` (see `app::clock`).
    pub test_clock: bool,
}

impl Config {
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        Config {
            data_dir: data_dir.into(),
            allow_private_feeds: false,
            exercises_dir: None,
            classroom: false,
            trainer_password: None,
            public_url: None,
            search_cache_entries: DEFAULT_SEARCH_CACHE_ENTRIES,
            database_url: None,
            trusted_proxies: Vec::new(),
            test_clock: false,
        }
    }

    /// Uses the database a URL names instead of the SQLite file (an empty URL is no URL).
    pub fn with_database_url(mut self, url: Option<String>) -> Self {
        self.database_url = url.filter(|u| !u.trim().is_empty());
        self
    }

    /// Turns classroom mode on, checking the trainer's password once here.
    pub fn with_classroom(
        mut self,
        trainer_password: Option<String>,
    ) -> Result<Self, crate::error::Error> {
        let password = trainer_password.filter(|p| !p.is_empty());
        if let Some(p) = &password
            && p.chars().count() < 8
        {
            return Err(crate::error::Error::invalid(
                "the trainer password (SANDPIT_TRAINER_PASSWORD) must be at least 8 characters",
            ));
        }
        self.classroom = true;
        self.trainer_password = password;
        Ok(self)
    }

    pub fn index_dir(&self) -> PathBuf {
        self.data_dir.join("index")
    }

    pub fn database_path(&self) -> PathBuf {
        self.data_dir.join("sandpit.db")
    }
}
