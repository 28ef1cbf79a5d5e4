//! Holds on the classroom's ways in. Each way in is counted per key (an address, or a trainee's
//! name for rejoin words) over a sliding window: every try, and every guess (a wrong class code
//! far from any real one, a wrong trainer key, a wrong rejoin word). Too many guesses, or too
//! many tries, and the key is held until enough of them age out of the window, or the trainer
//! clears it. Typos of a real class code are counted for the trainer to see, never held against
//! the room: see [`near_miss`] and `docs/classroom.md` ("Why a class code cannot be guessed").
//!
//! The counts live in the database (`store/limits.rs`, one small row per try, guess or typo), so
//! that every node behind a load balancer counts against the same limits: kept in each node's
//! memory, a guesser would get the allowance once per node, and a hold set on one node (or
//! cleared there by the trainer) would be unknown to the others. A row per try could be a lever
//! on the server; it is a short one: a try costs one small insert beside the reads that answer
//! it, a held key writes nothing more (its tries are refused before they are counted), so one
//! address writes at most MAX_TRIES joins and MAX_SIGN_INS sign-ins (with a guess or typo each,
//! two for a wrong rejoin word) per window, and rows that leave the window are deleted (each
//! node prunes once a minute). The rules (the window, the figures, what holds) are all here; the
//! store only counts. Two nodes checking the same key at the same moment may both let a try in
//! before either counts it, so a limit may be overshot by the tries in flight at once: a handful,
//! against allowances of tens.

use std::collections::BTreeMap;
use std::net::IpAddr;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

use crate::error::Result;
use crate::store::Store;
use crate::store::limits::{Counted, DoorCount};

/// How long the limiter remembers a try.
pub const LIMIT_WINDOW: Duration = Duration::from_secs(600);
/// Wrong class codes (far from every real code) an address may send in the window; the same for
/// wrong trainer keys or passwords.
pub const MAX_FAILURES: usize = 30;
/// Joins an address may make in the window: a room of 200 behind one address joining, leaving,
/// rejoining and mistyping, several times over.
pub const MAX_TRIES: usize = 1_200;
/// Trainer sign-ins an address may make in the window.
pub const MAX_SIGN_INS: usize = 300;
/// Wrong rejoin words (far from the name's own) an address may send in the window, whatever
/// the names.
pub const MAX_WORD_GUESSES: usize = 10;
/// Wrong rejoin words for one trainee's name in the window, from anywhere.
pub const MAX_NAME_GUESSES: usize = 5;

/// What a count is kept for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Key {
    /// Joining a class from an address: wrong codes are the guesses.
    Join(IpAddr),
    /// The trainer's sign-in from an address: wrong keys or passwords are the guesses.
    SignIn(IpAddr),
    /// Rejoin words sent from an address, for any name.
    Words(IpAddr),
    /// Rejoin words sent for one trainee (by id), from any address.
    Name(String),
}

impl Key {
    /// The key as a form sends it back: `join/10.0.0.5`, `name/<trainee id>`.
    pub fn to_text(&self) -> String {
        match self {
            Key::Join(ip) => format!("join/{ip}"),
            Key::SignIn(ip) => format!("sign-in/{ip}"),
            Key::Words(ip) => format!("words/{ip}"),
            Key::Name(id) => format!("name/{id}"),
        }
    }

    /// The key a form sent, or None when it is not one.
    pub fn from_text(text: &str) -> Option<Key> {
        let (kind, rest) = text.trim().split_once('/')?;
        let ip = || rest.parse::<IpAddr>().ok();
        match kind {
            "join" => ip().map(Key::Join),
            "sign-in" => ip().map(Key::SignIn),
            "words" => ip().map(Key::Words),
            "name" if !rest.is_empty() && rest.len() <= 64 => Some(Key::Name(rest.to_string())),
            _ => None,
        }
    }
}

/// The most tries and guesses a key may have in the window.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub tries: usize,
    pub guesses: usize,
}

/// The limits of each kind of key.
#[derive(Debug, Clone, Copy)]
pub struct Policy {
    pub window: Duration,
    pub join: Limits,
    pub sign_in: Limits,
    pub words: Limits,
    pub name: Limits,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            window: LIMIT_WINDOW,
            join: Limits {
                tries: MAX_TRIES,
                guesses: MAX_FAILURES,
            },
            sign_in: Limits {
                tries: MAX_SIGN_INS,
                guesses: MAX_FAILURES,
            },
            words: Limits {
                tries: usize::MAX,
                guesses: MAX_WORD_GUESSES,
            },
            name: Limits {
                tries: usize::MAX,
                guesses: MAX_NAME_GUESSES,
            },
        }
    }
}

impl Policy {
    fn limits(&self, key: &Key) -> Limits {
        match key {
            Key::Join(_) => self.join,
            Key::SignIn(_) => self.sign_in,
            Key::Words(_) => self.words,
            Key::Name(_) => self.name,
        }
    }
}

/// One key's counts, for the trainer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hold {
    pub key: Key,
    /// Guesses in the window (wrong codes far from every class code, wrong keys, wrong words).
    pub guesses: usize,
    /// Typos of a real class code in the window: shown, never held against the address.
    pub typos: usize,
    /// The most guesses before the key is held.
    pub max_guesses: usize,
    /// Held: seconds until it clears by itself. None: not held.
    pub held_for: Option<u64>,
    /// Seconds until the oldest guess or typo counted here is forgotten.
    pub forgotten_in: u64,
}

/// Milliseconds since 1970 by this node's clock: the time of every count. The nodes' clocks
/// agree to well within a second (NTP), far finer than a ten-minute window needs.
fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_millis()).unwrap_or(i64::MAX))
}

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// Seconds until a count that was made `age_ms` ago leaves the window (at least one).
fn seconds_left(window: Duration, age_ms: i64) -> u64 {
    let age = Duration::from_millis(u64::try_from(age_ms).unwrap_or(0));
    window.saturating_sub(age).as_secs().max(1)
}

/// How often a node deletes counts that have left the window.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

/// Counts tries and guesses per key, in the database (see the module's first lines).
pub struct Limiter {
    policy: Policy,
    store: Store,
    /// When this node last pruned old counts (milliseconds since 1970).
    pruned_at: AtomicI64,
}

impl Limiter {
    pub fn new(policy: Policy, store: Store) -> Self {
        Limiter {
            policy,
            store,
            pruned_at: AtomicI64::new(0),
        }
    }

    /// The limits of the default policy, counted in `store`.
    pub fn with_store(store: Store) -> Self {
        Limiter::new(Policy::default(), store)
    }

    fn since(&self, now: i64) -> i64 {
        now.saturating_sub(millis(self.policy.window))
    }

    /// Seconds until a count of `count` at `door` drops below `max`; None when it is below.
    async fn wait(
        &self,
        door: &str,
        kind: Counted,
        count: usize,
        max: usize,
        now: i64,
    ) -> Result<Option<u64>> {
        if count < max || max == 0 {
            return Ok(None);
        }
        let at = self
            .store
            .nth_newest_at_door(door, kind, self.since(now), max - 1)
            .await?;
        Ok(at.map(|at| seconds_left(self.policy.window, now - at)))
    }

    /// Some(seconds to wait) when the key is held now, given its counts.
    async fn held_for(
        &self,
        door: &str,
        key: &Key,
        counts: &[DoorCount],
        now: i64,
    ) -> Result<Option<u64>> {
        let limits = self.policy.limits(key);
        let count = |kind| {
            counts
                .iter()
                .find(|c| c.kind == kind)
                .map_or(0, |c| c.count)
        };
        if let Some(w) = self
            .wait(
                door,
                Counted::Guess,
                count(Counted::Guess),
                limits.guesses,
                now,
            )
            .await?
        {
            return Ok(Some(w));
        }
        self.wait(door, Counted::Try, count(Counted::Try), limits.tries, now)
            .await
    }

    /// Err(seconds to wait) when the key is held now.
    async fn held(&self, key: &Key, now: i64) -> Result<std::result::Result<(), u64>> {
        let door = key.to_text();
        let counts = self.store.door_counts(&door, self.since(now)).await?;
        Ok(match self.held_for(&door, key, &counts, now).await? {
            Some(w) => Err(w),
            None => Ok(()),
        })
    }

    /// Deletes the counts that have left the window, at most once a minute on each node.
    async fn prune(&self, now: i64) -> Result<()> {
        let last = self.pruned_at.load(Ordering::Relaxed);
        if now - last < millis(PRUNE_EVERY)
            || self
                .pruned_at
                .compare_exchange(last, now, Ordering::Relaxed, Ordering::Relaxed)
                .is_err()
        {
            return Ok(());
        }
        self.store.prune_door_counts(self.since(now)).await?;
        Ok(())
    }

    /// Counts a try; Err(seconds to wait) when the key is held, and then nothing is counted.
    pub async fn try_once(&self, key: &Key) -> Result<std::result::Result<(), u64>> {
        let now = now_ms();
        self.prune(now).await?;
        if let Err(wait) = self.held(key, now).await? {
            return Ok(Err(wait));
        }
        self.store
            .count_at_door(&key.to_text(), Counted::Try, now)
            .await?;
        Ok(Ok(()))
    }

    /// Err(seconds to wait) when the key is held; counts nothing.
    pub async fn check(&self, key: &Key) -> Result<std::result::Result<(), u64>> {
        self.held(key, now_ms()).await
    }

    /// Counts a guess: a wrong code far from every class code, a wrong key, a wrong word.
    pub async fn guessed(&self, key: &Key) -> Result<()> {
        self.store
            .count_at_door(&key.to_text(), Counted::Guess, now_ms())
            .await
    }

    /// Counts a typo of a real class code: for the trainer to see, never a reason to hold.
    pub async fn typo(&self, key: &Key) -> Result<()> {
        self.store
            .count_at_door(&key.to_text(), Counted::Typo, now_ms())
            .await
    }

    /// Forgets everything counted for a key; false when there was nothing.
    pub async fn clear(&self, key: &Key) -> Result<bool> {
        Ok(self.store.clear_door(&key.to_text()).await? > 0)
    }

    /// Every key with guesses or typos in the window, or held: held first, then by key.
    pub async fn holds(&self) -> Result<Vec<Hold>> {
        let now = now_ms();
        let window = self.policy.window;
        let mut by_door: BTreeMap<String, Vec<DoorCount>> = BTreeMap::new();
        for c in self.store.all_door_counts(self.since(now)).await? {
            by_door.entry(c.door.clone()).or_default().push(c);
        }
        let mut out = Vec::new();
        for (door, counts) in by_door {
            // A row no key reads back from (written by another version) is nobody's hold.
            let Some(key) = Key::from_text(&door) else {
                continue;
            };
            let limits = self.policy.limits(&key);
            let of = |kind| counts.iter().find(|c: &&DoorCount| c.kind == kind);
            let (guesses, typos) = (of(Counted::Guess), of(Counted::Typo));
            let held_for = self.held_for(&door, &key, &counts, now).await?;
            if guesses.is_none() && typos.is_none() && held_for.is_none() {
                continue;
            }
            let oldest = [guesses, typos]
                .into_iter()
                .flatten()
                .map(|c| c.oldest)
                .min()
                .unwrap_or(now);
            let age = Duration::from_millis(u64::try_from(now - oldest).unwrap_or(0));
            out.push(Hold {
                key,
                guesses: guesses.map_or(0, |c| c.count),
                typos: typos.map_or(0, |c| c.count),
                max_guesses: limits.guesses,
                held_for,
                forgotten_in: window.saturating_sub(age).as_secs(),
            });
        }
        out.sort_by(|a, b| {
            b.held_for
                .is_some()
                .cmp(&a.held_for.is_some())
                .then_with(|| a.key.cmp(&b.key))
        });
        Ok(out)
    }
}

/// The longest code-like text worth comparing with the class codes.
const TIDY_MAX: usize = 16;

/// A typed code the forgiving way codes are read (no spaces or dashes, upper case), for
/// comparing with the real codes; at most a few characters more than a code.
pub fn tidy_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .take(TIDY_MAX)
        .collect()
}

/// True when `typed` (tidied) is one slip away from `code`: one character wrong, missing or
/// extra, or two neighbours swapped. These are the typos people make reading a code off a
/// projector; a random guess is almost never one (see `docs/classroom.md`).
pub fn near_miss(typed: &str, code: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (typed.chars().collect(), code.chars().collect());
    if a == b {
        return false;
    }
    match a.len() as isize - b.len() as isize {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diff.as_slice() {
                [_] => true,
                [i, j] => *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i],
                _ => false,
            }
        }
        1 => one_extra(&a, &b),
        -1 => one_extra(&b, &a),
        _ => false,
    }
}

/// True when `long` is `short` with one character added somewhere.
fn one_extra(long: &[char], short: &[char]) -> bool {
    let first = long
        .iter()
        .zip(short)
        .position(|(x, y)| x != y)
        .unwrap_or(short.len());
    long[first + 1..] == short[first..]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The limiter with the database's answers unwrapped, so the tests read as the rules do.
    struct Counts(Limiter);

    impl Counts {
        async fn new(policy: Policy) -> Counts {
            let store = Store::in_memory().await.expect("store");
            Counts(Limiter::new(policy, store))
        }
        async fn try_once(&self, key: &Key) -> std::result::Result<(), u64> {
            self.0.try_once(key).await.expect("database")
        }
        async fn check(&self, key: &Key) -> std::result::Result<(), u64> {
            self.0.check(key).await.expect("database")
        }
        async fn guessed(&self, key: &Key) {
            self.0.guessed(key).await.expect("database")
        }
        async fn typo(&self, key: &Key) {
            self.0.typo(key).await.expect("database")
        }
        async fn clear(&self, key: &Key) -> bool {
            self.0.clear(key).await.expect("database")
        }
        async fn holds(&self) -> Vec<Hold> {
            self.0.holds().await.expect("database")
        }
    }

    fn policy(window: Duration, tries: usize, guesses: usize) -> Policy {
        let l = Limits { tries, guesses };
        Policy {
            window,
            join: l,
            sign_in: l,
            words: l,
            name: l,
        }
    }

    #[test]
    fn near_misses_are_the_slips_people_make() {
        let code = "K7P3QX";
        for typo in [
            "K7P3QY",  // one wrong
            "K7P3Q",   // one missing
            "7P3QX",   // the first missing
            "K7P3QXX", // one extra
            "AK7P3QX", // one extra at the start
            "K7PQ3X",  // neighbours swapped
            "7KP3QX",  // the first two swapped
        ] {
            assert!(near_miss(typo, code), "{typo}");
        }
        for far in [
            "K7P3QX",   // the code itself is no miss
            "ZZZZZZ",   // a guess
            "K7P3YY",   // two wrong
            "K7Q3PX",   // swapped, but not neighbours
            "K7P3",     // two missing
            "K7P3QXYZ", // two extra
            "", "XQ3P7K", // reversed
        ] {
            assert!(!near_miss(far, code), "{far}");
        }
        assert_eq!(tidy_code(" k7p-3qx "), "K7P3QX");
        assert_eq!(tidy_code(&"a".repeat(1000)).len(), TIDY_MAX);
    }

    #[tokio::test]
    async fn guesses_hold_a_key_and_typos_never_do() {
        let limiter = Counts::new(policy(Duration::from_secs(600), 100, 3)).await;
        let a = Key::Join("10.0.0.1".parse().expect("ip"));
        let b = Key::Join("10.0.0.2".parse().expect("ip"));
        for _ in 0..40 {
            assert!(limiter.try_once(&a).await.is_ok(), "typos never hold");
            limiter.typo(&a).await;
        }
        for _ in 0..3 {
            assert!(limiter.try_once(&a).await.is_ok());
            limiter.guessed(&a).await;
        }
        let wait = limiter.try_once(&a).await.expect_err("three guesses: held");
        assert!(wait > 0 && wait <= 600);
        assert!(limiter.check(&a).await.is_err());
        assert!(
            limiter.try_once(&b).await.is_ok(),
            "another address is not held"
        );
        let sign_in = Key::SignIn("10.0.0.1".parse().expect("ip"));
        assert!(
            limiter.try_once(&sign_in).await.is_ok(),
            "the trainer's sign-in is counted apart from the trainees' joins"
        );

        let holds = limiter.holds().await;
        assert_eq!(holds.first().map(|h| &h.key), Some(&a), "held first");
        let h = &holds[0];
        assert_eq!((h.guesses, h.typos, h.max_guesses), (3, 40, 3));
        assert!(h.held_for.is_some() && h.forgotten_in <= 600);

        assert!(limiter.clear(&a).await, "the trainer clears the hold");
        assert!(limiter.try_once(&a).await.is_ok());
        assert!(
            !limiter
                .clear(&Key::Join("10.9.9.9".parse().expect("ip")))
                .await
        );
    }

    #[tokio::test]
    async fn tries_are_bounded_and_the_window_moves_on() {
        let limiter = Counts::new(policy(Duration::from_secs(600), 5, 100)).await;
        let a = Key::Join("10.0.0.1".parse().expect("ip"));
        for _ in 0..5 {
            assert!(limiter.try_once(&a).await.is_ok());
        }
        assert!(
            limiter.try_once(&a).await.is_err(),
            "five tries is the most"
        );
        assert!(
            limiter
                .holds()
                .await
                .iter()
                .any(|h| h.key == a && h.held_for.is_some()),
            "a hold for too many tries is shown too"
        );
        let quick = Counts::new(policy(Duration::from_millis(1), 1, 1)).await;
        assert!(quick.try_once(&a).await.is_ok());
        quick.guessed(&a).await;
        tokio::time::sleep(Duration::from_millis(5)).await;
        assert!(quick.try_once(&a).await.is_ok(), "the window moves on");
        tokio::time::sleep(Duration::from_millis(5)).await;
        assert!(quick.holds().await.is_empty(), "nothing left to show");
    }

    #[tokio::test]
    async fn default_limits_fit_a_room_behind_one_address() {
        let limiter = Counts::new(Policy::default()).await;
        let room = Key::Join("192.168.1.1".parse().expect("ip"));
        for _ in 0..200 {
            assert!(
                limiter.try_once(&room).await.is_ok(),
                "200 join in one minute"
            );
        }
        for _ in 0..MAX_FAILURES {
            limiter.guessed(&room).await;
        }
        assert!(limiter.try_once(&room).await.is_err());
    }

    #[test]
    fn keys_read_back_from_forms() {
        for key in [
            Key::Join("10.0.0.5".parse().expect("ip")),
            Key::SignIn("::1".parse().expect("ip")),
            Key::Words("10.0.0.5".parse().expect("ip")),
            Key::Name("0123abcd".into()),
        ] {
            assert_eq!(Key::from_text(&key.to_text()), Some(key));
        }
        for bad in ["", "join", "join/nonsense", "other/10.0.0.1", "name/"] {
            assert_eq!(Key::from_text(bad), None, "{bad}");
        }
    }
}
