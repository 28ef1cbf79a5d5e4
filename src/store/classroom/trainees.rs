//! Trainees: joining a class by code and name, each trainee's rejoin word, and the trainer's
//! list of who has joined, with renaming, merging and removing. The name is tidied the same way
//! every time it is typed; two spellings of one name ("  aisha  KHAN", "Aisha Khan") share a key,
//! so the rejoin word is what tells two people of the same name apart. The rules of who may come
//! back as whom are in `app::classroom`; this file stores.

use serde::Serialize;

use super::classes::{CODE_LENGTH, Class, normalise_code};
use crate::error::{Error, Result};
use crate::store::{Store, new_id, now};

/// Longest display name, in characters.
pub const NAME_MAX: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct Trainee {
    pub id: String,
    pub class_id: String,
    pub name: String,
    pub joined_at: String,
}

/// A trainee as the trainer manages them: with the rejoin word and figures.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TraineeIdentity {
    pub id: String,
    pub name: String,
    pub rejoin_word: String,
    pub joined_at: String,
    pub attempts: i64,
    pub last_attempt_at: Option<String>,
}

/// A trainee with figures, for the trainer's list of who has joined.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TraineeRow {
    pub id: String,
    pub name: String,
    pub joined_at: String,
    pub attempts: i64,
    pub last_attempt_at: Option<String>,
}

/// A display name tidied (spaces evened out), and the key two spellings of one name share.
pub fn normalise_name(typed: &str) -> Result<(String, String)> {
    use unicode_normalization::UnicodeNormalization;
    let name: String = typed
        .nfc()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if name.is_empty() {
        return Err(Error::invalid("Enter your name"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(Error::invalid(format!(
            "Your name must be {NAME_MAX} characters or fewer"
        )));
    }
    if name.chars().any(char::is_control) {
        return Err(Error::invalid(
            "Your name must not contain control characters",
        ));
    }
    let key = name.to_lowercase();
    Ok((name, key))
}

const REJOIN_WORDS: [&str; 237] = [
    "acorn", "anchor", "apple", "arrow", "badge", "baker", "bamboo", "banjo", "basil", "beach",
    "bells", "berry", "birch", "bison", "blaze", "bloom", "board", "boat", "bread", "brick",
    "bridge", "brook", "brush", "button", "cabin", "cable", "cactus", "camel", "candle", "canoe",
    "carrot", "castle", "cedar", "cello", "chalk", "cherry", "chess", "cider", "cliff", "clock",
    "cloud", "clover", "coast", "cobalt", "cocoa", "comet", "copper", "coral", "cotton", "crane",
    "cricket", "crown", "daisy", "delta", "desk", "dolphin", "dove", "dragon", "drum", "dune",
    "eagle", "easel", "elbow", "ember", "falcon", "feather", "fern", "fiddle", "field", "finch",
    "flame", "flute", "forest", "fossil", "fox", "frost", "garden", "garnet", "ginger", "glacier",
    "glove", "goose", "grape", "grass", "gull", "hammer", "hazel", "helmet", "heron", "hill",
    "honey", "horse", "igloo", "island", "ivy", "jacket", "jasper", "jelly", "jungle", "juniper",
    "kettle", "kite", "koala", "ladder", "lagoon", "lake", "lantern", "lemon", "lily", "linen",
    "lion", "llama", "lobster", "lotus", "lynx", "magnet", "mango", "maple", "marble", "marsh",
    "meadow", "melon", "meteor", "mint", "mirror", "moon", "moss", "mountain", "mouse", "nest",
    "noodle", "north", "nutmeg", "oak", "ocean", "olive", "onion", "orange", "orchid", "otter",
    "owl", "oyster", "paddle", "panda", "pansy", "paper", "parrot", "peach", "pearl", "pebble",
    "pelican", "pencil", "pepper", "piano", "pillow", "pine", "planet", "plum", "pond", "poppy",
    "potato", "prism", "puffin", "pumpkin", "puzzle", "quartz", "quill", "rabbit", "radio", "raft",
    "rain", "raven", "reef", "ribbon", "river", "robin", "rocket", "rose", "rowan", "saddle",
    "salmon", "sand", "sapphire", "scarf", "seal", "shell", "silver", "sky", "sled", "snow",
    "sofa", "spark", "sparrow", "spoon", "spring", "spruce", "squid", "star", "stone", "storm",
    "sugar", "summer", "sun", "swan", "table", "thistle", "thunder", "tiger", "timber", "toast",
    "tomato", "topaz", "tower", "train", "tulip", "tunnel", "turtle", "umbrella", "valley",
    "vanilla", "velvet", "violet", "wagon", "walnut", "walrus", "water", "whale", "wheat",
    "willow", "window", "winter", "wolf", "wool", "wren", "yacht", "yarn", "zebra",
];

/// A fresh rejoin word: a common word and two digits, like "maple42". Easy to read off a screen
/// and type on a Chromebook; one of 23,700.
pub fn new_rejoin_word() -> String {
    let word = REJOIN_WORDS[rand::random_range(0..REJOIN_WORDS.len())];
    let digits: u8 = rand::random_range(0..100);
    format!("{word}{digits:02}")
}

/// How many rejoin words there are (for the notes on guessing them).
pub const REJOIN_WORD_COUNT: usize = REJOIN_WORDS.len() * 100;

/// A rejoin word as typed ("Maple 42", "maple-42") in its stored form: letters and digits only,
/// lower case.
pub fn normalise_rejoin_word(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .take(64)
        .collect()
}

impl Store {
    /// A new trainee joins a class by code and name, with a fresh rejoin word. Refused when the
    /// class is closed or someone in it already has that name: whether a name already taken is
    /// the same person is `app::classroom`'s question. Errors are the messages the join page shows.
    pub async fn join_class(&self, code: &str, name: &str) -> Result<Trainee> {
        let Some(code) = normalise_code(code) else {
            return Err(Error::invalid(format!(
                "Enter the class code: {CODE_LENGTH} letters and numbers, as the trainer shows it"
            )));
        };
        let (name, key) = normalise_name(name)?;
        let class = self.class_by_code(&code).await?.ok_or_else(|| {
            Error::invalid("There is no class with that code. Check it with your trainer")
        })?;
        if !class.open {
            return Err(Error::invalid(
                "This class is closed to new joins. Ask your trainer to open it",
            ));
        }
        self.add_trainee(&class.id, &name, &key)
            .await?
            .ok_or_else(|| Error::invalid(format!("Someone called {name} has already joined")))
    }

    /// The class with this code (in its stored form), if any.
    pub async fn class_by_code(&self, code: &str) -> Result<Option<Class>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, Class>("SELECT * FROM classes WHERE code = $1")
                    .bind(code)
                    .fetch_optional(read)
                    .await?,
            )
        })
    }

    /// Every class code, to tell a typo of a real code from a guess.
    pub async fn class_codes(&self) -> Result<Vec<String>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_scalar::<_, String>("SELECT code FROM classes")
                .fetch_all(read)
                .await?)
        })
    }

    /// Adds a trainee with a fresh rejoin word; None when the class already has that name.
    pub async fn add_trainee(
        &self,
        class_id: &str,
        name: &str,
        name_key: &str,
    ) -> Result<Option<Trainee>> {
        on_db!(self, |read, write| {
            let trainee = Trainee {
                id: new_id(),
                class_id: class_id.to_string(),
                name: name.to_string(),
                joined_at: now(),
            };
            let done = sqlx::query(
                "INSERT INTO trainees (id, class_id, name, name_key, joined_at, rejoin_word)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT(class_id, name_key) DO NOTHING",
            )
            .bind(&trainee.id)
            .bind(&trainee.class_id)
            .bind(&trainee.name)
            .bind(name_key)
            .bind(&trainee.joined_at)
            .bind(new_rejoin_word())
            .execute(write)
            .await?;
            Ok((done.rows_affected() == 1).then_some(trainee))
        })
    }

    /// The trainee of a class with this name key, and their rejoin word.
    pub async fn trainee_by_name(
        &self,
        class_id: &str,
        name_key: &str,
    ) -> Result<Option<(Trainee, String)>> {
        on_db!(self, |read, write| {
            let row = sqlx::query_as::<_, (String, String, String, String, String)>(
                "SELECT id, class_id, name, joined_at, rejoin_word FROM trainees
             WHERE class_id = $1 AND name_key = $2",
            )
            .bind(class_id)
            .bind(name_key)
            .fetch_optional(read)
            .await?;
            Ok(row.map(|(id, class_id, name, joined_at, word)| {
                (
                    Trainee {
                        id,
                        class_id,
                        name,
                        joined_at,
                    },
                    word,
                )
            }))
        })
    }

    /// A trainee's rejoin word.
    pub async fn rejoin_word(&self, trainee_id: &str) -> Result<Option<String>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_scalar::<_, String>("SELECT rejoin_word FROM trainees WHERE id = $1")
                    .bind(trainee_id)
                    .fetch_optional(read)
                    .await?,
            )
        })
    }

    /// Gives a rejoin word to every trainee without one (those who joined before words
    /// existed), on the writer, as the database is opened.
    pub(crate) async fn fill_rejoin_words(&self) -> Result<()> {
        on_db!(self, |read, writer| {
            let missing: Vec<String> =
                sqlx::query_scalar("SELECT id FROM trainees WHERE rejoin_word = ''")
                    .fetch_all(writer)
                    .await?;
            for id in missing {
                sqlx::query(
                    "UPDATE trainees SET rejoin_word = $1 WHERE id = $2 AND rejoin_word = ''",
                )
                .bind(new_rejoin_word())
                .bind(&id)
                .execute(writer)
                .await?;
            }
            Ok(())
        })
    }

    pub async fn trainee(&self, id: &str) -> Result<Option<Trainee>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Trainee>(
                "SELECT id, class_id, name, joined_at FROM trainees WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Who has joined a class, in joining order, with their attempt counts.
    pub async fn trainees(&self, class_id: &str) -> Result<Vec<TraineeRow>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, TraineeRow>(
                "SELECT t.id, t.name, t.joined_at, COUNT(a.id) AS attempts,
                    MAX(a.created_at) AS last_attempt_at
             FROM trainees t LEFT JOIN attempts a ON a.learner = t.id
             WHERE t.class_id = $1
             GROUP BY t.id, t.name, t.joined_at
             ORDER BY t.joined_at, t.id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Who has joined a class, by name, with rejoin words: the trainer's trainees page.
    pub async fn trainee_identities(&self, class_id: &str) -> Result<Vec<TraineeIdentity>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, TraineeIdentity>(
                "SELECT t.id, t.name, t.rejoin_word, t.joined_at, COUNT(a.id) AS attempts,
                    MAX(a.created_at) AS last_attempt_at
             FROM trainees t LEFT JOIN attempts a ON a.learner = t.id
             WHERE t.class_id = $1
             GROUP BY t.id, t.name, t.rejoin_word, t.joined_at
             ORDER BY t.name_key, t.joined_at, t.id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Renames a trainee; false when someone else in the class already has that name.
    pub async fn rename_trainee(&self, id: &str, name: &str, name_key: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            let done = sqlx::query(
                "UPDATE trainees SET name = $1, name_key = $2 WHERE id = $3 AND NOT EXISTS
               (SELECT 1 FROM trainees o
                WHERE o.class_id = trainees.class_id AND o.name_key = $4 AND o.id <> trainees.id)",
            )
            .bind(name)
            .bind(name_key)
            .bind(id)
            .bind(name_key)
            .execute(write)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Merges trainee `from` into `into` (both of one class): `from`'s attempts, hints and
    /// sessions become `into`'s, their evaluation too if `into` has none, and `from` goes. One
    /// transaction: a merge cut short changes nothing.
    pub async fn merge_trainees(&self, from: &str, into: &str) -> Result<()> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            sqlx::query("UPDATE attempts SET learner = $1 WHERE learner = $2")
                .bind(into)
                .bind(from)
                .execute(&mut *tx)
                .await?;
            // Hints shown and model answers opened: the larger of the two, per exercise.
            sqlx::query(
                "INSERT INTO exercise_state (learner, exercise_id, hints_shown, model_revealed)
             SELECT $1, exercise_id, hints_shown, model_revealed FROM exercise_state
             WHERE learner = $2
             ON CONFLICT(learner, exercise_id) DO UPDATE SET
               hints_shown = CASE WHEN excluded.hints_shown > exercise_state.hints_shown
                 THEN excluded.hints_shown ELSE exercise_state.hints_shown END,
               model_revealed = (exercise_state.model_revealed OR excluded.model_revealed)",
            )
            .bind(into)
            .bind(from)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM exercise_state WHERE learner = $1")
                .bind(from)
                .execute(&mut *tx)
                .await?;
            sqlx::query("UPDATE sessions SET trainee_id = $1 WHERE trainee_id = $2")
                .bind(into)
                .bind(from)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "UPDATE evaluations SET trainee_id = $1 WHERE trainee_id = $2
             AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.trainee_id = $3)",
            )
            .bind(into)
            .bind(from)
            .bind(into)
            .execute(&mut *tx)
            .await?;
            // Whatever is left of `from` (an evaluation `into` already has) goes with it.
            sqlx::query("DELETE FROM trainees WHERE id = $1")
                .bind(from)
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Removes a trainee with their attempts (and any of them shared), hints, evaluation and
    /// sessions.
    pub async fn remove_trainee(&self, id: &str) -> Result<()> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            for sql in [
                "DELETE FROM reveals WHERE attempt_id IN (SELECT id FROM attempts WHERE learner = $1)",
                "DELETE FROM attempts WHERE learner = $1",
                "DELETE FROM exercise_state WHERE learner = $1",
                "DELETE FROM sessions WHERE trainee_id = $1",
                "DELETE FROM evaluations WHERE trainee_id = $1",
                "DELETE FROM trainees WHERE id = $1",
            ] {
                sqlx::query(sql).bind(id).execute(&mut *tx).await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::classroom::SessionOwner;

    #[test]
    fn names_are_tidied_and_keyed() {
        let (name, key) = normalise_name("  Ana   María ").expect("valid");
        assert_eq!(name, "Ana María");
        assert_eq!(key, "ana maría");
        // Decomposed and composed accents are one name.
        let (_, decomposed) = normalise_name("ana mari\u{301}a").expect("valid");
        assert_eq!(decomposed, key);
        assert!(normalise_name("   ").is_err());
        assert!(normalise_name(&"x".repeat(NAME_MAX + 1)).is_err());
        assert!(normalise_name("a\u{7}b").is_err());
    }

    #[test]
    fn rejoin_words_are_a_word_and_two_digits() {
        for _ in 0..50 {
            let w = new_rejoin_word();
            let (word, digits) = w.split_at(w.len() - 2);
            assert!(REJOIN_WORDS.contains(&word), "{w}");
            assert!(digits.bytes().all(|b| b.is_ascii_digit()), "{w}");
            assert_eq!(normalise_rejoin_word(&w), w);
        }
        assert_eq!(normalise_rejoin_word(" Maple-42 "), "maple42");
        assert!(
            REJOIN_WORDS
                .iter()
                .all(|w| w.bytes().all(|b| b.is_ascii_lowercase()))
        );
        const { assert!(REJOIN_WORD_COUNT > 20_000) };
    }

    #[tokio::test]
    async fn rename_merge_and_remove() {
        let s = crate::store::classroom::store().await;
        let class = s.create_class("Comms").await.expect("class");
        let a = s.join_class(&class.code, "Aisha Khan").await.expect("a");
        let b = s.join_class(&class.code, "Aisha K").await.expect("b");
        let c = s.join_class(&class.code, "Ben").await.expect("c");
        assert!(
            s.join_class(&class.code, " aisha  KHAN ").await.is_err(),
            "a name already in the class is not a new trainee"
        );
        let word = s.rejoin_word(&a.id).await.expect("word").expect("some");
        let (found, found_word) = s
            .trainee_by_name(&class.id, "aisha khan")
            .await
            .expect("lookup")
            .expect("found");
        assert_eq!(
            (found.id.as_str(), found_word.as_str()),
            (a.id.as_str(), word.as_str())
        );

        assert!(
            !s.rename_trainee(&b.id, "Ben", "ben").await.expect("rename"),
            "taken"
        );
        assert!(
            s.rename_trainee(&b.id, "Aisha B", "aisha b")
                .await
                .expect("rename")
        );
        assert_eq!(
            s.trainee(&b.id).await.expect("t").expect("b").name,
            "Aisha B"
        );

        for (who, at) in [
            (&a.id, "2026-01-01T00:00:00.000Z"),
            (&b.id, "2026-01-01T00:00:01.000Z"),
        ] {
            s.run_sql(
                "INSERT INTO attempts (id, learner, exercise_id, kind, answer, created_at)
                 VALUES ($1, $2, 'ex', 'monitor', 'q', $3)",
                &[&crate::store::new_id(), who, at],
            )
            .await
            .expect("attempt");
        }
        let token = s
            .create_session(&SessionOwner::Trainee(b.clone()), 1)
            .await
            .expect("session");
        s.merge_trainees(&b.id, &a.id).await.expect("merge");
        assert!(
            s.trainee(&b.id).await.expect("t").is_none(),
            "the other goes"
        );
        let rows = s.trainee_identities(&class.id).await.expect("rows");
        assert_eq!(rows.len(), 2);
        let merged = rows.iter().find(|r| r.id == a.id).expect("a stays");
        assert_eq!(merged.attempts, 2, "attempts move to one");
        assert_eq!(
            s.session(&token).await.expect("lookup"),
            Some(SessionOwner::Trainee(a.clone())),
            "a Chromebook signed in as the other carries on as the one"
        );

        s.remove_trainee(&a.id).await.expect("remove");
        let rows = s.trainee_identities(&class.id).await.expect("rows");
        assert_eq!(
            rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            vec![c.id.as_str()]
        );
        let left = s.run_sql("DELETE FROM attempts", &[]).await.expect("count");
        assert_eq!(left, 0, "a removed trainee's attempts go with them");
        assert_eq!(s.session(&token).await.expect("lookup"), None);
    }
}
