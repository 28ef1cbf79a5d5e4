//! Scenarios a trainer uploads (issue 18; docs/design.md, "Uploaded scenarios"). The file is
//! checked exactly as `sandpit scenarios validate` checks it, within limits that keep a shared
//! server safe, and stored in the database (`store::scenarios`) with its SHA-256. The database is
//! the truth: any node builds the scenario and its stream from the stored TOML (the stream is
//! generated from the file, so every node builds the same one), loads the stream corpus
//! `drill-<id>` as it loads a shipped scenario's, and keeps what it built in memory keyed by the
//! file's hash, so a replaced file is never served from that memory.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use sha2::{Digest, Sha256};

use super::{Playable, Uploaded, builtin, corpus_of, playable, playable_scenario};
use crate::app::App;
use crate::app::shipped::Builtin;
use crate::catalog::scenarios;
use crate::error::{Error, Result};
use crate::store::scenarios::{DrillOfScenario, Removed, Saved, UploadedScenario};

/// The largest scenario file a trainer may upload.
pub const MAX_SCENARIO_BYTES: usize = 1024 * 1024;
/// The most posts an uploaded scenario's stream may release (replay, injects and waves).
pub const MAX_UPLOADED_POSTS: usize = 50_000;

/// What an upload did.
#[derive(Debug, Clone)]
pub struct ScenarioUploaded {
    pub id: String,
    pub title: String,
    pub minutes: u32,
    pub posts: usize,
    /// An uploaded scenario of this id (no drill played it) was replaced.
    pub replaced: bool,
}

/// Built scenarios by the SHA-256 of their file: the same bytes always build the same scenario.
fn built() -> std::sync::MutexGuard<'static, HashMap<String, Arc<Playable>>> {
    static BUILT: OnceLock<Mutex<HashMap<String, Arc<Playable>>>> = OnceLock::new();
    BUILT
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner())
}

/// Scenarios kept built at most; past it the memory starts again.
const MAX_BUILT: usize = 64;

fn keep(hash: &str, p: Arc<Playable>) {
    let mut kept = built();
    if kept.len() >= MAX_BUILT {
        kept.clear();
    }
    kept.insert(hash.to_string(), p);
}

/// A count with thousands separated: `50,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Checks a scenario file and lays out its stream: the problems, each with its line and
/// column, when there are any. CPU work: run it off the async threads.
fn check(
    file_name: &str,
    text: &str,
    uploaded: Uploaded,
) -> std::result::Result<Playable, Vec<String>> {
    let mut loaded = scenarios::from_text(file_name, text);
    if !loaded.problems.is_empty() {
        return Err(loaded.problems.iter().map(ToString::to_string).collect());
    }
    let Some(scenario) = loaded.scenarios.pop() else {
        return Err(vec![format!("{file_name}: holds no scenario")]);
    };
    let playable = Playable::with_origin(scenario, Some(uploaded));
    let posts = playable.stream.len();
    if posts > MAX_UPLOADED_POSTS {
        return Err(vec![format!(
            "{file_name}: the stream releases {} posts (replay, posts and waves together); \
             an uploaded scenario may release at most {}: lower the waves' `posts` or replay a \
             shorter stretch of the corpus",
            thousands(posts),
            thousands(MAX_UPLOADED_POSTS)
        )]);
    }
    Ok(playable)
}

/// Builds a stored scenario (or finds it built).
async fn build(row: UploadedScenario) -> Result<Arc<Playable>> {
    if let Some(p) = built().get(&row.content_hash) {
        return Ok(p.clone());
    }
    let hash = row.content_hash.clone();
    let id = row.id.clone();
    let made = tokio::task::spawn_blocking(move || {
        let uploaded = Uploaded {
            by: row.uploaded_by.clone(),
            at: row.uploaded_at.clone(),
            hash: row.content_hash.clone(),
            file_name: row.file_name.clone(),
        };
        check(
            &format!("uploaded scenario {}", row.id),
            &row.toml,
            uploaded,
        )
    })
    .await
    .map_err(|e| Error::internal(anyhow::anyhow!("building a scenario failed: {e}")))?;
    match made {
        Ok(p) => {
            let p = Arc::new(p);
            keep(&hash, p.clone());
            Ok(p)
        }
        // Stored after the same check: only a version of Sandpit that checks differently (or
        // ships a different corpus to replay) gets here.
        Err(problems) => Err(Error::invalid(format!(
            "the uploaded scenario {id:?} does not load in this version of Sandpit: {}; upload it \
             again under a new id once it is mended",
            problems.join("; ")
        ))),
    }
}

/// How a refusal names the drills that play a scenario.
fn drills_named(drills: &[DrillOfScenario]) -> String {
    drills
        .iter()
        .map(|d| {
            format!(
                "“{}” (made {})",
                d.title,
                d.created_at.get(..16).unwrap_or_default().replace('T', " ")
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The line of `id = ` in a file, for a problem about the id.
fn id_line(text: &str) -> String {
    crate::catalog::exercises::line_of(text, "id")
        .map(|l| format!(":{l}"))
        .unwrap_or_default()
}

/// The corpus named `name` when it is the stream of a shipped or uploaded scenario.
pub(in crate::app) async fn stream_corpus(app: &App, name: &str) -> Result<Option<Builtin>> {
    let Some(id) = name.strip_prefix(super::CORPUS_PREFIX) else {
        return Ok(None);
    };
    Ok(app.playable_of(id).await?.map(|p| builtin(&p)))
}

impl App {
    /// A scenario to play, by id: a shipped one, else one a trainer uploaded (built from the
    /// database, or found built when its file has not changed).
    pub async fn playable_of(&self, id: &str) -> Result<Option<Arc<Playable>>> {
        if let Some(p) = playable_scenario(id) {
            return Ok(Some(p));
        }
        let Some(hash) = self.store.uploaded_scenario_hash(id).await? else {
            return Ok(None);
        };
        if let Some(p) = built().get(&hash) {
            return Ok(Some(p.clone()));
        }
        match self.store.uploaded_scenario(id).await? {
            Some(row) => build(row).await.map(Some),
            None => Ok(None),
        }
    }

    /// Every scenario a drill can be made of: the shipped ones, then the uploaded ones (one that
    /// no longer loads is left out, with a warning in the log).
    pub async fn playable_scenarios(&self) -> Result<Vec<Arc<Playable>>> {
        let mut out: Vec<Arc<Playable>> = playable().to_vec();
        for row in self.store.uploaded_scenarios().await? {
            if out.iter().any(|p| p.scenario.id == row.id) {
                // A newer Sandpit ships a scenario of this id: the shipped one is played.
                continue;
            }
            let id = row.id.clone();
            match build(row).await {
                Ok(p) => out.push(p),
                Err(e) => tracing::warn!(scenario = id, "uploaded scenario not playable: {e}"),
            }
        }
        Ok(out)
    }

    /// Checks and stores a scenario file a trainer uploaded (`by`: `trainer` or `local`). The
    /// problems, each with its line and column, when it is refused; nothing is stored then.
    pub async fn upload_scenario(
        &self,
        file_name: &str,
        bytes: Vec<u8>,
        by: &str,
    ) -> Result<std::result::Result<ScenarioUploaded, Vec<String>>> {
        if bytes.len() > MAX_SCENARIO_BYTES {
            return Ok(Err(vec![format!(
                "{file_name}: the file is {} KB; a scenario file may be at most 1 MB ({} bytes)",
                thousands(bytes.len().div_ceil(1024)),
                thousands(MAX_SCENARIO_BYTES)
            )]));
        }
        let Ok(text) = String::from_utf8(bytes) else {
            return Ok(Err(vec![format!(
                "{file_name}: is not UTF-8 text: save the scenario as UTF-8 and upload it again"
            )]));
        };
        let uploaded = Uploaded {
            by: by.to_string(),
            at: crate::store::stamp(self.now()),
            hash: sha256_hex(&text),
            file_name: file_name.to_string(),
        };
        let checked = {
            let (file_name, text, uploaded) =
                (file_name.to_string(), text.clone(), uploaded.clone());
            tokio::task::spawn_blocking(move || check(&file_name, &text, uploaded))
                .await
                .map_err(|e| Error::internal(anyhow::anyhow!("checking a scenario failed: {e}")))?
        };
        let playable = match checked {
            Ok(p) => p,
            Err(problems) => return Ok(Err(problems)),
        };
        let s = &playable.scenario;
        if let Some(shipped) = playable_scenario(&s.id) {
            return Ok(Err(vec![format!(
                "{file_name}{}: id {:?} is the id of a scenario that comes with Sandpit (“{}”): \
                 give yours an id of its own",
                id_line(&text),
                s.id,
                shipped.scenario.title
            )]));
        }
        let row = UploadedScenario {
            id: s.id.clone(),
            title: s.title.clone(),
            file_name: file_name.to_string(),
            toml: text.clone(),
            content_hash: uploaded.hash.clone(),
            uploaded_by: uploaded.by.clone(),
            uploaded_at: uploaded.at.clone(),
        };
        let replaced = match self.store.save_uploaded_scenario(&row).await? {
            Saved::Added => false,
            Saved::Replaced => true,
            Saved::InUse(drills) => {
                return Ok(Err(vec![format!(
                    "{file_name}{}: the scenario {:?} cannot be replaced: drills have been made of \
                     it ({}), and a drill and its review keep the scenario they were played with. \
                     Upload your changed file under a new id (change `id = ` at the top).",
                    id_line(&text),
                    s.id,
                    drills_named(&drills)
                )]));
            }
        };
        let done = ScenarioUploaded {
            id: s.id.clone(),
            title: s.title.clone(),
            minutes: s.minutes,
            posts: playable.stream.len(),
            replaced,
        };
        keep(&uploaded.hash, Arc::new(playable));
        Ok(Ok(done))
    }

    /// Deletes an uploaded scenario no drill plays, with its stream corpus if one was loaded.
    pub async fn delete_uploaded_scenario(&self, id: &str) -> Result<()> {
        if playable_scenario(id).is_some() {
            return Err(Error::invalid(format!(
                "the scenario {id:?} comes with Sandpit and cannot be deleted"
            )));
        }
        match self.store.delete_uploaded_scenario(id).await? {
            Removed::Deleted => {}
            Removed::NotFound => {
                return Err(Error::not_found(format!("no uploaded scenario {id:?}")));
            }
            Removed::InUse(drills) => {
                return Err(Error::invalid(format!(
                    "the scenario {id:?} cannot be deleted: drills have been made of it ({}), and \
                     their reviews need it",
                    drills_named(&drills)
                )));
            }
        }
        // Its stream, if a drill was ever made of it (of a class since deleted): gone from the
        // database, so every node drops it from its index at its next sync.
        let corpus = corpus_of(id);
        if self.store.corpus(&corpus).await?.is_some() {
            self.store.delete_corpus(&corpus).await?;
            let name = corpus.clone();
            match self.on_index(move |index| index.delete_corpus(&name)).await {
                Ok(()) | Err(Error::Busy(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_hash_is_sha256_in_hex() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn counts_have_their_thousands_separated() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(50_000), "50,000");
        assert_eq!(thousands(1_048_576), "1,048,576");
    }
}
