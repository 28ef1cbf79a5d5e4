//! Where exercise files come from: the ones compiled into the binary, a trainer's folder, or
//! one uploaded file. Paths inside an exercise (a labelled set, a press release) resolve the
//! same way wherever the file came from, so a trainer's copy of a shipped exercise still works.

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use super::Exercise;
use super::parse::load_one;
use crate::catalog::corpora::shipped_file;
use crate::error::Problem;

static SHIPPED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/exercises");

/// Exercises that loaded, and the problems of those that did not (or that loaded with faults).
#[derive(Debug, Default, Clone)]
pub struct Catalog {
    pub exercises: Vec<Exercise>,
    pub problems: Vec<Problem>,
}

impl Catalog {
    pub fn get(&self, id: &str) -> Option<&Exercise> {
        self.exercises.iter().find(|e| e.id == id)
    }

    /// Adds another catalog's exercises; a later exercise with an id already taken is refused.
    pub fn merge(&mut self, other: Catalog) {
        self.problems.extend(other.problems);
        for e in other.exercises {
            if let Some(first) = self.get(&e.id) {
                self.problems.push(e.problem(
                    "id",
                    format!("id {:?} is already used by {}", e.id, first.origin),
                ));
            } else {
                self.exercises.push(e);
            }
        }
        self.sort();
    }

    fn sort(&mut self) {
        self.exercises
            .sort_by(|a, b| a.level.cmp(&b.level).then_with(|| a.origin.cmp(&b.origin)));
    }
}

/// Reads files for a catalog: shipped (compiled in) or from a folder.
pub(super) trait Files {
    fn read(&self, path: &Path) -> Option<String>;
    /// Whether the exercise may name rule packs by a path on the server's disk. An uploaded
    /// file may not: a path there would let whoever uploads it read the server's files.
    fn packs_on_disk(&self) -> bool;
}

struct ShippedFiles;

impl Files for ShippedFiles {
    fn read(&self, path: &Path) -> Option<String> {
        let path = normalise(path);
        if let Ok(rest) = path.strip_prefix("corpora") {
            let rest = rest.to_str()?;
            return shipped_file(rest).map(str::to_string);
        }
        SHIPPED
            .get_file(&path)
            .and_then(|f| f.contents_utf8())
            .map(str::to_string)
    }

    fn packs_on_disk(&self) -> bool {
        false
    }
}

struct DiskFiles {
    root: PathBuf,
}

impl Files for DiskFiles {
    fn read(&self, path: &Path) -> Option<String> {
        if let Ok(rest) = normalise(path).strip_prefix("corpora")
            && let Some(text) = rest.to_str().and_then(shipped_file)
        {
            return Some(text.to_string());
        }
        std::fs::read_to_string(self.root.join(path)).ok()
    }

    fn packs_on_disk(&self) -> bool {
        true
    }
}

/// Resolves `a/b/../c` without touching the disk (include_dir paths have no `..`).
fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The exercises compiled into the binary.
pub fn shipped() -> Catalog {
    let mut files = Vec::new();
    collect_shipped(&SHIPPED, &mut files);
    let mut catalog = Catalog::default();
    for (path, text) in files {
        load_one(
            &ShippedFiles,
            &path,
            &format!("exercises/{}", path.display()),
            &text,
            &mut catalog,
        );
    }
    catalog.sort();
    catalog
}

fn collect_shipped(dir: &'static Dir<'static>, out: &mut Vec<(PathBuf, String)>) {
    for file in dir.files() {
        if file.path().extension().is_some_and(|e| e == "toml")
            && let Some(text) = file.contents_utf8()
        {
            out.push((file.path().to_path_buf(), text.to_string()));
        }
    }
    for sub in dir.dirs() {
        collect_shipped(sub, out);
    }
}

/// The exercises in a folder (walked recursively) or a single file.
pub fn from_path(root: &Path) -> Catalog {
    let mut catalog = Catalog::default();
    let mut report = crate::ingest::source::Report::default();
    let files = crate::ingest::source::files(&[root.to_path_buf()], &mut report);
    catalog.problems.extend(report.problems);
    let base = if root.is_dir() {
        root.to_path_buf()
    } else {
        root.parent().map(Path::to_path_buf).unwrap_or_default()
    };
    let disk = DiskFiles { root: base.clone() };
    for file in files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "toml"))
    {
        let origin = file.display().to_string();
        match std::fs::read_to_string(file) {
            Ok(text) => {
                let rel = file.strip_prefix(&base).unwrap_or(file);
                load_one(&disk, rel, &origin, &text, &mut catalog);
            }
            Err(e) => catalog.problems.push(Problem {
                origin,
                line: None,
                message: format!("cannot read: {e}"),
            }),
        }
    }
    catalog.sort();
    catalog
}

/// One exercise from text (an upload): relative paths resolve against shipped material only.
pub fn from_text(origin: &str, text: &str) -> Catalog {
    let mut catalog = Catalog::default();
    load_one(&ShippedFiles, Path::new(origin), origin, text, &mut catalog);
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_exercises_load_without_problems() {
        let c = shipped();
        assert!(c.problems.is_empty(), "{:#?}", c.problems);
        assert!(c.exercises.len() >= 24, "{}", c.exercises.len());
    }
}
