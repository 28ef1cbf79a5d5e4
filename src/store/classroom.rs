//! Classroom mode in the database: classes and their codes, trainees, login sessions, the
//! exercises of a class (order, lock), answers shared for the debrief, evaluations, uploaded
//! exercise files and the trainer's secret. Nothing of a class lives only in memory, so a
//! restart loses no one's work and no one has to join again.

use chrono::{Duration, Utc};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Store, new_id, now};
use crate::error::{Error, Result};

/// What trainees type: no 0/O, 1/I/L look-alikes, so a code read off a projector is typed right.
const CODE_ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";
pub const CODE_LENGTH: usize = 6;
/// Longest display name, in characters.
pub const NAME_MAX: usize = 40;
/// The trainer's secret: the link printed at start-up carries it.
const TRAINER_SECRET: &str = "trainer_secret";

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

/// Who a session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionOwner {
    Trainer,
    Trainee(Trainee),
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct ClassExercise {
    pub exercise_id: String,
    pub position: i64,
    pub locked: bool,
}

/// An answer shared with the class: the text and score only, never who wrote it.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Reveal {
    pub id: String,
    pub exercise_id: String,
    /// None: the exercise's model answer.
    pub attempt_id: Option<String>,
    pub answer: Option<String>,
    pub score: Option<f64>,
    pub created_at: String,
}

#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct Evaluation {
    pub effective: i64,
    pub do_differently: String,
    pub comments: String,
    pub submitted_at: String,
}

/// Figures of one exercise in a class, straight from SQL so the board stays cheap.
#[derive(Debug, Clone, Default, sqlx::FromRow, Serialize)]
pub struct ExerciseFigures {
    pub exercise_id: String,
    pub attempts: i64,
    pub trainees: i64,
    pub passed: i64,
}

/// One trainee's standing on one exercise of a class.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct TraineeStanding {
    pub trainee_id: String,
    pub name: String,
    pub exercise_id: String,
    pub attempts: i64,
    pub best: Option<f64>,
    pub passed: bool,
    pub first_at: String,
    pub last_at: String,
}

/// An attempt with its author, for the trainer.
#[derive(Debug, Clone, sqlx::FromRow, Serialize)]
pub struct ClassAttempt {
    pub id: String,
    pub trainee_id: String,
    pub name: String,
    pub exercise_id: String,
    pub answer: String,
    pub created_at: String,
    pub score: Option<f64>,
    pub passed: Option<bool>,
    pub result: Option<String>,
}

/// An exercise file uploaded by a trainer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UploadedExercise {
    pub exercise_id: String,
    pub file_name: String,
    pub text: String,
}

/// A random token for a cookie or a link: 128 bits, hex.
pub fn new_token() -> String {
    let bytes: [u8; 16] = rand::random();
    hex(&bytes)
}

/// How a token is stored: its SHA-256, so the database alone opens no session.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
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

fn later(hours: i64) -> String {
    (Utc::now() + Duration::hours(hours)).to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
}

impl Store {
    // --- the trainer's secret

    /// The trainer's secret, made on first use and kept across restarts; `rotate` replaces it
    /// and signs every trainer out.
    pub async fn trainer_secret(&self, rotate: bool) -> Result<String> {
        if !rotate {
            let stored: Option<String> =
                sqlx::query_scalar("SELECT value FROM classroom_settings WHERE name = ?")
                    .bind(TRAINER_SECRET)
                    .fetch_optional(self.pool())
                    .await?;
            if let Some(secret) = stored {
                return Ok(secret);
            }
        }
        let secret = new_token();
        sqlx::query(
            "INSERT INTO classroom_settings (name, value, updated_at) VALUES (?, ?, ?)
             ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(TRAINER_SECRET)
        .bind(&secret)
        .bind(now())
        .execute(self.writer())
        .await?;
        if rotate {
            sqlx::query("DELETE FROM sessions WHERE role = 'trainer'")
                .execute(self.writer())
                .await?;
        }
        Ok(secret)
    }

    // --- classes

    /// Starts a class with a fresh code.
    pub async fn create_class(&self, title: &str) -> Result<Class> {
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
                "INSERT INTO classes (id, code, title, created_at, open) VALUES (?, ?, ?, ?, TRUE)
                 ON CONFLICT(code) DO NOTHING",
            )
            .bind(&class.id)
            .bind(&class.code)
            .bind(&class.title)
            .bind(&class.created_at)
            .execute(self.writer())
            .await?
            .rows_affected();
            if inserted == 1 {
                return Ok(class);
            }
        }
        Err(Error::internal(anyhow::anyhow!(
            "no free class code after 20 tries"
        )))
    }

    /// Every class, newest first, with how many have joined.
    pub async fn classes(&self) -> Result<Vec<ClassSummary>> {
        Ok(sqlx::query_as::<_, ClassSummary>(
            "SELECT c.id, c.code, c.title, c.created_at, c.open,
                    (SELECT COUNT(*) FROM trainees t WHERE t.class_id = c.id) AS trainees
             FROM classes c ORDER BY c.created_at DESC, c.id",
        )
        .fetch_all(self.pool())
        .await?)
    }

    pub async fn class(&self, id: &str) -> Result<Option<Class>> {
        Ok(
            sqlx::query_as::<_, Class>("SELECT * FROM classes WHERE id = ?")
                .bind(id)
                .fetch_optional(self.pool())
                .await?,
        )
    }

    /// The class, or a 404 naming what was asked for.
    pub async fn require_class(&self, id: &str) -> Result<Class> {
        self.class(id)
            .await?
            .ok_or_else(|| Error::not_found(format!("no class with id {id:?}")))
    }

    /// Opens or closes a class to new joins.
    pub async fn set_class_open(&self, id: &str, open: bool) -> Result<()> {
        sqlx::query("UPDATE classes SET open = ? WHERE id = ?")
            .bind(open)
            .bind(id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    // --- trainees

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

    // --- sessions

    /// Starts a session and returns the token for the cookie.
    pub async fn create_session(&self, owner: &SessionOwner, hours: i64) -> Result<String> {
        let token = new_token();
        let (role, trainee) = match owner {
            SessionOwner::Trainer => ("trainer", None),
            SessionOwner::Trainee(t) => ("trainee", Some(t.id.as_str())),
        };
        sqlx::query(
            "INSERT INTO sessions (token_hash, role, trainee_id, created_at, expires_at)
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(token_hash(&token))
        .bind(role)
        .bind(trainee)
        .bind(now())
        .bind(later(hours))
        .execute(self.writer())
        .await?;
        Ok(token)
    }

    /// Who holds this token, if it is a live session.
    pub async fn session(&self, token: &str) -> Result<Option<SessionOwner>> {
        #[derive(sqlx::FromRow)]
        struct Row {
            role: String,
            id: Option<String>,
            class_id: Option<String>,
            name: Option<String>,
            joined_at: Option<String>,
        }
        let row = sqlx::query_as::<_, Row>(
            "SELECT s.role, t.id, t.class_id, t.name, t.joined_at
             FROM sessions s LEFT JOIN trainees t ON t.id = s.trainee_id
             WHERE s.token_hash = ? AND s.expires_at > ?",
        )
        .bind(token_hash(token))
        .bind(now())
        .fetch_optional(self.pool())
        .await?;
        Ok(match row {
            Some(r) if r.role == "trainer" => Some(SessionOwner::Trainer),
            Some(Row {
                id: Some(id),
                class_id: Some(class_id),
                name: Some(name),
                joined_at: Some(joined_at),
                ..
            }) => Some(SessionOwner::Trainee(Trainee {
                id,
                class_id,
                name,
                joined_at,
            })),
            _ => None,
        })
    }

    pub async fn delete_session(&self, token: &str) -> Result<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash(token))
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// Forgets sessions past their time (run at start-up).
    pub async fn purge_expired_sessions(&self) -> Result<u64> {
        Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= ?")
            .bind(now())
            .execute(self.writer())
            .await?
            .rows_affected())
    }

    // --- the exercises of a class

    pub async fn class_exercises(&self, class_id: &str) -> Result<Vec<ClassExercise>> {
        Ok(sqlx::query_as::<_, ClassExercise>(
            "SELECT exercise_id, position, locked FROM class_exercises
             WHERE class_id = ? ORDER BY position, exercise_id",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Sets the exercises of a class, in this order; an exercise kept keeps its lock.
    pub async fn set_class_exercises(&self, class_id: &str, ids: &[String]) -> Result<()> {
        let mut tx = self.writer().begin().await?;
        let current: Vec<String> =
            sqlx::query_scalar("SELECT exercise_id FROM class_exercises WHERE class_id = ?")
                .bind(class_id)
                .fetch_all(&mut *tx)
                .await?;
        for gone in current.iter().filter(|id| !ids.contains(id)) {
            sqlx::query("DELETE FROM class_exercises WHERE class_id = ? AND exercise_id = ?")
                .bind(class_id)
                .bind(gone)
                .execute(&mut *tx)
                .await?;
        }
        for (position, id) in ids.iter().enumerate() {
            sqlx::query(
                "INSERT INTO class_exercises (class_id, exercise_id, position, locked)
                 VALUES (?, ?, ?, FALSE)
                 ON CONFLICT(class_id, exercise_id) DO UPDATE SET position = excluded.position",
            )
            .bind(class_id)
            .bind(id)
            .bind(position as i64)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// Moves an exercise one place earlier (`up`) or later in the class's order.
    pub async fn move_class_exercise(
        &self,
        class_id: &str,
        exercise_id: &str,
        up: bool,
    ) -> Result<()> {
        let mut ids: Vec<String> = self
            .class_exercises(class_id)
            .await?
            .into_iter()
            .map(|e| e.exercise_id)
            .collect();
        let Some(at) = ids.iter().position(|id| id == exercise_id) else {
            return Err(Error::not_found(format!(
                "exercise {exercise_id:?} is not in this class"
            )));
        };
        let to = if up { at.checked_sub(1) } else { Some(at + 1) };
        if let Some(to) = to.filter(|to| *to < ids.len()) {
            ids.swap(at, to);
            self.set_class_exercises(class_id, &ids).await?;
        }
        Ok(())
    }

    pub async fn set_exercise_locked(
        &self,
        class_id: &str,
        exercise_id: &str,
        locked: bool,
    ) -> Result<()> {
        let changed = sqlx::query(
            "UPDATE class_exercises SET locked = ? WHERE class_id = ? AND exercise_id = ?",
        )
        .bind(locked)
        .bind(class_id)
        .bind(exercise_id)
        .execute(self.writer())
        .await?
        .rows_affected();
        if changed == 0 {
            return Err(Error::not_found(format!(
                "exercise {exercise_id:?} is not in this class"
            )));
        }
        Ok(())
    }

    // --- answers shared for the debrief

    /// Shares an attempt (or with None the model answer) with the class. The attempt must be
    /// a class member's attempt at that exercise; sharing twice shares once.
    pub async fn reveal(
        &self,
        class_id: &str,
        exercise_id: &str,
        attempt_id: Option<&str>,
    ) -> Result<()> {
        if let Some(attempt_id) = attempt_id {
            let belongs: Option<String> = sqlx::query_scalar(
                "SELECT a.id FROM attempts a JOIN trainees t ON t.id = a.learner
                 WHERE a.id = ? AND t.class_id = ? AND a.exercise_id = ?",
            )
            .bind(attempt_id)
            .bind(class_id)
            .bind(exercise_id)
            .fetch_optional(self.pool())
            .await?;
            if belongs.is_none() {
                return Err(Error::not_found(format!(
                    "no attempt {attempt_id:?} at {exercise_id:?} in this class"
                )));
            }
        }
        let existing: Option<String> = sqlx::query_scalar(
            "SELECT id FROM reveals WHERE class_id = ? AND exercise_id = ?
             AND ((? IS NULL AND attempt_id IS NULL) OR attempt_id = ?)",
        )
        .bind(class_id)
        .bind(exercise_id)
        .bind(attempt_id)
        .bind(attempt_id)
        .fetch_optional(self.pool())
        .await?;
        if existing.is_none() {
            sqlx::query(
                "INSERT INTO reveals (id, class_id, exercise_id, attempt_id, created_at)
                 VALUES (?, ?, ?, ?, ?)",
            )
            .bind(new_id())
            .bind(class_id)
            .bind(exercise_id)
            .bind(attempt_id)
            .bind(now())
            .execute(self.writer())
            .await?;
        }
        Ok(())
    }

    /// Stops sharing an answer.
    pub async fn unreveal(&self, class_id: &str, reveal_id: &str) -> Result<()> {
        sqlx::query("DELETE FROM reveals WHERE class_id = ? AND id = ?")
            .bind(class_id)
            .bind(reveal_id)
            .execute(self.writer())
            .await?;
        Ok(())
    }

    /// What the trainer shares with a class, in the order shared.
    pub async fn reveals(&self, class_id: &str) -> Result<Vec<Reveal>> {
        Ok(sqlx::query_as::<_, Reveal>(
            "SELECT r.id, r.exercise_id, r.attempt_id, a.answer, a.score, r.created_at
             FROM reveals r LEFT JOIN attempts a ON a.id = r.attempt_id
             WHERE r.class_id = ? ORDER BY r.created_at, r.id",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }

    // --- evaluations

    /// Saves a trainee's evaluation; a second one replaces the first.
    pub async fn save_evaluation(
        &self,
        trainee: &Trainee,
        effective: i64,
        do_differently: &str,
        comments: &str,
    ) -> Result<()> {
        if !(1..=5).contains(&effective) {
            return Err(Error::invalid("Choose how far you agree, from 1 to 5"));
        }
        sqlx::query(
            "INSERT INTO evaluations (trainee_id, class_id, effective, do_differently, comments, submitted_at)
             VALUES (?, ?, ?, ?, ?, ?)
             ON CONFLICT(trainee_id) DO UPDATE SET effective = excluded.effective,
               do_differently = excluded.do_differently, comments = excluded.comments,
               submitted_at = excluded.submitted_at",
        )
        .bind(&trainee.id)
        .bind(&trainee.class_id)
        .bind(effective)
        .bind(do_differently)
        .bind(comments)
        .bind(now())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    pub async fn evaluation(&self, trainee_id: &str) -> Result<Option<Evaluation>> {
        Ok(sqlx::query_as::<_, Evaluation>(
            "SELECT effective, do_differently, comments, submitted_at FROM evaluations WHERE trainee_id = ?",
        )
        .bind(trainee_id)
        .fetch_optional(self.pool())
        .await?)
    }

    /// A class's evaluations, without names, in an order that does not follow who sent them.
    pub async fn evaluations(&self, class_id: &str) -> Result<Vec<Evaluation>> {
        Ok(sqlx::query_as::<_, Evaluation>(
            "SELECT effective, do_differently, comments, submitted_at FROM evaluations
             WHERE class_id = ? ORDER BY effective DESC, do_differently, comments",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }

    // --- the board and the export

    /// Attempts, trainees who tried and trainees who passed, per exercise of a class.
    pub async fn class_figures(&self, class_id: &str) -> Result<Vec<ExerciseFigures>> {
        Ok(sqlx::query_as::<_, ExerciseFigures>(
            "SELECT a.exercise_id, COUNT(*) AS attempts, COUNT(DISTINCT a.learner) AS trainees,
                    COUNT(DISTINCT CASE WHEN a.passed THEN a.learner END) AS passed
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = ? GROUP BY a.exercise_id",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Each trainee's standing on each exercise they tried.
    pub async fn class_standings(&self, class_id: &str) -> Result<Vec<TraineeStanding>> {
        Ok(sqlx::query_as::<_, TraineeStanding>(
            "SELECT t.id AS trainee_id, t.name, a.exercise_id, COUNT(*) AS attempts,
                    MAX(a.score) AS best,
                    COALESCE(MAX(CASE WHEN a.passed THEN 1 ELSE 0 END), 0) = 1 AS passed,
                    MIN(a.created_at) AS first_at, MAX(a.created_at) AS last_at
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = ?
             GROUP BY t.id, t.name, a.exercise_id
             ORDER BY t.joined_at, t.id, a.exercise_id",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// One attempt per trainee at an exercise: the best graded one (`best`), or the latest.
    /// Window functions keep this one query on SQLite and PostgreSQL alike.
    pub async fn class_attempts_per_trainee(
        &self,
        class_id: &str,
        exercise_id: &str,
        best: bool,
    ) -> Result<Vec<ClassAttempt>> {
        // Two literal queries rather than one formatted string: sqlx takes only audited SQL.
        macro_rules! per_trainee {
            ($order:literal) => {
                concat!(
                    "SELECT id, trainee_id, name, exercise_id, answer, created_at, score, passed, result FROM (
                       SELECT a.id, t.id AS trainee_id, t.name, a.exercise_id, a.answer, a.created_at,
                              a.score, a.passed, a.result,
                              ROW_NUMBER() OVER (PARTITION BY a.learner ORDER BY ",
                    $order,
                    ") AS rank_in_trainee
                       FROM attempts a JOIN trainees t ON t.id = a.learner
                       WHERE t.class_id = ? AND a.exercise_id = ?
                     ) ranked WHERE rank_in_trainee = 1
                     ORDER BY CASE WHEN score IS NULL THEN 1 ELSE 0 END, score DESC, created_at"
                )
            };
        }
        let sql = if best {
            per_trainee!(
                "CASE WHEN a.score IS NULL THEN 1 ELSE 0 END, a.score DESC, a.created_at DESC, a.id"
            )
        } else {
            per_trainee!("a.created_at DESC, a.id DESC")
        };
        Ok(sqlx::query_as::<_, ClassAttempt>(sql)
            .bind(class_id)
            .bind(exercise_id)
            .fetch_all(self.pool())
            .await?)
    }

    /// Grading errors (queries that do not parse…) at an exercise, most frequent first, with
    /// how many trainees made each.
    pub async fn class_grading_errors(
        &self,
        class_id: &str,
        exercise_id: &str,
    ) -> Result<Vec<(String, i64)>> {
        Ok(sqlx::query_as::<_, (String, i64)>(
            "SELECT a.result, COUNT(DISTINCT a.learner) AS trainees
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = ? AND a.exercise_id = ? AND a.score IS NULL AND a.result IS NOT NULL
             GROUP BY a.result ORDER BY trainees DESC, a.result LIMIT 10",
        )
        .bind(class_id)
        .bind(exercise_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// Every attempt of a class, for the export, in the order made.
    pub async fn class_attempts(&self, class_id: &str) -> Result<Vec<ClassAttempt>> {
        Ok(sqlx::query_as::<_, ClassAttempt>(
            "SELECT a.id, t.id AS trainee_id, t.name, a.exercise_id, a.answer, a.created_at,
                    a.score, a.passed, NULL AS result
             FROM attempts a JOIN trainees t ON t.id = a.learner
             WHERE t.class_id = ? ORDER BY a.created_at, a.id",
        )
        .bind(class_id)
        .fetch_all(self.pool())
        .await?)
    }

    /// The trainee's own attempt, or None (also when it is someone else's).
    pub async fn attempt_of(
        &self,
        learner: &str,
        attempt_id: &str,
    ) -> Result<Option<super::attempts::Attempt>> {
        Ok(self
            .attempt(attempt_id)
            .await?
            .filter(|a| a.learner == learner))
    }

    // --- uploaded exercise files

    pub async fn save_uploaded_exercise(
        &self,
        exercise_id: &str,
        file_name: &str,
        text: &str,
    ) -> Result<()> {
        sqlx::query(
            "INSERT INTO uploaded_exercises (exercise_id, file_name, text, uploaded_at) VALUES (?, ?, ?, ?)
             ON CONFLICT(exercise_id) DO UPDATE SET file_name = excluded.file_name,
               text = excluded.text, uploaded_at = excluded.uploaded_at",
        )
        .bind(exercise_id)
        .bind(file_name)
        .bind(text)
        .bind(now())
        .execute(self.writer())
        .await?;
        Ok(())
    }

    pub async fn uploaded_exercises(&self) -> Result<Vec<UploadedExercise>> {
        Ok(sqlx::query_as::<_, UploadedExercise>(
            "SELECT exercise_id, file_name, text FROM uploaded_exercises ORDER BY uploaded_at, exercise_id",
        )
        .fetch_all(self.pool())
        .await?)
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
    fn tokens_are_128_bits_and_stored_hashed() {
        let a = new_token();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    async fn store() -> Store {
        Store::in_memory().await.expect("store")
    }

    #[tokio::test]
    async fn join_rejoin_and_sessions() {
        let s = store().await;
        let class = s.create_class("Comms 101").await.expect("class");
        let a = s
            .join_class(&class.code.to_lowercase(), "Sam  Jones")
            .await
            .expect("join");
        let again = s
            .join_class(&class.code, "sam jones")
            .await
            .expect("rejoin");
        assert_eq!(a.id, again.id, "same name and code: same trainee");
        assert_eq!(again.name, "Sam Jones");
        assert!(s.join_class("ZZZZZZ", "Sam").await.is_err());
        s.set_class_open(&class.id, false).await.expect("close");
        let refused = s.join_class(&class.code, "Kim").await;
        assert!(matches!(refused, Err(Error::Invalid(m)) if m.contains("closed")));

        let token = s
            .create_session(&SessionOwner::Trainee(a.clone()), 1)
            .await
            .expect("session");
        assert_eq!(
            s.session(&token).await.expect("lookup"),
            Some(SessionOwner::Trainee(a))
        );
        assert_eq!(s.session("nonsense").await.expect("lookup"), None);
        s.delete_session(&token).await.expect("delete");
        assert_eq!(s.session(&token).await.expect("lookup"), None);

        let expired = s
            .create_session(&SessionOwner::Trainer, -1)
            .await
            .expect("session");
        assert_eq!(s.session(&expired).await.expect("lookup"), None);
        assert_eq!(s.purge_expired_sessions().await.expect("purge"), 1);
    }

    #[tokio::test]
    async fn trainer_secret_is_kept_until_rotated() {
        let s = store().await;
        let first = s.trainer_secret(false).await.expect("secret");
        assert_eq!(s.trainer_secret(false).await.expect("secret"), first);
        let trainer = s
            .create_session(&SessionOwner::Trainer, 1)
            .await
            .expect("session");
        let second = s.trainer_secret(true).await.expect("rotate");
        assert_ne!(first, second);
        assert_eq!(
            s.session(&trainer).await.expect("lookup"),
            None,
            "rotation signs trainers out"
        );
    }

    #[tokio::test]
    async fn exercise_order_and_locks() {
        let s = store().await;
        let class = s.create_class("").await.expect("class");
        assert!(class.title.starts_with("Class of "));
        let ids: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        s.set_class_exercises(&class.id, &ids).await.expect("set");
        s.set_exercise_locked(&class.id, "b", true)
            .await
            .expect("lock");
        s.move_class_exercise(&class.id, "c", true)
            .await
            .expect("move");
        s.move_class_exercise(&class.id, "a", true)
            .await
            .expect("top stays");
        let order: Vec<(String, bool)> = s
            .class_exercises(&class.id)
            .await
            .expect("list")
            .into_iter()
            .map(|e| (e.exercise_id, e.locked))
            .collect();
        assert_eq!(
            order,
            vec![("a".into(), false), ("c".into(), false), ("b".into(), true)]
        );
        s.set_class_exercises(&class.id, &["b".to_string()])
            .await
            .expect("set");
        let left = s.class_exercises(&class.id).await.expect("list");
        assert_eq!(left.len(), 1);
        assert!(left[0].locked, "a kept exercise keeps its lock");
        assert!(s.set_exercise_locked(&class.id, "zzz", true).await.is_err());
    }

    #[tokio::test]
    async fn reveals_only_take_the_class_own_attempts() {
        let s = store().await;
        let class = s.create_class("A").await.expect("class");
        let other = s.create_class("B").await.expect("class");
        let t = s.join_class(&class.code, "Kim").await.expect("join");
        let stranger = s.join_class(&other.code, "Lee").await.expect("join");
        let mine = s
            .insert_attempt(&t.id, "ex", "monitor", "flood")
            .await
            .expect("attempt");
        let theirs = s
            .insert_attempt(&stranger.id, "ex", "monitor", "storm")
            .await
            .expect("attempt");
        s.record_grade(&mine, Some(80.0), Some(true), "{}")
            .await
            .expect("grade");
        s.reveal(&class.id, "ex", Some(&mine))
            .await
            .expect("reveal");
        s.reveal(&class.id, "ex", Some(&mine))
            .await
            .expect("twice is once");
        s.reveal(&class.id, "ex", None).await.expect("model");
        assert!(s.reveal(&class.id, "ex", Some(&theirs)).await.is_err());
        assert!(s.reveal(&class.id, "other", Some(&mine)).await.is_err());
        let shown = s.reveals(&class.id).await.expect("reveals");
        assert_eq!(shown.len(), 2);
        let attempt = shown
            .iter()
            .find(|r| r.attempt_id.is_some())
            .expect("attempt shared");
        assert_eq!(attempt.answer.as_deref(), Some("flood"));
        assert!(
            shown.iter().any(|r| r.attempt_id.is_none()),
            "model answer shared"
        );
        s.unreveal(&class.id, &attempt.id).await.expect("unreveal");
        assert_eq!(s.reveals(&class.id).await.expect("reveals").len(), 1);

        let best = s
            .class_attempts_per_trainee(&class.id, "ex", true)
            .await
            .expect("best");
        assert_eq!(best.len(), 1);
        assert_eq!(best[0].name, "Kim");
        let figures = s.class_figures(&class.id).await.expect("figures");
        assert_eq!(
            (figures[0].attempts, figures[0].trainees, figures[0].passed),
            (1, 1, 1)
        );
        assert!(
            s.attempt_of(&stranger.id, &mine)
                .await
                .expect("lookup")
                .is_none()
        );
        assert!(s.attempt_of(&t.id, &mine).await.expect("lookup").is_some());
    }

    #[tokio::test]
    async fn evaluations_replace_and_range() {
        let s = store().await;
        let class = s.create_class("A").await.expect("class");
        let t = s.join_class(&class.code, "Kim").await.expect("join");
        assert!(s.save_evaluation(&t, 6, "", "").await.is_err());
        s.save_evaluation(&t, 4, "Plan posts", "")
            .await
            .expect("save");
        s.save_evaluation(&t, 5, "Plan posts ahead", "Great")
            .await
            .expect("replace");
        let all = s.evaluations(&class.id).await.expect("list");
        assert_eq!(all.len(), 1);
        assert_eq!(all[0].effective, 5);
        assert_eq!(all[0].do_differently, "Plan posts ahead");
    }
}
