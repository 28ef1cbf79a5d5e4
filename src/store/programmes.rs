//! Programmes' accounts (issue 19): cohorts, their learners, the learners' sign-in links and
//! passphrase hashes. Links are stored as the SHA-256 of their token, as sessions are, so a copy
//! of the database opens no account; passphrases arrive here already hashed (Argon2id, in
//! `app::programmes`). The rules (who may set a passphrase, holds on wrong guesses) are the
//! application's; this module only keeps the rows.

use crate::error::Result;
use crate::store::classroom::{new_token, token_hash};
use crate::store::{Store, new_id, now};

/// A cohort: a group of learners a trainer follows through a programme.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Cohort {
    pub id: String,
    pub title: String,
    pub created_at: String,
}

/// A cohort and how many learners it has, for the trainer's list.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CohortSummary {
    pub id: String,
    pub title: String,
    pub created_at: String,
    pub learners: i64,
}

/// A learner of a programme: a lasting identity, unlike a class's trainee.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct ProgrammeLearner {
    pub id: String,
    pub cohort_id: String,
    pub name: String,
}

/// A learner as the trainer sees them: how far their account has got.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct LearnerStatus {
    pub id: String,
    pub name: String,
    pub email: String,
    pub team: String,
    pub created_at: String,
    pub last_seen_at: Option<String>,
    pub passphrase_set: bool,
    /// When the learner's live link (the latest, not revoked) was issued and first used.
    pub link_issued_at: Option<String>,
    pub link_used_at: Option<String>,
}

/// A learner to add: name already tidied, with its key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLearner {
    pub name: String,
    pub name_key: String,
    pub email: String,
    pub team: String,
}

/// What a sign-in link leads to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkTarget {
    pub learner: ProgrammeLearner,
    pub cohort_title: String,
    /// The learner's passphrase hash, if they have set one.
    pub passphrase_hash: Option<String>,
    /// The link was used before (to set a passphrase).
    pub used: bool,
    /// A newer link replaced this one.
    pub revoked: bool,
}

#[derive(sqlx::FromRow)]
struct LinkRow {
    id: String,
    cohort_id: String,
    name: String,
    title: String,
    passphrase_hash: Option<String>,
    used_at: Option<String>,
    revoked: bool,
}

impl Store {
    pub async fn create_cohort(&self, title: &str) -> Result<Cohort> {
        on_db!(self, |read, write| {
            let cohort = Cohort {
                id: new_id(),
                title: title.to_string(),
                created_at: now(),
            };
            sqlx::query("INSERT INTO cohorts (id, title, created_at) VALUES ($1, $2, $3)")
                .bind(&cohort.id)
                .bind(&cohort.title)
                .bind(&cohort.created_at)
                .execute(write)
                .await?;
            Ok(cohort)
        })
    }

    pub async fn cohort(&self, id: &str) -> Result<Option<Cohort>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, Cohort>(
                "SELECT id, title, created_at FROM cohorts WHERE id = $1",
            )
            .bind(id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Every cohort, newest first, with its number of learners.
    pub async fn cohorts(&self) -> Result<Vec<CohortSummary>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, CohortSummary>(
                "SELECT c.id, c.title, c.created_at,
                        (SELECT COUNT(*) FROM learners l WHERE l.cohort_id = c.id) AS learners
                 FROM cohorts c ORDER BY c.created_at DESC, c.id",
            )
            .fetch_all(read)
            .await?)
        })
    }

    /// The name keys already in a cohort.
    pub async fn cohort_name_keys(&self, cohort_id: &str) -> Result<Vec<String>> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_scalar("SELECT name_key FROM learners WHERE cohort_id = $1")
                    .bind(cohort_id)
                    .fetch_all(read)
                    .await?,
            )
        })
    }

    /// Adds learners to a cohort, each with a new sign-in link, all or none: one transaction.
    /// Returns each learner with their link's token (shown to the trainer once), or None when
    /// a name is already in the cohort (someone added it meanwhile); then nothing is added.
    pub async fn add_learners(
        &self,
        cohort_id: &str,
        learners: &[NewLearner],
    ) -> Result<Option<Vec<(ProgrammeLearner, String)>>> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            let mut out = Vec::new();
            let at = now();
            for l in learners {
                let learner = ProgrammeLearner {
                    id: new_id(),
                    cohort_id: cohort_id.to_string(),
                    name: l.name.clone(),
                };
                let done = sqlx::query(
                    "INSERT INTO learners (id, cohort_id, name, name_key, email, team, created_at)
                     VALUES ($1, $2, $3, $4, $5, $6, $7)
                     ON CONFLICT(cohort_id, name_key) DO NOTHING",
                )
                .bind(&learner.id)
                .bind(cohort_id)
                .bind(&l.name)
                .bind(&l.name_key)
                .bind(&l.email)
                .bind(&l.team)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
                if done.rows_affected() != 1 {
                    tx.rollback().await?;
                    return Ok(None);
                }
                let token = new_token();
                sqlx::query(
                    "INSERT INTO learner_links (token_hash, learner_id, created_at)
                     VALUES ($1, $2, $3)",
                )
                .bind(token_hash(&token))
                .bind(&learner.id)
                .bind(&at)
                .execute(&mut *tx)
                .await?;
                out.push((learner, token));
            }
            tx.commit().await?;
            Ok(Some(out))
        })
    }

    /// The learners of a cohort in name order, with the state of their account.
    pub async fn cohort_learners(&self, cohort_id: &str) -> Result<Vec<LearnerStatus>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, LearnerStatus>(
                "SELECT l.id, l.name, l.email, l.team, l.created_at, l.last_seen_at,
                        l.passphrase_hash IS NOT NULL AS passphrase_set,
                        k.created_at AS link_issued_at, k.used_at AS link_used_at
                 FROM learners l
                 LEFT JOIN learner_links k ON k.learner_id = l.id AND k.revoked = FALSE
                 WHERE l.cohort_id = $1
                 ORDER BY l.name_key, l.id",
            )
            .bind(cohort_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// A learner of a cohort, if that learner is in it.
    pub async fn programme_learner(
        &self,
        cohort_id: &str,
        learner_id: &str,
    ) -> Result<Option<ProgrammeLearner>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ProgrammeLearner>(
                "SELECT id, cohort_id, name FROM learners WHERE id = $1 AND cohort_id = $2",
            )
            .bind(learner_id)
            .bind(cohort_id)
            .fetch_optional(read)
            .await?)
        })
    }

    /// A new link for a learner. Their earlier links are revoked and their sessions end, in the
    /// same transaction: a reissue is what a trainer does when a link (or a device) is lost.
    pub async fn reissue_link(&self, learner_id: &str) -> Result<String> {
        on_db!(self, |read, write| {
            let token = new_token();
            let mut tx = write.begin().await?;
            sqlx::query("UPDATE learner_links SET revoked = TRUE WHERE learner_id = $1")
                .bind(learner_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM sessions WHERE learner_id = $1")
                .bind(learner_id)
                .execute(&mut *tx)
                .await?;
            sqlx::query(
                "INSERT INTO learner_links (token_hash, learner_id, created_at) VALUES ($1, $2, $3)",
            )
            .bind(token_hash(&token))
            .bind(learner_id)
            .bind(now())
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(token)
        })
    }

    /// Where a link's token leads, if it is a link at all.
    pub async fn link_target(&self, token: &str) -> Result<Option<LinkTarget>> {
        on_db!(self, |read, write| {
            let row = sqlx::query_as::<_, LinkRow>(
                "SELECT l.id, l.cohort_id, l.name, c.title, l.passphrase_hash, k.used_at, k.revoked
                 FROM learner_links k
                 JOIN learners l ON l.id = k.learner_id
                 JOIN cohorts c ON c.id = l.cohort_id
                 WHERE k.token_hash = $1",
            )
            .bind(token_hash(token))
            .fetch_optional(read)
            .await?;
            Ok(row.map(|r| LinkTarget {
                learner: ProgrammeLearner {
                    id: r.id,
                    cohort_id: r.cohort_id,
                    name: r.name,
                },
                cohort_title: r.title,
                passphrase_hash: r.passphrase_hash,
                used: r.used_at.is_some(),
                revoked: r.revoked,
            }))
        })
    }

    /// Sets a learner's passphrase through a link that is live and not used yet; marks the
    /// link used. False when the link was used or revoked meanwhile (nothing changes).
    pub async fn set_passphrase_by_link(&self, token: &str, hash: &str) -> Result<bool> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            let at = now();
            let learner: Option<String> = sqlx::query_scalar(
                "UPDATE learner_links SET used_at = $1
                 WHERE token_hash = $2 AND used_at IS NULL AND revoked = FALSE
                 RETURNING learner_id",
            )
            .bind(&at)
            .bind(token_hash(token))
            .fetch_optional(&mut *tx)
            .await?;
            let Some(learner) = learner else {
                tx.rollback().await?;
                return Ok(false);
            };
            sqlx::query(
                "UPDATE learners SET passphrase_hash = $1, last_seen_at = $2 WHERE id = $3",
            )
            .bind(hash)
            .bind(&at)
            .bind(&learner)
            .execute(&mut *tx)
            .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// The learners of every cohort with this name key, with their passphrase hashes (those
    /// who have set one), for signing in by name.
    pub async fn learners_named(&self, name_key: &str) -> Result<Vec<(ProgrammeLearner, String)>> {
        on_db!(self, |read, write| {
            let rows = sqlx::query_as::<_, (String, String, String, String)>(
                "SELECT id, cohort_id, name, passphrase_hash FROM learners
                 WHERE name_key = $1 AND passphrase_hash IS NOT NULL
                 ORDER BY created_at, id",
            )
            .bind(name_key)
            .fetch_all(read)
            .await?;
            Ok(rows
                .into_iter()
                .map(|(id, cohort_id, name, hash)| {
                    (
                        ProgrammeLearner {
                            id,
                            cohort_id,
                            name,
                        },
                        hash,
                    )
                })
                .collect())
        })
    }

    /// Notes that a learner was here now.
    pub async fn learner_seen(&self, learner_id: &str) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("UPDATE learners SET last_seen_at = $1 WHERE id = $2")
                .bind(now())
                .bind(learner_id)
                .execute(write)
                .await?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::classroom::SessionOwner;

    fn new(name: &str) -> NewLearner {
        NewLearner {
            name: name.into(),
            name_key: name.to_lowercase(),
            email: String::new(),
            team: String::new(),
        }
    }

    #[tokio::test]
    async fn learners_links_and_sessions() {
        let s = Store::in_memory().await.expect("store");
        let cohort = s.create_cohort("Spring comms").await.expect("cohort");
        let added = s
            .add_learners(&cohort.id, &[new("Ana Silva"), new("Ben Okoro")])
            .await
            .expect("add")
            .expect("all new");
        assert_eq!(added.len(), 2);
        // A name already there: nothing of the batch is added.
        let again = s
            .add_learners(&cohort.id, &[new("Cy Dale"), new("Ben Okoro")])
            .await
            .expect("add");
        assert!(again.is_none());
        assert_eq!(s.cohort_learners(&cohort.id).await.expect("list").len(), 2);

        let (ana, link) = &added[0];
        let target = s.link_target(link).await.expect("look").expect("a link");
        assert_eq!(&target.learner, ana);
        assert!(!target.used && !target.revoked && target.passphrase_hash.is_none());
        assert!(
            s.set_passphrase_by_link(link, "$argon2id$x")
                .await
                .expect("set")
        );
        assert!(
            !s.set_passphrase_by_link(link, "$argon2id$y")
                .await
                .expect("once")
        );
        let named = s.learners_named("ana silva").await.expect("named");
        assert_eq!(named, vec![(ana.clone(), "$argon2id$x".to_string())]);

        let session = s
            .create_session(&SessionOwner::Learner(ana.clone()), 1)
            .await
            .expect("session");
        assert_eq!(
            s.session(&session).await.expect("look"),
            Some(SessionOwner::Learner(ana.clone()))
        );
        let fresh = s.reissue_link(&ana.id).await.expect("reissue");
        let old = s.link_target(link).await.expect("look").expect("kept");
        assert!(old.revoked, "a reissue revokes the earlier link");
        assert_eq!(s.session(&session).await.expect("look"), None);
        let status = s.cohort_learners(&cohort.id).await.expect("list");
        assert!(status[0].passphrase_set && status[0].link_used_at.is_none());
        assert!(
            s.set_passphrase_by_link(&fresh, "$argon2id$z")
                .await
                .expect("new")
        );
    }
}
