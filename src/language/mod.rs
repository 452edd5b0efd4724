//! Danish text for search and tags: a Snowball stemmer, stop words, the terms a text is
//! indexed under, highlights and snippets for search results, and suggested tags by TF-IDF;
//! and which of the UI's four languages a user's text is written in (`detect`).
//!
//! Everything here is pure and deterministic (no I/O, no clock, ordered maps only), so the
//! browser can highlight exactly what the server found.

mod detect;
mod keywords;
mod search;
mod stem;
mod stopwords;
mod words;

#[cfg(test)]
mod tests;

pub use detect::{TextLanguage, detect};
pub use keywords::{DocumentFrequencies, Suggestion, suggest_for, suggest_tags};
pub use search::{Query, Snippet, highlights, parse_query, snippet};
pub use stem::stem;
pub use stopwords::is_stop_word;
pub use words::{Word, Words, terms, words};
