//! Reading sources from disk: a file or a folder of JSONL corpora, feed files and OPML lists,
//! dispatched by extension (and, for unknown extensions, by a look at the first bytes).

use std::io::BufRead;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::feed::{self, FeedKey, FeedOrigin};
use super::{Document, Problem, jsonl};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Jsonl,
    Feed,
    Opml,
}

/// What reading the sources found besides documents.
#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub notes: Vec<String>,
    /// OPML files, which list feeds to fetch rather than documents.
    pub opml: Vec<PathBuf>,
    pub files: usize,
}

/// The files under `paths` (folders are walked, hidden files skipped), sorted for a stable order.
pub fn files(paths: &[PathBuf], report: &mut Report) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        collect(path, &mut out, report);
    }
    out
}

fn collect(path: &Path, out: &mut Vec<PathBuf>, report: &mut Report) {
    let problem = |message: String| Problem {
        origin: path.display().to_string(),
        line: None,
        message,
    };
    match std::fs::metadata(path) {
        Err(e) => report.problems.push(problem(format!("cannot read: {e}"))),
        Ok(meta) if meta.is_dir() => match std::fs::read_dir(path) {
            Err(e) => report
                .problems
                .push(problem(format!("cannot list folder: {e}"))),
            Ok(entries) => {
                let mut children: Vec<PathBuf> = entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        !p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with('.'))
                    })
                    .collect();
                children.sort();
                for child in children {
                    collect(&child, out, report);
                }
            }
        },
        Ok(_) => out.push(path.to_path_buf()),
    }
}

/// Guesses a file's format from its extension, else from its first bytes.
pub fn format_of(path: &Path, head: &[u8]) -> Option<Format> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("jsonl" | "ndjson") => return Some(Format::Jsonl),
        Some("opml") => return Some(Format::Opml),
        // A JSON Feed need not name jsonfeed.org near its start (keys come in any order), so
        // .json is a feed; JSONL corpora are .jsonl.
        Some("xml" | "rss" | "atom" | "rdf" | "feed" | "json") => return Some(Format::Feed),
        _ => {}
    }
    let text = String::from_utf8_lossy(&head[..head.len().min(1024)]);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('<') {
        if text.contains("<opml") {
            Some(Format::Opml)
        } else {
            Some(Format::Feed)
        }
    } else if start.starts_with('{') {
        // A JSON Feed is one object spread over lines; JSONL has an object per line.
        if text.contains("jsonfeed.org") {
            Some(Format::Feed)
        } else {
            Some(Format::Jsonl)
        }
    } else {
        None
    }
}

/// Reads every document from `paths`, handing each to `sink` as soon as it is parsed (so large
/// JSONL files stream), with the feed file's key (`FeedKey::File`) when it came from a feed
/// file. Problems and notes are gathered in the returned report.
pub fn read(
    paths: &[PathBuf],
    now: DateTime<Utc>,
    mut sink: impl FnMut(Document, Option<&str>) -> crate::error::Result<()>,
) -> crate::error::Result<Report> {
    let mut report = Report::default();
    let mut keys = std::collections::HashSet::new();
    for path in files(paths, &mut report) {
        report.files += 1;
        let origin = path.display().to_string();
        let problem = |message: String| Problem {
            origin: origin.clone(),
            line: None,
            message,
        };
        let file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) => {
                report.problems.push(problem(format!("cannot open: {e}")));
                continue;
            }
        };
        let mut reader = std::io::BufReader::with_capacity(1 << 16, file);
        let head = match reader.fill_buf() {
            Ok(head) => head.to_vec(),
            Err(e) => {
                report.problems.push(problem(format!("cannot read: {e}")));
                continue;
            }
        };
        match format_of(&path, &head) {
            None => report.problems.push(problem(
                "not a corpus file: expected JSONL (.jsonl), a feed (.xml, .rss, .atom, .json) or OPML (.opml)".into(),
            )),
            Some(Format::Opml) => report.opml.push(path.clone()),
            Some(Format::Jsonl) => read_jsonl(reader, &origin, &mut report, &mut sink)?,
            Some(Format::Feed) => {
                let mut bytes = Vec::new();
                if let Err(e) = std::io::Read::read_to_end(&mut reader, &mut bytes) {
                    report.problems.push(problem(format!("cannot read: {e}")));
                    continue;
                }
                // Files named alike (uploaded from different places) stay different feeds.
                let mut key = feed_key(paths, &path);
                let mut n = 1;
                while !keys.insert(key.clone()) {
                    n += 1;
                    key = format!("{} ({n})", feed_key(paths, &path));
                }
                let parsed = feed::parse(
                    &bytes,
                    &FeedOrigin {
                        origin: &origin,
                        source: None,
                        now,
                        key: FeedKey::File(&key),
                    },
                );
                report.problems.extend(parsed.problems);
                report.notes.extend(parsed.notes);
                for doc in parsed.documents {
                    sink(doc, Some(&key))?;
                }
            }
        }
    }
    Ok(report)
}

/// A feed file's identity for its items' ids: its path under the folder it was found in, with
/// `/` between folders (its name, when it was named itself). Importing the same folder again
/// gives the same ids; two files in it never share one.
fn feed_key(roots: &[PathBuf], path: &Path) -> String {
    let relative = roots.iter().find_map(|root| {
        path.strip_prefix(root)
            .ok()
            .filter(|r| !r.as_os_str().is_empty())
    });
    let relative = match relative {
        Some(r) => r.to_path_buf(),
        None => PathBuf::from(path.file_name().unwrap_or(path.as_os_str())),
    };
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn read_jsonl(
    mut reader: impl BufRead,
    origin: &str,
    report: &mut Report,
    sink: &mut impl FnMut(Document, Option<&str>) -> crate::error::Result<()>,
) -> crate::error::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        match reader.read_until(b'\n', &mut buf) {
            Ok(0) => return Ok(()),
            Ok(_) => line_no += 1,
            Err(e) => {
                report.problems.push(Problem {
                    origin: origin.to_string(),
                    line: Some(line_no + 1),
                    message: format!("cannot read: {e}"),
                });
                return Ok(());
            }
        }
        let line = match std::str::from_utf8(&buf) {
            Ok(line) => line,
            Err(e) => {
                report.problems.push(Problem {
                    origin: origin.to_string(),
                    line: Some(line_no),
                    message: format!("not UTF-8 text (byte {})", e.valid_up_to() + 1),
                });
                continue;
            }
        };
        match jsonl::parse_line(line, line_no, origin) {
            Ok(Some(doc)) => sink(doc, None)?,
            Ok(None) => {}
            Err(p) => report.problems.push(p),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feed_keys_are_paths_under_the_folder_imported() {
        let roots = [PathBuf::from("/data/feeds"), PathBuf::from("/tmp/one.xml")];
        let key = |p: &str| feed_key(&roots, Path::new(p));
        assert_eq!(key("/data/feeds/a.xml"), "a.xml");
        assert_eq!(key("/data/feeds/north/a.xml"), "north/a.xml");
        assert_eq!(key("/tmp/one.xml"), "one.xml");
        assert_eq!(key("/elsewhere/b.rss"), "b.rss");
    }
}
