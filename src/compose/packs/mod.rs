//! Rule packs: the built-in packs (TOML compiled into the binary) and the loader for packs
//! that trainers write, with errors that give the file, line and column.
//!
//! The format, in brief (the built-in packs beside this file use all of it):
//!
//! ```toml
//! [pack]
//! id = "port-ellis"                 # letters, digits and '-'
//! name = "Port Ellis Council style"
//! extends = ["govuk-plain-english"] # built-in ids or paths relative to this file
//!
//! [[rule]]
//! id = "say-who-can-apply"
//! kind = "require"                  # avoid | substitute | require | pattern | count | a built-in kind
//! severity = "error"                # suggestion | warning | error
//! message = "Say who can apply"
//! why = "People stop reading when they cannot tell whether a post is for them."
//! any_of = ["who can apply", "you can apply if"]
//!
//! [[rule.test]]
//! text = "Apply now for a grant."
//! expect = ["say-who-can-apply"]    # rules that must fire; [] = a near miss
//!
//! [[override]]
//! rule = "govuk-plain-english.sentence-length"
//! severity = "error"
//! max = 20
//! ```
//!
//! Load a pack once and reuse it: loading parses TOML and compiles expressions.

mod build; // a pack file made into a `RulePack`: rules, kinds, overrides
mod builtin; // the packs compiled into the binary
mod format; // the shape of a pack file, with the places of its parts
mod selftest; // the tests a pack's rules carry

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::rules::RulePack;
use build::parse_depth;
pub use builtin::{BUILTIN, builtin, builtin_shared, load_shared};
pub use selftest::{TestOutcome, run_tests};

/// A pack that cannot be loaded: which file, where in it, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackError {
    pub file: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(l), Some(c)) => write!(f, "{}:{l}:{c}: {}", self.file, self.message),
            (Some(l), None) => write!(f, "{}:{l}: {}", self.file, self.message),
            _ => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for PackError {}

impl From<PackError> for crate::error::Error {
    fn from(e: PackError) -> Self {
        crate::error::Error::invalid(e.to_string())
    }
}

/// Loads a built-in pack by id, or a pack file by path.
pub fn load(name_or_path: &str) -> Result<RulePack, PackError> {
    load_depth(name_or_path, None, 0)
}

/// Loads a pack from TOML text; `file` names it in errors, `base` resolves `extends`.
pub fn parse(source: &str, file: &str, base: Option<&Path>) -> Result<RulePack, PackError> {
    parse_depth(source, file, base, 0)
}

const MAX_EXTENDS_DEPTH: usize = 8;

fn load_depth(name: &str, base: Option<&Path>, depth: usize) -> Result<RulePack, PackError> {
    if let Some((id, src)) = BUILTIN.iter().find(|(id, _)| *id == name) {
        return parse_depth(src, &format!("built-in pack {id}"), None, depth);
    }
    let path = match base {
        Some(b) if Path::new(name).is_relative() => b.join(name),
        _ => PathBuf::from(name),
    };
    let file = path.display().to_string();
    let looks_like_file = name.ends_with(".toml") || name.contains('/') || name.contains('\\');
    if !path.is_file() {
        let ids: Vec<&str> = BUILTIN.iter().map(|(id, _)| *id).collect();
        return Err(PackError {
            file: name.to_string(),
            line: None,
            column: None,
            message: if looks_like_file {
                "no such rule pack file".to_string()
            } else {
                format!(
                    "unknown rule pack: use {} or the path of a .toml pack file",
                    ids.join(", ")
                )
            },
        });
    }
    let source = std::fs::read_to_string(&path).map_err(|e| PackError {
        file: file.clone(),
        line: None,
        column: None,
        message: format!("cannot read the pack: {e}"),
    })?;
    parse_depth(&source, &file, path.parent(), depth)
}
