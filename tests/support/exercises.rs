//! An app for the exercise tests: in memory, with the mini corpus of `tests/data` or the shipped
//! corpora loaded.

use std::path::PathBuf;

use sandpit::app::App;

pub fn data(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(path)
}

pub async fn app_with_mini() -> App {
    let app = App::in_memory().await.expect("app");
    app.import_paths("mini", vec![data("corpus/mini.jsonl")], |_| {})
        .await
        .expect("mini imports");
    app
}

pub async fn app_with_shipped() -> App {
    let app = App::in_memory().await.expect("app");
    sandpit::app::ensure_shipped(&app)
        .await
        .expect("shipped corpora load");
    app
}
