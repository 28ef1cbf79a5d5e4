//! The classroom's ways in: a trainee joining a class with its code and a name, and the trainer
//! signing in with the secret key or the password. Both are counted per address by a
//! `Limiter`, so a class code cannot be guessed and a room behind one address is not shut out;
//! the pages, and anything else that lets people in, get the same answers from here.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::App;
use crate::error::{Error, FieldError, Result};
use crate::store::classroom::{CODE_LENGTH, SessionOwner, Trainee, normalise_code, normalise_name};

/// A session lasts a long training day, so nobody is signed out mid-class.
pub const SESSION_HOURS: i64 = 16;

/// Counts joins and sign-ins per address. In memory on purpose: a rate limit that forgets on
/// restart costs nothing, and a database write per wrong guess would be the attacker's lever.
#[derive(Debug)]
pub struct Limiter {
    window: Duration,
    max_tries: usize,
    max_failures: usize,
    by_ip: Mutex<HashMap<IpAddr, Tries>>,
}

#[derive(Debug, Default)]
struct Tries {
    tries: VecDeque<Instant>,
    failures: VecDeque<Instant>,
}

/// How long the limiter remembers an address's tries.
pub const LIMIT_WINDOW: Duration = Duration::from_secs(600);
/// Wrong class codes, keys or passwords an address may send in the window.
pub const MAX_FAILURES: usize = 30;
/// Joins and sign-ins an address may make in the window.
pub const MAX_TRIES: usize = 300;

impl Default for Limiter {
    /// Generous enough for a room whose Chromebooks reach Sandpit through one shared address
    /// (a school network's NAT), tight enough that a class code (one of 31^6) is never guessed.
    fn default() -> Self {
        Limiter::new(LIMIT_WINDOW, MAX_TRIES, MAX_FAILURES)
    }
}

impl Limiter {
    pub fn new(window: Duration, max_tries: usize, max_failures: usize) -> Self {
        Limiter {
            window,
            max_tries,
            max_failures,
            by_ip: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a try; Err(seconds to wait) when the address has had too many.
    pub fn try_once(&self, ip: IpAddr) -> std::result::Result<(), u64> {
        let now = Instant::now();
        let mut map = match self.by_ip.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        if map.len() > 10_000 {
            // Bounded memory under a flood of addresses: forget the quiet ones.
            let window = self.window;
            map.retain(|_, t| {
                t.tries
                    .back()
                    .is_some_and(|at| now.duration_since(*at) < window)
            });
        }
        let entry = map.entry(ip).or_default();
        let window = self.window;
        let expired = |at: &Instant| now.duration_since(*at) >= window;
        while entry.tries.front().is_some_and(expired) {
            entry.tries.pop_front();
        }
        while entry.failures.front().is_some_and(expired) {
            entry.failures.pop_front();
        }
        let full = |q: &VecDeque<Instant>, max: usize| {
            (q.len() >= max).then(|| {
                q.front()
                    .map(|at| window.saturating_sub(now.duration_since(*at)))
            })
        };
        if let Some(wait) =
            full(&entry.failures, self.max_failures).or_else(|| full(&entry.tries, self.max_tries))
        {
            return Err(wait.unwrap_or(window).as_secs().max(1));
        }
        entry.tries.push_back(now);
        Ok(())
    }

    /// Counts a failed try (wrong code, wrong key or password).
    pub fn failed(&self, ip: IpAddr) {
        let mut map = match self.by_ip.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        };
        map.entry(ip)
            .or_default()
            .failures
            .push_back(Instant::now());
    }
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
    /// A trainee joins a class with its code and their name, from `ip`. A session that was on
    /// this browser (another person's, on a shared Chromebook) ends. Returns the new session's
    /// token, or why not.
    pub async fn join_class(
        &self,
        code: &str,
        name: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        if let Err(wait) = self.limiter.try_once(ip) {
            return Ok(Err(Refused::Wait(wait)));
        }
        let mut errors = Vec::new();
        if normalise_code(code).is_none() {
            self.limiter.failed(ip);
            errors.push(FieldError {
                field: "code",
                message: if code.trim().is_empty() {
                    "Enter the class code".into()
                } else {
                    format!(
                        "The class code is {CODE_LENGTH} letters and numbers, as the trainer shows it"
                    )
                },
            });
        }
        if let Err(e) = normalise_name(name) {
            errors.push(FieldError {
                field: "name",
                message: e.to_string(),
            });
        }
        if !errors.is_empty() {
            return Ok(Err(Refused::Fields(errors)));
        }
        let trainee: Trainee = match self.store.join_class(code, name).await {
            Ok(t) => t,
            Err(Error::Invalid(message)) => {
                self.limiter.failed(ip);
                return Ok(Err(Refused::Fields(vec![FieldError {
                    field: "code",
                    message,
                }])));
            }
            Err(e) => return Err(e),
        };
        self.start_session(SessionOwner::Trainee(trainee), replacing)
            .await
            .map(Ok)
    }

    /// The trainer signs in with the secret key (or the configured password), from `ip`.
    pub async fn sign_in_trainer(
        &self,
        typed: &str,
        ip: IpAddr,
        replacing: Option<&str>,
    ) -> Result<std::result::Result<String, Refused>> {
        if let Err(wait) = self.limiter.try_once(ip) {
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
            self.limiter.failed(ip);
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

/// Compares secrets in time that does not depend on where they differ.
pub fn same_secret(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limiter_counts_failures_and_tries_per_address() {
        let limiter = Limiter::new(Duration::from_secs(600), 5, 2);
        let a: IpAddr = "10.0.0.1".parse().expect("ip");
        let b: IpAddr = "10.0.0.2".parse().expect("ip");
        assert!(limiter.try_once(a).is_ok());
        limiter.failed(a);
        assert!(limiter.try_once(a).is_ok());
        limiter.failed(a);
        let wait = limiter.try_once(a).expect_err("two failures: wait");
        assert!(wait > 0 && wait <= 600);
        assert!(
            limiter.try_once(b).is_ok(),
            "another address is not held up"
        );
        for _ in 0..4 {
            assert!(limiter.try_once(b).is_ok());
        }
        assert!(limiter.try_once(b).is_err(), "five tries is the most");
        let quick = Limiter::new(Duration::from_millis(1), 1, 1);
        assert!(quick.try_once(a).is_ok());
        std::thread::sleep(Duration::from_millis(5));
        assert!(quick.try_once(a).is_ok(), "the window moves on");
    }

    #[test]
    fn secrets_compare_whole() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
        assert!(!same_secret("", "a"));
    }
}
