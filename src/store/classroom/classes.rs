//! Classes and their codes. A code is what a room of trainees types off a projector, so its
//! alphabet and the forgiving way it is read live here, next to the class it opens.

use chrono::Utc;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::{Store, new_id, now};

/// What trainees type: no 0/O, 1/I/L look-alikes, so a code read off a projector is typed right.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 6;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct Class {
    pub id: String,
    pub code: String,
    pub title: String,
    pub created_at: String,
    pub open: bool,
}

/// A class with its head count, for the trainer's list.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ClassSummary {
    pub id: String,
    pub code: String,
    pub title: String,
    pub created_at: String,
    pub open: bool,
    pub trainees: i64,
}

/// A fresh class code.
pub fn new_code() -> String {
    let bytes: [u8; CODE_LENGTH] = rand::random();
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[*b as usize % CODE_ALPHABET.len()] as char)
        .collect()
}

/// A code as typed ("k7p 3qx", "K7P-3QX") in its stored form, or None when it cannot be one.
pub fn normalise_code(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let ok = code.len() == CODE_LENGTH && code.bytes().all(|b| CODE_ALPHABET.contains(&b));
    ok.then_some(code)
}

impl Store {
    /// Starts a class with a fresh code.
    pub async fn create_class(&self, title: &str) -> Result<Class> {
        on_db!(self, |read, write| {
            let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
            if title.chars().count() > 100 {
                return Err(Error::invalid(
                    "The class name must be 100 characters or fewer",
                ));
            }
            let title = if title.is_empty() {
                format!("Class of {}", Utc::now().format("%-d %B %Y"))
            } else {
                title
            };
            // A clash of codes is rare (31^6 codes); try again rather than fail.
            for _ in 0..20 {
                let class = Class {
                    id: new_id(),
                    code: new_code(),
                    title: title.clone(),
                    created_at: now(),
                    open: true,
                };
                let inserted = sqlx::query(
                "INSERT INTO classes (id, code, title, created_at, open) VALUES ($1, $2, $3, $4, TRUE)
                 ON CONFLICT(code) DO NOTHING",
            )
            .bind(&class.id)
            .bind(&class.code)
            .bind(&class.title)
            .bind(&class.created_at)
            .execute(write)
            .await?
            .rows_affected();
                if inserted == 1 {
                    return Ok(class);
                }
            }
            Err(Error::internal(anyhow::anyhow!(
                "no free class code after 20 tries"
            )))
        })
    }

    /// Every class, newest first, with how many have joined.
    pub async fn classes(&self) -> Result<Vec<ClassSummary>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ClassSummary>(
                "SELECT c.id, c.code, c.title, c.created_at, c.open,
                    (SELECT COUNT(*) FROM trainees t WHERE t.class_id = c.id) AS trainees
             FROM classes c ORDER BY c.created_at DESC, c.id",
            )
            .fetch_all(read)
            .await?)
        })
    }

    pub async fn class(&self, id: &str) -> Result<Option<Class>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as::<_, Class>("SELECT * FROM classes WHERE id = $1")
                    .bind(id)
                    .fetch_optional(read)
                    .await?,
            )
        })
    }

    /// The class, or a 404 naming what was asked for.
    pub async fn require_class(&self, id: &str) -> Result<Class> {
        self.class(id)
            .await?
            .ok_or_else(|| Error::not_found(format!("no class with id {id:?}")))
    }

    /// Opens or closes a class to new joins.
    pub async fn set_class_open(&self, id: &str, open: bool) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("UPDATE classes SET open = $1 WHERE id = $2")
                .bind(open)
                .bind(id)
                .execute(write)
                .await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_typed_forgivingly() {
        let code = new_code();
        assert_eq!(code.len(), CODE_LENGTH);
        assert_eq!(normalise_code(&code.to_lowercase()), Some(code.clone()));
        assert_eq!(normalise_code(" k7p-3qx "), Some("K7P3QX".into()));
        assert_eq!(normalise_code("K7P3Q0"), None, "0 is not in the alphabet");
        assert_eq!(normalise_code("K7P3Q"), None);
        assert_eq!(normalise_code(""), None);
    }
}
