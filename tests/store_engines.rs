//! The two engines keep one schema: `migrations/sqlite` and `migrations/postgres` hold the same
//! versions, and the tables they build have the same columns, kinds and nullability. A migration
//! added to one folder only, or a column typed differently, fails here.
//!
//! The comparison with PostgreSQL runs when `SANDPIT_TEST_DATABASE_URL` names a server (as
//! `.ci/run` sets it); without one it says so and checks the SQLite side and the folders.

use std::collections::BTreeSet;
use std::path::Path;

use sandpit::store::{ColumnKind, Store};

fn versions(folder: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(folder);
    std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| {
            entry
                .expect("entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".sql"))
        .collect()
}

#[test]
fn both_engines_have_the_same_migrations() {
    let sqlite = versions("sqlite");
    let postgres = versions("postgres");
    assert!(!sqlite.is_empty(), "no migrations found");
    assert_eq!(
        sqlite, postgres,
        "every migration exists for both engines, under the same file name"
    );
}

#[tokio::test]
async fn sqlite_schema_uses_only_portable_kinds() {
    let store = sqlite_store().await;
    let columns = store.schema().await.expect("schema");
    assert!(
        columns
            .iter()
            .any(|c| c.table == "attempts" && c.name == "answer")
    );
    let odd: Vec<_> = columns
        .iter()
        .filter(|c| c.kind == ColumnKind::Other)
        .collect();
    assert!(
        odd.is_empty(),
        "columns of a kind only one engine has: {odd:?}"
    );
}

async fn sqlite_store() -> Store {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(&dir.path().join("sandpit.db"))
        .await
        .expect("sqlite store");
    // The folder may go: SQLite keeps the open file.
    std::mem::forget(dir);
    store
}

#[tokio::test]
async fn both_engines_build_the_same_tables() {
    let Ok(server) = std::env::var("SANDPIT_TEST_DATABASE_URL") else {
        eprintln!("SANDPIT_TEST_DATABASE_URL is not set: the PostgreSQL schema is not compared");
        return;
    };
    assert!(!server.is_empty());
    // `in_memory` makes a fresh PostgreSQL database when the variable is set.
    let postgres = Store::in_memory().await.expect("postgres store");
    assert_eq!(postgres.engine_name(), "postgres");
    let sqlite = sqlite_store().await;
    let (a, b) = (
        sqlite.schema().await.expect("sqlite schema"),
        postgres.schema().await.expect("postgres schema"),
    );
    let only_sqlite: Vec<_> = a.iter().filter(|c| !b.contains(c)).collect();
    let only_postgres: Vec<_> = b.iter().filter(|c| !a.contains(c)).collect();
    assert!(
        only_sqlite.is_empty() && only_postgres.is_empty(),
        "the engines' schemas differ:\n  only in SQLite: {only_sqlite:?}\n  only in PostgreSQL: {only_postgres:?}"
    );
}
