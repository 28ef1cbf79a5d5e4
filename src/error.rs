//! The error type shared by the library: user mistakes (shown to the user as they are) apart
//! from internal failures (logged, shown as a short apology).

use serde::Serialize;

/// A monitoring query that does not parse: a value, never a panic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QueryError {
    pub message: String,
    /// 1-based character column where the problem is, counted from the start of the query
    /// (a line break counts as one character).
    pub column: usize,
    pub hint: Option<String>,
    /// For a query written over several lines: the line and the column within that line, both
    /// 1-based.
    pub line: Option<(usize, usize)>,
}

impl QueryError {
    /// Where the problem is, for people: `column 7`, or `line 2, column 3` in a query of
    /// several lines.
    pub fn place(&self) -> String {
        match self.line {
            Some((line, column)) => format!("line {line}, column {column}"),
            None => format!("column {}", self.column),
        }
    }
}

impl std::fmt::Display for QueryError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.place(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad input from a user or a file: the message says what and where.
    #[error("{0}")]
    Invalid(String),
    #[error("{0}")]
    NotFound(String),
    #[error("query error at {0}")]
    Query(QueryError),
    /// A rule says no (the exercise is outside the learner's class, the model answer is not
    /// open yet): a title and a message in the learner's words.
    #[error("{message}")]
    Refused {
        refusal: Refusal,
        title: String,
        message: String,
    },
    /// Another process holds what this one needs (a server writing to the same data directory's
    /// index): the message says which, and what to do instead.
    #[error("{0}")]
    Busy(String),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// Why a rule refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Not this learner's to do (an exercise outside their class).
    Forbidden,
    /// Not yet (the model answer before a pass or the debrief).
    NotYet,
}

impl Error {
    pub fn refused(title: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Refused {
            refusal: Refusal::Forbidden,
            title: title.into(),
            message: message.into(),
        }
    }
    pub fn invalid(msg: impl Into<String>) -> Self {
        Error::Invalid(msg.into())
    }
    pub fn not_found(msg: impl Into<String>) -> Self {
        Error::NotFound(msg.into())
    }
    pub fn internal(err: impl Into<anyhow::Error>) -> Self {
        Error::Internal(err.into())
    }
}

impl From<QueryError> for Error {
    fn from(e: QueryError) -> Self {
        Error::Query(e)
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Self {
        Error::Internal(e.into())
    }
}

impl From<sqlx::Error> for Error {
    fn from(e: sqlx::Error) -> Self {
        Error::Internal(e.into())
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Error::Internal(e.into())
    }
}

/// A problem with one field of a form or request, for the error summary and beside the field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// The field's name (`corpus`, `url`, `name`…), which pages also use as its element id.
    pub field: &'static str,
    pub message: String,
}

/// A problem with one input, said so that a trainer can find and fix it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// File name, feed URL or other place the input came from.
    pub origin: String,
    /// 1-based line, where the input has lines.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.origin, line, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

pub type Result<T> = std::result::Result<T, Error>;
