//! The exercises of a class: which, in what order, and which are locked. The trainer changes
//! these during a class, so each change is one write that keeps what it does not touch.

use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::Store;

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow, Serialize)]
pub struct ClassExercise {
    pub exercise_id: String,
    pub position: i64,
    pub locked: bool,
}

impl Store {
    pub async fn class_exercises(&self, class_id: &str) -> Result<Vec<ClassExercise>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, ClassExercise>(
                "SELECT exercise_id, position, locked FROM class_exercises
             WHERE class_id = $1 ORDER BY position, exercise_id",
            )
            .bind(class_id)
            .fetch_all(read)
            .await?)
        })
    }

    /// Sets the exercises of a class, in this order; an exercise kept keeps its lock.
    pub async fn set_class_exercises(&self, class_id: &str, ids: &[String]) -> Result<()> {
        on_db!(self, |read, write| {
            let mut tx = write.begin().await?;
            let current: Vec<String> =
                sqlx::query_scalar("SELECT exercise_id FROM class_exercises WHERE class_id = $1")
                    .bind(class_id)
                    .fetch_all(&mut *tx)
                    .await?;
            for gone in current.iter().filter(|id| !ids.contains(id)) {
                sqlx::query("DELETE FROM class_exercises WHERE class_id = $1 AND exercise_id = $2")
                    .bind(class_id)
                    .bind(gone)
                    .execute(&mut *tx)
                    .await?;
            }
            for (position, id) in ids.iter().enumerate() {
                sqlx::query(
                    "INSERT INTO class_exercises (class_id, exercise_id, position, locked)
                 VALUES ($1, $2, $3, FALSE)
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
        })
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
        on_db!(self, |read, write| {
            let changed = sqlx::query(
                "UPDATE class_exercises SET locked = $1 WHERE class_id = $2 AND exercise_id = $3",
            )
            .bind(locked)
            .bind(class_id)
            .bind(exercise_id)
            .execute(write)
            .await?
            .rows_affected();
            if changed == 0 {
                return Err(Error::not_found(format!(
                    "exercise {exercise_id:?} is not in this class"
                )));
            }
            Ok(())
        })
    }
}

impl Store {
    /// Locks (or opens) every exercise of a class at once; returns how many there are.
    pub async fn set_all_exercises_locked(&self, class_id: &str, locked: bool) -> Result<u64> {
        on_db!(self, |read, write| {
            sqlx::query("UPDATE class_exercises SET locked = $1 WHERE class_id = $2")
                .bind(locked)
                .bind(class_id)
                .execute(write)
                .await?;
            let count: i64 =
                sqlx::query_scalar("SELECT COUNT(*) FROM class_exercises WHERE class_id = $1")
                    .bind(class_id)
                    .fetch_one(write)
                    .await?;
            Ok(count as u64)
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::classroom::store;

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
        s.set_class_exercises(&class.id, &ids).await.expect("set");
        assert_eq!(
            s.set_all_exercises_locked(&class.id, true)
                .await
                .expect("all"),
            3
        );
        assert!(
            s.class_exercises(&class.id)
                .await
                .expect("list")
                .iter()
                .all(|e| e.locked)
        );
        assert_eq!(
            s.set_all_exercises_locked(&class.id, false)
                .await
                .expect("all"),
            3
        );
        assert!(
            s.class_exercises(&class.id)
                .await
                .expect("list")
                .iter()
                .all(|e| !e.locked)
        );
    }
}
