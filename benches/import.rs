//! Import throughput: the same synthetic corpus indexed by raw Tantivy (the document's fields in a
//! plain schema: id, title, body, author, source, url, date; default tokenizer; documents already
//! parsed in memory) and by Sandpit's import (JSONL read and parsed, fields derived, the full
//! schema, replace-by-id), alternating in one run so machine noise hits both alike. Prints each
//! round, the median rates and their ratio.
//!
//! `cargo bench --bench import` (200,000 documents, 3 rounds; `BENCH_DOCS=20000 BENCH_ROUNDS=1`
//! for a quick run).

mod common;

use std::path::Path;
use std::time::Instant;

use tantivy::schema::{FAST, INDEXED, STORED, STRING, Schema, TEXT};
use tantivy::{Index, doc};

fn raw_tantivy(docs: &[serde_json::Value], dir: &Path) -> f64 {
    let mut b = Schema::builder();
    let id = b.add_text_field("id", STRING | STORED);
    let title = b.add_text_field("title", TEXT | STORED);
    let body = b.add_text_field("body", TEXT | STORED);
    let author = b.add_text_field("author", TEXT | STORED);
    let source = b.add_text_field("source", STRING | STORED);
    let url = b.add_text_field("url", STORED);
    let published = b.add_date_field("published", INDEXED | STORED | FAST);
    std::fs::create_dir_all(dir).expect("mkdir");
    let index = Index::create_in_dir(dir, b.build()).expect("index");
    let start = Instant::now();
    let mut writer: tantivy::IndexWriter = index.writer(128 * 1024 * 1024).expect("writer");
    let text = |v: &serde_json::Value, k: &str| v[k].as_str().unwrap_or_default().to_string();
    for v in docs {
        let date =
            chrono::DateTime::parse_from_rfc3339(v["published"].as_str().unwrap_or_default())
                .map(|d| d.timestamp())
                .unwrap_or_default();
        writer
            .add_document(doc!(
                id => text(v, "id"), title => text(v, "title"), body => text(v, "body"),
                author => text(v, "author"), source => text(v, "source"), url => text(v, "url"),
                published => tantivy::DateTime::from_timestamp_secs(date),
            ))
            .expect("add");
    }
    writer.commit().expect("commit");
    start.elapsed().as_secs_f64()
}

fn sandpit_import(corpus: &Path, dir: &Path) -> f64 {
    let runtime = tokio::runtime::Runtime::new().expect("runtime");
    runtime.block_on(async {
        let app = sandpit::app::App::open(sandpit::config::Config::new(dir))
            .await
            .expect("app");
        let start = Instant::now();
        app.import_paths("synthetic", vec![corpus.to_path_buf()], |_| {})
            .await
            .expect("import");
        start.elapsed().as_secs_f64()
    })
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let n = common::docs_from_env(200_000);
    let rounds: usize = std::env::var("BENCH_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = dir.path().join("synthetic.jsonl");
    common::write_corpus(&corpus, n).expect("write corpus");
    let bytes = std::fs::metadata(&corpus).map(|m| m.len()).unwrap_or(0);
    println!(
        "corpus: {n} documents, {:.1} MB of JSONL",
        bytes as f64 / 1e6
    );
    let docs: Vec<serde_json::Value> = std::fs::read_to_string(&corpus)
        .expect("read")
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();

    let (mut raw, mut ours) = (Vec::new(), Vec::new());
    for round in 1..=rounds {
        let r = n as f64 / raw_tantivy(&docs, &dir.path().join(format!("raw{round}")));
        let s = n as f64 / sandpit_import(&corpus, &dir.path().join(format!("sandpit{round}")));
        println!("round {round}: raw tantivy {r:>8.0} docs/s   sandpit import {s:>8.0} docs/s");
        raw.push(r);
        ours.push(s);
        // Free the disk between rounds: 200,000 documents take about 1 GB per index.
        let _ = std::fs::remove_dir_all(dir.path().join(format!("raw{round}")));
        let _ = std::fs::remove_dir_all(dir.path().join(format!("sandpit{round}")));
    }
    let (raw, ours) = (median(raw), median(ours));
    println!("median: raw tantivy {raw:.0} docs/s, sandpit import {ours:.0} docs/s");
    println!(
        "ratio: sandpit / raw = {:.0}% (target at least 60%)",
        100.0 * ours / raw
    );
}
