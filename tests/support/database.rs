//! The database a test server runs on. Without `SANDPIT_TEST_DATABASE_URL` that is the SQLite file
//! in the server's data directory, as on a laptop. With it (`.ci/run` sets it for its second pass),
//! each data directory gets a fresh PostgreSQL database of its own on that server, so the tests
//! that start servers, in this process or as the real binary, run on PostgreSQL too. The
//! database's URL is written into the data directory (`test-database-url`), so a server started
//! again on the same directory (a restart test) finds the same database.
//!
//! Also compiled into the benchmarks and the cluster test, so it names nothing else of the
//! test support.

use std::path::Path;

/// The PostgreSQL server the tests may use, if one is named.
pub fn test_server() -> Option<String> {
    std::env::var("SANDPIT_TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.trim().is_empty())
}

/// The file in a data directory that names the database its servers use.
const MARKER: &str = "test-database-url";

/// The database URL for servers on `data_dir`: None for SQLite (no test server named), else the
/// PostgreSQL database made for this directory, made now on first use. Blocking; safe to call
/// from inside an async runtime (the work runs on a thread of its own).
pub fn database_for(data_dir: &Path) -> Result<Option<String>, String> {
    let Some(server) = test_server() else {
        return Ok(None);
    };
    let marker = data_dir.join(MARKER);
    if let Ok(url) = std::fs::read_to_string(&marker) {
        return Ok(Some(url.trim().to_string()));
    }
    let url = fresh_database(&server)?;
    std::fs::create_dir_all(data_dir).map_err(|e| format!("{}: {e}", data_dir.display()))?;
    std::fs::write(&marker, &url).map_err(|e| format!("{}: {e}", marker.display()))?;
    Ok(Some(url))
}

/// Creates an empty database on the PostgreSQL server `server` names and returns its URL.
/// Blocking, on a thread and runtime of its own.
pub fn fresh_database(server: &str) -> Result<String, String> {
    let server = server.to_string();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| e.to_string())?;
        runtime.block_on(create_database(&server))
    })
    .join()
    .map_err(|_| "creating a test database panicked".to_string())?
}

async fn create_database(server: &str) -> Result<String, String> {
    use sqlx::Connection;
    let mut url = url::Url::parse(server)
        .map_err(|e| format!("SANDPIT_TEST_DATABASE_URL {server:?}: {e}"))?;
    let name = format!("sandpit_test_{}", sandpit::store::new_id());
    let mut admin = sqlx::PgConnection::connect(server)
        .await
        .map_err(|e| format!("cannot reach the test database server {server}: {e}"))?;
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut admin)
        .await
        .map_err(|e| format!("CREATE DATABASE {name}: {e}"))?;
    let _ = admin.close().await;
    url.set_path(&name);
    Ok(url.to_string())
}
