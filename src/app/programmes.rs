//! Programmes' accounts (issue 19, docs/programmes.md): cohorts and their learners, personal
//! sign-in links, passphrases and the sessions they open. A learner lasts for months, unlike a
//! class's trainee: they set a passphrase with their link on first use, and afterwards sign in
//! on any device with their name and passphrase (or their link and passphrase). Passphrases are
//! kept as Argon2id PHC strings; wrong ones are counted by the classroom's `Limiter`, per
//! learner and per address, so guessing is held as wrong rejoin words are.

use std::net::IpAddr;

use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};

use super::App;
use super::classroom::Refused;
use super::limiter::Key;
use super::roster::{RosterEntry, RosterProblem, parse_csv, parse_names};
use crate::error::{Error, FieldError, Result};
use crate::store::classroom::{SessionOwner, normalise_name};
use crate::store::programmes::{Cohort, LinkTarget, NewLearner, ProgrammeLearner};

/// A learner's session lasts a month: long enough that a weekly practice does not need a
/// sign-in each time, short enough that a forgotten shared computer does not stay open.
pub const LEARNER_SESSION_HOURS: i64 = 24 * 30;
/// The shortest passphrase, in characters, unless it has [`PASSPHRASE_WORDS`] words.
pub const PASSPHRASE_CHARS: usize = 12;
/// Words that make a passphrase long enough whatever its length in characters.
pub const PASSPHRASE_WORDS: usize = 4;
/// The longest passphrase taken: hashing is costly, and no one types more.
pub const PASSPHRASE_MAX: usize = 200;
/// The longest cohort title.
pub const COHORT_TITLE_MAX: usize = 80;
/// At most this many learners of one name are tried when signing in by name (one per cohort
/// they are in): each try is an Argon2 hash.
const SAME_NAME_MAX: usize = 5;

/// Where a sign-in link leads.
#[derive(Debug, Clone)]
pub enum LinkState {
    /// Not a link Sandpit issued.
    Unknown,
    /// A newer link replaced it.
    Replaced,
    /// Not used yet: the learner chooses a passphrase (a new one, if they had one).
    SetPassphrase(LinkTarget),
    /// Used already: the learner signs in with their passphrase.
    SignIn(LinkTarget),
}

/// The Argon2id hash of a passphrase as a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`): the
/// crate's defaults, which are OWASP's recommendation for Argon2id.
pub fn hash_passphrase(passphrase: &str) -> Result<String> {
    let salt_bytes: [u8; 16] = rand::random();
    let salt = SaltString::encode_b64(&salt_bytes).map_err(|e| Error::internal(hash_error(e)))?;
    Ok(Argon2::default()
        .hash_password(passphrase.as_bytes(), &salt)
        .map_err(|e| Error::internal(hash_error(e)))?
        .to_string())
}

/// True when `passphrase` matches the stored PHC string (false for a string that is not one).
pub fn verify_passphrase(passphrase: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(passphrase.as_bytes(), &parsed)
            .is_ok()
    })
}

fn hash_error(e: argon2::password_hash::Error) -> anyhow::Error {
    anyhow::anyhow!("passphrase hash: {e}")
}

/// Why a passphrase cannot be used, in the learner's words; None when it can.
pub fn passphrase_problem(passphrase: &str, confirm: &str, name: &str) -> Option<String> {
    let chars = passphrase.chars().count();
    let words = passphrase.split_whitespace().count();
    if passphrase.trim().is_empty() {
        return Some("Choose a passphrase".into());
    }
    if chars < PASSPHRASE_CHARS && words < PASSPHRASE_WORDS {
        return Some(format!(
            "Your passphrase must be at least {PASSPHRASE_CHARS} characters, or \
             {PASSPHRASE_WORDS} words. A few ordinary words you will remember work well"
        ));
    }
    if chars > PASSPHRASE_MAX {
        return Some(format!(
            "Your passphrase must be {PASSPHRASE_MAX} characters or fewer"
        ));
    }
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let own = letters(name);
    let typed = letters(passphrase);
    // The whole name, or any part of it of four letters or more, is the first thing a guesser
    // tries; and a passphrase that is almost only the name is no secret at all.
    let parts_in = name
        .split_whitespace()
        .map(letters)
        .filter(|p| p.chars().count() >= 4)
        .any(|p| typed.contains(&p));
    if !own.is_empty() && (typed.contains(&own) || parts_in) {
        return Some("Your passphrase must not contain your name".into());
    }
    if passphrase != confirm {
        return Some("The two passphrases are not the same: type it again in both boxes".into());
    }
    None
}

/// What the trainer gets back from adding learners.
pub enum Added {
    /// Every learner added, each with their link's token (shown once).
    Learners(Vec<(ProgrammeLearner, String)>),
    /// Nothing added: what is wrong, by line.
    Problems(Vec<RosterProblem>),
}

impl App {
    /// A new cohort; the title is required.
    pub async fn create_cohort(&self, title: &str) -> Result<Cohort> {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        if title.is_empty() {
            return Err(Error::invalid(
                "Give the cohort a title, such as \"Press office, spring\"",
            ));
        }
        if title.chars().count() > COHORT_TITLE_MAX {
            return Err(Error::invalid(format!(
                "The title must be {COHORT_TITLE_MAX} characters or fewer"
            )));
        }
        self.store.create_cohort(&title).await
    }

    /// Adds learners to a cohort from names typed one a line and/or a CSV file's text: all of
    /// them, or none when any line has a problem (a name twice, a name already in the cohort).
    pub async fn add_learners(
        &self,
        cohort_id: &str,
        names: &str,
        csv: Option<(&str, &str)>,
    ) -> Result<Added> {
        if self.store.cohort(cohort_id).await?.is_none() {
            return Err(Error::not_found("There is no such cohort"));
        }
        let mut entries: Vec<(String, RosterEntry)> = Vec::new();
        let mut problems: Vec<(String, RosterProblem)> = Vec::new();
        if !names.trim().is_empty() {
            match parse_names(names) {
                Ok(e) => entries.extend(e.into_iter().map(|e| ("names".to_string(), e))),
                Err(p) => problems.extend(p.into_iter().map(|p| ("names".to_string(), p))),
            }
        }
        if let Some((file, text)) = csv {
            match parse_csv(text) {
                Ok(e) => entries.extend(e.into_iter().map(|e| (file.to_string(), e))),
                Err(p) => problems.extend(p.into_iter().map(|p| (file.to_string(), p))),
            }
        }
        if entries.is_empty() && problems.is_empty() {
            problems.push((
                "names".into(),
                RosterProblem {
                    line: 1,
                    message: "no names: type one a line, or choose a CSV file".into(),
                },
            ));
        }
        let existing = self.store.cohort_name_keys(cohort_id).await?;
        let mut seen = std::collections::HashMap::new();
        for (source, e) in &entries {
            if existing.contains(&e.learner.name_key) {
                problems.push((
                    source.clone(),
                    RosterProblem {
                        line: e.line,
                        message: format!("{} is already in this cohort", e.learner.name),
                    },
                ));
            } else if let Some((s, l)) = seen.insert(e.learner.name_key.clone(), (source, e.line)) {
                problems.push((
                    source.clone(),
                    RosterProblem {
                        line: e.line,
                        message: format!("{} is also in {s}, line {l}", e.learner.name),
                    },
                ));
            }
        }
        if !problems.is_empty() {
            return Ok(Added::Problems(
                problems
                    .into_iter()
                    .map(|(source, p)| RosterProblem {
                        line: p.line,
                        message: if source == "names" {
                            format!("names, {p}")
                        } else {
                            format!("{source}, {p}")
                        },
                    })
                    .collect(),
            ));
        }
        let learners: Vec<NewLearner> = entries.into_iter().map(|(_, e)| e.learner).collect();
        match self.store.add_learners(cohort_id, &learners).await? {
            Some(added) => Ok(Added::Learners(added)),
            None => Ok(Added::Problems(vec![RosterProblem {
                line: 1,
                message: "someone added one of these names to the cohort a moment ago; nothing \
                          was added. Send the list again"
                    .into(),
            }])),
        }
    }

    /// A new link for a learner of a cohort: the earlier links stop working and the learner's
    /// sessions end. The new link lets them choose a new passphrase.
    pub async fn reissue_learner_link(
        &self,
        cohort_id: &str,
        learner_id: &str,
    ) -> Result<(ProgrammeLearner, String)> {
        let learner = self
            .store
            .programme_learner(cohort_id, learner_id)
            .await?
            .ok_or_else(|| Error::not_found("There is no such learner in this cohort"))?;
        let token = self.store.reissue_link(&learner.id).await?;
        Ok((learner, token))
    }

    /// Where a link's token leads.
    pub async fn link_state(&self, token: &str) -> Result<LinkState> {
        Ok(match self.store.link_target(token).await? {
            None => LinkState::Unknown,
            Some(t) if t.revoked => LinkState::Replaced,
            Some(t) if t.used => LinkState::SignIn(t),
            Some(t) => LinkState::SetPassphrase(t),
        })
    }

    /// The learner chooses a passphrase through their unused link, and is signed in.
    pub async fn set_learner_passphrase(
        &self,
        token: &str,
        passphrase: &str,
        confirm: &str,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        let LinkState::SetPassphrase(target) = self.link_state(token).await? else {
            return Ok(Err(fields(
                "passphrase",
                "This link has been used or replaced. Sign in with your passphrase, or ask your \
                 trainer for a new link",
            )));
        };
        if let Some(problem) = passphrase_problem(passphrase, confirm, &target.learner.name) {
            return Ok(Err(fields("passphrase", &problem)));
        }
        let owned = passphrase.to_string();
        let hash = tokio::task::spawn_blocking(move || hash_passphrase(&owned))
            .await
            .map_err(Error::internal)??;
        if !self.store.set_passphrase_by_link(token, &hash).await? {
            return Ok(Err(fields(
                "passphrase",
                "This link was used a moment ago. Sign in with your passphrase",
            )));
        }
        self.start_learner_session(target.learner, replacing)
            .await
            .map(Ok)
    }

    /// Signs a learner in with their used link and passphrase.
    pub async fn sign_in_learner_by_link(
        &self,
        token: &str,
        passphrase: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        let LinkState::SignIn(target) = self.link_state(token).await? else {
            return Ok(Err(fields(
                "passphrase",
                "This link cannot sign you in. Ask your trainer for a new link",
            )));
        };
        let hash = target.passphrase_hash.clone().unwrap_or_default();
        self.check_passphrase(vec![(target.learner, hash)], passphrase, ip, replacing)
            .await
    }

    /// Signs a learner in with their name and passphrase, from any device.
    pub async fn sign_in_learner(
        &self,
        name: &str,
        passphrase: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        let key = match normalise_name(name) {
            Ok((_, key)) => key,
            Err(e) => return Ok(Err(fields("name", &e.to_string()))),
        };
        if passphrase.is_empty() {
            return Ok(Err(fields("passphrase", "Enter your passphrase")));
        }
        let mut candidates = self.store.learners_named(&key).await?;
        candidates.truncate(SAME_NAME_MAX);
        self.check_passphrase(candidates, passphrase, ip, replacing)
            .await
    }

    /// The passphrase against each candidate's hash, under the limiter's holds: the address's
    /// tries, then wrong passphrases per learner and per address (the rejoin words' limits).
    async fn check_passphrase(
        &self,
        candidates: Vec<(ProgrammeLearner, String)>,
        passphrase: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        if let Err(wait) = self.limiter.try_once(&Key::SignIn(ip)).await? {
            return Ok(Err(Refused::Wait(wait)));
        }
        let by_address = Key::Words(ip);
        let keys: Vec<Key> = candidates.iter().map(|(l, _)| learner_key(&l.id)).collect();
        let mut held = self.limiter.check(&by_address).await?.is_err();
        for k in &keys {
            held = held || self.limiter.check(k).await?.is_err();
        }
        if held {
            return Ok(Err(fields(
                "passphrase",
                "Too many wrong passphrases. Wait ten minutes and try again, or ask your trainer \
                 for a new link",
            )));
        }
        if passphrase.chars().count() <= PASSPHRASE_MAX {
            let typed = passphrase.to_string();
            let found = tokio::task::spawn_blocking(move || {
                candidates
                    .into_iter()
                    .find(|(_, hash)| verify_passphrase(&typed, hash))
            })
            .await
            .map_err(Error::internal)?;
            if let Some((learner, _)) = found {
                return self.start_learner_session(learner, replacing).await.map(Ok);
            }
        }
        self.limiter.guessed(&by_address).await?;
        for k in &keys {
            self.limiter.guessed(k).await?;
        }
        Ok(Err(fields(
            "passphrase",
            "That name and passphrase do not match. Check both, or ask your trainer for a new link",
        )))
    }

    async fn start_learner_session(
        &self,
        learner: ProgrammeLearner,
        replacing: Option<&str>,
    ) -> Result<String> {
        if let Some(token) = replacing {
            self.store.delete_session(token).await?;
        }
        self.store.learner_seen(&learner.id).await?;
        self.store
            .create_session(&SessionOwner::Learner(learner), LEARNER_SESSION_HOURS)
            .await
    }
}

/// The limiter's key for wrong passphrases of one learner. The limiter's per-name count (made
/// for rejoin words) with a prefix, so a learner's id never meets a trainee's.
pub fn learner_key(learner_id: &str) -> Key {
    Key::Name(format!("learner-{learner_id}"))
}

fn fields(field: &'static str, message: &str) -> Refused {
    Refused::Fields(vec![FieldError {
        field,
        message: message.to_string(),
    }])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_rules() {
        let name = "Ana Silva";
        let ok = |p: &str| passphrase_problem(p, p, name);
        assert_eq!(ok("harbour lantern"), None, "12 characters or more");
        assert_eq!(ok("red fox sat up"), None, "4 words");
        assert!(ok("short one").is_some());
        assert!(ok("   ").is_some());
        assert!(ok("anasilva-1234").is_some(), "the name");
        assert!(ok("my friend silva 99").is_some(), "a part of the name");
        assert_eq!(
            ok("ana likes the sea"),
            None,
            "a name part under four letters is fine"
        );
        assert!(passphrase_problem("harbour lantern", "harbour lanterns", name).is_some());
        assert!(ok(&"x".repeat(PASSPHRASE_MAX + 1)).is_some());
    }

    #[test]
    fn hashes_are_argon2id_and_verify() {
        let h = hash_passphrase("harbour lantern").expect("hash");
        assert!(h.starts_with("$argon2id$v=19$"), "{h}");
        assert!(verify_passphrase("harbour lantern", &h));
        assert!(!verify_passphrase("harbour lanterns", &h));
        assert!(!verify_passphrase("harbour lantern", "not a hash"));
        assert_ne!(
            h,
            hash_passphrase("harbour lantern").expect("hash"),
            "salted"
        );
    }
}
