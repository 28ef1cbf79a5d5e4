//! The classroom's ways in: a trainee joining a class with its code and a name (and, to come
//! back as a name already in the class, that name's rejoin word), and the trainer signing in
//! with the secret key or the password. Every try is counted by the `Limiter` (`app::limiter`):
//! wrong codes far from every class code, wrong keys and wrong rejoin words are guesses and can
//! hold an address; typos of a real code never do, so a room behind one address is not shut out
//! and a class code still cannot be guessed. The pages get the same answers from here.

use std::net::IpAddr;

use super::App;
pub use super::limiter::{
    Hold, Key, LIMIT_WINDOW, Limiter, MAX_FAILURES, MAX_NAME_GUESSES, MAX_SIGN_INS, MAX_TRIES,
    MAX_WORD_GUESSES, near_miss, tidy_code,
};
use crate::error::{FieldError, Result};
use crate::store::classroom::{
    CODE_LENGTH, SessionOwner, Trainee, normalise_code, normalise_name, normalise_rejoin_word,
};

/// A session lasts a long training day, so nobody is signed out mid-class.
pub const SESSION_HOURS: i64 = 16;

/// What a trainee typed on the join page.
#[derive(Debug, Clone, Copy)]
pub struct JoinForm<'a> {
    pub code: &'a str,
    pub name: &'a str,
    /// The rejoin word, when they gave one: needed to come back as a name already in the class.
    pub rejoin_word: &'a str,
}

/// Why a way in was refused.
#[derive(Debug)]
pub enum Refused {
    /// The address has tried too often: wait this many seconds.
    Wait(u64),
    /// What is wrong, field by field.
    Fields(Vec<FieldError>),
}

impl App {
    /// A trainee joins a class from `ip`: a new name joins (if the class is open); a name
    /// already in the class comes back as that trainee only with its rejoin word (even when the
    /// class is closed to new joins), or from the browser that trainee is signed in on. A session
    /// that was on this browser (another person's, on a shared Chromebook) ends. Returns the new
    /// session's token, or why not.
    pub async fn join_class(
        &self,
        form: JoinForm<'_>,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        let door = Key::Join(ip);
        if let Err(wait) = self.limiter.try_once(&door).await? {
            return Ok(Err(Refused::Wait(wait)));
        }
        let field = |field: &'static str, message: String| FieldError { field, message };
        let mut errors = Vec::new();
        let class = if form.code.trim().is_empty() {
            errors.push(field("code", "Enter the class code".into()));
            None
        } else {
            let class = match normalise_code(form.code) {
                Some(code) => self.store.class_by_code(&code).await?,
                None => None,
            };
            if class.is_none() {
                // A slip of a real code is the room's typo: shown to the trainer, never held
                // against the address. Anything else is a guess.
                let typed = tidy_code(form.code);
                let codes = self.store.class_codes().await?;
                if codes.iter().any(|c| near_miss(&typed, c)) {
                    self.limiter.typo(&door).await?;
                } else {
                    self.limiter.guessed(&door).await?;
                }
                errors.push(field(
                    "code",
                    if normalise_code(form.code).is_none() {
                        format!(
                            "The class code is {CODE_LENGTH} letters and numbers, as the trainer \
                             shows it. Check it with your trainer"
                        )
                    } else {
                        "There is no class with that code. Check it with your trainer".into()
                    },
                ));
            }
            class
        };
        let name = match normalise_name(form.name) {
            Ok(n) => Some(n),
            Err(e) => {
                errors.push(field("name", e.to_string()));
                None
            }
        };
        let (Some(class), Some((name, key)), true) = (class, name, errors.is_empty()) else {
            return Ok(Err(Refused::Fields(errors)));
        };

        let trainee = match self.store.trainee_by_name(&class.id, &key).await? {
            None if !class.open => {
                return Ok(Err(Refused::Fields(vec![field(
                    "code",
                    "This class is closed to new joins. If you joined it earlier, type your name \
                     as you did then. Otherwise ask your trainer to open it"
                        .into(),
                )])));
            }
            None => match self.store.add_trainee(&class.id, &name, &key).await? {
                Some(t) => t,
                // Someone of that name joined a moment ago: they are not this person.
                None => return Ok(Err(Refused::Fields(vec![name_taken(&name)]))),
            },
            Some((trainee, word)) => {
                match self
                    .may_rejoin(&trainee, &word, form.rejoin_word, ip, replacing)
                    .await?
                {
                    Ok(()) => trainee,
                    Err(refused) => return Ok(Err(refused)),
                }
            }
        };
        self.start_session(SessionOwner::Trainee(trainee), replacing)
            .await
            .map(Ok)
    }

    /// Whether this person may come back as `trainee`, a name already in the class: from the
    /// browser that trainee is signed in on, or with the name's rejoin word. Wrong words are
    /// guesses, counted for the name and (unless a slip of the right word) for the address.
    async fn may_rejoin(
        &self,
        trainee: &Trainee,
        word: &str,
        typed: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<(), Refused>> {
        if let Some(token) = replacing
            && let Some(SessionOwner::Trainee(current)) = self.store.session(token).await?
            && current.id == trainee.id
        {
            return Ok(Ok(()));
        }
        let typed = normalise_rejoin_word(typed);
        if typed.is_empty() {
            return Ok(Err(Refused::Fields(vec![name_taken(&trainee.name)])));
        }
        let by_name = Key::Name(trainee.id.clone());
        let by_address = Key::Words(ip);
        if self.limiter.check(&by_name).await?.is_err()
            || self.limiter.check(&by_address).await?.is_err()
        {
            return Ok(Err(Refused::Fields(vec![FieldError {
                field: "rejoin",
                message: format!(
                    "Too many wrong rejoin words for {}. Ask your trainer: they can see your \
                     rejoin word",
                    trainee.name
                ),
            }])));
        }
        if !word.is_empty() && same_secret(&typed, word) {
            return Ok(Ok(()));
        }
        // Every wrong word counts against the name; against the address only a word far from
        // the name's own (a slip of one's own word is a typo, as with class codes).
        self.limiter.guessed(&by_name).await?;
        if near_miss(&typed, word) {
            self.limiter.typo(&by_address).await?;
        } else {
            self.limiter.guessed(&by_address).await?;
        }
        Ok(Err(Refused::Fields(vec![FieldError {
            field: "rejoin",
            message: format!(
                "That is not the rejoin word for {}. Check it on your class page or with your \
                 trainer. If you are someone else, add an initial to your name",
                trainee.name
            ),
        }])))
    }

    /// The trainer signs in with the secret key (or the configured password), from `ip`. Counted
    /// apart from the trainees' joins, so a room's wrong codes never keep the trainer out.
    pub async fn sign_in_trainer(
        &self,
        typed: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        let door = Key::SignIn(ip);
        if let Err(wait) = self.limiter.try_once(&door).await? {
            return Ok(Err(Refused::Wait(wait)));
        }
        let typed = typed.trim();
        let key = self.store.trainer_secret(false).await?;
        let by_password = self
            .config
            .trainer_password
            .as_deref()
            .is_some_and(|p| same_secret(typed, p));
        if !(same_secret(typed, &key) || by_password) {
            self.limiter.guessed(&door).await?;
            return Ok(Err(Refused::Fields(vec![FieldError {
                field: "secret",
                message: if typed.is_empty() {
                    "Enter the trainer key or password".into()
                } else {
                    "That is not the trainer key or password. Open the trainer link Sandpit printed when it started".into()
                },
            }])));
        }
        self.start_session(SessionOwner::Trainer, replacing)
            .await
            .map(Ok)
    }

    /// A new session for `owner`, ending the one this browser had.
    async fn start_session(&self, owner: SessionOwner, replacing: Option<&str>) -> Result<String> {
        if let Some(token) = replacing {
            self.store.delete_session(token).await?;
        }
        self.store.create_session(&owner, SESSION_HOURS).await
    }
}

/// The answer to a name already in the class, typed without its rejoin word.
fn name_taken(name: &str) -> FieldError {
    FieldError {
        field: "rejoin",
        message: format!(
            "Someone called {name} has already joined this class. If that is you, enter your \
             rejoin word (it is on your class page). If not, add an initial to your name"
        ),
    }
}

/// Compares secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }
}
