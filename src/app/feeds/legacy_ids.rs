//! Feed items' ids across versions. Item ids are unique per feed (`feed::FeedKey`): every id
//! is prefixed with the feed's address, or the feed file's path. Before that, a fetched feed's
//! ids that were URLs or URNs were kept bare, and a feed file's ids were all bare, so a data
//! directory from then holds those items under their bare ids. So that fetching or importing
//! such a feed again does not add its items a second time, an item keeps its old id when the
//! corpus already has a document under it that came from this feed (by the source name, which
//! is the feed's title, or its address when it has none) and none under its new id. Items new
//! since, and items another feed wrote under that id, get ids of the new form.

use crate::index::SearchIndex;
use crate::ingest::Document;
use crate::ingest::feed::{legacy_fetched_id, legacy_file_id};

/// Gives documents of the feed at `feed_url` their old ids where the corpus has those from this
/// feed. Returns how many kept an old id. A failing lookup keeps the new id: at worst an item is
/// stored twice, never lost.
pub fn keep_stored_legacy_ids(
    index: &SearchIndex,
    corpus: &str,
    feed_url: &str,
    documents: &mut [Document],
) -> usize {
    let mut kept = 0;
    for doc in documents.iter_mut() {
        if let Some(old) = legacy_fetched_id(feed_url, &doc.id) {
            kept += usize::from(keep_if_stored(index, corpus, old, doc));
        }
    }
    kept
}

/// Gives a document of the feed file `file_key` (as `source::read` names it) its old id where
/// the corpus has it from this feed. True when it did.
pub fn keep_stored_legacy_file_id(
    index: &SearchIndex,
    corpus: &str,
    file_key: &str,
    doc: &mut Document,
) -> bool {
    legacy_file_id(file_key, &doc.id).is_some_and(|old| keep_if_stored(index, corpus, old, doc))
}

/// Moves `doc` to `old` when the corpus holds a document of the same source under `old` and
/// none under the document's new id. A failing lookup keeps the new id.
fn keep_if_stored(index: &SearchIndex, corpus: &str, old: String, doc: &mut Document) -> bool {
    if !index.contains(corpus, &old).unwrap_or(false)
        || index.contains(corpus, &doc.id).unwrap_or(true)
    {
        return false;
    }
    match index.document(corpus, &old) {
        Ok(Some(stored)) if stored.source_name == doc.source_name => {
            doc.id = old;
            true
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::feed::{FeedKey, FeedOrigin, parse};
    use chrono::{DateTime, Utc};

    const URL: &str = "https://kerrow.example.gov/news.rss";

    fn fetched(xml: &str) -> Vec<Document> {
        parse(
            xml.as_bytes(),
            &FeedOrigin {
                origin: URL,
                source: None,
                now: DateTime::<Utc>::UNIX_EPOCH,
                key: FeedKey::Url(URL),
            },
        )
        .documents
    }

    fn feed(title: &str, guid: &str) -> String {
        format!(
            "<rss version=\"2.0\"><channel><title>{title}</title><link>https://kerrow.example.gov/</link>\
             <item><guid>{guid}</guid><title>Ferry timetable</title><description>Reduced service.</description></item>\
             </channel></rss>"
        )
    }

    #[test]
    fn an_item_stored_under_its_old_id_keeps_it() {
        let index = SearchIndex::in_memory().expect("index");
        // What the previous version stored: the bare URL as the id.
        let mut old = fetched(&feed("Kerrow news", "https://kerrow.example.gov/n/1"));
        assert_eq!(old[0].id, format!("{URL}#https://kerrow.example.gov/n/1"));
        old[0].id = "https://kerrow.example.gov/n/1".into();
        index.write("c", old).expect("write");

        let mut again = fetched(&feed("Kerrow news", "https://kerrow.example.gov/n/1"));
        assert_eq!(keep_stored_legacy_ids(&index, "c", URL, &mut again), 1);
        assert_eq!(again[0].id, "https://kerrow.example.gov/n/1");
        let counts = index.write("c", again).expect("write");
        assert_eq!((counts.added, counts.replaced), (0, 1));

        // A different feed's document under that id is not this feed's: new id.
        let mut other = fetched(&feed("Port Ellis news", "https://kerrow.example.gov/n/1"));
        assert_eq!(keep_stored_legacy_ids(&index, "c", URL, &mut other), 0);
        // Ids that were scoped before are the same now: nothing to look up.
        let mut plain = fetched(&feed("Kerrow news", "42"));
        assert_eq!(plain[0].id, format!("{URL}#42"));
        assert_eq!(keep_stored_legacy_ids(&index, "c", URL, &mut plain), 0);
    }
}
