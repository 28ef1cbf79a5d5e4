//! The counts behind the holds on the classroom's ways in: one row per counted try, guess or
//! typo at a door (the limiter's key as text). Only the counting is here; the rules (the window,
//! how many make a hold, how long it lasts) are `app/limiter.rs`'s. Kept in the database so that
//! every node behind a load balancer counts against the same limits.

use crate::error::Result;
use crate::store::Store;

/// What a row counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// A try at the door (a join, a sign-in).
    Try,
    /// A guess: a wrong code far from every real one, a wrong key, a wrong rejoin word.
    Guess,
    /// A slip of a real code or word: shown to the trainer, never held against anyone.
    Typo,
}

impl Counted {
    pub fn as_str(self) -> &'static str {
        match self {
            Counted::Try => "try",
            Counted::Guess => "guess",
            Counted::Typo => "typo",
        }
    }

    fn from_str(text: &str) -> Option<Counted> {
        match text {
            "try" => Some(Counted::Try),
            "guess" => Some(Counted::Guess),
            "typo" => Some(Counted::Typo),
            _ => None,
        }
    }
}

/// How many of one kind a door has since a moment, and the oldest of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoorCount {
    pub door: String,
    pub kind: Counted,
    pub count: usize,
    /// Milliseconds since 1970.
    pub oldest: i64,
}

fn door_counts(rows: Vec<(String, String, i64, i64)>) -> Vec<DoorCount> {
    rows.into_iter()
        .filter_map(|(door, kind, count, oldest)| {
            Some(DoorCount {
                door,
                kind: Counted::from_str(&kind)?,
                count: usize::try_from(count).unwrap_or(0),
                oldest,
            })
        })
        .collect()
}

impl Store {
    /// Counts one try, guess or typo at a door, at `at` (milliseconds since 1970).
    pub async fn count_at_door(&self, door: &str, kind: Counted, at: i64) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query("INSERT INTO limit_counts (door, kind, at) VALUES ($1, $2, $3)")
                .bind(door)
                .bind(kind.as_str())
                .bind(at)
                .execute(write)
                .await?;
            Ok(())
        })
    }

    /// What one door has counted after `since`, by kind.
    pub async fn door_counts(&self, door: &str, since: i64) -> Result<Vec<DoorCount>> {
        on_db!(self, |read, write| {
            let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
                "SELECT door, kind, COUNT(*), MIN(at) FROM limit_counts
                 WHERE door = $1 AND at > $2 GROUP BY door, kind",
            )
            .bind(door)
            .bind(since)
            .fetch_all(read)
            .await?;
            Ok(door_counts(rows))
        })
    }

    /// What every door has counted after `since`, by door and kind.
    pub async fn all_door_counts(&self, since: i64) -> Result<Vec<DoorCount>> {
        on_db!(self, |read, write| {
            let rows: Vec<(String, String, i64, i64)> = sqlx::query_as(
                "SELECT door, kind, COUNT(*), MIN(at) FROM limit_counts
                 WHERE at > $1 GROUP BY door, kind ORDER BY door, kind",
            )
            .bind(since)
            .fetch_all(read)
            .await?;
            Ok(door_counts(rows))
        })
    }

    /// The time of the `skip`+1-th newest row of a kind at a door after `since`: the row whose
    /// ageing out brings the count below `skip`+1.
    pub async fn nth_newest_at_door(
        &self,
        door: &str,
        kind: Counted,
        since: i64,
        skip: usize,
    ) -> Result<Option<i64>> {
        let skip = i64::try_from(skip).unwrap_or(i64::MAX);
        on_db!(self, |read, write| {
            Ok(sqlx::query_scalar(
                "SELECT at FROM limit_counts WHERE door = $1 AND kind = $2 AND at > $3
                 ORDER BY at DESC LIMIT 1 OFFSET $4",
            )
            .bind(door)
            .bind(kind.as_str())
            .bind(since)
            .bind(skip)
            .fetch_optional(read)
            .await?)
        })
    }

    /// Forgets everything counted at a door; says how many rows went.
    pub async fn clear_door(&self, door: &str) -> Result<u64> {
        on_db!(self, |read, write| {
            Ok(sqlx::query("DELETE FROM limit_counts WHERE door = $1")
                .bind(door)
                .execute(write)
                .await?
                .rows_affected())
        })
    }

    /// Deletes every count at or before `before`; says how many went.
    pub async fn prune_door_counts(&self, before: i64) -> Result<u64> {
        on_db!(self, |read, write| {
            Ok(sqlx::query("DELETE FROM limit_counts WHERE at <= $1")
                .bind(before)
                .execute(write)
                .await?
                .rows_affected())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn counts_by_door_and_kind_and_prunes() {
        let store = Store::in_memory().await.expect("store");
        for at in [10, 20, 30] {
            store
                .count_at_door("join/10.0.0.1", Counted::Try, at)
                .await
                .expect("count");
        }
        store
            .count_at_door("join/10.0.0.1", Counted::Guess, 25)
            .await
            .expect("count");
        store
            .count_at_door("name/abc", Counted::Typo, 40)
            .await
            .expect("count");
        let one = store.door_counts("join/10.0.0.1", 10).await.expect("read");
        let tries = one.iter().find(|c| c.kind == Counted::Try).expect("tries");
        assert_eq!((tries.count, tries.oldest), (2, 20), "after 10 only");
        assert_eq!(one.len(), 2);
        assert_eq!(store.all_door_counts(0).await.expect("all").len(), 3);
        let nth = |skip| store.nth_newest_at_door("join/10.0.0.1", Counted::Try, 0, skip);
        assert_eq!(nth(0).await.expect("nth"), Some(30));
        assert_eq!(nth(2).await.expect("nth"), Some(10));
        assert_eq!(nth(3).await.expect("nth"), None);
        assert_eq!(store.prune_door_counts(20).await.expect("prune"), 2);
        assert_eq!(store.clear_door("join/10.0.0.1").await.expect("clear"), 2);
        assert_eq!(store.clear_door("join/10.0.0.1").await.expect("clear"), 0);
        assert_eq!(store.all_door_counts(0).await.expect("all").len(), 1);
    }
}
