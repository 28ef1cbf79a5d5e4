//! `sandpit search`: one query printed for a person (or as JSON), or a batch of queries from
//! stdin, one JSON string a line, answered with every matching id.

use std::future::Future;
use std::io::{BufRead, Write};
use std::pin::Pin;
use std::task::{Context, Poll};

use sandpit::app::{App, SearchParams};
use sandpit::error::{Error, Result};
use sandpit::index::search::SortOrder;

#[derive(clap::Args)]
pub struct SearchArgs {
    /// The corpus to search.
    #[arg(long)]
    pub corpus: String,
    /// Print the results as JSON: {"total","hits":[{"id","title","source","published","url","snippet"}]}.
    #[arg(long, conflicts_with = "jsonl")]
    pub json: bool,
    /// Batch mode: read one query a line (a JSON string) from stdin; print
    /// {"query","total","ids"} or {"query","error":{"message","column","hint"}} a line.
    #[arg(long)]
    pub jsonl: bool,
    /// Hits to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Newest first instead of most relevant first.
    #[arg(long)]
    pub newest: bool,
    /// The monitoring query, e.g. '"Storm Harriet" NOT #HarrietRovers'.
    #[arg(required_unless_present = "jsonl")]
    pub query: Option<String>,
}

pub fn run(home: &super::Home, args: SearchArgs) -> Result<()> {
    super::block_on(async move {
        let app = super::open(home).await?;
        app.require_corpus(&args.corpus).await?;
        if args.jsonl {
            return batch(&app, &args.corpus).await;
        }
        let query = args.query.clone().unwrap_or_default();
        let outcome = app
            .search(SearchParams {
                corpus: args.corpus.clone(),
                query,
                order: if args.newest {
                    SortOrder::Newest
                } else {
                    SortOrder::Relevance
                },
                limit: args.limit,
                offset: 0,
                facets: false,
            })
            .await;
        let outcome = match outcome {
            Err(Error::Query(e)) => {
                let q = args.query.as_deref().unwrap_or_default();
                eprintln!("{q}");
                eprintln!("{}^", " ".repeat(e.column.saturating_sub(1)));
                return Err(Error::Query(e));
            }
            other => other?,
        };
        if args.json {
            println!("{}", sandpit::web::api::search_json(&outcome.results));
            return Ok(());
        }
        for w in &outcome.warnings {
            eprintln!("advice: {w}");
        }
        println!("{} documents match", outcome.results.total);
        for hit in &outcome.results.hits {
            println!(
                "\n{}  {}  {}\n  {}\n  {}",
                hit.id,
                hit.published.format("%Y-%m-%d %H:%M"),
                hit.source,
                hit.title,
                hit.snippet_text().replace('\n', " ")
            );
        }
        Ok(())
    })?
}

async fn batch(app: &App, corpus: &str) -> Result<()> {
    let stdin = std::io::stdin();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut failed = false;
    // Lines as bytes: a line that is not UTF-8 gets an error record like any other bad line.
    for (i, line) in stdin.lock().split(b'\n').enumerate() {
        let line = line.map_err(|e| Error::invalid(format!("stdin line {}: {e}", i + 1)))?;
        let line = match String::from_utf8(line) {
            Ok(l) => l,
            Err(e) => {
                failed = true;
                let record = serde_json::json!({"query": String::from_utf8_lossy(e.as_bytes()), "error": {
                    "message": format!("line {} is not UTF-8 text", i + 1),
                    "hint": "save the file as UTF-8"}});
                writeln!(out, "{record}").map_err(Error::internal)?;
                continue;
            }
        };
        let line = line.strip_suffix('\r').unwrap_or(&line);
        if line.trim().is_empty() {
            continue;
        }
        let record = match serde_json::from_str::<String>(line) {
            Err(e) => {
                failed = true;
                serde_json::json!({"query": line, "error": {
                    "message": format!("line {} is not a JSON string: {e}", i + 1),
                    "column": e.column(), "hint": "write each query as a JSON string, e.g. \"flood OR floods\""}})
            }
            // A panic is a bug; should one remain, it costs this line, not the batch.
            Ok(query) => match CatchUnwind(Box::pin(app.matching_ids(corpus, &query))).await {
                Ok(Ok(ids)) => serde_json::json!({"query": query, "total": ids.len(), "ids": ids}),
                Ok(Err(Error::Query(e))) => serde_json::json!({"query": query, "error": e}),
                Ok(Err(e)) => {
                    failed = true;
                    serde_json::json!({"query": query, "error": {
                        "message": format!("internal error on this line: {e}")}})
                }
                Err(panic) => {
                    failed = true;
                    serde_json::json!({"query": query, "error": {
                        "message": format!("internal error on this line: {}",
                            super::check::panic_message(&*panic))}})
                }
            },
        };
        writeln!(out, "{record}").map_err(Error::internal)?;
    }
    out.flush().map_err(Error::internal)?;
    if failed {
        return Err(Error::invalid(
            "some input lines could not be answered (see their error records)",
        ));
    }
    Ok(())
}

/// A future whose panic, while it is polled, becomes an `Err` with the panic's payload (what
/// `futures::FutureExt::catch_unwind` does, without the dependency).
struct CatchUnwind<F>(Pin<Box<F>>);

impl<F: Future> Future for CatchUnwind<F> {
    type Output = std::thread::Result<F::Output>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| inner.poll(cx))) {
            Ok(Poll::Pending) => Poll::Pending,
            Ok(Poll::Ready(v)) => Poll::Ready(Ok(v)),
            Err(panic) => Poll::Ready(Err(panic)),
        }
    }
}
