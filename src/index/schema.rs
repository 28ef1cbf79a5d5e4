//! The Tantivy schema: the only place index fields are defined. Everything else reaches fields
//! through `Fields`.
//!
//! A bare word means "in the title or the body", so title and body are indexed together in one
//! field, `text`: a word is one posting list, not a union of two. The body's tokens start
//! `BODY_GAP` positions after the title's last, so no phrase or NEAR can join a title word to a
//! body word, and each document records where its body starts (`body_start`) for `body:` atoms.
//! The title also has a field of its own for `title:` atoms; the body is stored, not indexed
//! on its own.
//!
//! `text_cased` holds the same title-then-body tokens with their letter case kept, for
//! case-sensitive words (`{Kerrow}`). Adding it changed the schema, so an index written before
//! it is rebuilt from its stored fields when it is opened (`index/rebuild.rs`).

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    LowerCaser, RawTokenizer, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

/// Splits at non-alphanumerics and lower-cases: the token rule of docs/design.md ("Query language").
pub const WORDS_TOKENIZER: &str = "sandpit_words";
/// The words rule over `title SEPARATOR body`, with the body's positions moved on by `BODY_GAP`.
pub const TEXT_TOKENIZER: &str = "sandpit_text";
/// Ends the title in the value of the `text` field. Not alphanumeric, so never part of a token.
pub const SEPARATOR: char = '\u{1f}';
/// Positions skipped between the title and the body: more than the largest NEAR distance (100),
/// so nothing matches across the two.
pub const BODY_GAP: u32 = 128;
/// The `text` rule without lower-casing, for case-sensitive words.
pub const CASED_TEXT_TOKENIZER: &str = "sandpit_text_cased";
/// Whole value, lower-cased: for ids of sources, languages, tags and hosts.
pub const KEYWORD_TOKENIZER: &str = "sandpit_keyword";

#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `corpus \u{1f} id`: unique per document, the term used to replace a document.
    pub key: Field,
    pub corpus: Field,
    pub id: Field,
    pub title: Field,
    /// Stored only: searched through `text`.
    pub body: Field,
    /// Title and body as one indexed field (see the module comment).
    pub text: Field,
    /// `text` with the letter case of every token kept, for `{Word}` (indexed only).
    pub text_cased: Field,
    /// The position of the body's first token in `text` (fast field).
    pub body_start: Field,
    pub author: Field,
    pub source: Field,
    pub source_name: Field,
    pub url: Field,
    /// Every dot-suffix of the URL host, for `site:`.
    pub host: Field,
    pub lang: Field,
    pub kind: Field,
    pub tags: Field,
    pub mentions: Field,
    pub published: Field,
}

pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let words = TextOptions::default().set_stored().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(WORDS_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(TEXT_TOKENIZER)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    // Which documents hold a word with a capital letter in exactly this case, nothing more: only
    // words with a capital (`CapitalWords`), no positions, no frequencies, no norms. A
    // case-sensitive phrase (`{COVID-19}`) is found as the phrase in `text` plus each of its
    // capitalised words here. `cargo bench --bench import`: every word with positions ran at 46%
    // of raw Tantivy, every word without positions 51%, without the field 67% (target 60%).
    let text_cased = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(CASED_TEXT_TOKENIZER)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    let keyword = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(KEYWORD_TOKENIZER)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    );
    let fields = Fields {
        key: b.add_text_field("key", STRING),
        corpus: b.add_text_field("corpus", STRING | FAST),
        id: b.add_text_field("id", STRING | STORED | FAST),
        title: b.add_text_field("title", words.clone()),
        body: b.add_text_field("body", STORED),
        text: b.add_text_field("text", text),
        text_cased: b.add_text_field("text_cased", text_cased),
        body_start: b.add_u64_field("body_start", FAST),
        author: b.add_text_field("author", words),
        source: b.add_text_field(
            "source",
            keyword.clone().set_stored().set_fast(KEYWORD_TOKENIZER),
        ),
        source_name: b.add_text_field("source_name", STORED),
        url: b.add_text_field("url", STORED),
        host: b.add_text_field("host", keyword.clone()),
        lang: b.add_text_field("lang", keyword.clone().set_stored()),
        kind: b.add_text_field("kind", keyword.clone().set_stored()),
        tags: b.add_text_field("tags", keyword.clone().set_stored()),
        mentions: b.add_text_field("mentions", keyword.set_stored()),
        published: b.add_date_field(
            "published",
            DateOptions::default()
                .set_indexed()
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
    };
    (b.build(), fields)
}

/// Registers the tokenizers the schema names. Must be called on every `tantivy::Index` opened.
pub fn register_tokenizers(index: &tantivy::Index) {
    let manager = index.tokenizers();
    manager.register(
        WORDS_TOKENIZER,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    manager.register(
        TEXT_TOKENIZER,
        TextAnalyzer::builder(TitleThenBody::default())
            .filter(LowerCaser)
            .build(),
    );
    manager.register(
        CASED_TEXT_TOKENIZER,
        TextAnalyzer::builder(TitleThenBody::default())
            .filter(CapitalWords)
            .build(),
    );
    manager.register(
        KEYWORD_TOKENIZER,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    index.fast_field_tokenizer().register(
        KEYWORD_TOKENIZER,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}

/// The value of the `text` field for a title and a body. A separator in the title (a control
/// character, unlikely but possible in a feed) becomes a space so the first one marks the end.
pub fn text_value(title: &str, body: &str) -> String {
    let mut value = String::with_capacity(title.len() + body.len() + 1);
    if title.contains(SEPARATOR) {
        value.push_str(&title.replace(SEPARATOR, " "));
    } else {
        value.push_str(title);
    }
    value.push(SEPARATOR);
    value.push_str(body);
    value
}

/// Where the body's first token sits in the `text` field: after the title's tokens and the gap.
pub fn body_start(title: &str) -> u64 {
    let mut tokenizer = SimpleTokenizer::default();
    let mut stream = tokenizer.token_stream(title);
    let mut n = 0u64;
    while stream.advance() {
        n += 1;
    }
    n + u64::from(BODY_GAP)
}

/// `SimpleTokenizer` over a `text_value`, moving the body's tokens on by `BODY_GAP` positions.
#[derive(Clone, Default)]
pub struct TitleThenBody {
    words: SimpleTokenizer,
}

pub struct TitleThenBodyStream<'a> {
    inner: <SimpleTokenizer as Tokenizer>::TokenStream<'a>,
    /// Byte offset of the separator; tokens after it are the body's.
    boundary: usize,
    /// Whether the body's first token has been moved on (the ones after it follow on from it).
    in_body: bool,
}

impl Tokenizer for TitleThenBody {
    type TokenStream<'a> = TitleThenBodyStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> TitleThenBodyStream<'a> {
        TitleThenBodyStream {
            boundary: text.find(SEPARATOR).unwrap_or(text.len()),
            inner: self.words.token_stream(text),
            in_body: false,
        }
    }
}

impl TokenStream for TitleThenBodyStream<'_> {
    fn advance(&mut self) -> bool {
        if !self.inner.advance() {
            return false;
        }
        let token = self.inner.token_mut();
        if !self.in_body && token.offset_from > self.boundary {
            token.position += BODY_GAP as usize;
            self.in_body = true;
        }
        true
    }

    fn token(&self) -> &Token {
        self.inner.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.inner.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn positions(title: &str, body: &str) -> Vec<(String, usize)> {
        let mut analyzer = TextAnalyzer::builder(TitleThenBody::default())
            .filter(LowerCaser)
            .build();
        let value = text_value(title, body);
        let mut stream = analyzer.token_stream(&value);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    #[test]
    fn body_tokens_start_after_the_gap() {
        let gap = BODY_GAP as usize;
        assert_eq!(
            positions("Flood Warning", "Rest centre open"),
            vec![
                ("flood".into(), 0),
                ("warning".into(), 1),
                ("rest".into(), 2 + gap),
                ("centre".into(), 3 + gap),
                ("open".into(), 4 + gap),
            ]
        );
        assert_eq!(body_start("Flood Warning"), 2 + u64::from(BODY_GAP));
        // No title: the body still starts after the gap, where body_start says.
        assert_eq!(positions("", "calm")[0].1, gap);
        assert_eq!(body_start(""), u64::from(BODY_GAP));
        // A separator inside the title does not move the boundary.
        let title = format!("a{SEPARATOR}b");
        assert_eq!(
            positions(&title, "c")
                .iter()
                .map(|t| t.1)
                .collect::<Vec<_>>(),
            vec![0, 1, 2 + gap]
        );
        assert_eq!(body_start(&title), 2 + u64::from(BODY_GAP));
    }
}

/// Keeps only the tokens with a capital letter: what `text_cased` needs to tell `NHS` from
/// `nhs`, without a second copy of every lower-case word in every import.
#[derive(Clone)]
struct CapitalWords;

impl TokenFilter for CapitalWords {
    type Tokenizer<T: Tokenizer> = CapitalWordsTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CapitalWordsTokenizer<T> {
        CapitalWordsTokenizer(tokenizer)
    }
}

#[derive(Clone)]
struct CapitalWordsTokenizer<T>(T);

impl<T: Tokenizer> Tokenizer for CapitalWordsTokenizer<T> {
    type TokenStream<'a> = CapitalWordsStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CapitalWordsStream(self.0.token_stream(text))
    }
}

struct CapitalWordsStream<S>(S);

impl<S: TokenStream> TokenStream for CapitalWordsStream<S> {
    fn advance(&mut self) -> bool {
        while self.0.advance() {
            if self.0.token().text.chars().any(char::is_uppercase) {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.0.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.0.token_mut()
    }
}
