//! Ingest: turning sources (JSONL corpora, feed files, OPML lists, live feeds) into `Document`s.
//! Parsing is pure (bytes in, documents and problems out); reading files and the network stays at
//! the edges.

pub mod article;
pub mod charset;
pub mod clean;
pub mod dates;
pub mod feed;
pub mod jsonl;
pub mod normalise;
pub mod opml;
pub mod pasted; // posts pasted or uploaded into an own-topic corpus
pub mod repair;
pub mod shallow;
pub mod source;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// One document of a corpus, as the index stores it. The derived fields (`tags`, `mentions`,
/// `host`) are computed once by `Document::derive` from the text and URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub body: String,
    pub author: String,
    pub source: String,
    pub source_name: String,
    pub url: String,
    pub published: DateTime<Utc>,
    pub lang: String,
    pub kind: String,
    pub tags: Vec<String>,
    pub mentions: Vec<String>,
    pub host: String,
}

impl Document {
    /// Fills the derived fields from the title, body and URL.
    pub fn derive(mut self) -> Self {
        let text = format!("{}\n{}", self.title, self.body);
        self.tags = crate::text::hashtags(&text);
        self.mentions = crate::text::mentions(&text);
        self.host = crate::text::url_host(&self.url).unwrap_or_default();
        if self.lang.trim().is_empty() {
            self.lang = "en".into();
        }
        self.lang = self.lang.trim().to_ascii_lowercase();
        self
    }
}

pub use crate::error::Problem;

/// What parsing one input produced: documents, the problems met on the way, and notes worth
/// telling (such as items that had no date).
#[derive(Debug, Default)]
pub struct Parsed {
    pub documents: Vec<Document>,
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
}
