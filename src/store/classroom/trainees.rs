//! Trainees: joining a class by code and name, and the trainer's list of who has joined. The
//! name is the trainee's only key, so it is tidied the same way every time it is typed.

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

impl Store {
    /// Joins a class by code and name; the same name again is the same trainee (a shared
    /// Chromebook, a closed tab). Errors are the messages the join page shows.
    pub async fn join_class(&self, code: &str, name: &str) -> Result<Trainee> {
        let Some(code) = normalise_code(code) else {
            return Err(Error::invalid(format!(
                "Enter the class code: {CODE_LENGTH} letters and numbers, as the trainer shows it"
            )));
        };
        let (name, key) = normalise_name(name)?;
        let class = sqlx::query_as::<_, Class>("SELECT * FROM classes WHERE code = ?")
            .bind(&code)
            .fetch_optional(self.pool())
            .await?
            .ok_or_else(|| {
                Error::invalid("There is no class with that code. Check it with your trainer")
            })?;
        if !class.open {
            return Err(Error::invalid(
                "This class is closed to new joins. Ask your trainer to open it",
            ));
        }
        sqlx::query(
            "INSERT INTO trainees (id, class_id, name, name_key, joined_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT(class_id, name_key) DO NOTHING",
        )
        .bind(new_id())
        .bind(&class.id)
        .bind(&name)
        .bind(&key)
        .bind(now())
        .execute(self.writer())
        .await?;
        sqlx::query_as::<_, Trainee>(
            "SELECT id, class_id, name, joined_at FROM trainees WHERE class_id = ? AND name_key = ?",
        )
        .bind(&class.id)
        .bind(&key)
        .fetch_optional(self.pool())
        .await?
        .ok_or_else(|| Error::internal(anyhow::anyhow!("trainee vanished after joining")))
    }

    pub async fn trainee(&self, id: &str) -> Result<Option<Trainee>> {
        Ok(sqlx::query_as::<_, Trainee>(
            "SELECT id, class_id, name, joined_at FROM trainees WHERE id = ?",
        )
        .bind(id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// Who has joined a class, in joining order, with their attempt counts.
    pub async fn trainees(&self, class_id: &str) -> Result<Vec<TraineeRow>> {
        Ok(sqlx::query_as::<_, TraineeRow>(
            "SELECT t.id, t.name, t.joined_at, COUNT(a.id) AS attempts,
                    MAX(a.created_at) AS last_attempt_at
             FROM trainees t LEFT JOIN attempts a ON a.learner = t.id
             WHERE t.class_id = ?
             GROUP BY t.id, t.name, t.joined_at
             ORDER BY t.joined_at, t.id",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
