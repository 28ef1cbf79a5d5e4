//! Import throughput: the same synthetic corpus indexed by raw Tantivy (a minimal schema, default
//! tokenizer, documents already in memory) and by Sandpit's import (JSONL read and parsed, fields
//! derived, full schema, replace-by-id), in one run. Prints both rates and their ratio.
//!
//! `cargo bench --bench import` (200,000 documents; `BENCH_DOCS=20000` for a quick run).

mod common;

use std::time::Instant;

use tantivy::schema::{STORED, Schema, TEXT};
use tantivy::{Index, doc};

fn main() {
    let n = common::docs_from_env(200_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("synthetic.jsonl");
    common::write_corpus(&corpus, n).expect("write corpus");
    let bytes = std::fs::metadata(&corpus).map(|m| m.len()).unwrap_or(0);
    println!(
        "corpus: {n} documents, {:.1} MB of JSONL",
        bytes as f64 / 1e6
    );

    // Raw Tantivy: title and body, documents parsed beforehand so only indexing is timed.
    let docs: Vec<(String, String)> = std::fs::read_to_string(&corpus)
        .expect("read")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("json");
            (
                v["title"].as_str().unwrap_or_default().to_string(),
                v["body"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let mut b = Schema::builder();
    let title = b.add_text_field("title", TEXT | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    let raw_dir = dir.path().join("raw");
    std::fs::create_dir_all(&raw_dir).expect("mkdir");
    let index = Index::create_in_dir(&raw_dir, b.build()).expect("index");
    let start = Instant::now();
    let mut writer: tantivy::IndexWriter = index.writer(128 * 1024 * 1024).expect("writer");
    for (t, bd) in &docs {
        writer
            .add_document(doc!(title => t.as_str(), body => bd.as_str()))
            .expect("add");
    }
    writer.commit().expect("commit");
    let raw = start.elapsed();
    drop(writer);
    drop(docs);
    let raw_rate = n as f64 / raw.as_secs_f64();
    println!(
        "raw tantivy:     {:>8.0} docs/s ({:.1} s)",
        raw_rate,
        raw.as_secs_f64()
    );

    // Sandpit: the real import path, from the JSONL file.
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    let data = dir.path().join("sandpit");
    let (elapsed, summary) = runtime.block_on(async {
        let app = sandpit::app::App::open(sandpit::config::Config::new(&data))
            .await
            .expect("app");
        let start = Instant::now();
        let summary = app
            .import_paths("synthetic", vec![corpus.clone()], |_| {})
            .await
            .expect("import");
        (start.elapsed(), summary)
    });
    let rate = n as f64 / elapsed.as_secs_f64();
    println!(
        "sandpit import:  {:>8.0} docs/s ({:.1} s) [{summary}]",
        rate,
        elapsed.as_secs_f64()
    );
    println!(
        "ratio: sandpit / raw = {:.0}% (target at least 60%)",
        100.0 * rate / raw_rate
    );
}
