//! Who is signed in: the trainer's secret, the tokens in cookies and links, and the sessions
//! they open. Only a token's hash is stored, so the database alone signs no one in.

use chrono::{Duration, Utc};
use sha2::{Digest, Sha256};

use super::trainees::Trainee;
use crate::error::Result;
use crate::store::programmes::ProgrammeLearner;
use crate::store::{Store, now, stamp};

/// The trainer's secret: the link printed at start-up carries it.
const TRAINER_SECRET: &str = "trainer_secret";

/// Who a session belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionOwner {
    Trainer,
    Trainee(Trainee),
    /// A learner of a programme (docs/programmes.md): a lasting account, not a class's trainee.
    Learner(ProgrammeLearner),
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

fn later(hours: i64) -> String {
    stamp(Utc::now() + Duration::hours(hours))
}

impl Store {
    // --- the trainer's secret

    /// The trainer's secret, made on first use and kept across restarts; `rotate` replaces it
    /// and signs every trainer out.
    pub async fn trainer_secret(&self, rotate: bool) -> Result<String> {
        on_db!(self, |read, write| {
            if !rotate {
                let stored: Option<String> =
                    sqlx::query_scalar("SELECT value FROM classroom_settings WHERE name = $1")
                        .bind(TRAINER_SECRET)
                        .fetch_optional(read)
                        .await?;
                if let Some(secret) = stored {
                    return Ok(secret);
                }
            }
            let secret = new_token();
            sqlx::query(
            "INSERT INTO classroom_settings (name, value, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT(name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
        )
        .bind(TRAINER_SECRET)
        .bind(&secret)
        .bind(now())
        .execute(write)
        .await?;
            if rotate {
                sqlx::query("DELETE FROM sessions WHERE role = 'trainer'")
                    .execute(write)
                    .await?;
            }
            Ok(secret)
        })
    }

    /// Starts a session and returns the token for the cookie.
    pub async fn create_session(&self, owner: &SessionOwner, hours: i64) -> Result<String> {
        on_db!(self, |read, write| {
            let token = new_token();
            let (role, trainee, learner) = match owner {
                SessionOwner::Trainer => ("trainer", None, None),
                SessionOwner::Trainee(t) => ("trainee", Some(t.id.as_str()), None),
                SessionOwner::Learner(l) => ("learner", None, Some(l.id.as_str())),
            };
            sqlx::query(
                "INSERT INTO sessions (token_hash, role, trainee_id, learner_id, created_at,
                                       expires_at)
             VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(token_hash(&token))
            .bind(role)
            .bind(trainee)
            .bind(learner)
            .bind(now())
            .bind(later(hours))
            .execute(write)
            .await?;
            Ok(token)
        })
    }

    /// Who holds this token, if it is a live session.
    pub async fn session(&self, token: &str) -> Result<Option<SessionOwner>> {
        on_db!(self, |read, write| {
            #[derive(sqlx::FromRow)]
            struct Row {
                role: String,
                id: Option<String>,
                class_id: Option<String>,
                name: Option<String>,
                joined_at: Option<String>,
                learner_id: Option<String>,
                cohort_id: Option<String>,
                learner_name: Option<String>,
            }
            let row = sqlx::query_as::<_, Row>(
                "SELECT s.role, t.id, t.class_id, t.name, t.joined_at,
                    l.id AS learner_id, l.cohort_id, l.name AS learner_name
             FROM sessions s LEFT JOIN trainees t ON t.id = s.trainee_id
             LEFT JOIN learners l ON l.id = s.learner_id
             WHERE s.token_hash = $1 AND s.expires_at > $2",
            )
            .bind(token_hash(token))
            .bind(now())
            .fetch_optional(read)
            .await?;
            Ok(match row {
                Some(r) if r.role == "trainer" => Some(SessionOwner::Trainer),
                Some(Row {
                    learner_id: Some(id),
                    cohort_id: Some(cohort_id),
                    learner_name: Some(name),
                    ..
                }) => Some(SessionOwner::Learner(ProgrammeLearner {
                    id,
                    cohort_id,
                    name,
                })),
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
        })
    }

    pub async fn delete_session(&self, token: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                .bind(token_hash(token))
                .execute(write)
                .await?;
            Ok(())
        })
    }

    /// Forgets sessions past their time (run at start-up).
    pub async fn purge_expired_sessions(&self) -> Result<u64> {
        on_db!(self, |read, write| {
            Ok(sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                .bind(now())
                .execute(write)
                .await?
                .rows_affected())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;
    use crate::store::classroom::store;

    #[test]
    fn tokens_are_128_bits_and_stored_hashed() {
        let a = new_token();
        assert_eq!(a.len(), 32);
        assert_ne!(a, new_token());
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[tokio::test]
    async fn join_rejoin_and_sessions() {
        let s = store().await;
        let class = s.create_class("Comms 101").await.expect("class");
        let a = s
            .join_class(&class.code.to_lowercase(), "Sam  Jones")
            .await
            .expect("join");
        assert_eq!(a.name, "Sam Jones");
        let again = s.join_class(&class.code, "sam jones").await;
        assert!(
            matches!(&again, Err(Error::Invalid(m)) if m.contains("already joined")),
            "the same name is not silently the same trainee: {again:?}"
        );
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
}
