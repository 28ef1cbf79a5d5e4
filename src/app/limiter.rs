//! Holds on the classroom's ways in. Each way in is counted per key (an address, or a trainee's
//! name for rejoin words) over a sliding window: every try, and every guess (a wrong class code
//! far from any real one, a wrong trainer key, a wrong rejoin word). Too many guesses, or too
//! many tries, and the key is held until enough of them age out of the window, or the trainer
//! clears it. Typos of a real class code are counted for the trainer to see, never held against
//! the room: see [`near_miss`] and `docs/classroom.md` ("Why a class code cannot be guessed").
//!
//! In memory on purpose: a hold forgotten at a restart costs nothing, and a database write per
//! wrong guess would give a guesser a lever on the server.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

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

#[derive(Debug, Default)]
struct Tries {
    tries: VecDeque<Instant>,
    guesses: VecDeque<Instant>,
    typos: VecDeque<Instant>,
}

impl Tries {
    fn forget_before(&mut self, now: Instant, window: Duration) {
        for q in [&mut self.tries, &mut self.guesses, &mut self.typos] {
            while q
                .front()
                .is_some_and(|at| now.duration_since(*at) >= window)
            {
                q.pop_front();
            }
        }
    }

    fn quiet(&self) -> bool {
        self.tries.is_empty() && self.guesses.is_empty() && self.typos.is_empty()
    }
}

/// Seconds until a queue holding `max` or more drops below `max`; None when it is below.
fn wait(q: &VecDeque<Instant>, max: usize, now: Instant, window: Duration) -> Option<u64> {
    if q.len() < max {
        return None;
    }
    let at = q.get(q.len() - max)?;
    Some(
        window
            .saturating_sub(now.duration_since(*at))
            .as_secs()
            .max(1),
    )
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

/// Counts tries and guesses per key.
#[derive(Debug)]
pub struct Limiter {
    policy: Policy,
    by_key: Mutex<HashMap<Key, Tries>>,
}

impl Default for Limiter {
    fn default() -> Self {
        Limiter::new(Policy::default())
    }
}

impl Limiter {
    pub fn new(policy: Policy) -> Self {
        Limiter {
            policy,
            by_key: Mutex::new(HashMap::new()),
        }
    }

    fn map(&self) -> MutexGuard<'_, HashMap<Key, Tries>> {
        match self.by_key.lock() {
            Ok(m) => m,
            Err(poisoned) => poisoned.into_inner(),
        }
    }

    /// Err(seconds to wait) when the key is held now.
    fn held(&self, map: &mut HashMap<Key, Tries>, key: &Key, now: Instant) -> Result<(), u64> {
        let window = self.policy.window;
        let limits = self.policy.limits(key);
        let Some(entry) = map.get_mut(key) else {
            return Ok(());
        };
        entry.forget_before(now, window);
        match wait(&entry.guesses, limits.guesses, now, window)
            .or_else(|| wait(&entry.tries, limits.tries, now, window))
        {
            Some(w) => Err(w),
            None => Ok(()),
        }
    }

    /// Counts a try; Err(seconds to wait) when the key is held, and then nothing is counted.
    pub fn try_once(&self, key: &Key) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.map();
        if map.len() > 10_000 {
            // Bounded memory under a flood of addresses: forget the quiet ones.
            let window = self.policy.window;
            map.retain(|_, t| {
                t.forget_before(now, window);
                !t.quiet()
            });
        }
        self.held(&mut map, key, now)?;
        map.entry(key.clone()).or_default().tries.push_back(now);
        Ok(())
    }

    /// Err(seconds to wait) when the key is held; counts nothing.
    pub fn check(&self, key: &Key) -> Result<(), u64> {
        let now = Instant::now();
        let mut map = self.map();
        self.held(&mut map, key, now)
    }

    /// Counts a guess: a wrong code far from every class code, a wrong key, a wrong word.
    pub fn guessed(&self, key: &Key) {
        self.map()
            .entry(key.clone())
            .or_default()
            .guesses
            .push_back(Instant::now());
    }

    /// Counts a typo of a real class code: for the trainer to see, never a reason to hold.
    pub fn typo(&self, key: &Key) {
        self.map()
            .entry(key.clone())
            .or_default()
            .typos
            .push_back(Instant::now());
    }

    /// Forgets everything counted for a key; false when there was nothing.
    pub fn clear(&self, key: &Key) -> bool {
        self.map().remove(key).is_some_and(|t| !t.quiet())
    }

    /// Every key with guesses or typos in the window, or held: held first, then by key.
    pub fn holds(&self) -> Vec<Hold> {
        let now = Instant::now();
        let window = self.policy.window;
        let mut map = self.map();
        let mut out: Vec<Hold> = map
            .iter_mut()
            .filter_map(|(key, t)| {
                t.forget_before(now, window);
                let limits = self.policy.limits(key);
                let held_for = wait(&t.guesses, limits.guesses, now, window)
                    .or_else(|| wait(&t.tries, limits.tries, now, window));
                if t.guesses.is_empty() && t.typos.is_empty() && held_for.is_none() {
                    return None;
                }
                let oldest = [t.guesses.front(), t.typos.front()]
                    .into_iter()
                    .flatten()
                    .min()
                    .copied()
                    .unwrap_or(now);
                Some(Hold {
                    key: key.clone(),
                    guesses: t.guesses.len(),
                    typos: t.typos.len(),
                    max_guesses: limits.guesses,
                    held_for,
                    forgotten_in: window.saturating_sub(now.duration_since(oldest)).as_secs(),
                })
            })
            .collect();
        out.sort_by(|a, b| {
            b.held_for
                .is_some()
                .cmp(&a.held_for.is_some())
                .then_with(|| a.key.cmp(&b.key))
        });
        out
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

    #[test]
    fn guesses_hold_a_key_and_typos_never_do() {
        let limiter = Limiter::new(policy(Duration::from_secs(600), 100, 3));
        let a = Key::Join("10.0.0.1".parse().expect("ip"));
        let b = Key::Join("10.0.0.2".parse().expect("ip"));
        for _ in 0..40 {
            assert!(limiter.try_once(&a).is_ok(), "typos never hold");
            limiter.typo(&a);
        }
        for _ in 0..3 {
            assert!(limiter.try_once(&a).is_ok());
            limiter.guessed(&a);
        }
        let wait = limiter.try_once(&a).expect_err("three guesses: held");
        assert!(wait > 0 && wait <= 600);
        assert!(limiter.check(&a).is_err());
        assert!(limiter.try_once(&b).is_ok(), "another address is not held");
        let sign_in = Key::SignIn("10.0.0.1".parse().expect("ip"));
        assert!(
            limiter.try_once(&sign_in).is_ok(),
            "the trainer's sign-in is counted apart from the trainees' joins"
        );

        let holds = limiter.holds();
        assert_eq!(holds.first().map(|h| &h.key), Some(&a), "held first");
        let h = &holds[0];
        assert_eq!((h.guesses, h.typos, h.max_guesses), (3, 40, 3));
        assert!(h.held_for.is_some() && h.forgotten_in <= 600);

        assert!(limiter.clear(&a), "the trainer clears the hold");
        assert!(limiter.try_once(&a).is_ok());
        assert!(!limiter.clear(&Key::Join("10.9.9.9".parse().expect("ip"))));
    }

    #[test]
    fn tries_are_bounded_and_the_window_moves_on() {
        let limiter = Limiter::new(policy(Duration::from_secs(600), 5, 100));
        let a = Key::Join("10.0.0.1".parse().expect("ip"));
        for _ in 0..5 {
            assert!(limiter.try_once(&a).is_ok());
        }
        assert!(limiter.try_once(&a).is_err(), "five tries is the most");
        assert!(
            limiter
                .holds()
                .iter()
                .any(|h| h.key == a && h.held_for.is_some()),
            "a hold for too many tries is shown too"
        );
        let quick = Limiter::new(policy(Duration::from_millis(1), 1, 1));
        assert!(quick.try_once(&a).is_ok());
        quick.guessed(&a);
        std::thread::sleep(Duration::from_millis(5));
        assert!(quick.try_once(&a).is_ok(), "the window moves on");
        std::thread::sleep(Duration::from_millis(5));
        assert!(quick.holds().is_empty(), "nothing left to show");
    }

    #[test]
    fn default_limits_fit_a_room_behind_one_address() {
        let limiter = Limiter::default();
        let room = Key::Join("192.168.1.1".parse().expect("ip"));
        for _ in 0..200 {
            assert!(limiter.try_once(&room).is_ok(), "200 join in one minute");
        }
        for _ in 0..MAX_FAILURES {
            limiter.guessed(&room);
        }
        assert!(limiter.try_once(&room).is_err());
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
