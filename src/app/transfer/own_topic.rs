//! "Your own topic" (docs/programmes.md): a learner's private corpus built from a feed of their
//! own work area or posts they paste or upload, their monitoring query, their labels of random
//! samples inside and outside its results (precision and an estimate of what it misses, from
//! `grade::estimate`), a draft for a real announcement checked by the composer's rule packs and
//! platform counts, and comments from their trainer or a peer.
//!
//! Who may do what:
//! - the learner who owns the topic: everything;
//! - the trainer (classroom mode): read everything, the documents too, and comment;
//! - a peer (a learner of the same cohort, when the trainer allows peer review): read the query,
//!   the figures and the draft, not the documents, and comment.

use chrono::{DateTime, NaiveDate, Utc};
use serde::Serialize;

use super::required_text;
use crate::app::{App, ImportSummary};
use crate::compose::{self, Check, Platform};
use crate::error::{Error, Result};
use crate::fetch::{FetchOptions, Fetched, Fetcher, Validators};
use crate::grade::estimate::{self, Estimates};
use crate::ingest::feed::{self, FeedKey, FeedOrigin};
use crate::ingest::{Document, pasted};
use crate::store::transfer::{NewTopic, OwnTopic, TopicComment};

/// `corpora.origin` of own-topic corpora: they are left out of every list of corpora.
pub const OWN_TOPIC_ORIGIN: &str = "own-topic";
/// How own-topic corpora's names begin (then a random id).
pub const OWN_TOPIC_PREFIX: &str = "own-topic-";
/// Documents sampled from each side of the query (inside its results, outside them).
pub const SAMPLE_SIZE: usize = 20;
/// The most documents one own topic holds.
pub const MAX_TOPIC_DOCUMENTS: usize = 5_000;
pub const TITLE_MAX: usize = 80;
pub const QUERY_MAX: usize = 2_000;
pub const COMMENT_MAX: usize = 2_000;
pub const ANNOUNCEMENT_MAX: usize = 200;
/// Characters of a document shown for labelling.
const EXCERPT_CHARS: usize = 600;

/// Who is looking at a topic.
#[derive(Debug, Clone)]
pub enum Reader {
    /// A programme's learner (or the self-learner, `local`).
    Learner {
        id: String,
        name: String,
        cohort_id: Option<String>,
    },
    /// The trainer of classroom mode.
    Trainer,
}

/// What a reader may do with a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    Owner,
    Trainer,
    Peer,
}

impl Access {
    /// The documents of the corpus (a peer sees only the figures and the draft).
    pub fn sees_documents(self) -> bool {
        matches!(self, Access::Owner | Access::Trainer)
    }
}

/// One sampled document, with the learner's label if given.
#[derive(Debug, Clone, Serialize)]
pub struct SampleDoc {
    pub id: String,
    pub title: String,
    pub excerpt: String,
    pub source: String,
    pub published: String,
    pub label: Option<bool>,
}

/// The topic's figures: corpus size, the query's results, the samples and the estimates.
#[derive(Debug, Clone, Serialize)]
pub struct TopicFigures {
    pub documents: usize,
    /// The saved query no longer parses (it was saved by an older Sandpit, say).
    pub query_error: Option<String>,
    pub inside: Vec<SampleDoc>,
    pub outside: Vec<SampleDoc>,
    pub estimates: Option<Estimates>,
    /// Sampled documents not labelled yet.
    pub unlabelled: usize,
}

/// The draft's check: counts per platform and the rule packs' findings.
pub struct DraftCheck {
    pub check: Check,
    pub platforms: Vec<Platform>,
}

fn query_message(e: Error) -> Error {
    match e {
        Error::Query(q) => Error::invalid(format!("Your query, {q}")),
        other => other,
    }
}

/// The platforms a topic's draft is checked for.
pub fn draft_platforms(topic: &OwnTopic) -> Vec<Platform> {
    topic
        .draft_platforms
        .split(',')
        .filter_map(|p| p.trim().parse().ok())
        .collect()
}

/// Checks a draft as the composer does: each platform's count and the built-in rule packs.
pub fn check_draft(draft: &str, platforms: &[Platform]) -> Result<Check> {
    compose::check_with_builtin_packs(draft, platforms)
        .map_err(|e| Error::internal(anyhow::anyhow!("{e}")))
}

fn excerpt(doc: &Document) -> String {
    let text = doc.body.trim();
    let mut out: String = text.chars().take(EXCERPT_CHARS).collect();
    if text.chars().count() > EXCERPT_CHARS {
        out.push('…');
    }
    out
}

impl App {
    /// Starts a topic with an empty private corpus.
    pub async fn start_own_topic(
        &self,
        learner: &str,
        cohort_id: Option<&str>,
        title: &str,
    ) -> Result<OwnTopic> {
        let title = required_text(title, "a title for your topic", TITLE_MAX)?;
        let corpus = format!("{OWN_TOPIC_PREFIX}{}", crate::store::new_id());
        let seed = crate::store::new_id();
        // The corpus is recorded first with its own origin, so that no list of corpora shows
        // it, even before its first document.
        self.store
            .upsert_corpus(&corpus, &title, "", OWN_TOPIC_ORIGIN, "")
            .await?;
        self.store
            .create_own_topic(
                &NewTopic {
                    learner,
                    cohort_id,
                    title: &title,
                    corpus: &corpus,
                    sample_seed: &seed,
                },
                self.now(),
            )
            .await
    }

    /// The topic and what `reader` may do with it; a topic the reader may not see is "not
    /// found", as if it did not exist.
    pub async fn own_topic_for(&self, id: &str, reader: &Reader) -> Result<(OwnTopic, Access)> {
        let missing = || Error::not_found("There is no such topic, or it is not yours to see.");
        let topic = self.store.own_topic(id).await?.ok_or_else(missing)?;
        let access = match reader {
            Reader::Trainer => Access::Trainer,
            Reader::Learner { id, .. } if *id == topic.learner => Access::Owner,
            Reader::Learner {
                cohort_id: Some(cohort),
                ..
            } if topic.cohort_id.as_deref() == Some(cohort.as_str())
                && self.store.peer_review(cohort).await? =>
            {
                Access::Peer
            }
            Reader::Learner { .. } => return Err(missing()),
        };
        Ok((topic, access))
    }

    /// The topics a learner may review as a peer: their cohort's others', when the trainer
    /// allows peer review.
    pub async fn peer_topics(
        &self,
        learner: &str,
        cohort_id: Option<&str>,
    ) -> Result<Vec<OwnTopic>> {
        let Some(cohort) = cohort_id else {
            return Ok(Vec::new());
        };
        if !self.store.peer_review(cohort).await? {
            return Ok(Vec::new());
        }
        Ok(self
            .store
            .own_topics_of_cohort(cohort)
            .await?
            .into_iter()
            .filter(|t| t.learner != learner)
            .collect())
    }

    fn owner_only(access: Access) -> Result<()> {
        if access == Access::Owner {
            Ok(())
        } else {
            Err(Error::refused(
                "Only the learner changes their topic",
                "You can read this topic and comment on it; only the learner who started it adds material, changes the query, labels or drafts.",
            ))
        }
    }

    async fn room_for(&self, topic: &OwnTopic, adding: usize) -> Result<()> {
        let held = self.store.document_count(&topic.corpus).await?;
        if held + adding > MAX_TOPIC_DOCUMENTS {
            return Err(Error::invalid(format!(
                "A topic holds at most {MAX_TOPIC_DOCUMENTS} documents: it has {held}, and this would add up to {adding} more. Start another topic for other material."
            )));
        }
        Ok(())
    }

    async fn add_to_topic(
        &self,
        topic: &OwnTopic,
        documents: Vec<Document>,
        notes: Vec<String>,
    ) -> Result<ImportSummary> {
        self.room_for(topic, documents.len()).await?;
        let summary = self
            .import_documents(&topic.corpus, documents, Vec::new(), notes)
            .await?;
        self.store
            .set_own_topic_query(&topic.id, &topic.query, self.now())
            .await?;
        Ok(summary)
    }

    /// Deletes the learner's topic: its private corpus (from the database, then the index, as
    /// `sandpit corpus delete` does), then the topic with its labels, draft and comments. Only
    /// the learner who started it may. Safe to repeat after a failure part way.
    pub async fn delete_own_topic(&self, topic: &OwnTopic, access: Access) -> Result<()> {
        Self::owner_only(access)?;
        match self.delete_corpus(&topic.corpus, true).await {
            Ok(_) | Err(Error::NotFound(_)) => {}
            Err(e) => return Err(e),
        }
        self.store.delete_own_topic(&topic.id).await?;
        Ok(())
    }

    /// Fetches a feed once into the topic's corpus, through the fetcher's guards (no private
    /// addresses unless the server allows them, size and time limits, redirects checked) and
    /// the feed parser that live feeds use.
    pub async fn add_feed_to_topic(
        &self,
        topic: &OwnTopic,
        access: Access,
        url: &str,
    ) -> Result<ImportSummary> {
        Self::owner_only(access)?;
        let url = url.trim();
        match url::Url::parse(url) {
            Ok(u) if matches!(u.scheme(), "http" | "https") => {}
            _ => {
                return Err(Error::invalid(format!(
                    "{url:?} is not a web address: give the feed's full address, starting with https://"
                )));
            }
        }
        let fetcher = Fetcher::new(FetchOptions::from_config(&self.config))?;
        let body = match fetcher.fetch_feed(url, &Validators::default()).await {
            Ok(Fetched::Body(body)) => body,
            Ok(Fetched::NotModified) => {
                return Err(Error::invalid(format!(
                    "{url}: the site answered \"not modified\" to a first request: try again later"
                )));
            }
            Err(e) => return Err(Error::invalid(format!("{url}: {e}"))),
        };
        let now = self.now();
        let charset = body.charset();
        let origin = url.to_string();
        let parsed = tokio::task::spawn_blocking(move || {
            feed::parse_with_charset(
                &body.bytes,
                charset.as_deref(),
                &FeedOrigin {
                    origin: &origin,
                    source: None,
                    now,
                    key: FeedKey::Url(&origin),
                },
            )
        })
        .await
        .map_err(Error::internal)?;
        if parsed.documents.is_empty() {
            let why = parsed
                .problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_else(|| format!("{url}: the feed has no items"));
            return Err(Error::invalid(why));
        }
        let mut notes = parsed.notes;
        notes.extend(parsed.problems.iter().map(ToString::to_string));
        self.add_to_topic(topic, parsed.documents, notes).await
    }

    /// Adds posts pasted or uploaded (plain text, posts separated by blank lines, or corpus
    /// JSONL). Nothing is added unless every post is good: each problem names its line.
    pub async fn add_posts_to_topic(
        &self,
        topic: &OwnTopic,
        access: Access,
        text: &str,
        origin: &str,
    ) -> Result<ImportSummary> {
        Self::owner_only(access)?;
        let parsed = pasted::parse(text, origin, self.now());
        if !parsed.problems.is_empty() {
            let lines: Vec<String> = parsed.problems.iter().map(ToString::to_string).collect();
            return Err(Error::invalid(format!(
                "Nothing was added: {}",
                lines.join("; ")
            )));
        }
        if parsed.documents.is_empty() {
            return Err(Error::invalid(format!(
                "{origin}: no posts found. Paste posts separated by blank lines, or corpus JSONL."
            )));
        }
        self.add_to_topic(topic, parsed.documents, parsed.notes)
            .await
    }

    /// Saves the topic's query once it parses (an error names its column).
    pub async fn set_topic_query(
        &self,
        topic: &OwnTopic,
        access: Access,
        query: &str,
    ) -> Result<()> {
        Self::owner_only(access)?;
        let query = required_text(query, "a query", QUERY_MAX)?;
        crate::query::parse(&query).map_err(|e| query_message(e.into()))?;
        self.store
            .set_own_topic_query(&topic.id, &query, self.now())
            .await
    }

    /// Counts, samples and estimates for the topic as it stands.
    pub async fn topic_figures(&self, topic: &OwnTopic) -> Result<TopicFigures> {
        let corpus = topic.corpus.clone();
        let all = {
            let c = corpus.clone();
            self.on_index(move |index| index.all_ids(&c)).await?
        };
        let mut figures = TopicFigures {
            documents: all.len(),
            query_error: None,
            inside: Vec::new(),
            outside: Vec::new(),
            estimates: None,
            unlabelled: 0,
        };
        if topic.query.is_empty() || all.is_empty() {
            return Ok(figures);
        }
        let found = match self.matching_ids(&corpus, &topic.query).await {
            Ok(ids) => ids,
            Err(e @ Error::Query(_)) => {
                figures.query_error = Some(query_message(e).to_string());
                return Ok(figures);
            }
            Err(e) => return Err(e),
        };
        let found: std::collections::HashSet<String> = found.into_iter().collect();
        let outside_ids = all.iter().filter(|id| !found.contains(*id));
        let inside_sample = estimate::sample(
            &topic.sample_seed,
            found.iter().map(String::as_str),
            SAMPLE_SIZE,
        );
        let outside_sample = estimate::sample(
            &topic.sample_seed,
            outside_ids.map(String::as_str),
            SAMPLE_SIZE,
        );
        let labels: std::collections::HashMap<String, bool> = self
            .store
            .own_topic_labels(&topic.id)
            .await?
            .into_iter()
            .collect();
        let label_of = |ids: &[String]| -> Vec<Option<bool>> {
            ids.iter().map(|id| labels.get(id).copied()).collect()
        };
        let inside_labels = label_of(&inside_sample);
        let outside_labels = label_of(&outside_sample);
        figures.estimates = Some(estimate::estimates(
            found.len(),
            all.len() - found.len(),
            &inside_labels,
            &outside_labels,
        ));
        figures.unlabelled = inside_labels
            .iter()
            .chain(&outside_labels)
            .filter(|l| l.is_none())
            .count();
        let docs = {
            let ids: Vec<String> = inside_sample
                .iter()
                .chain(&outside_sample)
                .cloned()
                .collect();
            self.on_index(move |index| {
                ids.iter()
                    .map(|id| index.document(&corpus, id))
                    .collect::<Result<Vec<_>>>()
            })
            .await?
        };
        let mut docs = docs.into_iter();
        let mut take = |ids: &[String], labels: &[Option<bool>]| -> Vec<SampleDoc> {
            ids.iter()
                .zip(labels)
                .zip(docs.by_ref())
                .filter_map(|((id, label), doc)| {
                    let doc = doc?;
                    Some(SampleDoc {
                        id: id.clone(),
                        title: doc.title.clone(),
                        excerpt: excerpt(&doc),
                        source: doc.source_name.clone(),
                        published: doc.published.format("%-d %b %Y").to_string(),
                        label: *label,
                    })
                })
                .collect()
        };
        figures.inside = take(&inside_sample, &inside_labels);
        figures.outside = take(&outside_sample, &outside_labels);
        Ok(figures)
    }

    /// Saves labels of sampled documents. Only documents in the current samples are taken: a
    /// label of anything else would not come from a random sample.
    pub async fn label_topic(
        &self,
        topic: &OwnTopic,
        access: Access,
        labels: &[(String, bool)],
    ) -> Result<usize> {
        Self::owner_only(access)?;
        let figures = self.topic_figures(topic).await?;
        let sampled: std::collections::HashSet<&str> = figures
            .inside
            .iter()
            .chain(&figures.outside)
            .map(|d| d.id.as_str())
            .collect();
        if let Some((id, _)) = labels.iter().find(|(id, _)| !sampled.contains(id.as_str())) {
            return Err(Error::invalid(format!(
                "Document {id:?} is not in the sample any more (the query or the corpus changed): open the labelling page again"
            )));
        }
        self.store
            .label_own_topic(&topic.id, labels, self.now())
            .await?;
        Ok(labels.len())
    }

    /// Saves the draft for a real announcement and checks it.
    pub async fn save_topic_draft(
        &self,
        topic: &OwnTopic,
        access: Access,
        announcement: &str,
        date: &str,
        draft: &str,
        platforms: &[String],
    ) -> Result<()> {
        Self::owner_only(access)?;
        let announcement =
            required_text(announcement, "what the announcement is", ANNOUNCEMENT_MAX)?;
        let date = date.trim();
        if !date.is_empty() {
            let day = NaiveDate::parse_from_str(date, "%Y-%m-%d").map_err(|_| {
                Error::invalid(format!(
                    "The announcement date {date:?} is not a date: write it as 2026-04-30"
                ))
            })?;
            if day < self.now().date_naive() {
                return Err(Error::invalid(format!(
                    "The announcement date {date} has passed: choose an upcoming announcement, or leave the date empty"
                )));
            }
        }
        let draft = required_text(
            draft,
            "your draft post",
            crate::ingest::pasted::MAX_POST_CHARS,
        )?;
        let mut chosen: Vec<Platform> = Vec::new();
        for p in platforms {
            let platform: Platform = p
                .parse()
                .map_err(|e: compose::UnknownPlatform| Error::invalid(e.to_string()))?;
            if !chosen.contains(&platform) {
                chosen.push(platform);
            }
        }
        if chosen.is_empty() {
            return Err(Error::invalid(
                "Choose at least one platform to check the draft for",
            ));
        }
        let ids: Vec<&str> = chosen.iter().map(|p| p.id()).collect();
        self.store
            .set_own_topic_draft(
                &topic.id,
                &announcement,
                date,
                &draft,
                &ids.join(","),
                self.now(),
            )
            .await
    }

    /// The saved draft's check, if there is a draft.
    pub fn topic_draft_check(&self, topic: &OwnTopic) -> Result<Option<DraftCheck>> {
        let platforms = draft_platforms(topic);
        if topic.draft.is_empty() || platforms.is_empty() {
            return Ok(None);
        }
        Ok(Some(DraftCheck {
            check: check_draft(&topic.draft, &platforms)?,
            platforms,
        }))
    }

    /// A comment by the trainer, a peer, or the learner replying.
    pub async fn comment_on_topic(
        &self,
        topic: &OwnTopic,
        access: Access,
        reader: &Reader,
        body: &str,
    ) -> Result<()> {
        let body = required_text(body, "a comment", COMMENT_MAX)?;
        let (role, id, name) = match (access, reader) {
            (Access::Trainer, _) | (_, Reader::Trainer) => ("trainer", "trainer", "Your trainer"),
            (Access::Owner, Reader::Learner { id, name, .. }) => {
                ("learner", id.as_str(), name.as_str())
            }
            (Access::Peer, Reader::Learner { id, name, .. }) => {
                ("peer", id.as_str(), name.as_str())
            }
        };
        self.store
            .add_topic_comment(&topic.id, role, id, name, &body, self.now())
            .await
    }

    pub async fn topic_comments(&self, topic: &OwnTopic) -> Result<Vec<TopicComment>> {
        self.store.topic_comments(&topic.id).await
    }
}

/// When a topic was last changed, for lists.
pub fn updated(topic: &OwnTopic) -> String {
    DateTime::parse_from_rfc3339(&topic.updated_at)
        .map(|d| d.with_timezone(&Utc).format("%-d %b %Y").to_string())
        .unwrap_or_default()
}
