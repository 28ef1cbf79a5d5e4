//! JSON Feed mended before feed-rs reads it, which refuses a whole feed over one field written
//! the way real feeds write it. Only the shape is mended; nothing is rewritten as Atom.

use super::Normalised;

/// Mends a JSON Feed in the ways real ones differ from the spec and feed-rs's reading of it:
/// `http://` in the version, no version or title, ids written as numbers, authors written as
/// strings, attachments without a URL or type. `None` when there is nothing to mend (or it is
/// not JSON at all, which feed-rs then says).
pub fn json(text: &[u8]) -> Option<Normalised> {
    use serde_json::Value;
    let mut feed: Value = serde_json::from_slice(text).ok()?;
    let obj = feed.as_object_mut()?;
    let mut notes = Vec::new();
    let mut changed = false;
    match obj.get("version").and_then(Value::as_str) {
        Some(v) if v.starts_with("http://jsonfeed.org/version/1") => {
            let fixed = v.replacen("http://", "https://", 1);
            obj.insert("version".into(), Value::String(fixed));
            changed = true;
        }
        Some(_) => {}
        None if obj.get("items").is_some_and(Value::is_array) => {
            obj.insert(
                "version".into(),
                Value::String("https://jsonfeed.org/version/1.1".into()),
            );
            notes.push("the JSON Feed says no version; it was read as JSON Feed 1.1".into());
            changed = true;
        }
        None => {}
    }
    if !obj.get("title").is_some_and(Value::is_string) {
        obj.insert("title".into(), Value::String(String::new()));
        changed = true;
    }
    let fix_author = |a: &mut Value| -> bool {
        match a {
            Value::String(s) => {
                *a = serde_json::json!({ "name": s.clone() });
                true
            }
            Value::Object(_) => false,
            _ => {
                *a = Value::Null;
                true
            }
        }
    };
    let fix_people = |o: &mut serde_json::Map<String, Value>| -> bool {
        let mut changed = false;
        if let Some(a) = o.get_mut("author") {
            changed |= fix_author(a);
        }
        match o.get_mut("authors") {
            Some(Value::Array(list)) => {
                for a in list.iter_mut() {
                    changed |= fix_author(a);
                }
                let before = list.len();
                list.retain(|a| !a.is_null());
                changed |= list.len() != before;
            }
            Some(Value::Null) | None => {}
            Some(other) => {
                *other = Value::Null;
                changed = true;
            }
        }
        changed
    };
    changed |= fix_people(obj);
    if let Some(Value::Array(items)) = obj.get_mut("items") {
        for item in items.iter_mut() {
            let Some(o) = item.as_object_mut() else {
                continue;
            };
            for key in [
                "id",
                "url",
                "external_url",
                "title",
                "content_html",
                "content_text",
                "summary",
                "date_published",
                "date_modified",
            ] {
                match o.get(key) {
                    Some(Value::String(_) | Value::Null) | None => {}
                    Some(Value::Number(n)) => {
                        let s = n.to_string();
                        o.insert(key.into(), Value::String(s));
                        changed = true;
                    }
                    Some(_) => {
                        o.remove(key);
                        changed = true;
                    }
                }
            }
            changed |= fix_people(o);
            if let Some(tags) = o.get_mut("tags") {
                match tags {
                    Value::Array(list) if list.iter().all(Value::is_string) => {}
                    Value::Array(list) => {
                        list.retain(Value::is_string);
                        changed = true;
                    }
                    _ => {
                        o.remove("tags");
                        changed = true;
                    }
                }
            }
            if let Some(Value::Array(list)) = o.get_mut("attachments") {
                let before = list.len();
                list.retain(|a| {
                    a.get("url").is_some_and(Value::is_string)
                        && a.get("mime_type").is_some_and(Value::is_string)
                });
                changed |= list.len() != before;
            } else if o.get("attachments").is_some_and(|a| !a.is_null()) {
                o.remove("attachments");
                changed = true;
            }
        }
    }
    changed.then(|| Normalised {
        text: serde_json::to_vec(&feed).unwrap_or_else(|_| text.to_vec()),
        notes,
    })
}
