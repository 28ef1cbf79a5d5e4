//! The Tantivy schema: the only place index fields are defined. Everything else reaches fields
//! through `Fields`.

use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, Field, IndexRecordOption, STORED, STRING, Schema,
    TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, SimpleTokenizer, TextAnalyzer};

/// Splits at non-alphanumerics and lower-cases: the token rule of DESIGN.md.
pub const WORDS_TOKENIZER: &str = "sandpit_words";
/// Whole value, lower-cased: for ids of sources, languages, tags and hosts.
pub const KEYWORD_TOKENIZER: &str = "sandpit_keyword";

#[derive(Clone, Copy, Debug)]
pub struct Fields {
    /// `corpus \u{1f} id`: unique per document, the term used to replace a document.
    pub key: Field,
    pub corpus: Field,
    pub id: Field,
    pub title: Field,
    pub body: Field,
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
        body: b.add_text_field("body", words.clone()),
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
