//! The TOML shape of a scenario file, as written. Values that a later check may reject are kept
//! with their place in the file (`Spanned`), so the message can name the line and the column.

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::Spanned;

use crate::catalog::exercises::RawFact;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawScenario {
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub summary: String,
    pub minutes: Spanned<i64>,
    pub start: Spanned<String>,
    #[serde(default)]
    pub roles: Vec<Spanned<RawRole>>,
    #[serde(default)]
    pub replay: Option<Spanned<RawReplay>>,
    #[serde(default)]
    pub waves: Vec<Spanned<RawWave>>,
    #[serde(default)]
    pub injects: Vec<Spanned<RawInject>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRole {
    pub id: Spanned<String>,
    pub name: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReplay {
    pub corpus: Spanned<String>,
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    #[serde(default)]
    pub until: Option<Spanned<String>>,
    pub compress_to: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWave {
    pub id: Spanned<String>,
    pub from: Spanned<String>,
    pub until: Spanned<String>,
    pub posts: Spanned<i64>,
    #[serde(default)]
    pub shape: Option<Spanned<Vec<f64>>>,
    pub platform: Spanned<String>,
    #[serde(default)]
    pub venue: String,
    #[serde(default)]
    pub lang: Option<String>,
    pub seed: Spanned<i64>,
    pub templates: Spanned<Vec<Spanned<String>>>,
    pub authors: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    pub words: BTreeMap<String, Spanned<Vec<String>>>,
    #[serde(default)]
    pub flags: Vec<Spanned<String>>,
    #[serde(default)]
    pub likes: Option<Spanned<[i64; 2]>>,
    #[serde(default)]
    pub reposts: Option<Spanned<[i64; 2]>>,
    #[serde(default)]
    pub replies: Option<Spanned<[i64; 2]>>,
    #[serde(default)]
    pub reply_to: Option<Spanned<String>>,
    #[serde(default)]
    pub repost_of: Option<Spanned<String>>,
    #[serde(default)]
    pub quote_of: Option<Spanned<String>>,
}

/// One `[[injects]]` table: the fields of every kind, each kind taking some of them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawInject {
    pub id: Spanned<String>,
    pub at: Spanned<String>,
    pub kind: Spanned<String>,
    // posts and articles
    #[serde(default)]
    pub platform: Option<Spanned<String>>,
    #[serde(default)]
    pub venue: Option<Spanned<String>>,
    #[serde(default)]
    pub author: Option<Spanned<String>>,
    #[serde(default)]
    pub handle: Option<Spanned<String>>,
    #[serde(default)]
    pub title: Option<Spanned<String>>,
    #[serde(default)]
    pub lang: Option<Spanned<String>>,
    #[serde(default)]
    pub images: Option<Spanned<Vec<RawImage>>>,
    #[serde(default)]
    pub reply_to: Option<Spanned<String>>,
    #[serde(default)]
    pub repost_of: Option<Spanned<String>>,
    #[serde(default)]
    pub quote_of: Option<Spanned<String>>,
    #[serde(default)]
    pub likes: Option<Spanned<i64>>,
    #[serde(default)]
    pub reposts: Option<Spanned<i64>>,
    #[serde(default)]
    pub replies: Option<Spanned<i64>>,
    #[serde(default)]
    pub flags: Option<Spanned<Vec<Spanned<String>>>>,
    // every kind but countdowns has text; a repost may have none
    #[serde(default)]
    pub text: Option<Spanned<String>>,
    // briefs and emails
    #[serde(default)]
    pub to: Option<Spanned<String>>,
    #[serde(default)]
    pub from: Option<Spanned<String>>,
    #[serde(default)]
    pub subject: Option<Spanned<String>>,
    // media enquiries
    #[serde(default)]
    pub outlet: Option<Spanned<String>>,
    // media enquiries and countdowns
    #[serde(default)]
    pub deadline: Option<Spanned<String>>,
    #[serde(default)]
    pub expect: Option<Spanned<RawExpect>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawImage {
    pub alt: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawExpect {
    pub reaction: Spanned<String>,
    pub deliverable: Spanned<String>,
    #[serde(default)]
    pub platform: Option<Spanned<String>>,
    #[serde(default)]
    pub by: Option<Spanned<String>>,
    #[serde(default)]
    pub model: Option<Spanned<String>>,
    #[serde(default)]
    pub facts: Vec<RawFact>,
}
