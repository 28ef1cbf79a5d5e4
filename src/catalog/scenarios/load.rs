//! Where scenario files come from: the ones compiled into the binary (`scenarios/` at the
//! repository root) or a trainer's folder or file.

use std::path::Path;

use include_dir::{Dir, include_dir};

use super::Scenario;
use crate::error::Problem;

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/scenarios");

/// The scenarios that loaded, and the problems of the files that did not.
#[derive(Debug, Default, Clone)]
pub struct Loaded {
    pub scenarios: Vec<Scenario>,
    pub problems: Vec<Problem>,
}

impl Loaded {
    pub fn get(&self, id: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.id == id)
    }

    fn add(&mut self, origin: &str, text: &str) {
        match super::check::scenario(origin, text) {
            Ok(s) => {
                if let Some(first) = self.get(&s.id) {
                    self.problems.push(Problem {
                        origin: origin.to_string(),
                        line: crate::catalog::exercises::line_of(text, "id"),
                        message: format!("id {:?} is already used by {}", s.id, first.origin),
                    });
                } else {
                    self.scenarios.push(s);
                }
            }
            Err(problems) => self.problems.extend(problems),
        }
    }

    fn sort(&mut self) {
        self.scenarios.sort_by(|a, b| a.id.cmp(&b.id));
    }
}

/// The scenarios compiled into the binary, by id.
pub fn shipped() -> Loaded {
    let mut out = Loaded::default();
    let mut files: Vec<_> = SHIPPED
        .files()
        .filter(|f| f.path().extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort_by_key(|f| f.path());
    for f in files {
        let origin = format!("scenarios/{}", f.path().display());
        match f.contents_utf8() {
            Some(text) => out.add(&origin, text),
            None => out.problems.push(Problem {
                origin,
                line: None,
                message: "is not UTF-8 text".into(),
            }),
        }
    }
    out.sort();
    out
}

/// The scenarios of a folder (every `.toml` in it and below) or of one file.
pub fn from_path(root: &Path) -> Loaded {
    let mut out = Loaded::default();
    let mut report = crate::ingest::source::Report::default();
    let files = crate::ingest::source::files(&[root.to_path_buf()], &mut report);
    out.problems.extend(report.problems);
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "toml"))
    {
        let origin = file.display().to_string();
        match std::fs::read_to_string(file) {
            Ok(text) => out.add(&origin, &text),
            Err(e) => out.problems.push(Problem {
                origin,
                line: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    out.sort();
    out
}

/// One scenario from text.
pub fn from_text(origin: &str, text: &str) -> Loaded {
    let mut out = Loaded::default();
    out.add(origin, text);
    out
}
