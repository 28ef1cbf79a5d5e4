//! Exercise files a trainer uploads, kept in the database so they are there again after a
//! restart.

use crate::error::Result;
use crate::store::{Store, now};

/// An exercise file uploaded by a trainer.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct UploadedExercise {
    pub exercise_id: String,
    pub file_name: String,
    pub text: String,
}

impl Store {
    pub async fn save_uploaded_exercise(
        &self,
        exercise_id: &str,
        file_name: &str,
        text: &str,
    ) -> Result<()> {
        on_db!(self, |read, write| {
            sqlx::query(
            "INSERT INTO uploaded_exercises (exercise_id, file_name, text, uploaded_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT(exercise_id) DO UPDATE SET file_name = excluded.file_name,
               text = excluded.text, uploaded_at = excluded.uploaded_at",
        )
        .bind(exercise_id)
        .bind(file_name)
        .bind(text)
        .bind(now())
        .execute(write)
        .await?;
            Ok(())
        })
    }

    pub async fn uploaded_exercises(&self) -> Result<Vec<UploadedExercise>> {
        on_db!(self, |read, write| {
            Ok(sqlx::query_as::<_, UploadedExercise>(
            "SELECT exercise_id, file_name, text FROM uploaded_exercises ORDER BY uploaded_at, exercise_id",
        )
        .fetch_all(read)
        .await?)
        })
    }

    /// How many uploaded exercises there are and when the latest came: a cheap mark that
    /// changes whenever a trainer on any node uploads, for nodes to know when to load them.
    pub async fn uploaded_exercises_mark(&self) -> Result<(i64, Option<String>)> {
        on_db!(self, |read, write| {
            Ok(
                sqlx::query_as("SELECT COUNT(*), MAX(uploaded_at) FROM uploaded_exercises")
                    .fetch_one(read)
                    .await?,
            )
        })
    }
}
