//! Sandpit: a practice ground for public-sector social media work.

pub mod app; // the application: index + database + config, and operations spanning them
pub mod catalog; // shipped corpora and exercises, loaded and validated
pub mod compose; // drafts → platform counts, style findings, readability
pub mod config; // settings, validated once
pub mod error; // the error type: user mistakes apart from internal failures
pub mod fetch; // the network: fetching feeds and article pages, with the address guard
pub mod grade; // marking attempts: monitoring, rewrite, triage
pub mod index; // the Tantivy index: schema, writing, searching
pub mod ingest; // sources → documents: JSONL, feeds, OPML, cleaning
pub mod query; // the monitoring query language
pub mod store; // the database (SQLite or PostgreSQL): corpora, imports, classes, attempts
pub mod text; // the normative tokenizer, hashtags, mentions, hosts
pub mod web; // the axum server: pages, JSON API, assets

/// mimalloc instead of the system allocator: a search allocates and frees many short-lived
/// buffers (postings blocks, decompressed store blocks, hits) on several threads at once, and
/// glibc's malloc spent about a sixth of the server's time on them under load.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
