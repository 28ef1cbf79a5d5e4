//! Transfer to the day job (issue 19, docs/programmes.md): "your own topic" work (`own_topic`),
//! reflections after attempts and the end-of-session statement with its follow-up four to six
//! weeks later (`follow_up`), and the manager's team view (`teams`). The rules live here; the web
//! pages only turn requests into these calls and render what they return.

pub mod follow_up;
pub mod own_topic;
pub mod teams;

pub use own_topic::{Reader, TopicFigures};

/// Text a person typed, checked for length: trimmed, not empty, at most `max` characters.
pub(crate) fn required_text(text: &str, what: &str, max: usize) -> crate::error::Result<String> {
    let text = text.trim();
    if text.is_empty() {
        return Err(crate::error::Error::invalid(format!("Write {what}")));
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(crate::error::Error::invalid(format!(
            "Keep {what} to {max} characters (it has {chars})"
        )));
    }
    Ok(text.to_string())
}
