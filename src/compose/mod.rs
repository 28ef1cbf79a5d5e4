//! Posting practice: platform character counting, the style rule engine and its packs, and
//! readability. Pure: text in, counts and findings out.
